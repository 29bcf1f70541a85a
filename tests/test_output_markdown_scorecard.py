"""The Markdown report's scorecard per self-evaluation: printed scores beside the recomputed ones,
how each was computed, rows that disagree marked; hostile text stays literal; English and Chinese."""
import re
from decimal import Decimal

import pytest
from test_lang_en import unglossed_chinese

from conftest import ROOT
from output_support import CLEAN, assert_snapshot, lint_report
from perflint.output.markdown import render

CELL_BAR = re.compile(r"(?<!\\)\|")
SEED_B = "declarations/shanghai-stic-office/2021/future-park-exhibition-hall-self-evaluation.yaml"  # seed 004-B
SEED_A = "declarations/shanghai-stic-office/2021/stic-work-funds-self-evaluation.yaml"  # seed 004-A
DECLARATION = "declarations/examples/sh-2024.yaml"


@pytest.fixture(autouse=True)
def outside_actions(monkeypatch):
    for var in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA"):
        monkeypatch.delenv(var, raising=False)


def bundled(*paths: str) -> dict[str, str]:
    return {p: (ROOT / p).read_text(encoding="utf-8") for p in paths}


def section(text: str, title: str) -> str:
    return text[text.index(f"### {title}"):]


def test_the_seed_self_evaluations_in_chinese():
    text = section(render(lint_report(bundled(SEED_A, SEED_B), lang="zh")), "自评表得分复核")
    lines = text.splitlines()
    # =400场 with 182 done is printed 18 of 20; the rules give 20 × 182 ÷ 400 = 9.10: marked
    assert ("| ≠ | 产出指标 › 数量指标 › 计划接待参观团组总数 | =400 场 | 182 场 | 20 | 18 | **9.10** "
            "| 20 × 182 ÷ 400 = 9.10（完成 45.50%） |") in lines
    # printed as recomputed: not marked
    assert "|  | 产出指标 › 时效指标 › 服务响应度 | =100% | 100% | 10 | 10 | 10.00 | 实际 100 ≥ 100：满分 10 |" in lines
    assert "| ≠ | **总分** |  |  | 100 | 96.99 | **89.09** | 9.99 + 9.10 + 20 + 10 + 30 + 10 = 89.09 |" in lines
    # 004-A: the rate reads 98.11% where 2847.98 ÷ 2903.14 = 98.10%; its score 9.81 is right
    assert ("| ≠ | 年度资金总额 | 2903.14 万元 | 2847.98 万元 | 98.11% | **98.10%** | 10 | 9.81 | 9.81 "
            "| min(98.10%, 100%) × 10 = 9.81（执行率 2847.98 ÷ 2903.14 = 98.10%） |") in lines
    # each source of funds under the total, as printed (no rate printed on it: none asked for)
    assert "|  | 其中：当年财政拨款 | 2903.14 万元 | 2847.98 万元 |  |  |  |  |  |  |" in lines
    # an actual copied from the target (≥95%) is no measurement: nothing to recompute, nothing marked
    assert "|  | 产出指标 › 数量指标 › 项目完成率 | ≥95% | ≥95% | 20 | 20 | — | 无法重算 |" in lines
    assert "|  | 产出指标 › 质量指标 › 计划接待参观团组类型 | 党政、企业、社会团体等 | 党政、企业、社会团体等 | 20 | 20 | — | 定性指标，不重算 |" in lines
    assert "3 行表上数与重算不一致" in text and "1 行表上数与重算不一致" in text
    assert text.index(SEED_A) < text.index(SEED_B)  # report order
    assert_snapshot("markdown-scorecard-zh.md", text)


def test_english():
    text = section(render(lint_report(bundled(SEED_A, SEED_B), lang="en")), "Self-evaluations: printed and recomputed scores")
    lines = text.splitlines()
    assert ("| ≠ | “产出指标 › 数量指标 › 计划接待参观团组总数” | “=400 场” | “182 场” | 20 | 18 | **9.10** "
            "| 20 × 182 ÷ 400 = 9.10 (45.50% achieved) |") in lines
    assert ("|  | “年度资金总额” | 11,219,200 yuan | 11,205,200 yuan | 99.88% | 99.88% | 10 | 9.99 | 9.99 "
            "| min(99.88%, 100%) × 10 = 9.99 (rate 1120.52 ÷ 1121.92 = 99.88%) |") in lines
    assert "| ≠ | **total** |  |  | 100 | 96.99 | **89.09** | 9.99 + 9.10 + 20 + 10 + 30 + 10 = 89.09 |" in lines
    assert unglossed_chinese(text) == []
    assert_snapshot("markdown-scorecard-en.md", text)


def test_the_cli_writes_it(perflint, tmp_path):
    code, out, err = perflint(ROOT, "check", "--no-cache", "--lang", "en", "--format", "markdown", SEED_B)
    assert code == 1, err
    assert "| ≠ | **total** |  |  | 100 | 96.99 | **89.09** |" in out
    assert unglossed_chinese(section(out, "Self-evaluations")) == []


def test_the_heading_is_a_heading_after_the_folded_list():
    """CommonMark ends an HTML block only at a blank line: a heading right after `</details>` would
    render as literal text on GitHub."""
    text = render(lint_report(bundled(SEED_A, SEED_B), lang="en"))
    before = text[:text.index("### Self-evaluations")]
    assert "</details>" in before and before.endswith("\n\n")


def test_declarations_get_no_scorecard():
    assert "自评表得分复核" not in render(lint_report(bundled(DECLARATION), lang="zh"))
    text = render(lint_report(bundled(DECLARATION, SEED_B), lang="zh"))
    assert text.count("\n#### ") == 1 and f"#### [{SEED_B}]({SEED_B})" in text
    clean = render(lint_report({"t.yaml": CLEAN}))
    assert clean == "## perflint results\n\n1 file(s) checked, no problems.\n"


HOSTILE = """\
kind: self-evaluation
fiscal_year: 2021
project: {name: "x <script>alert(1)</script> ## [a](https://evil.example) @team #1"}
selfeval:
  execution:
    {unit: 万元, full_year: 100, executed: "50 | 9 <b>", rate: 50%, points: 10, score: 5,
     sources: {other: {label: "其他 | <b>x</b> [l](https://evil.example)", full_year: 100, executed: 50, rate: "| 1"}}}
  total: {points: 100, score: "`x` | y"}
indicators:
  - level1: "产出指标 | <img src=x onerror=alert(1)>"
    level2: 数量指标
    name: "name\\n| injected | row |\\n![p](https://evil.example/p.png) `code` **bold** ~~s~~ $x$"
    target: "=400 场"
    actual: "182 场 | <a href=//evil.example>x</a>"
    points: 20
    score: 18
"""


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_hostile_text_stays_literal(tmp_path, lang):
    (tmp_path / "h.yaml").write_text(HOSTILE, encoding="utf-8")
    text = render(lint_report({"h.yaml": HOSTILE}, lang=lang, root=tmp_path))
    body = section(text, "自评表得分复核" if lang == "zh" else "Self-evaluations")
    assert "####" in body
    for line in body.splitlines():
        if line.startswith("|"):  # every row has its columns and no more: no cell broke out
            assert len(CELL_BAR.findall(line)) in (9, 11), line
    shown = re.sub(r"^#+ ", "", body, flags=re.M)  # the report's own headings
    for raw in ("<script", "<img", "<a ", "<b>", "](https", "![", "`code`", "**bold**", "~~s~~", "$x$", "@team", "#1", "## "):
        assert not re.search(r"(?<!\\)" + re.escape(raw), shown), raw  # only ever after a backslash
    assert "\\<img src=x onerror=alert(1)\\>" in body and "\\[a\\](https://evil.example)" in body
    assert "name\\\\n\\| injected \\| row \\|" in body  # the newline shown as \n, the pipes escaped


def test_many_self_evaluations_fit_one_comment(tmp_path):
    text = (ROOT / SEED_B).read_text(encoding="utf-8")
    files = {f"se{i:03}.yaml": text for i in range(200)}
    for name in files:
        (tmp_path / name).write_text(text, encoding="utf-8")
    out = render(lint_report(files, lang="en", root=tmp_path))
    assert len(out.encode("utf-16-le")) // 2 <= 65_536
    shown = out.count("\n#### ")
    assert 0 < shown < 200
    assert f"> {200 - shown} more self-evaluation(s) not shown" in out
    assert "<details><summary>" in out  # the findings keep their share


@pytest.mark.parametrize(("rate", "differs"), [
    ("98.10%", False), ("98.1%", False), ("98.11%", True), ("98%", False), ("97%", True),
    ("98.10", False), ("0.981", False), ("0.9811", True), ("—", True),
])
def test_the_printed_rate_against_the_recomputed_one(rate, differs):
    """2847.98 ÷ 2903.14 = 98.0999…%: equal to the last printed digit, as a percentage or a fraction."""
    from perflint.model.declaration import Declaration

    doc = {"kind": "self-evaluation", "indicators": [],
           "selfeval": {"execution": {"unit": "万元", "full_year": 2903.14, "executed": 2847.98, "rate": rate}}}
    check = Declaration(doc).scorecard.execution.rate_check()
    assert check.recomputed == Decimal("98.10") and check.differs is differs
