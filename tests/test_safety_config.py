"""Issue 9, item 7: every bad configuration or baseline value is a configuration error (exit 2)
naming the key and the file: never a traceback, a hang or an unbounded read."""
import json
import os

import pytest

from test_cli import run

DECL = "kind: declaration\nfiscal_year: 2024\nproject: {name: x}\nindicators: []\n"


def config_error(tmp_path, *args, expect=()):
    (tmp_path / "a.yaml").write_text(DECL, encoding="utf-8")
    proc = run("check", "--no-cache", *args, "a.yaml", cwd=tmp_path)
    assert proc.returncode == 2, (proc.stdout, proc.stderr)
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr, proc.stderr
    for word in expect:
        assert word in proc.stderr, proc.stderr
    return proc.stderr


@pytest.mark.parametrize("text,words", [
    ('per-file-ignores:\n  1: [budget-sum]\n', ["per-file-ignores", "1", ".perflint.yaml"]),
    ("rules:\n  satisfaction-min: {min: .nan}\n", ["satisfaction-min", "min", "finite", ".perflint.yaml"]),
    ("rules:\n  satisfaction-min: {min: .inf}\n", ["min", "finite"]),
    ("rules:\n  satisfaction-min: {min: 150}\n", ["min", "at most 100"]),
    ("rules:\n  budget-sum: {tolerance: -1}\n", ["budget-sum", "tolerance", "at least 0"]),
    ("rules:\n  unit-cost-times-quantity: {tolerance: 1e400000000}\n", ["tolerance"]),
    ("rules:\n  required-fields: {skip: [1, {a: b}]}\n", ["skip", "list of str"]),
    ("lang: [zh]\n", ["lang"]),
    ("overrides: [{files: [1]}]\n", ["overrides[0].files"]),
    ("overrides: [{files: ['*.yaml']}, {files: 3}]\n", ["overrides[1].files must be a list"]),
    ("overrides: [{files: [a], rules: {budgt-sum: off}}]\n", ["overrides[0].rules", "did you mean budget-sum"]),
    ("overrides: [{files: [a], era: sh-2042}]\n", ["overrides[0].era", "sh-2042"]),
    ("rules: [\n", ["invalid YAML", "(line 2, column 1)"]),
    ("rules: {budget-sum: [1]}\n", ["budget-sum"]),
    ("exclude: {a: b}\n", ["exclude"]),
    ("- a\n- b\n", ["mapping"]),
    ("a: [" * 5000 + "]" * 5000 + "\n", [".perflint.yaml"]),
])
def test_bad_values_name_the_key_and_the_file(tmp_path, text, words):
    (tmp_path / ".perflint.yaml").write_text(text)
    config_error(tmp_path, expect=["configuration error", *words])


def test_a_yaml_error_is_one_line(tmp_path):
    (tmp_path / ".perflint.yaml").write_text("rules: [\n")
    (line,) = config_error(tmp_path).splitlines()
    assert "\\n" not in line


def test_extends_a_thousand_deep(tmp_path):
    for i in range(1000):
        (tmp_path / f"p{i}.yaml").write_text(f"extends: [p{i + 1}.yaml]\n")
    (tmp_path / "p1000.yaml").write_text("rules: {budget-sum: info}\n")
    (tmp_path / ".perflint.yaml").write_text("profile: p0.yaml\n")
    config_error(tmp_path, expect=["extends", "deeper than 16"])


def test_deeply_nested_toml(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.perflint]\nselect = " + "[" * 100_000 + "]" * 100_000 + "\n")
    config_error(tmp_path, expect=["pyproject.toml"])


@pytest.fixture
def specials(tmp_path):
    (tmp_path / "zero.yaml").symlink_to("/dev/zero")
    os.mkfifo(tmp_path / "fifo.yaml")
    (tmp_path / "environ.yaml").symlink_to("/proc/self/environ")
    (tmp_path / "big.yaml").write_text("description: " + "x" * (2 * 1024 * 1024) + "\n")
    return tmp_path


@pytest.mark.parametrize("name", ["zero.yaml", "fifo.yaml", "environ.yaml", "big.yaml"])
def test_profile_config_and_baseline_must_be_regular_bounded_files(specials, name):
    (specials / ".perflint.yaml").write_text(f"profile: {name}\n")
    config_error(specials, expect=["profile", name])
    (specials / ".perflint.yaml").unlink()
    config_error(specials, "--config", name, expect=[name])
    config_error(specials, "--baseline", name, expect=["baseline", name])


@pytest.mark.parametrize("entries,words", [
    ([1], ["entries[0]", "object"]),
    ([{"fingerprint": 5}], ["entries[0].fingerprint", "text"]),
    ([{"fingerprint": "ab", "file": []}], ["entries[0].file"]),
    ([{"rule": "budget-sum"}], ["entries[0]", "fingerprint"]),
])
def test_baseline_entries_of_the_wrong_types(tmp_path, entries, words):
    (tmp_path / "b.json").write_text(json.dumps({"version": 1, "entries": entries}))
    config_error(tmp_path, "--baseline", "b.json", expect=["b.json", *words])


def test_a_deeply_nested_baseline(tmp_path):
    (tmp_path / "b.json").write_text("[" * 100_000 + "]" * 100_000)
    config_error(tmp_path, "--baseline", "b.json", expect=["b.json"])


@pytest.mark.parametrize("text", ["profile: ../outside/rules.yaml\n", "extends: [../outside/rules.yaml]\n",
                                  "profile: sub/../../outside/rules.yaml\n", "profile: link/rules.yaml\n"])
def test_a_profile_outside_the_repository_is_not_read(tmp_path, text):
    """A pull request's configuration cannot make perflint read a file outside the tree (and name its
    keys in the error); a shared profile is named on the command line, by the user."""
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "rules.yaml").write_text("api_key: hunter2\n")
    repo = tmp_path / "repo"
    (repo / "sub").mkdir(parents=True)
    (repo / "link").symlink_to(tmp_path / "outside")
    (repo / ".perflint.yaml").write_text(text)
    err = config_error(repo, expect=["profile", "outside the repository"])
    assert "api_key" not in err and "hunter2" not in err
    (repo / ".perflint.yaml").unlink()
    assert "api_key" in config_error(repo, "--profile", "../outside/rules.yaml")  # the user's own choice


def test_a_profile_elsewhere_in_the_repository_is_read(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "p.yaml").write_text("rules: {budget-sum: info}\n")
    dept = tmp_path / "dept"
    dept.mkdir()
    (dept / ".perflint.yaml").write_text("extends: [../shared/p.yaml]\n")
    (dept / "a.yaml").write_text(DECL, encoding="utf-8")
    proc = run("check", "--no-cache", "a.yaml", cwd=dept)  # run from the folder: the repository still counts
    assert proc.returncode in (0, 1), proc.stderr
