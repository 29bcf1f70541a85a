"""The five bundled self-evaluations against the reviewers' catalogues (shared/reference/seed-defects.md
for seed 004, corpus-defects.md for corpus 02, 04 and 07), end to end: the real CLI, the default
profile, every rule. Recall: each reviewer finding perflint covers is found at its line and column.
Precision: the exact set per file is pinned, so a new false alarm fails here, and every point the
reviewers deliberately do not flag has a test that stays silent."""
import json
import subprocess
import sys

import pytest

from conftest import ROOT

SH = "declarations/shanghai-stic-office/2021"
YN = "declarations/yunnan-changning/2022/pig-farm-construction-self-evaluation.yaml"
SC = "declarations/sichuan-qingshen/2023/salary-expenditure-self-evaluation.yaml"
AH = "declarations/anhui-tangxi/2022/commissioned-services-self-evaluation.yaml"

# file → [(rule, line, column, reviewer row)]; lines and columns are those of the YAML files.
EXPECTED = {
    f"{SH}/stic-work-funds-self-evaluation.yaml": [  # 004-A
        ("exec-reason", 18, 16, "004-A-06"),  # 3068.14 → 2903.14, no reason
        ("exec-rate", 21, 11, "004-A-01"),  # 98.11% where 2847.98 ÷ 2903.14 = 98.10%
        ("actual-is-measurement", 48, 13, "004-A-03"),  # ≥95%
        ("actual-is-measurement", 57, 13, "004-A-03"),
        ("score-bounds", 58, 13, "004-A-02"),  # 分值 ≥95%: the row is shifted by one cell
        ("actual-is-measurement", 65, 13, "004-A-03"),
        ("level2-under-level1", 69, 13, "004-A-04"),  # 社会效益指标 inside the 产出指标 block
        ("actual-is-measurement", 72, 13, "004-A-03"),  # ≥80%
        ("satisfaction-respondent", 77, 11, "004-A-05"),  # 项目执行者满意度
        ("actual-is-measurement", 79, 13, "004-A-03"),
    ],
    f"{SH}/future-park-exhibition-hall-self-evaluation.yaml": [  # 004-B
        ("grade-band", 40, 12, "004-B-01"),  # rescored 89.09 (良), not 96.99 (优)
        ("score-rule", 50, 12, "004-B-01"),  # =400场, 182场: 20 × 182 ÷ 400 = 9.10, not 18
        ("output-quantified", 55, 13, "004-B-07"),  # 党政、企业、社会团体等
        ("level2-under-level1", 67, 13, "004-B-05"),  # 计划参展商总数 under 产出指标 › 社会效益指标
        ("overachievement-review", 70, 13, "004-B-06"),  # 95 家 = 190% of ≥50 家
        ("satisfaction-respondent", 77, 11, "004-B-04"),  # 三级 = 二级 = 服务对象满意度指标
        ("score-rule", 81, 12, "004-B-02"),  # ≥95% met by 95%, scored 9 of 10
    ],
    YN: [  # corpus 02 (truncated)
        ("exec-rate", 28, 11, "02-03"),  # 执行率 written 20, no %
        ("actual-is-measurement", 39, 13, "02-01 02-02"),  # all 19 actuals equal their targets, 20% spent
        *[("template-placeholder", line, 11, "02-04") for line in range(37, 146, 6)],  # (≥**平方米) …
    ],
    SC: [  # corpus 04
        ("selfeval-narrative", 17, 13, "04-07"),  # 年度目标完成情况: the printed instruction
        ("selfeval-narrative", 18, 19, "04-08"),  # 项目实施内容及过程概述: empty
        ("exec-reason", 24, 16, "04-02"),  # 238.93 → 251.89, no reason
        ("exec-score", 28, 5, "04-01"),  # blank, should be 10.00
        ("total-score", 63, 5, "04-06"),  # 合计 100 with no score
        ("selfeval-narrative", 64, 15, "04-09"),  # 评价结论 / 存在问题 / 改进措施: instructions
        ("selfeval-narrative", 65, 13, "04-09"),
        ("selfeval-narrative", 66, 13, "04-09"),
        ("actual-is-measurement", 76, 13, "04-03"),  # 完成值 blank
        ("selfeval-weights", 77, 13, "04-11"),  # 10/60/30/0
        ("score-rule", 78, 5, "04-05"),  # 得分 blank (60)
        ("actual-is-measurement", 86, 13, "04-04"),
        ("score-rule", 88, 5, "04-05"),  # 得分 blank (30)
    ],
    AH: [  # corpus 07 (truncated)
        ("exec-sources-sum", 21, 14, "07-01"),  # 年度资金总额 0 0 0 vs 本年财政拨款 90 89.974 89.974
        ("exec-rate", 25, 11, "07-02"),  # 0 where 89.974 ÷ 89.974 = 100.00%
        ("exec-score", 26, 12, "07-03"),  # 0 where 10.00
        ("exec-reason", 31, 20, "07-05"),  # 90 → 89.974, no reason
        ("narrative-breakdown", 38, 13, "07-04"),  # 30 + 30 + 29.99 = 89.99 ≠ 89.97
        ("actual-is-measurement", 46, 13, "07-17"),  # 50 (≥50个): no unit
        ("percent-range", 52, 13, "07-07"),  # ≥100百分比
        ("actual-is-measurement", 53, 13, "07-17"),
        ("input-as-output", 59, 13, "07-09"),  # 经费支出合规性: an input check
        ("output-quantified", 59, 13, "07-08"),  # 严格执行相关制度规定
        ("actual-is-measurement", 60, 13, "07-16"),  # 达成预期指标 ×6
        ("output-quantified", 66, 13, "07-10"),  # 在项目计划完成时间内完成
        ("actual-is-measurement", 67, 13, "07-16"),
        ("actual-is-measurement", 74, 13, "07-17"),  # 90 (≤90万元)
        ("output-quantified", 80, 13, "07-11"),  # 单项业务成本: 符合相关规定
        ("actual-is-measurement", 81, 13, "07-16"),
        ("qualitative-graded", 87, 13, "07-12"),  # 效果明显
        ("actual-is-measurement", 88, 13, "07-16"),
        ("misfiled-indicator", 93, 11, "07-13"),  # cost control filed under 生态效益指标
        ("qualitative-graded", 94, 13, "07-14"),
        ("actual-is-measurement", 95, 13, "07-16"),
        ("qualitative-graded", 101, 13, "07-15"),
        ("actual-is-measurement", 102, 13, "07-16"),
    ],
}

# Reviewer rows perflint answers (recall), and those it does not, each with the reason.
ANSWERED = {"004-A-01", "004-A-02", "004-A-03", "004-A-04", "004-A-05", "004-A-06",
            "004-B-01", "004-B-02", "004-B-04", "004-B-05", "004-B-06", "004-B-07",
            "02-01", "02-02", "02-03", "02-04",
            "04-01", "04-02", "04-03", "04-04", "04-05", "04-06", "04-07", "04-08", "04-09", "04-11",
            "07-01", "07-02", "07-03", "07-04", "07-05", "07-07", "07-08", "07-09", "07-10", "07-11", "07-12",
            "07-13", "07-14", "07-15", "07-16", "07-17"}
NOT_ANSWERED = {
    "004-B-03": "a printed column shift with no cell out of place: the YAML records the cells in their columns",
    "02-05": "持续性 ticked for a one-off construction: a judgement on the template's own classification",
    "04-10": "no 满意度 indicator: completeness of the indicator set is judged on the declaration",
    "04-12": "a single output indicator: completeness, as above",
    "04-13": "足额保障率 filed as a social benefit: the content-vs-filing check (issue 7)",
    "04-14": "the annual goal is not measurable: goal wording rules read declarations",
    "07-06": "the goals only split the money: goal wording rules read declarations",
}


@pytest.fixture(scope="module")
def payload():
    proc = subprocess.run([sys.executable, "-m", "perflint", "check", "--no-cache", "--format", "json", "--lang", "en",
                           SH, YN, SC, AH], cwd=ROOT, capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": str(ROOT)})
    assert proc.returncode == 1, proc.stderr
    return json.loads(proc.stdout)


def by_file(payload, path):
    return sorted((d["rule"], d["line"], d["column"]) for d in payload["diagnostics"] if d["file"] == path)


@pytest.mark.parametrize("path", sorted(EXPECTED))
def test_exact_findings_per_file(payload, path):
    assert by_file(payload, path) == sorted((rule, line, col) for rule, line, col, _ in EXPECTED[path])


def test_every_reviewer_row_is_answered_or_explained():
    answered = {row for items in EXPECTED.values() for *_, rows in items for row in rows.split()}
    assert answered == ANSWERED
    assert not ANSWERED & set(NOT_ANSWERED)


def message(payload, path, rule, line):
    return next(d["message"] for d in payload["diagnostics"] if (d["file"], d["rule"], d["line"]) == (path, rule, line))


def test_messages_state_the_recomputed_figure_and_how(payload):
    a, b = f"{SH}/stic-work-funds-self-evaluation.yaml", f"{SH}/future-park-exhibition-hall-self-evaluation.yaml"
    assert "2847.98 ÷ 2903.14 = 98.10%" in message(payload, a, "exec-rate", 21)
    assert "20 × 182 ÷ 400 = 9.10" in message(payload, b, "score-rule", 50)
    assert "the total is 89.09 (printed 96.99)" in message(payload, b, "score-rule", 50)
    assert "full points 10" in message(payload, b, "score-rule", 81)
    assert "= 89.09 (\"良\"), not the 96.99 (\"优\") the printed scores add up to" in message(payload, b, "grade-band", 40)
    assert "190.00%" in message(payload, b, "overachievement-review", 70)
    assert "shifted by one cell" in message(payload, a, "score-bounds", 58)
    assert "min(100.00%, 100%) × 10 = 10.00" in message(payload, SC, "exec-score", 28)
    assert "89.974 ÷ 89.974 = 100.00%" in message(payload, AH, "exec-rate", 25)
    assert "summed over the source rows" in message(payload, AH, "exec-rate", 25)
    assert "30 + 30 + 29.99 = 89.99 (in 10,000 yuan)" in message(payload, AH, "narrative-breakdown", 38)
    assert "10/60/30/0" in message(payload, SC, "selfeval-weights", 77)
    assert "10 ÷ 50 = 20.00%" in message(payload, YN, "actual-is-measurement", 39)


# --- deliberately not flagged (seed-defects.md and corpus-defects.md) ---------------------------

def rules_at(payload, path, line):
    return {d["rule"] for d in payload["diagnostics"] if d["file"] == path and d["line"] == line}


def test_seed_004_arithmetic_that_is_right_stays_silent(payload):
    """9.81 = 98.10% × 10, 9.99 = 99.875% × 10, both totals add up, and the 分值 add up to 100."""
    rules = {d["rule"] for d in payload["diagnostics"] if d["file"].startswith(SH)}
    assert not rules & {"exec-score", "total-score", "selfeval-weights", "exec-sources-sum"}
    assert "exec-rate" not in rules_at(payload, f"{SH}/future-park-exhibition-hall-self-evaluation.yaml", 21)


def test_no_cost_indicator_is_asked_of_the_2021_self_evaluations(payload):
    assert not [d for d in payload["diagnostics"] if d["rule"] == "cost-indicator-required"]


def test_yunnan_20_80_weights_no_points_column_and_cut_off_reason_stay_silent(payload):
    """02: the 20/80 split (产出 40) is the county template's; there is no 分值 or 偏差原因 column;
    the 20% execution has no reason cell and the text is cut before any narrative; only 数量 rows
    are visible; 填报日期 falls after the fiscal year."""
    rules = {d["rule"] for d in payload["diagnostics"] if d["file"] == YN}
    assert not rules & {"selfeval-weights", "score-bounds", "score-rule", "deviation-reason", "exec-reason",
                        "exec-score", "total-score", "required-level1", "output-dimensions", "fiscal-year-dates"}


def test_yunnan_bare_numbers_are_read_with_the_names_hint(payload):
    rules = {d["rule"] for d in payload["diagnostics"] if d["file"] == YN}
    assert not rules & {"operator-required", "unit-required", "unit-matches-name"}


def test_sichuan_three_cell_targets_and_zero_rows_stay_silent(payload):
    """04: = / 100 / % in three cells is a complete target; 0.00% on 0 ÷ 0 rows; 调整后 = 执行 exactly;
    the project code in the name."""
    rules = {d["rule"] for d in payload["diagnostics"] if d["file"] == SC}
    assert not rules & {"operator-required", "unit-required", "percent-range", "exec-rate", "exec-within-budget"}
    assert "exec-sources-sum" not in rules


def test_anhui_full_marks_cost_rounding_and_blank_cells_stay_silent(payload):
    """07: full marks for 达成 on qualitative indicators; the 成本 actual 90 against 89.974 spent; the blank
    上年结转 / 其他资金 and 偏差原因 cells; the empty 经济效益 row; the unit codes; and nothing about what lies
    beyond the cut (满意度, the total)."""
    rules = {d["rule"] for d in payload["diagnostics"] if d["file"] == AH}
    assert not rules & {"qual-score-band", "score-rule", "deviation-reason", "total-score", "selfeval-weights",
                        "cost-within-budget", "required-level1", "score-bounds"}
