"""The pull-request comment: counts, top findings with links, the folded full list, escaping."""
import json
import re

import pytest

from output_support import CLEAN, MIXED, indicators, lint_report, run_cli
from perflint.output.markdown import escape, render

CELL_BAR = re.compile(r"(?<!\\)\|")


@pytest.fixture(autouse=True)
def outside_actions(monkeypatch):
    for var in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA"):
        monkeypatch.delenv(var, raising=False)


def rows(text: str, header: str) -> list[str]:
    """The body rows of the first table after the line ``header``."""
    lines = text.splitlines()
    start = lines.index(header) + 1
    while not lines[start].startswith("|"):
        start += 1
    body = []
    for line in lines[start + 2:]:
        if not line.startswith("|"):
            break
        body.append(line)
    return body


def test_counts_by_severity_and_rule():
    text = render(lint_report({"t.yaml": MIXED}))
    assert text.startswith("## perflint results\n\nFound 3 problem(s) in 1 file(s). 1 more suppressed inline.\n")
    assert "| error | 1 |\n| warning | 1 |\n| info | 1 |" in text
    assert ("| [output-quantified](https://github.com/perflint-cn/perflint/blob/main/docs/rules/en/"
            "output-quantified.md) | 2 |") in text
    assert "| [satisfaction-min](" in text


def test_top_findings_errors_first_with_line_links_and_the_full_list_folded():
    text = render(lint_report({"sub/t.yaml": indicators(errors=3, warnings=5, infos=4)}))
    top = rows(text, "### Top 10 problems (errors first)")
    assert [r.split("|")[1].strip() for r in top] == ["error"] * 3 + ["warning"] * 5 + ["info"] * 2
    assert "[sub/t.yaml:11](sub/t.yaml#L11)" in top[0]  # errors come last in the file, first here
    details = text[text.index("<details><summary>All 12 problems</summary>"):]
    assert details.rstrip().endswith("</details>")
    assert len(rows(details, "<details><summary>All 12 problems</summary>")) == 12


def test_links_are_absolute_inside_github_actions(monkeypatch):
    monkeypatch.setenv("GITHUB_SERVER_URL", "https://github.com")
    monkeypatch.setenv("GITHUB_REPOSITORY", "org/budgets")
    monkeypatch.setenv("GITHUB_SHA", "abc123")
    text = render(lint_report({"sub/t.yaml": MIXED}))
    assert "(https://github.com/org/budgets/blob/abc123/sub/t.yaml#L3)" in text


def test_pipes_and_markup_from_input_are_escaped():
    text = render(lint_report({"a|b_c.yaml": MIXED}))
    assert "模块\\|数量" in text and "[a\\|b\\_c.yaml:3](a%7Cb_c.yaml#L3)" in text
    for row in rows(text, "### Top 3 problems (errors first)"):
        assert len(CELL_BAR.findall(row)) == 5  # four cells, whatever the message says
    assert escape("<img src=x> *bold* @team #12 `code` a\nb") == \
        "\\<img src=x\\> \\*bold\\* \\@team \\#12 \\`code\\` a\\\\nb"
    assert escape("$x^2$ | y") == "\\$x^2\\$ \\| y"  # no math, no cell break


def test_chinese_comment():
    text = render(lint_report({"t.yaml": MIXED}, lang="zh"))
    assert text.startswith("## perflint 检查结果\n\n在 1 个文件中发现 3 个问题。另有 1 个已通过注释抑制。")
    assert "| 错误 | 1 |" in text and "### 前 3 个问题（错误优先）" in text
    assert "/docs/rules/zh/output-quantified.md" in text and "满意度指标" in text


def test_a_clean_run_says_so_without_tables():
    text = render(lint_report({"t.yaml": CLEAN}))
    assert text == "## perflint results\n\n1 file(s) checked, no problems.\n"


def test_cli_on_the_bundled_declarations(monkeypatch, tmp_path):
    out, listing = tmp_path / "comment.md", tmp_path / "out.json"
    result = run_cli(monkeypatch, f"markdown={out}", f"json={listing}")
    assert result.exit_code == 1
    text = out.read_text(encoding="utf-8")
    diagnostics = json.loads(listing.read_text(encoding="utf-8"))["diagnostics"]
    n = len(diagnostics)
    assert f"Found {n} problem(s)" in text
    top = rows(text, f"### Top {min(n, 10)} problems (errors first)")
    first_error = next(d for d in diagnostics if d["severity"] == "error")
    assert f"#L{first_error['line']})" in top[0] and top[0].startswith("| error |")
    if f"<details><summary>All {n} problems</summary>" in text:
        assert len(rows(text, f"<details><summary>All {n} problems</summary>")) == n
    else:  # the bundled tree outgrew one comment: the rows shown and the note account for every finding
        shown = int(re.search(r"The first (\d+) of \d+ problems", text).group(1))
        assert len(rows(text, f"<details><summary>The first {shown} of {n} problems (errors first)</summary>")) == shown
        assert f"> {n - shown} more problem(s) not listed" in text


def test_a_large_report_is_cut_to_fit_a_comment_worst_first(monkeypatch):
    monkeypatch.setenv("GITHUB_SERVER_URL", "https://github.com")
    monkeypatch.setenv("GITHUB_REPOSITORY", "org/budgets")
    monkeypatch.setenv("GITHUB_RUN_ID", "42")
    files = {f"d{i:03}.yaml": indicators(errors=2, warnings=3, infos=3) for i in range(120)}
    report = lint_report(files, reports=[("sarif", "perflint.sarif"), ("markdown", "comment.md")])
    full = render(report, limit=10**9)
    text = render(report)
    n = len(report.diagnostics)
    assert len(full) > 65_536 >= len(text.encode("utf-16-le")) // 2  # cut, and within GitHub's limit
    shown = rows(text, text.splitlines()[[i for i, ln in enumerate(text.splitlines()) if ln.startswith("<details>")][0]])
    assert 0 < len(shown) < n
    assert f"<details><summary>The first {len(shown)} of {n} problems (errors first)</summary>" in text
    severities = [r.split("|")[1].strip() for r in shown]
    assert severities == sorted(severities, key=["error", "warning", "info"].index)  # worst first
    assert severities[0] == "error" and "info" not in severities
    assert (f"> {n - len(shown)} more problem(s) not listed: a GitHub comment holds at most 65,536 characters. "
            "The full report: `perflint.sarif`, https://github.com/org/budgets/actions/runs/42.") in text
    assert text.rstrip().endswith(".") and "</details>" in text


def test_a_report_that_fits_is_not_cut_and_characters_count_as_github_counts_them():
    report = lint_report({"t.yaml": indicators(errors=3)})
    assert "more problem(s) not listed" not in render(report)
    emoji = lint_report({"t.yaml": MIXED.replace("模块|数量", "模块😀" * 200)})
    full = render(emoji, limit=10**9)
    limit = len(full) + 10  # enough characters, too few UTF-16 code units: an emoji is two
    assert len(full.encode("utf-16-le")) // 2 > limit
    text = render(emoji, limit=limit)
    assert len(text.encode("utf-16-le")) // 2 <= limit and "run `perflint check` locally" in text


def test_one_huge_message_cannot_fill_the_comment():
    report = lint_report({"t.yaml": MIXED.replace("模块|数量", "很长的名称" * 3000)})
    text = render(report)
    assert len(text) < 20_000 and "…" in text
