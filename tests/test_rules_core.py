"""The five core rules on small snippets: exact rule, line, column and pointer."""
from conftest import lint_text, problems

BUDGET = """\
budget:
  unit: {unit}
  total: {total}
  annual: {annual}
  items:
    - name: a
      amount: {a}
    - name: b
      amount: {b}
"""


def test_budget_items_add_up():
    assert problems(BUDGET.format(unit="元", total=100, annual=100, a=40, b=60), "budget-sum") == []


def test_budget_items_do_not_add_up_points_at_annual_and_states_sum():
    found = lint_text(BUDGET.format(unit="元", total=965000, annual=965000, a=600000, b=0), select=["budget-sum"])
    assert [(d.line, d.column, d.pointer) for d in found] == [(4, 11, "/budget/annual")]
    assert "600,000" in found[0].message.en and "365,000" in found[0].message.zh


def test_budget_tolerance_option():
    text = BUDGET.format(unit="元", total=100, annual=100, a=40, b=59.995)
    assert problems(text, "budget-sum") == []
    assert problems(text, "budget-sum", tolerance=0.001) == [(4, 11, "/budget/annual")]


def test_budget_wanyuan_is_exact():
    text = BUDGET.format(unit="万元", total=1121.92, annual=1121.92, a=1000.01, b=121.91)
    assert problems(text, "budget-sum") == []


def test_budget_sources_and_total():
    text = "budget:\n  unit: 元\n  total: 100\n  annual: 120\n  sources: {appropriation: 100, carryover: 0, other: 0}\n"
    found = lint_text(text, select=["budget-sum"])
    assert len(found) == 2 and {d.pointer for d in found} == {"/budget/annual"}


def test_budget_wrong_types_do_not_crash():
    assert problems("budget: {annual: lots, items: [{name: a, amount: {x: 1}}, 3]}", "budget-sum") == []
    assert problems("budget: [1, 2]", "budget-sum") == []


IND = "indicators:\n  - level1: {l1}\n    level2: {l2}\n    name: {name}\n    target: '{target}'\n"


def test_output_quantified_error_under_quantity_warning_under_quality():
    q = lint_text(IND.format(l1="产出目标", l2="数量目标", name="模块数量", target="满足需求"), select=["output-quantified"])
    assert [(d.line, d.column, str(d.severity)) for d in q] == [(5, 13, "error")]
    q = lint_text(IND.format(l1="产出指标", l2="质量", name="功能", target="正常"), select=["output-quantified"])
    assert [str(d.severity) for d in q] == ["warning"]
    assert problems(IND.format(l1="产出指标", l2="时效指标", name="完成时间", target="2024年10月底前"), "output-quantified") == []
    assert problems(IND.format(l1="效益指标", l2="社会效益指标", name="影响", target="明显"), "output-quantified") == []


def test_satisfaction_min():
    rule = "satisfaction-min"
    assert problems(IND.format(l1="满意度指标", l2="服务对象满意度指标", name="参观者满意度", target="≥95.00(%)"), rule) == []
    assert problems(IND.format(l1="满意度指标", l2="服务对象满意度指标", name="参观者满意度", target="≥90%"), rule) == []
    assert problems(IND.format(l1="效果目标", l2="满意度", name="执行者满意度", target=">=80%"), rule) == [(5, 13, "/indicators/0/target")]
    assert problems(IND.format(l1="效果目标", l2="满意度", name="执行者满意度", target=">=80%"), rule, min=80) == []
    assert problems(IND.format(l1="产出指标", l2="质量指标", name="用户满意度", target="满意"), rule) == [(5, 13, "/indicators/0/target")]
    # a work measure filed under satisfaction is no satisfaction score: misfiled-indicator says so, and
    # "set a floor such as ≥90%" would be the wrong advice
    complaints = IND.format(l1="满意度指标", l2="满意度", name="投诉", target="≤5%")
    assert problems(complaints, rule) == []
    assert problems(complaints, "misfiled-indicator") == [(4, 11, "/indicators/0/name")]


def test_baseline_required():
    rule = "baseline-required"
    assert problems(IND.format(l1="效果目标", l2="经济效益目标", name="提升园区经济活跃度", target="提升10%"), rule) == [(5, 13, "/indicators/0/target")]
    bare = lint_text(IND.format(l1="效益指标", l2="社会效益指标", name="服务水平", target="提升"), select=[rule])
    assert [str(d.severity) for d in bare] == ["error"]
    with_baseline = IND.format(l1="效益指标", l2="社会效益指标", name="参观人数增长", target="提升10%") + \
        "    baseline: {value: 15000人, year: 2023}\n"
    assert problems(with_baseline, rule) == []
    assert problems(IND.format(l1="效益指标", l2="社会效益指标", name="增加就业岗位", target="≥50个"), rule) == []
    assert problems(IND.format(l1="效益指标", l2="社会效益指标", name="提升知名度", target=">=10%"), rule) == [(5, 13, "/indicators/0/target")]


DATES = "fiscal_year: 2024\nproject:\n  name: x\n  start: {start}\n  end: {end}\n"


def test_fiscal_year_dates():
    rule = "fiscal-year-dates"
    assert problems(DATES.format(start="2024-01-01", end="2024-12-31"), rule) == []
    assert problems(DATES.format(start="2024-1-1", end="2024-12-31"), rule) == []
    assert problems(DATES.format(start="2024-03-01", end="2025-06-30"), rule) == [(5, 8, "/project/end")]
    assert problems(DATES.format(start="2024-10-01", end="2024-03-31"), rule) == [(4, 10, "/project/start")]
    assert problems(DATES.format(start="2024-02-30", end="2024-12-31"), rule) == [(4, 10, "/project/start")]


def test_fiscal_year_dates_multi_year_and_items():
    rule = "fiscal-year-dates"
    multi = DATES.format(start="2023-01-01", end="2026-12-31") + "  multi_year: true\n"
    assert problems(multi, rule) == []
    items = DATES.format(start="2024-01-01", end="2024-12-31") + \
        "budget:\n  items:\n    - {name: a, amount: 1, start: 2024-02-01, end: 2025-01-31}\n"
    assert problems(items, rule) == [(8, 52, "/budget/items/0/end")]
