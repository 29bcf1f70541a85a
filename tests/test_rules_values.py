"""Groups B, C, D: indicator values, vague wording, satisfaction, goal cross-checks.

Each rule: failing snippets at their exact (line, column, pointer), passing snippets with no
finding, and documents of the wrong shape that must never make a rule raise.
"""
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import ROOT, lint_text, problems
from perflint.config.loader import load_config
from perflint.core.diagnostic import Severity
from perflint.engine.registry import all_rules
from perflint.model.declaration import Declaration
from perflint.model.goaltext import cn_number, measures, quantities, shared_noun
from perflint.model.names import core, name_class, numbers_in, unit_class
from perflint.model.operators import ACCEPTED, canonical, is_lookalike, written_operator
from perflint.model.polarity import polarity
from snippets import OUT_Q, OUT_QUAL, OUT_T, SAT, SOCIAL, at, block, check_fails, ind

RULES = (
    "operator-required", "operator-symbol", "qualitative-graded", "unit-required", "kind-mismatch", "percent-range",
    "unit-matches-name", "operator-direction", "number-conflict", "input-as-output", "output-under-benefit",
    "benefit-type-mismatch", "goal-not-measurable", "calc-method-for-rates", "goal-number-conflict",
    "satisfaction-100", "satisfaction-respondent",
)


def severities(text, rule):
    return [d.severity for d in lint_text(text, select=[rule]) if d.rule == rule]


# ---------------------------------------------------------------- operator-required

def test_operator_required_bare_numbers():
    check_fails("operator-required", [
        ind(*OUT_Q, "参展人数", "2000人"),
        ind(*OUT_T, "完成接待任务及时性", "100%"),
        ind("效益指标", "生态效益指标", "造成园区生态环境破坏", "0"),
        ind(*OUT_Q, "参观人数", "≥2000人"),
        ind(*OUT_QUAL, "通过率", "90-95%"),
        ind(*OUT_T, "服务时间", "7×24小时"),
        ind(*OUT_QUAL, "通过率", "95%以上"),
        ind(*OUT_QUAL, "通过率", "不低于90%"),
        ind(*OUT_QUAL, "管理制度健全性", "健全"),
        ind(*OUT_T, "完成时间", "12月31日前"),
    ], [0, 1, 2], head="era: sh-2024")


def test_operator_required_is_info_in_the_2019_template_era_only():
    text = block(ind("产出目标", "数量目标", "参展人数", "2000人"), head="era: sh-2019")
    assert severities(text, "operator-required") == [Severity.INFO]
    assert severities(text.replace("sh-2019", "sh-2024"), "operator-required") == [Severity.WARNING]
    found = lint_text(text, select=["operator-required"], rules={"operator-required": {"template_eras": []}})
    assert [d.severity for d in found] == [Severity.WARNING]


def test_operator_required_suggests_equality_for_100_and_0():
    found = lint_text(block(ind(*OUT_T, "及时性", "100%")), select=["operator-required"])
    assert "write \"=100%\"" in found[0].message.en and "≥100%" not in found[0].message.en


# ---------------------------------------------------------------- operator-symbol

def test_operator_symbol_lookalikes():
    check_fails("operator-symbol", [
        ind(*OUT_QUAL, "接待工作质量", "≧95%"),
        ind(*OUT_QUAL, "故障率", "≦3%"),
        ind(*OUT_Q, "培训人数", "＞＝200人"),
        ind(*OUT_Q, "培训人数", "＝200人"),
        ind(*OUT_Q, "培训人数", "=>200人"),
        ind(*OUT_Q, "培训人数", "≥200人"),
        ind(*OUT_Q, "培训人数", ">=200人"),
        ind(*OUT_QUAL, "故障率", "<=3%"),
        ind(*OUT_Q, "培训人数", "=200人"),
        ind(*OUT_Q, "培训人数", "不低于200人"),
        ind(*OUT_Q, "培训人数", "200人"),
        ind(*OUT_Q, "培训人数", "＞200人"),
        ind(*OUT_QUAL, "故障率", "＜3%"),
    ], [0, 1, 4])


def test_operator_symbol_full_width_is_typography():
    """＞ ＜ ＝ (and ＞＝) are the ASCII symbols in another width, read the same: not worth a warning."""
    check_fails("operator-symbol", [
        ind(*OUT_Q, "培训人数", "＞＝200人"),
        ind(*OUT_Q, "培训人数", "＝200人"),
        ind(*OUT_Q, "培训人数", "＞200人"),
        ind(*OUT_QUAL, "故障率", "＜3%"),
    ], [])


def test_operator_symbol_message_names_the_code_point_and_the_fix():
    found = lint_text(block(ind(*SAT, "参观受众满意度", "≧95%")), select=["operator-symbol"])
    assert "U+2267" in found[0].message.en and "write \"≥95%\"" in found[0].message.en


# ---------------------------------------------------------------- qualitative-graded

def test_qualitative_graded_free_text_and_scales():
    check_fails("qualitative-graded", [
        ind(*SOCIAL, "展厅正常运营情况", "全年正常运营"),
        ind("效益指标", "可持续影响指标", "参观人数预期目标达标", "正常"),
        ind("影响力目标", "可持续目标", "长效管理制度建设", "健全"),
        ind("影响力目标", "可持续目标", "对数据进行分析挖掘", "有效"),
        ind("投入和管理目标", "财务管理", "项目资金使用情况", "专款专用100%"),
        ind(*SOCIAL, "社会影响", "很大"),
        ind("投入与管理", "财务管理", "财务管理制度健全性", "健全"),
        ind("投入与管理", "投入管理", "预算编制合理性", "合理"),
        ind("投入与管理", "财务管理", "资金使用规范性", "规范"),
        ind("投入与管理", "财务管理", "财务监控有效性", "基本有效"),
        ind(*SOCIAL, "长效机制建立情况", "达到"),
        ind(*SOCIAL, "是否建立长效机制", "是"),
        ind(*SOCIAL, "服务质量", "“良好”以上"),
        ind("影响力目标", "可持续目标", "长效管理工作", "健全"),
    ], [0, 1, 3, 4, 5, 13])


def test_qualitative_graded_accepts_institution_states():
    """Reviewers accept an institution-building indicator graded by the institution's own states."""
    check_fails("qualitative-graded", [
        ind("影响力目标", "可持续目标", "长效管理制度建设", "健全"),
        ind(*SOCIAL, "内部控制机制", "建立健全"),
        ind(*SOCIAL, "绩效管理体系", "健全有效"),
        ind("投入和管理目标", "项目制度管理", "项目管理制度", "规范"),
        ind(*SOCIAL, "宣传推广工作", "健全"),
        ind(*SOCIAL, "绩效管理体系", "效果明显"),
    ], [4, 5])


OWNED = [
    ind("产出目标", "质量目标", "功能化模块功能实现程度", "功能运行正常"),  # output-quantified
    ind("影响力目标", "满意度目标", "用户满意度", "“良好”以上"),  # satisfaction-min
    ind("投入与管理", "实施管理", "信息公开实现率", "规范"),  # unit-matches-name
    ind("效果目标", "经济效益目标", "提升园区经济活跃度", "提升"),  # baseline-required (not a word on a scale)
]


def test_qualitative_graded_defers_to_the_owner_only_when_the_owner_reports():
    """One defect, one finding: with every rule on, the owner's finding stands alone at that target;
    with qualitative-graded alone (or the owner configured not to see it), the defect is still reported."""
    text = block(*OWNED)
    alone = problems(text, "qualitative-graded")
    assert alone == [at(text, 0, "target"), at(text, 2, "target")]
    everything = lint_text(text)
    by_pointer = {}
    for d in everything:
        by_pointer.setdefault(d.pointer, set()).add(d.rule)
    assert "qualitative-graded" not in set().union(*by_pointer.values())
    assert {"output-quantified"} <= by_pointer["/indicators/0/target"]
    assert {"unit-matches-name"} <= by_pointer["/indicators/2/target"]
    # the owner configured not to see a rate: the finding comes back
    found = lint_text(text, select=["qualitative-graded", "unit-matches-name"],
                      rules={"unit-matches-name": {"rate_endings": ["占比"]}})
    assert ("qualitative-graded", "/indicators/2/target") in {(d.rule, d.pointer) for d in found}


def test_qualitative_graded_messages():
    text = block(ind("影响力目标", "可持续目标", "长效管理工作建设", "健全"), ind(*SOCIAL, "运营情况", "全年正常运营"))
    found = lint_text(text, select=["qualitative-graded"])
    assert "长效管理工作健全性" in found[0].message.zh and "健全/基本健全/不健全" in found[0].message.zh
    assert "vague" in found[1].message.en and "not a level" in found[0].message.en


def test_qualitative_graded_scales_are_options():
    text = block(ind(*SOCIAL, "社会影响", "很大"))
    assert problems(text, "qualitative-graded", scales=["很大/较大/一般"]) == []


# ---------------------------------------------------------------- unit-required

def test_unit_required():
    check_fails("unit-required", [
        ind("产出目标", "数量目标", "完成火炬统计系统开发", "1"),
        ind(*OUT_Q, "开发模块", "=5"),
        ind(*OUT_Q, "开发模块", "1-2"),
        ind(*OUT_Q, "开发模块", "≥5个"),
        ind(*OUT_QUAL, "通过率", "95%"),
        ind("效果目标", "生态效益目标", "造成生态环境破坏", "0"),
        ind("效果目标", "生态效益目标", "造成生态环境破坏", "=0"),
        ind(*OUT_QUAL, "制度健全性", "健全"),
    ], [0, 1, 2])


def test_unit_required_zero_when_asked():
    check_fails("unit-required", [ind("效果目标", "生态效益目标", "造成生态环境破坏", "=0")], [0], allow_zero=False)


# ---------------------------------------------------------------- kind-mismatch

def test_kind_mismatch():
    check_fails("kind-mismatch", [
        ind(*OUT_T, "工作安排", "按月安排", kind="定量"),
        ind(*SOCIAL, "应保尽保", "100%", kind="定性"),
        ind(*SOCIAL, "服务水平", "提升", kind="定量"),
        ind(*OUT_Q, "参观人数", "≥2000人", kind="定量"),
        ind(*SOCIAL, "长效机制健全性", "健全", kind="定性"),
        ind(*SOCIAL, "长效机制健全性", "健全"),
        ind(*SOCIAL, "应保尽保", "100%", kind="quantitative"),
    ], [0, 1, 2])


# ---------------------------------------------------------------- percent-range

def test_percent_range():
    text = block(
        ind(*OUT_QUAL, "验收通过率", "=120%"),
        ind(*OUT_QUAL, "验收通过率", ">100%"),
        ind(*OUT_QUAL, "验收通过率", "90-110%"),
        ind(*SAT, "项目管理人员满意度", "≥100.00(%)"),
        ind(*OUT_QUAL, "事故发生率", "≤0%"),
        ind(*OUT_QUAL, "验收通过率", "≥95.00(%)"),
        ind(*OUT_QUAL, "验收通过率", "=100%"),
        ind("效益指标", "经济效益指标", "营业收入增长率", "≥120%"),
        ind("效果目标", "社会效益目标", "知名度", "提升150%"),
        ind(*OUT_QUAL, "事故发生率", "=0%"),
    )
    assert problems(text, "percent-range") == [at(text, i, "target") for i in range(5)]
    assert severities(text, "percent-range") == [Severity.WARNING] * 5  # a [C] rule: every variant a warning by default


# ---------------------------------------------------------------- unit-matches-name

def test_unit_matches_name():
    check_fails("unit-matches-name", [
        ind(*SOCIAL, "系统更新及时率", "≤24.00(小时)"),
        ind("投入与管理", "实施管理", "信息公开实现率", "规范"),
        ind(*OUT_QUAL, "系统故障", "≤3.00(%)"),
        ind(*OUT_Q, "参观人数", "≥95%"),
        ind(*OUT_T, "平均响应时间", "≤95%"),
        ind(*OUT_Q, "专项经费", "≥95%"),
        ind(*OUT_T, "系统更新响应时间", "≤24小时"),
        ind(*OUT_QUAL, "系统故障率", "≤3%"),
        ind(*OUT_QUAL, "系统故障", "≤3次"),
        ind(*SAT, "用户满意度", "良好"),
        ind("产出目标", "质量目标", "验收合格率", "合格"),
        ind("成本指标", "经济成本指标", "专项经费", "≤100%"),
        ind(*OUT_QUAL, "验收合格率", "95"),
        ind(*OUT_QUAL, "景气指数", "≥95%"),
    ], [0, 1, 2, 3, 4, 5, 10])


def test_unit_matches_name_leaves_a_word_on_an_output_rate_to_output_quantified():
    text = block(ind("产出目标", "质量目标", "验收合格率", "合格"), ind("效果目标", "社会效益", "政策知晓率", "提升"))
    rules = {(d.rule, d.pointer) for d in lint_text(text)}
    assert ("output-quantified", "/indicators/0/target") in rules and ("unit-matches-name", "/indicators/0/target") not in rules
    assert ("baseline-required", "/indicators/1/target") in rules and ("unit-matches-name", "/indicators/1/target") not in rules
    alone = {(d.rule, d.pointer) for d in lint_text(text, select=["unit-matches-name"])}
    assert alone == {("unit-matches-name", "/indicators/0/target"), ("unit-matches-name", "/indicators/1/target")}


def test_unit_matches_name_suggests_the_fix():
    found = lint_text(block(ind(*SOCIAL, "系统更新及时率", "≤24.00(小时)"), ind("投入与管理", "实施管理", "信息公开实现率", "规范")),
                      select=["unit-matches-name"])
    assert "系统更新响应时间" in found[0].message.en and "percentage" in found[0].message.en
    assert "信息公开规范性" in found[1].message.zh


# ---------------------------------------------------------------- operator-direction

def test_operator_direction():
    check_fails("operator-direction", [
        ind(*OUT_QUAL, "验收合格率", "≤95%"),
        ind(*OUT_QUAL, "安全事故发生率", "≥1%"),
        ind(*OUT_QUAL, "投诉次数", "≥3次"),
        ind(*OUT_Q, "培训人数", "<100人"),
        ind(*OUT_QUAL, "故障修复及时率", "≥95%"),
        ind(*OUT_QUAL, "系统故障率", "≤3%"),
        ind("成本指标", "经济成本指标", "单位成本", "≤100元/人"),
        ind(*SAT, "参观者满意度", "≤95%"),
        ind(*SOCIAL, "系统更新及时率", "≤24.00(小时)"),
        ind(*OUT_QUAL, "验收合格率", "=95%"),
        ind(*OUT_QUAL, "其他指标", "≤3个"),
    ], [0, 1, 2, 3, 8])


def test_operator_direction_defers_to_unit_matches_name():
    text = block(ind(*SOCIAL, "系统更新及时率", "≤24.00(小时)"))
    both = {d.rule for d in lint_text(text, select=["operator-direction", "unit-matches-name"])}
    assert both == {"unit-matches-name"}


def test_operator_direction_keywords_are_options():
    text = block(ind(*OUT_QUAL, "审核周期", "≥3天"))
    assert problems(text, "operator-direction") == []
    assert problems(text, "operator-direction", reverse=["审核周期"]) == [at(text, 0, "target")]


# ---------------------------------------------------------------- number-conflict

def test_number_conflict():
    check_fails("number-conflict", [
        ind("效果目标", "社会效益", "提升园区科创成果知名度20%", ">=10%"),
        ind(*OUT_Q, "接待5000人次参观", "≥4000人次"),
        ind(*OUT_Q, "接待5000人次参观", "≥5000人次"),
        ind(*OUT_Q, "接待1.5万人次参观", "≥15000人次"),
        ind(*OUT_T, "7×24小时运维保障率", "≥99%"),
        ind(*OUT_T, "7×24小时运维", "=24小时"),
        ind(*OUT_Q, "2024年参观人数", "≥2000人"),
        ind(*OUT_Q, "第7届展会参展企业", "≥50家"),
        ind(*OUT_QUAL, "达标率90-95%", "92%"),
    ], [0, 1])


# ---------------------------------------------------------------- input-as-output

def test_input_as_output():
    check_fails("input-as-output", [
        ind(*OUT_Q, "房租租赁计划完成率", "=100.00(%)"),
        ind(*OUT_T, "辅助人员经费拨付及时性", "=100(%)"),
        ind(*SOCIAL, "资金到位率", "=100%"),
        ind(*OUT_T, "房屋租赁工作完成及时性", "=100.00(%)"),
        ind("投入和管理目标", "财务管理", "项目资金到位率", "100%"),
        ind("投入与管理", "投入管理", "预算执行率", "=100%"),
        ind("成本指标", "经济成本指标", "运维经费", "≤68万元"),
        ind("效益指标", "经济效益指标", "带动社会资金投入", "≥1亿元"),
        ind(*OUT_Q, "缴纳残疾人就业保障金", "=1.00(次)"),
        ind(*SAT, "资金使用单位满意度", "≥95%"),
    ], [0, 1, 2, 3])


# ---------------------------------------------------------------- output-under-benefit

def test_output_under_benefit():
    check_fails("output-under-benefit", [
        ind(*SOCIAL, "参观人数", "≥2000.00(人)"),
        ind("效益指标", "可持续影响指标", "参观人数预期目标达标", "正常"),
        ind(*SOCIAL, "系统更新及时率", "≤24.00(小时)"),
        ind(*SOCIAL, "服务响应", "≤2小时"),
        ind(*SOCIAL, "解决就业人数", "=5(人)"),
        ind("影响力目标", "可持续目标", "接待工作有序性、常规化", "100%"),
        ind("影响力目标", "可持续目标", "参展工作提升科创中心集中度和显示度", "提升10%"),
        ind(*OUT_Q, "参观人数", "≥2000人"),
        ind(*SAT, "参观者满意度", "≥95%"),
    ], [0, 1, 2, 3], key="name")


def test_output_under_benefit_names_the_era_place():
    text = block(ind("效果目标", "社会效益", "参观人数", ">=2000人"), head="era: sh-2020")
    found = lint_text(text, select=["output-under-benefit"])
    assert "产出目标 › 数量" in found[0].message.zh and "产出目标 › 数量目标" not in found[0].message.zh


# ---------------------------------------------------------------- benefit-type-mismatch

def test_benefit_type_mismatch():
    check_fails("benefit-type-mismatch", [
        ind("效果目标", "社会效益", "提升园区经济活跃度", ">=10%"),
        ind(*SOCIAL, "参观者满意度", "≥95%"),
        ind("效益指标", "生态效益指标", "新增产值", "≥100万元"),
        ind("效果目标", "经济效益目标", "提升园区经济活跃度", "提升10%"),
        ind(*SOCIAL, "带动社会经济发展", "达到"),
        ind("效果目标", "满意度", "参观人员满意度", ">=95%"),
        ind(*OUT_QUAL, "经济性", "≥95%"),
    ], [0, 1, 2], key="name", head="era: sh-2020")
    found = lint_text(block(ind("效果目标", "社会效益", "提升园区经济活跃度", ">=10%"), head="era: sh-2020"),
                      select=["benefit-type-mismatch"])
    assert "效果目标 › 经济效益" in found[0].message.zh


# ---------------------------------------------------------------- goal-not-measurable

def test_goal_not_measurable():
    text = (
        "goals:\n"
        "  overall: <p>保障展厅的安全整洁有序，做好各项参观接待工作。</p>\n"
        "  annual: 按项目预算，保质保量、按时完成接待工作。\n"
    )
    assert problems(text, "goal-not-measurable") == [(2, 12, "/goals/overall"), (3, 11, "/goals/annual")]
    found = lint_text(text, select=["goal-not-measurable"])
    assert "<p>" not in found[0].message.zh and "，" in found[1].message.zh


@pytest.mark.parametrize("goal,fails", [
    ("总目标是完成2020年科创办各项主要工作任务", True),  # a year is not a quantity
    ("在浦东开发开放30周年之际，全面落实各项部署。", True),  # nor an anniversary; 开发 is not an action here
    ("全面展示科创中心形象，提升知名度和显示度。", True),
    ("全年接待参观团组不少于200批次。", False),
    ("依据社保规定，按时足额缴纳残疾人就业保障金。", False),
    ("建成张江示范区火炬统计信息服务平台。", False),
    ("项目研究制定面向未来三年左右的总体方案。", False),
    ("12月底前完成验收。", False),
    ("通过采购食堂餐饮服务，满足就餐需求。", False),
])
def test_goal_not_measurable_cases(goal, fails):
    found = problems(f"goals:\n  annual: {goal}\n", "goal-not-measurable")
    assert found == ([(2, 11, "/goals/annual")] if fails else [])


# ---------------------------------------------------------------- calc-method-for-rates

def test_calc_method_for_rates_is_off_by_default():
    assert all_rules()["calc-method-for-rates"].enabled is False
    assert "calc-method-for-rates" not in load_config(cwd=ROOT / "tests").settings
    extended = load_config(cli={"extend_select": ("calc-method-for-rates",)}, cwd=ROOT / "tests")
    assert "calc-method-for-rates" in extended.settings


def test_calc_method_for_rates():
    text = block(
        ind(*OUT_QUAL, "验收通过率", "≥95%"),
        ind(*OUT_QUAL, "验收通过率", "≥95%", explanation="验收通过批次÷验收批次"),
        ind("投入与管理", "实施管理", "信息公开实现率", "规范"),
        ind(*OUT_Q, "参观人数", "≥2000人"),
    )
    assert problems(text, "calc-method-for-rates") == [(2, 5, "/indicators/0")]


# ---------------------------------------------------------------- satisfaction-100 / satisfaction-respondent

def test_satisfaction_100():
    check_fails("satisfaction-100", [
        ind(*SAT, "参观者满意度", "=100%"),
        ind(*SAT, "参观者满意度", "=100.00(%)"),
        ind(*SAT, "参观者满意度", "≥100.00(%)"),
        ind(*SAT, "参观者满意度", "100%"),
        ind(*SAT, "参观者满意度", "≥95%"),
        ind(*OUT_QUAL, "验收通过率", "=100%"),
    ], [0, 1])


def test_survey_counts_are_not_satisfaction_scores():
    indicators = [ind(*SAT, "满意度调查次数", "≥2次"), ind(*SAT, "满意度调查覆盖率", "=100%"), ind(*SOCIAL, "满意度调查次数", "≥2次")]
    for rule in ("satisfaction-min", "satisfaction-100", "satisfaction-respondent", "benefit-type-mismatch"):
        check_fails(rule, indicators, [], key="name" if rule in ("satisfaction-respondent", "benefit-type-mismatch") else "target")


def test_satisfaction_respondent():
    check_fails("satisfaction-respondent", [
        ind(*SAT, "项目管理者满意度", "≥95.00(%)"),
        ind("效果目标", "满意度", "项目执行者满意度", ">=80%"),
        ind("影响力目标", "满意度目标", "项目建成后实施主体满意度", "100%"),
        ind(*SAT, "项目管理人员满意度", "≥100.00(%)"),
        ind("影响力目标", "满意度目标", "各项展会活动及科创中心宣传工作满意度", "≧90%"),
        ind(*SAT, "服务对象满意度", "≥95%"),
        ind(*SAT, "展厅参观者的满意度", "≥95.00(%)"),
        ind(*SAT, "使用单位满意度", "≥95%"),
        ind(*SAT, "参展企业满意度", "≥95%"),
        ind(*SAT, "就餐者满意度", "≥95(%)"),
    ], [0, 1, 2, 3, 4, 5], key="name")


# ---------------------------------------------------------------- goal-number-conflict

def _goals(overall=None, annual=None, multi_year=False):
    lines = ["project:", f"  multi_year: {'true' if multi_year else 'false'}", "goals:"]
    if overall:
        lines.append(f"  overall: {overall}")
    if annual:
        lines.append(f"  annual: {annual}")
    return "\n".join(lines)


def test_goal_number_conflict_goal_vs_indicator():
    head = _goals(annual="全年完成3个功能模块开发。")
    check_fails("goal-number-conflict", [
        ind(*OUT_Q, "功能模块数量", "≥2个"),
        ind(*OUT_Q, "功能模块数量", "=4个"),
        ind(*OUT_Q, "功能模块数量", ">1个"),
        ind(*OUT_Q, "功能模块数量", "≥3个"),
        ind(*OUT_Q, "功能模块数量", ">2个"),
        ind(*OUT_Q, "功能模块数量", "≤2个"),
        ind(*OUT_Q, "功能模块数量", "≥2套"),
        ind(*OUT_Q, "培训场次", "≥2个"),
        ind(*OUT_QUAL, "功能模块验收通过率", "≥95%"),
    ], [0, 1, 2], head=head)


def test_goal_number_conflict_floors_and_approximations():
    for annual in ("建成不少于3个功能模块。", "建成3个以上功能模块。"):
        check_fails("goal-number-conflict", [ind(*OUT_Q, "功能模块数量", "=5个")], [], head=_goals(annual=annual))
    check_fails("goal-number-conflict", [ind(*OUT_Q, "参观接待场次", "≥400场")], [],
                head=_goals(overall="截至2019年6月共完成参观接待500余场。"))


@pytest.mark.parametrize("overall,annual,multi,fails", [
    ("建成2个实验平台", "建成3个实验平台", False, True),
    ("建成3个实验平台", "建成2个实验平台", False, True),
    ("三年建成6个实验平台", "本年建成2个实验平台", True, False),
    ("三年建成2个实验平台", "本年建成3个实验平台", True, True),
    ("建成3个实验平台", "举办2场培训", False, False),
])
def test_goal_number_conflict_between_goals(overall, annual, multi, fails):
    text = _goals(overall, annual, multi) + "\n"
    assert problems(text, "goal-number-conflict") == ([(5, 11, "/goals/annual")] if fails else [])


def test_goal_number_conflict_multi_year_overall_is_not_an_annual_target():
    check_fails("goal-number-conflict", [ind(*OUT_Q, "实验平台数量", "≥2个")], [],
                head=_goals(overall="三年建成6个实验平台", multi_year=True))


# ---------------------------------------------------------------- robustness and scope

BROKEN = [
    "indicators: 5\ngoals: 3\nproject: x",
    "indicators: {a: 1}\ngoals: [a, b]",
    "indicators: [1, null, [x], 'text']\ngoals: {annual: 5, overall: [x]}",
    "indicators:\n  - {name: [1, 2], target: {a: 1}, level1: 5, level2: [x], kind: [1], explanation: {a: 1}}\n"
    "  - {name: null, target: true, level1: null, level2: null}\n"
    "  - {name: 5, target: 1.5, level1: 效益指标, level2: 社会效益指标}\n"
    "  - {name: 满意度, target: 100, level1: 满意度指标, kind: 定量}\n"
    "  - {target: '≧', name: '', level1: 产出指标}\n"
    "  - {target: '提升', name: 提升, level1: 效果目标, level2: 社会效益}\n"
    "goals: {annual: null, overall: ''}",
    "goals: {annual: '0个 第个 一二个 十个 万个 ≥'}\nindicators: [{name: 0个, target: '=0个', level1: 产出指标, level2: 数量指标}]",
]


@pytest.mark.parametrize("text", BROKEN)
@pytest.mark.parametrize("rule_id", RULES)
def test_wrong_types_never_raise(rule_id, text):
    import yaml

    data = yaml.safe_load(text)
    list(all_rules()[rule_id].check(Declaration(data), all_rules()[rule_id].option_defaults()))
    assert not [d for d in lint_text(text, select=[rule_id]) if d.rule == "internal-error"]


def test_non_scalar_targets_are_empty():
    text = "indicators:\n  - {name: 社会影响, target: {a: 1}, level1: 效益指标, level2: 社会效益指标}\n"
    assert problems(text, "qualitative-graded") == []


def test_value_rules_also_read_self_evaluations():
    text = block(ind(*SAT, "参观受众满意度", "≧95%"), head="kind: self-evaluation")
    assert problems(text, "operator-symbol") == [at(text, 0, "target")]


# ---------------------------------------------------------------- model helpers (properties)

CJK = st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF), max_size=8)
ANY = st.text(max_size=40)
NOUN = st.text(alphabet="功能模块平台系统报告展览活动企业园区数据服务培训课程", min_size=1, max_size=8)


@given(ANY)
def test_helpers_never_raise(text):
    core(text), name_class(text), numbers_in(text), polarity(text), measures(text), quantities(text)
    written_operator(text), cn_number(text), shared_noun(text, text[::-1], ("项目",))


@given(ANY)
def test_core_is_idempotent(text):
    assert core(core(text)) == core(text)


@given(CJK, st.integers(min_value=1, max_value=99999), st.sampled_from(["%", "人次", "人", "个", "家", "场"]), CJK)
def test_numbers_in_finds_an_inserted_number(before, value, unit, after):
    found = numbers_in(f"{before}{value}{unit}{after}")
    assert (Decimal(value), unit) in found


@given(CJK, st.integers(min_value=1000, max_value=2999), CJK)
def test_years_are_not_measures(before, year, after):
    text = f"{before}{year}年{after}"
    assert f"{year}年" not in measures(text)


@given(st.sampled_from(sorted(ACCEPTED)), st.integers(min_value=0, max_value=10000))
def test_accepted_operators_are_not_lookalikes(op, value):
    written = written_operator(f"{op}{value}%")
    assert written == op and not is_lookalike(written) and canonical(written) is not None


@given(st.sampled_from(["≧", "≦", "⩾", "⩽", "=>", "=<", "=="]), st.integers(min_value=0, max_value=10000))
def test_lookalikes_are_flagged_with_a_canonical_meaning(op, value):
    written = written_operator(f"{op}{value}人")
    assert written == op and is_lookalike(written) and canonical(written) in ("≥", "≤", "=", ">", "<")


@given(st.integers(min_value=0, max_value=99), st.sampled_from(["个", "家", "项", "场", "人次"]), NOUN)
def test_quantities_read_counts(value, unit, noun):
    found = quantities(f"完成{value}{unit}{noun}。")
    assert len(found) == 1 and (found[0].value, found[0].unit, found[0].noun, found[0].floor) == (value, unit, noun, False)


@pytest.mark.parametrize("text,value", [("三", 3), ("十", 10), ("十二", 12), ("两百", 200), ("三十五", 35), ("一二", None)])
def test_cn_number(text, value):
    assert cn_number(text) == (None if value is None else Decimal(value))


@pytest.mark.parametrize("name,side", [
    ("验收合格率", "positive"), ("安全事故发生率", "reverse"), ("故障修复及时率", "positive"), ("投诉次数", "reverse"),
    ("参观人数", "positive"), ("系统故障", "reverse"), ("平均响应时间", "reverse"), ("展厅正常运营情况", None),
])
def test_polarity(name, side):
    assert polarity(name) == side


@pytest.mark.parametrize("unit,cls", [("%", "percent"), ("个百分点", "percent"), ("万元", "money"), ("元/人", "money"),
                                      ("小时", "time"), ("个工作日", "time"), ("人", "count"), ("批次", "count"), (None, None)])
def test_unit_class(unit, cls):
    assert unit_class(unit) == cls


# ---------------------------------------------------------------- review regressions

@pytest.mark.parametrize("name,score", [
    ("参观者满意度", True), ("用户满意率", True), ("服务质量（满意度）", True), ("展厅参观者的满意度（%）", True),
    ("满意度调查次数", False), ("满意度调查覆盖率", False), ("服务质量", False), ("验收通过率", False), ("", False),
])
def test_is_satisfaction_score_means_a_satisfaction_score(name, score):
    from perflint.model.names import is_satisfaction_score

    assert is_satisfaction_score(name) is score


def test_scores_satisfaction_keeps_unnamed_scores_filed_under_satisfaction():
    decl = Declaration({"indicators": [ind(*SAT, "服务质量评价", "≥90%"), ind(*SAT, "满意度调查次数", "≥2次"),
                                       ind(*SOCIAL, "参观者满意度", "≥95%"), ind(*SOCIAL, "知晓率", "≥80%"),
                                       ind("影响力目标", "可持续影响", "持续运营年限", "≥3年")]})
    assert [i.reading.scores_satisfaction for i in decl.indicators] == [True, False, True, False, False]
    assert [i.reading.tier for i in decl.indicators] == [None, None, None, "benefit", "benefit"]


def test_words_keeps_strings_only():
    from perflint.model.names import words

    assert words(("经济", 5, None, "", ["x"], {"a": 1}, "产值")) == ("经济", "产值")
    assert words("经济") == ("经济",) and words("") == () and words(5) == () and words(None) == ()


LIST_OPTION_DOCS = [
    "era: sh-2024\nfiscal_year: 2024\nproject: {name: x, nature: 经常项目}\ngoals: {annual: 完成展厅运营}\nindicators:\n"
    "  - {level1: 产出指标, level2: 数量指标, name: 参观人数, target: '≥2000人'}\n"
    "  - {level1: 效益指标, level2: 社会效益指标, name: 提升园区经济活跃度, target: 良好}\n"
    "  - {level1: 效益指标, level2: 社会效益指标, name: 系统更新及时率, target: '≤24小时'}\n"
    "  - {level1: 效益指标, level2: 社会效益指标, name: 参观人数增长率, target: '≥120%'}\n"
    "  - {level1: 效益指标, level2: 社会效益指标, name: 经费拨付及时性, target: '=100%'}\n"
    "  - {level1: 产出指标, level2: 质量指标, name: 系统故障, target: '≤3%'}\n"
    "  - {level1: 产出指标, level2: 质量指标, name: 设施完好率, target: '≤95%'}\n"
    "  - {level1: 产出指标, level2: 质量指标, name: 制度, target: 基本健全}\n"
    "  - {level1: 满意度指标, level2: 服务对象满意度指标, name: 项目管理者满意度, target: '≥95%'}\n"
    "  - {level1: 满意度指标, level2: 服务对象满意度指标, name: 满意度, target: '≥95%'}\n",
]


def _list_options():
    for rule in all_rules().values():
        for option in rule.options:
            if isinstance(option.default, (list, tuple)):
                yield rule.id, option.name


@pytest.mark.parametrize("rule_id,option", sorted(_list_options()))
def test_non_string_elements_in_list_options_never_crash(rule_id, option):
    """The check itself copes, whatever the configuration loader lets through (no reliance on Option.coerce)."""
    import yaml

    rule = all_rules()[rule_id]
    docs = [yaml.safe_load(t) for t in LIST_OPTION_DOCS] + [
        yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "declarations").rglob("*.yaml"))[:6]]
    default = tuple(rule.option(option).default)
    for junk in ((5,), (None,), (["x"],), ({"a": 1},), ("",), (5, *default), (*default, ["x"], 1.5)):
        opts = {**rule.option_defaults(), option: junk}
        for data in docs:
            list(rule.check(Declaration(data), opts))
    # junk beside the defaults changes nothing
    for data in docs:
        plain = [(f.pointer, f.message) for f in rule.check(Declaration(data), rule.option_defaults())]
        mixed = [(f.pointer, f.message) for f in rule.check(Declaration(data), {**rule.option_defaults(), option: (5, "", *default, None)})]
        assert mixed == plain
