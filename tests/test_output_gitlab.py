"""GitLab Code Quality: the keys GitLab requires, its severities, unique and stable fingerprints."""
import json

from output_support import MIXED, lint_report, run_cli
from perflint.output.gitlab import render

SEVERITIES = {"info", "minor", "major", "critical", "blocker"}


def issues(report) -> list[dict]:
    return json.loads(render(report))


def check_structure(payload):
    assert isinstance(payload, list)
    for issue in payload:
        assert isinstance(issue["description"], str) and issue["description"]
        assert isinstance(issue["check_name"], str) and issue["check_name"]
        assert isinstance(issue["fingerprint"], str) and issue["fingerprint"]
        assert issue["severity"] in SEVERITIES
        location = issue["location"]
        assert isinstance(location["path"], str) and not location["path"].startswith(("/", "./"))
        assert 1 <= location["lines"]["begin"] <= location["lines"]["end"]
    fingerprints = [i["fingerprint"] for i in payload]
    assert len(set(fingerprints)) == len(fingerprints)


def test_structure_and_severity_mapping():
    report = lint_report({"sub/t.yaml": MIXED})
    payload = issues(report)
    check_structure(payload)
    assert [(i["check_name"], i["severity"]) for i in payload] == [
        ("output-quantified", "major"), ("output-quantified", "minor"), ("satisfaction-min", "info")]
    first, d = payload[0], report.diagnostics[0]
    assert first["location"] == {"path": "sub/t.yaml", "lines": {"begin": 3, "end": 3}}
    assert first["description"] == d.message.en and first["fingerprint"] == d.fingerprint


def test_suppressed_findings_are_not_issues():
    assert all("功能化模块数量" not in i["description"] for i in issues(lint_report({"t.yaml": MIXED})))


def test_equal_fingerprints_are_made_unique():
    result = lint_report({"t.yaml": MIXED}).files[0]
    doubled = lint_report({})
    doubled.files = [result, result]  # the same findings twice: equal diagnostic fingerprints
    payload = issues(doubled)
    check_structure(payload)
    assert len(payload) == 6
    assert payload[3]["fingerprint"] == payload[0]["fingerprint"] + "-2"


def test_fingerprints_do_not_depend_on_line_numbers():
    before = issues(lint_report({"t.yaml": MIXED}))
    after = issues(lint_report({"t.yaml": "# 新增注释\n\n" + MIXED}))
    assert [i["location"]["lines"]["begin"] + 2 for i in before] == [i["location"]["lines"]["begin"] for i in after]
    assert [i["fingerprint"] for i in before] == [i["fingerprint"] for i in after]


def test_cli_on_the_bundled_declarations(monkeypatch, tmp_path):
    out, listing = tmp_path / "gl-code-quality-report.json", tmp_path / "out.json"
    result = run_cli(monkeypatch, f"gitlab={out}", f"json={listing}")
    assert result.exit_code == 1
    payload = json.loads(out.read_text(encoding="utf-8"))
    check_structure(payload)
    diagnostics = json.loads(listing.read_text(encoding="utf-8"))["diagnostics"]
    assert [(i["check_name"], i["location"]["path"], i["location"]["lines"]["begin"]) for i in payload] == \
        [(d["rule"], d["file"], d["line"]) for d in diagnostics]
