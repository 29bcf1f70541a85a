"""JUnit XML: parses with junitparser, one suite per file, one failing case per finding."""
import json

import junitparser

from output_support import CLEAN, MIXED, lint_report, run_cli
from perflint.core.diagnostic import Severity
from perflint.output.junit import render


def parse(text: str):
    return junitparser.JUnitXml.fromstring(text.encode("utf-8"))


def test_suites_cases_and_failures():
    xml = parse(render(lint_report({"a.yaml": MIXED, "b.yaml": CLEAN}, fail_on=Severity.INFO)))
    suites = {s.name: s for s in xml}
    assert list(suites) == ["a.yaml", "b.yaml"]
    a, b = suites["a.yaml"], suites["b.yaml"]
    assert (b.tests, b.failures) == (1, 0)
    assert (a.tests, a.failures, a.skipped, a.errors) == (4, 3, 1, 0)
    assert (xml.tests, xml.failures, xml.skipped) == (5, 3, 1)
    failures = [(case.name, r.type) for case in a for r in case.result if isinstance(r, junitparser.Failure)]
    assert failures == [("output-quantified /indicators/1/target", "output-quantified"),
                        ("output-quantified /indicators/2/target", "output-quantified"),
                        ("satisfaction-min /indicators/3/target", "satisfaction-min")]
    case = next(c for c in a if c.name == "satisfaction-min /indicators/3/target")
    failure = case.result[0]
    assert failure.message == 'Satisfaction indicator "项目执行者满意度" targets ">=80%", below 90%.'
    assert failure.text.startswith("a.yaml:5:") and "info [satisfaction-min]" in failure.text
    assert case.classname == "a.yaml"


def test_only_findings_at_or_above_fail_on_are_failures():
    """A run that passes (findings below --fail-on only) must not show failed tests."""
    (suite,) = parse(render(lint_report({"a.yaml": MIXED})))  # fail-on: error, the default
    assert (suite.tests, suite.failures, suite.skipped) == (4, 1, 1)
    failing = [c.name for c in suite if any(isinstance(r, junitparser.Failure) for r in c.result)]
    assert failing == ["output-quantified /indicators/1/target"]
    passing = {c.name: c.system_out for c in suite if c.is_passed}
    assert set(passing) == {"output-quantified /indicators/2/target", "satisfaction-min /indicators/3/target"}
    assert "warning [output-quantified]" in passing["output-quantified /indicators/2/target"]
    (suite,) = parse(render(lint_report({"a.yaml": MIXED}, fail_on=Severity.WARNING)))
    assert suite.failures == 2


def test_a_clean_file_has_one_passing_case():
    (suite,) = parse(render(lint_report({"ok.yaml": CLEAN})))
    (case,) = list(suite)
    assert suite.tests == 1 and suite.failures == 0 and case.is_passed


def test_suppressed_finding_is_skipped_with_its_justification():
    (suite,) = parse(render(lint_report({"t.yaml": MIXED})))
    skipped = [r for case in suite for r in case.result if isinstance(r, junitparser.Skipped)]
    assert [s.message for s in skipped] == ["需求尚未确定"]


def test_markup_in_input_is_escaped():
    text = "indicators: [{level1: 产出目标, level2: 数量目标, name: '<b>&\"x\"</b>', target: 满足需求}]\n"
    (suite,) = parse(render(lint_report({"a&b<c>.yaml": text})))
    assert suite.name == "a&b<c>.yaml"
    (case,) = list(suite)
    assert '"<b>&"x"</b>"' in case.result[0].message


def test_cli_on_the_bundled_declarations(monkeypatch, tmp_path):
    out, listing = tmp_path / "junit.xml", tmp_path / "out.json"
    result = run_cli(monkeypatch, f"junit={out}", f"json={listing}")
    assert result.exit_code == 1
    payload = json.loads(listing.read_text(encoding="utf-8"))
    xml = junitparser.JUnitXml.fromfile(str(out))
    assert [s.name for s in xml] == payload["files"]
    errors = [d for d in payload["diagnostics"] if d["severity"] == "error"]
    assert 0 < xml.failures == len(errors) < len(payload["diagnostics"])
    types = sorted(r.type for s in xml for c in s for r in c.result if isinstance(r, junitparser.Failure))
    assert types == sorted(d["rule"] for d in errors)
    run_cli(monkeypatch, f"junit={out}", extra=("--fail-on", "info"))
    assert junitparser.JUnitXml.fromfile(str(out)).failures == len(payload["diagnostics"])
