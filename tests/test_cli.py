"""End to end: the real CLI on real files, asserting rule, line and column."""
import json
import subprocess
import sys
import tempfile

import pytest

from conftest import ROOT

CORE = "budget-sum,output-quantified,satisfaction-min,baseline-required,fiscal-year-dates"
D2019 = "declarations/shanghai-stic-office/2019"
D2020 = "declarations/shanghai-stic-office/2020"


# the user cache folder of every CLI run in the tests: never inside the repository (HOME is the cwd)
CACHE_HOME = tempfile.mkdtemp(prefix="perflint-test-cache-")


def run(*args, cwd=ROOT, input=None, env=None):
    proc = subprocess.run([sys.executable, "-m", "perflint", *args], cwd=cwd, capture_output=True, text=True,
                          input=input, env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": str(cwd),
                                            "XDG_CACHE_HOME": CACHE_HOME, **(env or {})})
    return proc


def check_json(*args, cwd=ROOT):
    proc = run("check", "--format", "json", *args, cwd=cwd)
    assert proc.returncode in (0, 1), proc.stderr
    return proc.returncode, json.loads(proc.stdout)


def found(payload, rule, file):
    return [(d["line"], d["column"]) for d in payload["diagnostics"] if d["rule"] == rule and d["file"] == file]


@pytest.fixture(scope="module")
def core():
    return check_json("--select", CORE, "declarations")


def test_real_defects_found_where_they_are(core):
    code, payload = core
    assert code == 1
    platform = f"{D2019}/public-service-platform.yaml"
    assert found(payload, "budget-sum", platform) == [(26, 11)]  # 965000 vs one item of 600000
    assert (45, 13) in found(payload, "output-quantified", platform)  # 功能化模块数量: 满足公众服务需求
    assert found(payload, "satisfaction-min", f"{D2020}/stic-work-funds.yaml") == [(89, 13)]  # 项目执行者满意度 >=80%
    assert (56, 13) in found(payload, "baseline-required", f"{D2019}/exhibition-hall-operation.yaml")  # 提升10%


def test_sub_projects_that_add_up_are_not_flagged(core):
    _, payload = core
    flagged = {d["file"] for d in payload["diagnostics"] if d["rule"] == "budget-sum"}
    assert flagged == {f"{D2019}/public-service-platform.yaml"}


def test_json_contract(core):
    _, payload = core
    assert set(payload) == {"version", "files", "diagnostics", "summary"}
    assert len(payload["files"]) >= 14
    keys = {"rule", "severity", "file", "line", "column", "end_line", "end_column", "pointer", "message"}
    for d in payload["diagnostics"]:
        assert set(d) == keys
        assert d["line"] >= 1 and d["column"] >= 1 and d["pointer"].startswith("/")
    assert payload["summary"]["problems"] == len(payload["diagnostics"])


def test_text_format_and_summary():
    proc = run("check", "--select", "budget-sum", "--lang", "en", D2019)
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert lines[0].startswith(f"{D2019}/public-service-platform.yaml:26:11: error [budget-sum] ")
    assert lines[-1].startswith("Found 1 problem(s) in 5 file(s)")
    assert "\x1b[" not in proc.stdout  # no colour in a pipe


def test_chinese_messages():
    proc = run("check", "--select", "budget-sum", "--lang", "zh", D2019)
    assert "子项目金额合计 600,000 元" in proc.stdout


def test_exit_codes_and_fail_on(tmp_path):
    assert run("check", "--select", "satisfaction-min", D2020).returncode == 0  # warnings only
    assert run("check", "--select", "satisfaction-min", "--fail-on", "warning", D2020).returncode == 1
    assert run("check", "--select", "no-such-rule", D2020).returncode == 2
    assert run("check", str(tmp_path / "missing.yaml")).returncode == 2
    assert run("check", "--format", "nope", D2020).returncode == 2


def test_unknown_rule_in_config_names_the_key(tmp_path):
    (tmp_path / ".perflint.yaml").write_text("rules:\n  budget-summ: error\n")
    proc = run("check", ".", cwd=tmp_path)
    assert proc.returncode == 2 and "budget-summ" in proc.stderr


def test_unknown_option_in_config_names_the_key(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.perflint.rules.satisfaction-min]\nminimum = 85\n")
    proc = run("check", ".", cwd=tmp_path)
    assert proc.returncode == 2 and "minimum" in proc.stderr


def test_config_threshold_and_per_file_ignores(tmp_path):
    src = (ROOT / D2020 / "stic-work-funds.yaml").read_text(encoding="utf-8")
    (tmp_path / "a.yaml").write_text(src, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(src, encoding="utf-8")
    (tmp_path / ".perflint.yaml").write_text(
        "select: [satisfaction-min]\nrules:\n  satisfaction-min: {severity: error, min: 85}\n"
        "per-file-ignores:\n  b.yaml: [satisfaction-min]\n")
    code, payload = check_json(".", cwd=tmp_path)
    assert code == 1
    assert [(d["file"], d["line"], d["severity"]) for d in payload["diagnostics"]] == [("a.yaml", 89, "error")]
    (tmp_path / ".perflint.yaml").write_text("select: [satisfaction-min]\nrules:\n  satisfaction-min: {min: 80}\n")
    assert check_json(".", cwd=tmp_path)[1]["diagnostics"] == []


def test_bad_files_never_traceback(tmp_path):
    (tmp_path / "bom.yaml").write_bytes(b"\xef\xbb\xbfkind: declaration\n")
    (tmp_path / "gbk.yaml").write_bytes("项目: 测试".encode("gbk"))
    (tmp_path / "bomb.yaml").write_text("a: &a [*a]\n")
    (tmp_path / "list.yaml").write_text("- 1\n- 2\n")
    (tmp_path / "types.yaml").write_text("kind: declaration\nfiscal_year: 二〇二四\nproject: 3\nbudget: {items: 5}\nindicators: {a: 1}\n")
    (tmp_path / "syntax.yaml").write_text("indicators:\n  - target: >=4次\n")
    names = sorted(p.name for p in tmp_path.iterdir())  # named: checked whatever they hold
    proc = run("check", "--format", "json", *names, cwd=tmp_path)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    rules = {(d["file"], d["rule"]) for d in json.loads(proc.stdout)["diagnostics"]}
    assert {("bom.yaml", "yaml-bom"), ("gbk.yaml", "yaml-encoding"), ("bomb.yaml", "yaml-too-complex"),
            ("list.yaml", "schema"), ("types.yaml", "schema"), ("syntax.yaml", "yaml-syntax")} <= rules


def test_rules_and_explain():
    listing = run("rules", "--lang", "en").stdout
    assert "budget-sum" in listing and "error" in listing
    cost = next(line for line in listing.splitlines() if "cost-indicator-required" in line)
    assert "warning" in cost and "sh-2019, sh-2020, central-2015: off" in cost and "central-2022: error" in cost
    strict = run("rules", "--profile", "shanghai-2025", "--lang", "en").stdout
    assert any(ln.split()[:2] == ["cost-indicator-required", "error"] for ln in strict.splitlines() if ln.strip())
    assert "# budget-sum" in run("explain", "budget-sum", "--lang", "en").stdout
    assert "预算金额须相互吻合" in run("explain", "budget-sum", "--lang", "zh").stdout
    bad = run("explain", "budget-summ")
    assert bad.returncode == 2 and "budget-sum" in bad.stderr


def test_schema_command_prints_the_schema():
    schema = json.loads(run("schema").stdout)
    assert schema["$schema"].endswith("2020-12/schema")


def test_bundled_declarations_carry_the_schema_modeline():
    for path in (ROOT / "declarations").rglob("*.yaml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        target = (path.parent / first.split("=", 1)[1]).resolve()
        assert target == ROOT / "schema" / "declaration.schema.json", path
