"""Configuration semantics: layers, overrides, selection, paths and type errors."""
import json

import pytest

from conftest import ROOT
from perflint.config.loader import load_config
from perflint.config.model import ConfigError
from test_cli import run

NO_COST = "era: {era}\nkind: declaration\nfiscal_year: 2024\nproject: {{name: x}}\nindicators:\n" \
          "  - {{level1: 产出指标, level2: 数量指标, name: 培训人数, target: '≥200人'}}\n"


def settings_for(tmp_path, config_text, era, rule):
    (tmp_path / ".perflint.yaml").write_text(config_text, encoding="utf-8")
    config = load_config(cwd=tmp_path)
    setting = config.for_file("a.yaml", era).get(rule)
    return None if setting is None else str(setting.severity)


def test_users_rules_outrank_the_profiles_era_overrides(tmp_path):
    rule = "cost-indicator-required"
    assert settings_for(tmp_path, "profile: default\n", "central-2022", rule) == "error"
    assert settings_for(tmp_path, f"rules: {{{rule}: off}}\n", "central-2022", rule) is None
    assert settings_for(tmp_path, f"rules: {{{rule}: info}}\n", "central-2022", rule) == "info"
    # a profile extending default keeps default's era overrides for what it only retunes …
    assert settings_for(tmp_path, "profile: shanghai-2025\n", "sh-2019", rule) is None
    # … but `off` in a profile is off for every era
    assert settings_for(tmp_path, "profile: sh-2019\n", "central-2022", rule) is None


def test_diamond_extends_is_not_a_cycle(tmp_path):
    (tmp_path / "team.yaml").write_text("extends: [sh-2024, central-2022]\nrules: {operator-required: info}\n")
    (tmp_path / ".perflint.yaml").write_text("profile: team.yaml\n")
    config = load_config(cwd=tmp_path)
    assert str(config.settings["operator-required"].severity) == "info"
    (tmp_path / "loop.yaml").write_text("extends: [loop.yaml]\n")
    (tmp_path / ".perflint.yaml").write_text("profile: loop.yaml\n")
    with pytest.raises(ConfigError, match="extends itself"):
        load_config(cwd=tmp_path)


@pytest.mark.parametrize("text,key", [
    ("profile: [a]\n", "profile"), ("overrides: 5\n", "overrides"), ("rules: [x]\n", "rules"),
    ("require-reason: yes please\n", "require-reason"), ("select: [1, 2]\n", "select"),
    ("rules:\n  input-as-output: {input_words: [5]}\n", "input_words"),
])
def test_wrong_types_in_config_are_configuration_errors(tmp_path, text, key):
    (tmp_path / ".perflint.yaml").write_text(text)
    proc = run("check", ".", cwd=tmp_path)
    assert proc.returncode == 2 and "configuration error" in proc.stderr and key in proc.stderr, proc.stderr


def test_pyproject_tool_perflint_must_be_a_table(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool]\nperflint = 5\n")
    proc = run("check", ".", cwd=tmp_path)
    assert proc.returncode == 2 and "configuration error" in proc.stderr


def test_cli_select_is_not_undone_by_config_ignore_and_extend_select_adds(tmp_path):
    (tmp_path / ".perflint.yaml").write_text("ignore: [budget-sum]\nextend-select: [calc-method-for-rates]\n")
    config = load_config(cli={"select": ("budget-sum",)}, cwd=tmp_path)
    assert "budget-sum" in config.settings
    config = load_config(cli={"extend_select": ("goal-not-measurable",)}, cwd=tmp_path)
    assert {"calc-method-for-rates", "goal-not-measurable"} <= set(config.settings)


def test_configured_severity_applies_to_every_variant(tmp_path):
    text = ("indicators:\n  - {level1: 效益指标, level2: 社会效益指标, name: 参观人数增长, target: 提升10%}\n"
            "  - {level1: 效益指标, level2: 社会效益指标, name: 服务水平, target: 提升}\n")
    (tmp_path / "a.yaml").write_text(text, encoding="utf-8")

    def severities(config):
        (tmp_path / ".perflint.yaml").write_text(config)
        payload = json.loads(run("check", "--no-cache", "--format", "json", "a.yaml", cwd=tmp_path).stdout)
        return [d["severity"] for d in payload["diagnostics"]]

    assert severities("select: [baseline-required]\n") == ["warning", "error"]  # the rule's own variants
    assert severities("select: [baseline-required]\nrules: {baseline-required: error}\n") == ["error", "error"]
    assert severities("select: [baseline-required]\nrules: {baseline-required: info}\n") == ["info", "info"]


def test_globs_and_fingerprints_are_relative_to_the_config_folder(tmp_path):
    src = (ROOT / "declarations/shanghai-stic-office/2020/stic-work-funds.yaml").read_text(encoding="utf-8")
    (tmp_path / "legacy").mkdir()
    (tmp_path / "legacy" / "a.yaml").write_text(src, encoding="utf-8")
    (tmp_path / ".perflint.yaml").write_text("select: [satisfaction-min, budget-sum]\n"
                                             "per-file-ignores:\n  'legacy/**': [satisfaction-min]\n")
    from_root = json.loads(run("check", "--format", "json", ".", cwd=tmp_path).stdout)
    from_sub = json.loads(run("check", "--format", "json", ".", cwd=tmp_path / "legacy").stdout)
    assert from_root["diagnostics"] == [] and from_sub["diagnostics"] == []
    (tmp_path / ".perflint.yaml").write_text("select: [satisfaction-min]\n")
    run("baseline", "b.json", ".", cwd=tmp_path)
    assert run("check", "--baseline", "../b.json", ".", cwd=tmp_path / "legacy").returncode == 0


def test_files_named_on_the_command_line_are_checked_unless_force_exclude(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "mkdocs.yml").write_text("site_name: x\n")
    (tmp_path / ".perflint.yaml").write_text("exclude: ['docs/']\n")
    payload = json.loads(run("check", "--format", "json", "docs/mkdocs.yml", cwd=tmp_path).stdout)
    assert payload["files"] == ["docs/mkdocs.yml"]
    forced = run("check", "--force-exclude", "--format", "json", "docs/mkdocs.yml", cwd=tmp_path)
    assert forced.returncode == 0 and json.loads(forced.stdout)["files"] == []


def test_hidden_files_are_not_linted_when_walking(tmp_path):
    (tmp_path / ".perflint.yaml").write_text("lang: en\n")
    (tmp_path / ".gitlab-ci.yml").write_text("lint: {script: [x]}\n")
    payload = json.loads(run("check", "--format", "json", cwd=tmp_path).stdout)
    assert payload["files"] == []
