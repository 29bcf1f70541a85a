"""GitHub workflow commands: escaping, and the ten-per-type cap with errors first."""
import json
import re
from dataclasses import replace

from output_support import MIXED, indicators, lint_report, run_cli
from perflint.output.github import escape_data, escape_property, render

COMMAND = re.compile(r"^::(error|warning|notice) (?P<props>[^:]*)::(?P<message>.*)$")


def commands(text: str) -> list[tuple[str, dict, str]]:
    out = []
    for line in text.splitlines():
        m = COMMAND.match(line)
        if m:
            props = dict(p.split("=", 1) for p in m.group("props").split(","))
            out.append((m.group(1), props, m.group("message")))
    return out


def test_each_finding_is_an_annotation_with_its_location():
    report = lint_report({"sub/t.yaml": MIXED})
    found = commands(render(report))
    assert [kind for kind, _, _ in found] == ["error", "warning", "notice"]  # errors first
    kind, props, message = found[0]
    d = next(d for d in report.diagnostics if d.rule == "output-quantified" and str(d.severity) == "error")
    assert props == {"file": "sub/t.yaml", "line": str(d.line), "col": str(d.column),
                     "endLine": str(d.span.end_line), "endColumn": str(d.span.end_column),
                     "title": "perflint output-quantified"}
    assert message == d.message.en.replace("%", "%25")
    assert "功能化模块数量" not in render(report)  # the suppressed finding is not annotated


def test_escaping_of_data_and_properties():
    # a line break from the input is shown, never sent: it could start a workflow command
    assert escape_data("50%\r\nnext: a, b") == "50%25\\r\\nnext: a, b"
    assert escape_property("a: b, 50%\n") == "a%3A b%2C 50%25\\n"


def test_escaping_applies_to_real_paths_and_messages():
    text = 'indicators: [{level1: 产出目标, level2: 数量目标, name: 模块, target: "满足\\n需求"}]\n'
    report = lint_report({"a,b:c.yaml": text})
    assert "\n" in report.diagnostics[0].message.en  # the raw value carries the line break
    (kind, props, message), = commands(render(report))
    assert props["file"] == "a%2Cb%3Ac.yaml"
    assert "满足\\n需求" in message and "≥95%25" in message and "\n" not in message


def test_columns_are_left_out_of_a_multi_line_annotation():
    report = lint_report({"t.yaml": MIXED})
    d = report.diagnostics[0]  # the error, annotated first
    d.span = replace(d.span, end_line=d.span.line + 2, end_column=3)
    props = commands(render(report))[0][1]
    assert "col" not in props and "endColumn" not in props
    assert props["endLine"] == str(d.span.line + 2)


def test_at_most_ten_per_type_errors_first_then_a_summary_of_the_rest():
    report = lint_report({"t.yaml": indicators(errors=12, warnings=11, infos=13)}, lang="en")
    lines = render(report).splitlines()
    kinds = [kind for kind, _, _ in commands("\n".join(lines))]
    assert kinds == ["error"] * 10 + ["warning"] * 10 + ["notice"] * 10
    assert lines[30] == ("6 more problem(s) not annotated (GitHub shows 10 per type per step): "
                         "upload --format sarif with github/codeql-action/upload-sarif for the full list.")
    assert lines[31].startswith("Found 36 problem(s) in 1 file(s): 12 error(s), 11 warning(s), 13 info.")
    assert len(lines) == 32


def test_chinese_summary_and_no_leftover_line_under_the_cap():
    text = render(lint_report({"t.yaml": indicators(errors=2)}, lang="zh"))
    assert "未标注" not in text
    assert text.splitlines()[-1].startswith("在 1 个文件中发现 2 个问题")
    assert "另有 1 个问题未标注" in render(lint_report({"t.yaml": indicators(errors=11)}, lang="zh"))


def test_cli_on_the_bundled_declarations(monkeypatch, tmp_path):
    listing = tmp_path / "out.json"
    result = run_cli(monkeypatch, "github", f"json={listing}")
    assert result.exit_code == 1
    diagnostics = json.loads(listing.read_text(encoding="utf-8"))["diagnostics"]
    found = commands(result.stdout)
    expected = {sev: min(10, sum(d["severity"] == sev for d in diagnostics)) for sev in ("error", "warning", "info")}
    kinds = [kind for kind, _, _ in found]
    assert kinds == ["error"] * expected["error"] + ["warning"] * expected["warning"] + ["notice"] * expected["info"]
    assert all(props["file"].startswith("declarations/") for _, props, _ in found)
    left_out = len(diagnostics) - len(found)
    assert (f"{left_out} more problem(s) not annotated" in result.stdout) == (left_out > 0)
