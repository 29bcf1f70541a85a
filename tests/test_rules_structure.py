"""Structure, cost, money and date rules (groups A, E, F, G) on snippets: exact line, column and pointer."""
import textwrap

import pytest

from conftest import ROOT, lint_text, problems
from perflint.config.loader import load_config
from perflint.engine.runner import lint_bytes

MINE = (
    "required-fields", "annual-goal-required", "required-level1", "cost-indicator-required", "output-dimensions",
    "level2-under-level1", "unknown-category", "empty-indicator", "duplicate-indicator", "cost-quantified",
    "cost-within-budget", "unit-cost-times-quantity", "money-format", "non-negative-money", "prior-year-execution",
    "narrative-amount", "year-consistency", "item-period", "plan-dates", "deadline-in-period",
)


def severities(text, rule):
    return [(d.line, str(d.severity)) for d in lint_text(text, select=[rule]) if d.rule == rule]


def with_profile(text, profile, rule):
    config = load_config(cli={"profile": profile}, cwd=ROOT / "tests")
    found = lint_bytes("t.yaml", textwrap.dedent(text).encode("utf-8"), config).active
    return [(d.line, str(d.severity)) for d in found if d.rule == rule]


def ind(l1, l2, name, target):
    return f"  - level1: {l1}\n    level2: {l2}\n    name: {name}\n    target: '{target}'\n"


# ---------------------------------------------------------------- A1 required-fields

SH2024_HEADER = """\
era: sh-2024
fiscal_year: 2024
department: 科创办
implementing_unit: 科创办
project:
  name: 机关服务
  nature: 其他经常性项目
  category: 特定目标类
  start: 2024-01-01
  end: 2024-12-31
budget:
  unit: 元
  annual: 2231300.00
  sources:
    appropriation: 2231300.00
indicators:
""" + ind("产出指标", "数量指标", "到岗人数", "=5(人)")


def test_required_fields_2024_needs_no_narrative_and_no_total():
    assert problems(SH2024_HEADER, "required-fields") == []


def test_required_fields_2024_blank_markers_count_as_missing():
    text = SH2024_HEADER.replace("implementing_unit: 科创办", "implementing_unit: 无").replace("category: 特定目标类", "category: —")
    assert problems(text, "required-fields") == [(4, 1, "/implementing_unit"), (8, 3, "/project/category")]


SH2019 = """\
era: sh-2019
fiscal_year: 2019
declaring_unit: 科创办
project:
  name: 科创中心展厅运营项目
  nature: 经常性专项业务费
  performance_type: 其他事业专业类
  start: 2019-01-01
  end: 2019-12-31
  overview: 展示科创中心建设成果。
  basis: 市委市政府决定。
  necessity: 展示张江成果。
  measures: 按市财政标准执行。
  plan: 全年运营。
budget:
  unit: 元
  total: 7505576
  annual: 7505576
  previous_year:
    budget: 0
    executed: 0
indicators:
""" + ind("产出目标", "数量目标", "参展人数", "2000人")


def test_required_fields_2019_complete_form_passes():
    assert problems(SH2019, "required-fields") == []


def test_required_fields_2019_needs_narratives_unit_and_prior_year():
    text = SH2019.replace("  overview: 展示科创中心建设成果。\n", "").replace("    executed: 0\n", "    executed:\n")
    text = text.replace("declaring_unit: 科创办", "department: 科创办")
    assert problems(text, "required-fields") == [
        (1, 1, "/declaring_unit"), (4, 1, "/project/overview"), (20, 5, "/budget/previous_year/executed"),
    ]


def test_required_fields_same_content_judged_by_era():
    # The 2024 header lacks the narrative cells: fine as sh-2024, not as sh-2020.
    found = problems(SH2024_HEADER.replace("era: sh-2024", "era: sh-2020"), "required-fields")
    assert sorted(p for _, _, p in found) == sorted([
        "/declaring_unit", "/project/performance_type", "/project/overview", "/project/basis", "/project/necessity",
        "/project/measures", "/project/plan", "/budget/total", "/budget/previous_year/budget",
        "/budget/previous_year/executed",
    ])


def test_required_fields_skip_option_and_empty_indicators():
    text = SH2024_HEADER.replace("  category: 特定目标类\n", "")
    assert problems(text, "required-fields", skip=["project.category"]) == []
    text = SH2024_HEADER.split("indicators:")[0] + "indicators: []\n"
    assert problems(text, "required-fields") == [(16, 1, "/indicators")]


# ---------------------------------------------------------------- A2 annual-goal-required

def test_annual_goal_missing_is_error_and_points_at_goals():
    text = "project: {name: x, start: 2024-01-01, end: 2024-12-31}\ngoals:\n  overall: 总目标\n  annual: /\n"
    assert severities(text, "annual-goal-required") == [(4, "error")]
    assert problems(text, "annual-goal-required") == [(4, 3, "/goals/annual")]


def test_annual_goal_2020_combined_overall_counts_for_both():
    text = "era: sh-2020\nproject: {name: x, start: 2020-01-01, end: 2020-12-31}\ngoals:\n  overall: 总目标是…，阶段性目标是…\n"
    assert problems(text, "annual-goal-required") == []
    assert problems(text.replace("sh-2020", "sh-2024"), "annual-goal-required") == [(3, 1, "/goals/annual")]


def test_annual_goal_multi_year_needs_overall_as_warning():
    text = "project: {name: x, start: 2024-03-01, end: 2026-06-30}\ngoals:\n  overall: ''\n  annual: 完成一期建设。\n"
    assert severities(text, "annual-goal-required") == [(3, "warning")]
    text = "era: sh-2024\nproject: {name: x, multi_year: true, start: 2024-01-01, end: 2024-12-31}\ngoals:\n  annual: 完成一期。\n"
    assert problems(text, "annual-goal-required") == [(3, 1, "/goals/overall")]
    # a recognised (undeclared) template whose document has no overall-goal cell does not print one
    assert problems(text.replace("era: sh-2024\n", ""), "annual-goal-required") == []
    assert problems(text.replace("  annual", "  overall: 三年建成平台。\n  annual"), "annual-goal-required") == []


# ---------------------------------------------------------------- A3 required-level1

OUT = ind("产出指标", "数量指标", "接待批次", "≥200(批次)")
BEN = ind("效益指标", "社会效益指标", "展厅开放天数", "≥250(天)")
SAT = ind("满意度指标", "服务对象满意度指标", "参观者满意度", "≥95%")


def test_required_level1_complete_passes():
    assert problems("indicators:\n" + OUT + BEN + SAT, "required-level1") == []


def test_required_level1_missing_output_and_benefit_are_errors_satisfaction_warning():
    assert severities("indicators:\n" + SAT, "required-level1") == [(1, "error"), (1, "error")]
    assert severities("indicators:\n" + OUT + BEN, "required-level1") == [(1, "warning")]
    assert problems("indicators:\n" + OUT + BEN, "required-level1") == [(1, 1, "/indicators")]


def test_required_level1_satisfaction_exempt_with_reason():
    text = "project:\n  name: 缴纳残疾人就业保障金\n  satisfaction_exempt: 法定缴费，无服务对象\nindicators:\n" + OUT + BEN
    assert problems(text, "required-level1") == []
    assert problems(text.replace("法定缴费，无服务对象", "''"), "required-level1") == [(4, 1, "/indicators")]


def test_required_level1_old_eras_satisfaction_is_a_second_level():
    y2019 = "era: sh-2019\nindicators:\n" + ind("产出目标", "数量目标", "参展人数", "2000人") + \
        ind("效果目标", "社会效益目标", "知名度", "提升10%") + ind("影响力目标", "满意度目标", "参观受众满意度", "≧95%")
    assert problems(y2019, "required-level1") == []
    y2020 = "era: sh-2020\nindicators:\n" + ind("产出目标", "数量", "参观人数", ">=2000人") + \
        ind("效果目标", "满意度", "参观人员满意度", ">=95%")
    # satisfaction under 效果目标 is not a benefit
    assert problems(y2020, "required-level1") == [(2, 1, "/indicators")]


def test_required_level1_management_indicators_do_not_count():
    text = "era: sh-2020\nindicators:\n" + ind("投入与管理", "投入管理", "预算执行率", "=100%") + BEN + SAT
    assert severities(text, "required-level1") == [(2, "error")]


# ---------------------------------------------------------------- A4 cost-indicator-required

def test_cost_indicator_required_by_era_under_default_profile():
    body = "indicators:\n" + OUT + BEN + SAT
    assert severities("era: sh-2024\n" + body, "cost-indicator-required") == [(2, "warning")]
    assert severities("era: sh-2025\n" + body, "cost-indicator-required") == [(2, "error")]
    assert severities("era: central-2022\n" + body, "cost-indicator-required") == [(2, "error")]
    for era in ("sh-2019", "sh-2020", "central-2015"):
        assert severities(f"era: {era}\n" + body, "cost-indicator-required") == [], era


def test_cost_indicator_required_profiles():
    text = "era: sh-2024\nindicators:\n" + OUT + BEN + SAT
    assert with_profile(text, "default", "cost-indicator-required") == [(2, "warning")]
    assert with_profile(text, "sh-2024", "cost-indicator-required") == [(2, "warning")]
    assert with_profile(text, "sh-2025", "cost-indicator-required") == [(2, "error")]
    assert with_profile(text, "central-2022", "cost-indicator-required") == [(2, "error")]
    assert with_profile(text, "sh-2019", "cost-indicator-required") == []
    old = text.replace("sh-2024", "sh-2020")
    assert with_profile(old, "sh-2025", "cost-indicator-required") == []


def test_cost_indicator_either_placement_counts():
    first = ind("成本指标", "经济成本指标", "项目总成本", "≤649.17万元")
    second = ind("产出指标", "成本指标", "人均成本", "≤800元/人")
    assert problems("era: sh-2025\nindicators:\n" + first + OUT, "cost-indicator-required") == []
    assert problems("era: sh-2024\nindicators:\n" + second + OUT, "cost-indicator-required") == []


def test_select_keeps_era_overrides_from_adding_rules():
    found = lint_text("era: central-2022\nindicators:\n" + OUT, select=["budget-sum"])
    assert found == []


# ---------------------------------------------------------------- A5 output-dimensions

def test_output_dimensions_missing_timeliness():
    text = "indicators:\n" + OUT + ind("产出指标", "质量指标", "验收通过率", "≥95%") + BEN
    assert problems(text, "output-dimensions") == [(1, 1, "/indicators")]
    found = lint_text(text, select=["output-dimensions"])
    assert "时效指标" in found[0].message.zh


def test_output_dimensions_timeliness_under_benefit_does_not_count():
    text = "indicators:\n" + OUT + ind("产出指标", "质量指标", "故障率", "≤3%") + ind("效益指标", "时效指标", "更新及时率", "=100%")
    assert len(problems(text, "output-dimensions")) == 1


def test_output_dimensions_any_era_spelling_and_option():
    text = "indicators:\n" + ind("产出目标", "数量", "人数", ">=2000人") + ind("产出目标", "质量", "质量", ">=95%") + \
        ind("产出目标", "时效", "及时性", "=100%")
    assert problems(text, "output-dimensions") == []
    only_quality = "indicators:\n" + ind("产出指标", "质量指标", "合格率", "=100%")
    assert len(problems(only_quality, "output-dimensions")) == 2
    assert problems(only_quality, "output-dimensions", dimensions=["质量"]) == []
    assert problems("indicators:\n" + BEN, "output-dimensions") == []  # no outputs: required-level1's finding


# ---------------------------------------------------------------- A6/D3 level2-under-level1, A7 unknown-category

def test_placement_judged_by_the_declarations_own_era():
    sat2020 = ind("效果目标", "满意度", "参观人员满意度", ">=95%")
    assert problems("era: sh-2020\nindicators:\n" + sat2020, "level2-under-level1") == []
    assert problems("era: sh-2024\nindicators:\n" + ind("效益指标", "满意度", "满意度", "≥95%"), "level2-under-level1") == [
        (4, 13, "/indicators/0/level2")]
    impact2020 = ind("影响力目标", "满意度", "参观人员满意度", ">=95%")
    assert problems("era: sh-2020\nindicators:\n" + impact2020, "level2-under-level1") == [(4, 13, "/indicators/0/level2")]
    assert problems("era: sh-2019\nindicators:\n" + ind("影响力目标", "满意度目标", "满意度", "≧95%"), "level2-under-level1") == []


def test_placement_message_names_the_right_home():
    found = lint_text("era: sh-2024\nindicators:\n" + ind("产出指标", "社会效益指标", "参观人数", "≥2000(人)"), select=["level2-under-level1"])
    assert [(d.line, d.column, d.pointer) for d in found] == [(4, 13, "/indicators/0/level2")]
    assert "效益指标 › 社会效益指标" in found[0].message.zh


def test_cost_first_level_accepted_on_2024_tree_but_not_cost_under_output_in_2025():
    assert problems("era: sh-2024\nindicators:\n" + ind("成本指标", "经济成本指标", "总成本", "≤10万元"), "level2-under-level1") == []
    assert problems("era: sh-2024\nindicators:\n" + ind("成本指标", "经济成本指标", "总成本", "≤10万元"), "unknown-category") == []
    assert problems("era: sh-2025\nindicators:\n" + ind("产出指标", "成本指标", "总成本", "≤10万元"), "level2-under-level1") == [
        (4, 13, "/indicators/0/level2")]


def test_unknown_category_with_did_you_mean():
    found = lint_text("era: sh-2024\nindicators:\n" + ind("产出指示", "数量指标", "接待批次", "≥200(批次)"), select=["unknown-category"])
    assert [(d.line, d.column, d.pointer) for d in found] == [(3, 13, "/indicators/0/level1")]
    assert "产出指标" in found[0].message.zh and "did you mean" in found[0].message.en
    found = lint_text("era: sh-2020\nindicators:\n" + ind("效果目标", "社会效应", "贡献度", ">=80%"), select=["unknown-category"])
    assert [(d.line, d.column) for d in found] == [(4, 13)] and "社会效益" in found[0].message.zh


def test_unknown_category_first_level_not_used_by_era_and_blank_labels():
    assert problems("era: sh-2024\nindicators:\n" + ind("投入和管理目标", "财务管理", "资金到位率", "100%"), "unknown-category") == [
        (3, 13, "/indicators/0/level1")]
    assert problems("era: sh-2019\nindicators:\n" + ind("投入和管理目标", "随便写的", "资金到位率", "100%"), "unknown-category") == []
    text = "era: sh-2024\nindicators:\n  - {level1: '', level2: 数量指标, name: a, target: '1'}\n  - {level1: 产出指标, level2: ' ', name: b, target: '1'}\n"
    assert problems(text, "unknown-category") == [(3, 6, "/indicators/0/level1"), (4, 20, "/indicators/1/level2")]


def test_seed_category_trees_are_all_known():
    for era, pairs in {
        "sh-2019": [("投入和管理目标", "项目制度管理"), ("效果目标", "生态效益目标"), ("影响力目标", "可持续目标")],
        "sh-2020": [("投入与管理", "实施管理"), ("效果目标", "环境效益"), ("影响力目标", "配套设施"), ("影响力目标", "长效管理")],
        "sh-2024": [("效益指标", "可持续影响指标"), ("满意度指标", "服务对象满意度指标")],
    }.items():
        text = f"era: {era}\nindicators:\n" + "".join(ind(a, b, f"n{i}", "1") for i, (a, b) in enumerate(pairs))
        assert problems(text, "unknown-category") == [], era
        assert problems(text, "level2-under-level1") == [], era


# ---------------------------------------------------------------- A8 empty-indicator

def test_empty_indicator_blank_and_digit_names_and_targets():
    text = "indicators:\n" + ind("产出指标", "数量指标", "88", "100") + ind("产出指标", "质量指标", "系统故障率", "—") + \
        "  - level1: 产出指标\n    level2: 时效指标\n    target: '=100%'\n"
    assert problems(text, "empty-indicator") == [(4, 11, "/indicators/0/name"), (9, 13, "/indicators/1/target"), (10, 5, "/indicators/2/name")]
    assert problems("indicators:\n" + OUT, "empty-indicator") == []


# ---------------------------------------------------------------- A9 duplicate-indicator

def test_duplicate_same_name_ignoring_spaces_and_punctuation():
    text = "indicators:\n" + ind("产出指标", "质量指标", "验收通过率", "≥95%") + ind("产出指标", "质量指标", "验收 通过率。", "=100%")
    assert problems(text, "duplicate-indicator") == [(8, 11, "/indicators/1/name")]


def test_duplicate_name_written_twice_in_one_cell():
    text = "indicators:\n" + ind("产出指标", "时效指标", "每日提供餐饮及时性餐饮提供及时性", "=100(%)")
    assert problems(text, "duplicate-indicator") == [(4, 11, "/indicators/0/name")]
    for name in ("展厅参观人数及展会参观人数", "参观人员满意度讲解人员满意度", "年内完成项目完成及时性", "提升统计信息采集的及时性、可靠性和完整性"):
        assert problems("indicators:\n" + ind("产出指标", "时效指标", name, "=100%"), "duplicate-indicator") == [], name


def test_duplicate_people_counted_as_output_and_benefit():
    text = "indicators:\n" + ind("产出指标", "数量指标", "辅助人员的到岗人数", "=5(人)") + ind("效益指标", "社会效益指标", "解决就业人数", "=5(人)")
    assert problems(text, "duplicate-indicator") == [(9, 13, "/indicators/1/target")]
    assert problems(text, "duplicate-indicator", output_benefit_counts=False) == []
    for other in ("=6(人)", "≥5(人)", "=5(%)"):
        assert problems(text.replace("'=5(人)'\n", f"'{other}'\n", 1), "duplicate-indicator") == [], other
    ones = text.replace("=5(人)", "=1(人)")
    assert problems(ones, "duplicate-indicator") == []


# ---------------------------------------------------------------- E cost rules

def test_cost_quantified():
    ok = "indicators:\n" + ind("成本指标", "经济成本指标", "总成本", "≤649.17万元") + ind("成本指标", "经济成本指标", "人均成本", "≤800元/人")
    assert problems(ok, "cost-quantified") == []
    bad = "indicators:\n" + ind("成本指标", "经济成本指标", "成本控制率", "≤100%") + ind("成本指标", "社会成本指标", "成本控制", "不超预算")
    assert problems(bad, "cost-quantified") == [(5, 13, "/indicators/0/target"), (9, 13, "/indicators/1/target")]
    # under 产出 a target with no number at all is output-quantified's finding (cost-quantified defers to it
    # while it is on), a percentage is ours
    older = "indicators:\n" + ind("产出指标", "成本指标", "成本控制", "不超预算") + ind("产出指标", "成本指标", "成本控制率", "≤100%")
    assert problems(older, "cost-quantified") == [(5, 13, "/indicators/0/target"), (9, 13, "/indicators/1/target")]
    both = {(d.rule, d.pointer) for d in lint_text(older, select=["cost-quantified", "output-quantified"])}
    assert ("cost-quantified", "/indicators/0/target") not in both and ("output-quantified", "/indicators/0/target") in both
    # the social and the ecological cost are stated in words
    worded = "indicators:\n" + ind("成本指标", "社会成本指标", "对周边居民生活的不利影响", "无") + \
        ind("成本指标", "生态环境成本指标", "泵站运行噪声及排放对环境的影响", "无负面影响")
    assert problems(worded, "cost-quantified") == []


def test_cost_within_budget_converts_units():
    head = "budget: {unit: 元, annual: 6491700.00}\nindicators:\n"
    assert problems(head + ind("成本指标", "经济成本指标", "项目总成本", "≤649.17万元"), "cost-within-budget") == []
    assert problems(head + ind("成本指标", "经济成本指标", "项目总成本", "≤649.18万元"), "cost-within-budget") == [(6, 13, "/indicators/0/target")]
    assert problems(head + ind("成本指标", "经济成本指标", "人均成本", "≤7000000元/人"), "cost-within-budget") == []
    wan = "budget: {unit: 万元, annual: 3068.14}\nindicators:\n" + ind("成本指标", "经济成本指标", "总成本", "≤3068.15万元")
    assert problems(wan, "cost-within-budget") == [(6, 13, "/indicators/0/target")]


def test_cost_within_budget_multi_year_uses_total():
    text = "project: {name: x, start: 2024-01-01, end: 2026-12-31}\nbudget: {unit: 元, total: 3000000, annual: 1000000}\nindicators:\n" + \
        ind("成本指标", "经济成本指标", "项目总成本", "≤300万元")
    assert problems(text, "cost-within-budget") == []
    assert problems(text.replace("2026-12-31", "2024-12-31"), "cost-within-budget") == [(7, 13, "/indicators/0/target")]


def test_unit_cost_times_quantity():
    head = "budget: {unit: 元, annual: 300000}\nindicators:\n" + ind("产出指标", "数量指标", "培训人数", "≥500人")
    unit = ind("成本指标", "经济成本指标", "人均培训成本", "≤800元/人")
    assert problems(head + unit, "unit-cost-times-quantity") == [(10, 13, "/indicators/1/target")]
    assert problems(head + unit, "unit-cost-times-quantity", tolerance=0.5) == []
    assert problems(head.replace("300000", "400000") + unit, "unit-cost-times-quantity") == []
    # units that differ are not paired
    assert problems(head + ind("成本指标", "经济成本指标", "单场成本", "≤800元/场"), "unit-cost-times-quantity") == []


# ---------------------------------------------------------------- F money rules

def test_money_format_text_unreadable_and_precision():
    text = "budget:\n  unit: 元\n  total: '41,098,620'\n  annual: 很多\n  previous_year:\n    budget: 6491700.005\n    executed: 6491700.00\n"
    assert problems(text, "money-format") == [(3, 10, "/budget/total"), (4, 11, "/budget/annual"), (6, 13, "/budget/previous_year/budget")]
    found = lint_text(text, select=["money-format"])
    assert "41098620" in found[0].message.zh
    wan = "budget:\n  unit: 万元\n  annual: 3068.1400001\n  total: 3068.140001\n"
    assert problems(wan, "money-format") == [(3, 11, "/budget/annual")]


def test_money_format_missing_unit_and_item_amounts():
    assert problems("budget:\n  annual: 6491700.00\n", "money-format") == [(1, 1, "/budget")]
    text = "budget:\n  unit: 元\n  annual: 100\n  items:\n    - {name: a, amount: '1,00'}\n"
    assert problems(text, "money-format") == [(5, 25, "/budget/items/0/amount")]


def test_non_negative_money():
    text = "budget:\n  unit: 元\n  annual: 50000\n  sources: {appropriation: 60000, carryover: '-10,000', other: 0}\n  items:\n    - {name: a, amount: -1}\n"
    assert problems(text, "non-negative-money") == [(4, 46, "/budget/sources/carryover"), (6, 25, "/budget/items/0/amount")]
    assert severities(text, "non-negative-money")[0][1] == "warning"  # a [C] rule: warning by default, a profile may raise it


def test_prior_year_execution():
    text = "budget:\n  unit: 元\n  previous_year:\n    budget: 5869574\n    executed: {}\n"
    assert problems(text.format(5869574), "prior-year-execution") == []
    assert problems(text.format(5869575), "prior-year-execution") == [(5, 15, "/budget/previous_year/executed")]
    assert problems(text.format("null"), "prior-year-execution") == []


def test_narrative_amount_rounding_to_printed_precision():
    text = "budget: {{unit: 元, total: 41098620, annual: 41098620}}\nproject:\n  name: x\n  overview: 项目预算总额{}。\n"
    assert problems(text.format("4109.86万元"), "narrative-amount") == []
    assert problems(text.format("4110万元"), "narrative-amount") == []
    assert problems(text.format("41,098,620元"), "narrative-amount") == []
    assert problems(text.format("4109.87万元"), "narrative-amount") == [(4, 13, "/project/overview")]
    assert problems(text.format("约4000万元"), "narrative-amount") == []


def test_narrative_amount_ignores_other_money_and_accepts_any_budget_figure():
    text = "budget: {unit: 元, total: 8000000, annual: 8000000, previous_year: {budget: 5869574, executed: 5869574}}\n" \
           "project:\n  name: x\n  necessity: 咨询费用分别为800万元和400万元。上年预算5869574元。\n"
    assert problems(text, "narrative-amount") == []


# ---------------------------------------------------------------- G date rules

def test_year_consistency_title_and_era():
    assert problems("fiscal_year: 2024\nform_title: 财政项目支出绩效目标申报表（2024年度）\n", "year-consistency") == []
    assert problems("fiscal_year: 2024\nform_title: 财政项目支出绩效目标申报表（2023年度）\n", "year-consistency") == [(2, 13, "/form_title")]
    assert problems("era: sh-2019\nfiscal_year: 2024\n", "year-consistency") == [(1, 6, "/era")]
    assert problems("era: sh-2024\nfiscal_year: 2024\n", "year-consistency") == []
    # an inferred era is not judged: only a declared one
    assert problems("fiscal_year: 2024\nindicators:\n" + ind("投入和管理目标", "财务管理", "到位率", "100%"), "year-consistency") == []


def test_year_consistency_without_fiscal_year_compares_dates_with_title():
    text = "form_title: 申报表（2024年度）\nproject: {name: x, start: 2023-01-01, end: 2024-12-31}\n"
    assert problems(text, "year-consistency") == [(2, 27, "/project/start")]


def test_item_period():
    text = "project: {name: x, start: 2019-04-01, end: 2019-04-30}\nbudget:\n  unit: 元\n  items:\n" \
           "    - {name: 搭建, amount: 1, start: 2019-03-15, end: 2019-05-10}\n    - {name: 布展, amount: 1, start: 2019-04-02, end: 2019-04-20}\n"
    assert problems(text, "item-period") == [(5, 36, "/budget/items/0/start"), (5, 53, "/budget/items/0/end")]
    swapped = text.replace("start: 2019-04-02, end: 2019-04-20", "start: 2019-04-20, end: 2019-04-02")
    assert problems(swapped, "item-period")[-1] == (6, 36, "/budget/items/1/start")


def test_plan_dates_is_info_and_points_at_plan():
    text = "project:\n  name: x\n  start: 2020-01-01\n  end: 2020-12-31\n  plan: 2019年12月开展项目政府采购程序，2020年开展运营，2021年3月完成验收。\n"
    assert problems(text, "plan-dates") == [(5, 9, "/project/plan"), (5, 9, "/project/plan")]
    assert {s for _, s in severities(text, "plan-dates")} == {"info"}
    assert problems("fiscal_year: 2020\nproject: {name: x, plan: 2020年3月完成采购}\n", "plan-dates") == []
    assert problems("fiscal_year: 2020\nproject: {name: x, plan: 2019年12月完成采购}\n", "plan-dates") == [(2, 26, "/project/plan")]


def test_deadline_in_period():
    head = "fiscal_year: 2024\nproject: {name: x, start: 2024-01-01, end: 2024-06-30}\nindicators:\n"
    assert problems(head + ind("产出指标", "时效指标", "完成时间", "6月30日前"), "deadline-in-period") == []
    assert problems(head + ind("产出指标", "时效指标", "完成时间", "12月31日前"), "deadline-in-period") == [(7, 13, "/indicators/0/target")]
    assert problems(head + ind("产出指标", "时效指标", "验收时间", "2025年3月底前"), "deadline-in-period") == [(7, 13, "/indicators/0/target")]
    assert problems(head + ind("产出指标", "时效指标", "响应时间", "≤6个月"), "deadline-in-period") == []
    assert problems(head + ind("产出指标", "时效指标", "建设周期", "≤7个月"), "deadline-in-period") == [(7, 13, "/indicators/0/target")]
    assert problems(head + ind("产出指标", "时效指标", "及时率", "=100%"), "deadline-in-period") == []
    # only timeliness indicators are read as deadlines
    assert problems(head + ind("产出指标", "质量指标", "验收时间", "2025年3月底前"), "deadline-in-period") == []


# ---------------------------------------------------------------- robustness

ODD = [
    "project: x\nbudget: 7\ngoals: [a]\nindicators: {a: 1}\n",
    "project: [1, 2]\nbudget: {unit: 亿元, annual: [1], total: {a: 1}, sources: 3, previous_year: x, items: [1, {amount: x}]}\n",
    "fiscal_year: x\nform_title: 7\nera: 12\nproject: {start: x, end: 2024-02-30, plan: 5, overview: [a], multi_year: yes}\n",
    "indicators: [1, null, {level1: 1, level2: [x], name: {a: 1}, target: 12}, {level1: 产出指标, level2: 时效指标, name: t, target: '9999年13月'}]\n",
    "indicators:\n  - {level1: 成本指标, level2: 经济成本指标, name: c, target: '≤1e999元/人'}\n  - {level1: 产出指标, level2: 数量指标, name: q, target: '≥99999999999999999999999999999999人'}\n"
    "budget: {unit: 元, annual: 1, previous_year: {budget: .inf, executed: .nan}}\nproject: {start: 2024-01-01, end: 2024-12-31}\n",
    "fiscal_year: 2024\nproject: {start: 0001-01-01, end: 9999-12-31, plan: 9999年12月}\nindicators: [{level1: 产出指标, level2: 时效指标, name: t, target: '≤99999999999年'}]\n",
    "budget: {unit: 元, annual: 123456789012345678901234567890.123456789, total: '1,234,567,890,123,456,789,012,345,678,901.5'}\n",
    "[]\n",
    "",
    "era: [sh-2019]\nfiscal_year: 10000000000000000000000\nindicators: 5\nproject: {start: 2024-01-01, plan: 2019年12月}\n",
    "budget: {unit: 元, previous_year: {budget: 1, executed: 10000000000000000000000000000000000000000}}\n",
]


@pytest.mark.parametrize("text", ODD)
def test_wrong_types_never_raise(text):
    found = lint_text(text, select=list(MINE))
    assert [d for d in found if d.rule == "internal-error"] == []


# ---------------------------------------------------------------- review regressions

DATE_RULES = ("fiscal-year-dates", "deadline-in-period", "year-consistency", "item-period", "plan-dates",
              "annual-goal-required")


@pytest.mark.parametrize("year", [0, -1, 10000, 10**30])
def test_a_fiscal_year_no_date_can_hold_is_no_fiscal_year(year):
    from perflint.model.declaration import Declaration
    from perflint.model.period import effective_period

    text = (f"fiscal_year: {year}\nform_title: 申报表（2024年度）\n"
            "project: {name: x, start: 2024-01-01, end: 2024-12-31, plan: 2024年3月完成采购}\n"
            "budget:\n  unit: 元\n  items:\n    - {name: a, amount: 1, start: 2024-01-01, end: 2024-02-01}\n"
            "indicators:\n" + ind("产出指标", "时效指标", "完成时间", "12月31日前") + ind("产出指标", "时效指标", "验收时间", "次年3月底前"))
    found = lint_text(text, select=list(DATE_RULES))
    assert [d for d in found if d.rule == "internal-error"] == []
    decl = Declaration({"fiscal_year": year, "project": {"start": "2024-03-01"}})
    assert decl.fiscal_year is None
    assert effective_period(decl) == (__import__("datetime").date(2024, 3, 1), None)


def test_fiscal_year_bounds():
    from perflint.model.declaration import Declaration

    assert [Declaration({"fiscal_year": y}).fiscal_year for y in (1, 2024, 9999, True, "2024", 2024.0)] == [1, 2024, 9999, None, None, None]


def test_budget_limit_one_choice_for_both_cost_rules():
    from perflint.model.declaration import Declaration
    from perflint.model.money_fields import budget_limit

    def limit(budget, project=None):
        found = budget_limit(Declaration({"budget": {"unit": "元", **budget}, "project": project or {}}))
        return found and (found[0], found[1])

    multi = {"start": "2024-01-01", "end": "2026-12-31"}
    assert limit({"annual": 100, "total": 300}) == (100, "项目当年预算")
    assert limit({"total": 300}) == (300, "项目总预算")  # single-year: the total is the same money
    assert limit({"annual": 100, "total": 300}, multi) == (300, "项目总预算")
    assert limit({"annual": 100}, multi) == (100, "项目当年预算")
    assert limit({}) is None and limit({"annual": "很多"}) is None


def test_cost_rules_agree_on_a_single_year_project_without_an_annual_amount():
    text = "budget: {unit: 元, total: 300000}\nindicators:\n" + ind("产出指标", "数量指标", "培训人数", "≥500人") + \
        ind("成本指标", "经济成本指标", "人均培训成本", "≤800元/人") + ind("成本指标", "经济成本指标", "项目总成本", "≤40万元")
    assert problems(text, "unit-cost-times-quantity") == [(10, 13, "/indicators/1/target")]
    assert problems(text, "cost-within-budget") == [(14, 13, "/indicators/2/target")]
    found = lint_text(text, select=["unit-cost-times-quantity"])
    assert "项目总预算" in found[0].message.zh and "project total" in found[0].message.en
    # a multi-year project without a total has nothing to be compared with
    multi = "project: {name: x, start: 2024-01-01, end: 2026-12-31}\n" + text.replace("total: 300000", "other: 1")
    assert problems(multi, "unit-cost-times-quantity") == [] and problems(multi, "cost-within-budget") == []


def test_money_fields_are_parsed_once_per_file(monkeypatch):
    from perflint.model import money_fields as mf

    calls = []
    real = mf.read_amount

    def counting(value, unit="元"):
        calls.append(value)
        return real(value, unit)

    monkeypatch.setattr(mf, "read_amount", counting)
    text = ("budget:\n  unit: 元\n  total: '41,098,620'\n  annual: -5\n  sources: {appropriation: 很多, carryover: 0}\n"
            "  items:\n    - {name: a, amount: 1}\n    - {name: b, amount: [1]}\n"
            "project: {name: x, overview: 项目预算总额4109.86万元。}\n")
    found = lint_text(text, select=["money-format", "non-negative-money", "narrative-amount", "budget-sum",
                                    "cost-within-budget", "unit-cost-times-quantity", "prior-year-execution"])
    assert {d.rule for d in found} >= {"money-format", "non-negative-money"}
    assert sorted(map(str, calls)) == sorted(["41,098,620", "-5", "很多", "0", "1"])  # the list is not parsed


def test_money_fields_carry_value_problem_and_labels():
    from perflint.model.declaration import Declaration
    from perflint.model.money_fields import money_fields

    decl = Declaration({"budget": {"unit": "万元", "total": "1,000", "annual": 5, "items": [{"name": "a", "amount": {"x": 1}}]}})
    fields = money_fields(decl)
    assert fields is money_fields(decl)
    assert [(f.pointer, f.value, f.problem, f.scalar) for f in fields] == [
        ("/budget/total", 10_000_000, "text", True), ("/budget/annual", 50_000, None, True),
        ("/budget/items/0/amount", None, None, False)]
    assert fields[2].label_zh == "子项目“a”金额" and decl.amount("budget", "annual") == 50_000


def test_duplicate_people_counted_under_the_2019_impact_tier():
    text = "era: sh-2019\nindicators:\n" + ind("产出目标", "数量目标", "辅助人员的到岗人数", "=5(人)") + \
        ind("影响力目标", "可持续影响", "持续带动就业人数", "=5(人)")
    assert problems(text, "duplicate-indicator") == [(10, 13, "/indicators/1/target")]
    # a satisfaction score filed as a benefit is no head count
    sat = "indicators:\n" + ind("产出指标", "数量指标", "参观人数", "=500(人)") + ind("效益指标", "社会效益指标", "参观者满意度", "=500(人)")
    assert problems(sat, "duplicate-indicator") == []


def test_required_level1_counts_the_2019_impact_tier_as_a_benefit():
    y2019 = "era: sh-2019\nindicators:\n" + ind("产出目标", "数量目标", "参展人数", "2000人") + \
        ind("影响力目标", "长效管理", "展厅长效运营机制", "建立") + ind("影响力目标", "满意度目标", "参观受众满意度", "≧95%")
    assert problems(y2019, "required-level1") == []
    # a satisfaction score misfiled under a benefit category fills the block: the misfiling is
    # benefit-type-mismatch's one finding (corpus 01-05, 08-05), not also a missing benefit
    misfiled = "indicators:\n" + OUT + ind("效益指标", "社会效益指标", "参观者满意度", "≥95%") + SAT
    assert problems(misfiled, "required-level1") == []
    assert [d.rule for d in lint_text(misfiled) if d.pointer.startswith("/indicators/1")] == ["benefit-type-mismatch"]
