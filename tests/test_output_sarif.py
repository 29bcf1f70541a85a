"""SARIF 2.1.0: valid against the official schema, with what GitHub code scanning needs."""
import json

import jsonschema
import pytest

from conftest import ROOT
from output_support import MIXED, indicators, lint_report, run_cli
from perflint import __version__
from perflint.output.sarif import render

SCHEMA = ROOT.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"


def sarif(report) -> dict:
    return json.loads(render(report))


def validate(payload):
    if not SCHEMA.is_file():
        pytest.skip(f"the official SARIF schema is expected at {SCHEMA}")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(schema)(schema).validate(payload)


def test_valid_sarif_with_every_severity_and_a_suppression():
    payload = sarif(lint_report({"sub/t.yaml": MIXED}))
    validate(payload)
    assert payload["version"] == "2.1.0"
    run = payload["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    assert {r["level"] for r in run["results"]} == {"error", "warning", "note"}


def test_driver_describes_every_rule_that_appears():
    run = sarif(lint_report({"t.yaml": MIXED}))["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "perflint" and driver["version"] == __version__
    assert driver["informationUri"].startswith("https://")
    rules = driver["rules"]
    assert [r["id"] for r in rules] == ["output-quantified", "satisfaction-min"]
    by_id = {r["id"]: r for r in rules}
    assert by_id["output-quantified"]["name"] == "OutputQuantified"
    assert by_id["output-quantified"]["defaultConfiguration"]["level"] == "error"
    assert by_id["satisfaction-min"]["defaultConfiguration"]["level"] == "warning"  # the rule's own default
    assert by_id["output-quantified"]["shortDescription"]["text"] == "Output indicators must be quantified"
    for rule in rules:
        assert rule["fullDescription"]["text"]
        assert rule["helpUri"].endswith(f"/docs/rules/en/{rule['id']}.md")
        assert (ROOT / "docs" / "rules" / "en" / f"{rule['id']}.md").is_file()  # the link target exists
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_results_carry_location_level_message_and_pointer():
    report = lint_report({"sub/t.yaml": MIXED})
    run = sarif(report)["runs"][0]
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == ROOT.as_uri() + "/"
    info = next(d for d in report.diagnostics if d.rule == "satisfaction-min")
    result = next(r for r in run["results"] if r["ruleId"] == "satisfaction-min")
    assert result["level"] == "note"
    assert result["message"]["text"] == info.message.en
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "sub/t.yaml", "uriBaseId": "%SRCROOT%"}
    assert location["region"] == {"startLine": 5, "startColumn": info.column,
                                  "endLine": info.span.end_line, "endColumn": info.span.end_column}
    assert result["properties"]["pointer"] == "/indicators/3/target"


def test_messages_follow_the_report_language():
    results = sarif(lint_report({"t.yaml": MIXED}, lang="zh"))["runs"][0]["results"]
    assert any("满意度指标" in r["message"]["text"] for r in results)
    rules = sarif(lint_report({"t.yaml": MIXED}, lang="zh"))["runs"][0]["tool"]["driver"]["rules"]
    assert rules[0]["helpUri"].endswith("/docs/rules/zh/output-quantified.md")


@pytest.mark.skipif(not (ROOT / ".git").exists(), reason="needs a git checkout")
def test_uris_are_relative_to_the_repository_root_not_the_working_directory():
    report = lint_report({"nested/t.yaml": MIXED}, root=ROOT / "declarations")
    results = sarif(report)["runs"][0]["results"]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert uris == {"declarations/nested/t.yaml"}


def test_partial_fingerprints_survive_lines_moving():
    before = sarif(lint_report({"t.yaml": MIXED}))["runs"][0]["results"]
    moved = "# 说明：新增注释\n\n# another comment\n\n" + MIXED
    after = sarif(lint_report({"t.yaml": moved}))["runs"][0]["results"]
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] + 4 for r in before] == \
        [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in after]
    assert [r["partialFingerprints"] for r in before] == [r["partialFingerprints"] for r in after]
    assert all(r["partialFingerprints"]["perflint/v1"] for r in before)
    assert len({r["partialFingerprints"]["perflint/v1"] for r in before}) == len(before)


def test_suppressed_findings_are_exported_with_their_justification():
    results = sarif(lint_report({"t.yaml": MIXED}))["runs"][0]["results"]
    suppressed = [r for r in results if "suppressions" in r]
    assert len(suppressed) == 1
    assert suppressed[0]["suppressions"] == [{"kind": "inSource", "justification": "需求尚未确定"}]
    assert suppressed[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 2


def test_a_clean_run_is_valid_and_empty():
    payload = sarif(lint_report({"t.yaml": indicators()}))
    validate(payload)
    assert payload["runs"][0]["results"] == [] and payload["runs"][0]["tool"]["driver"]["rules"] == []


def test_cli_on_the_bundled_declarations(monkeypatch, tmp_path):
    out, listing = tmp_path / "out.sarif", tmp_path / "out.json"
    result = run_cli(monkeypatch, f"sarif={out}", f"json={listing}")
    assert result.exit_code == 1  # the real declarations have errors
    payload = json.loads(out.read_text(encoding="utf-8"))
    validate(payload)
    expected = [(d["rule"], d["file"], d["line"]) for d in json.loads(listing.read_text(encoding="utf-8"))["diagnostics"]]
    got = [(r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"])
           for r in payload["runs"][0]["results"] if "suppressions" not in r]
    assert got == expected and expected
