"""False alarms met on realistic declarations, kept so they stay fixed (each: the rule stays silent)."""
from conftest import problems

IND = "indicators:\n  - {{level1: {l1}, level2: {l2}, name: {name}, target: '{target}'}}\n"


def test_change_verb_inside_the_name_of_a_level_needs_no_baseline():
    text = IND.format(l1="效果目标", l2="社会效益", name="参训学员所在企业对学员能力提升的认可率", target="≥85%")
    assert problems(text, "baseline-required") == []
    # the seed pattern still fires: the name leads with the change it targets
    assert problems(IND.format(l1="效果目标", l2="社会效益", name="提升园区科创成果知名度", target=">=10%"), "baseline-required")
    assert problems(IND.format(l1="效益指标", l2="社会效益指标", name="参观人数增长率", target="≥10%"), "baseline-required")


def test_a_stock_under_long_term_management_is_not_an_output():
    text = IND.format(l1="影响力目标", l2="长效管理", name="培训课程资源库课程总数", target="≥150门")
    assert problems(text, "output-under-benefit") == []


def test_goal_count_is_compared_with_the_best_matching_indicator():
    text = ("goals: {annual: 完成1次网络安全等级保护测评}\nindicators:\n"
            "  - {level1: 产出指标, level2: 质量指标, name: 数据安全事故发生次数, target: '=0(次)'}\n"
            "  - {level1: 产出指标, level2: 数量指标, name: 网络安全等级保护测评次数, target: '=1(次)'}\n")
    assert problems(text, "goal-number-conflict") == []
    conflicting = text.replace("'=1(次)'", "'=0(次)'")
    assert [p[2] for p in problems(conflicting, "goal-number-conflict")] == ["/indicators/1/target"]


def test_funds_tied_to_results_are_not_an_input():
    text = IND.format(l1="效益指标", l2="可持续影响指标", name="考核结果与后补助经费挂钩的平台比例", target="=100%")
    assert problems(text, "input-as-output") == []


# Correct 时效 targets: deadlines, durations, year and quarter ends. No rule may call them
# unquantified, ungraded, operator-less or in the wrong unit.
TIMELY = ("3个工作日内", "6个月内", "2024年底前", "年底前", "年末", "第三季度末前", "三季度末", "第3季度底前",
          "次年3月底前", "12月31日之前", "2小时以内")
TIMELY_NAMES = ("问题处理时限", "整改完成时间", "资料归档时间")


def test_deadlines_and_durations_under_timeliness_raise_nothing():
    from conftest import lint_text

    head = ("fiscal_year: 2024\nproject: {name: x, start: 2024-01-01, end: 2025-06-30, multi_year: true, "
            "annual_start: 2024-01-01, annual_end: 2024-12-31}\n")
    for target in TIMELY:
        for name in TIMELY_NAMES:
            text = head + IND.format(l1="产出指标", l2="时效指标", name=name, target=target)
            found = [(d.rule, d.pointer) for d in lint_text(text) if d.pointer.startswith("/indicators/0")]
            assert found == [], (name, target, found)


def test_a_sustained_running_time_is_a_benefit_not_timeliness():
    text = IND.format(l1="效益指标", l2="可持续影响指标", name="平台持续稳定运行时长", target="≥8760小时")
    assert problems(text, "output-under-benefit") == []
    # a timeliness word in the name still tells, whatever the unit
    for name in ("系统更新及时率", "问题响应及时", "服务响应时间", "数据更新时效"):
        found = problems(IND.format(l1="效益指标", l2="社会效益指标", name=name, target="≤24小时"), "output-under-benefit")
        assert [p[2] for p in found] == ["/indicators/0/name"], name


def test_at_least_written_after_the_number():
    sat = IND.format(l1="满意度指标", l2="服务对象满意度指标", name="参观者满意度", target="90%及以上")
    assert problems(sat, "satisfaction-min") == []
    assert problems(sat.replace("90%及以上", "85%及以上"), "satisfaction-min")  # still below the floor
    rate = IND.format(l1="产出指标", l2="质量指标", name="验收合格率", target="95%及以上")
    assert problems(rate, "qualitative-graded") == [] and problems(rate, "unit-matches-name") == []
    count = IND.format(l1="产出指标", l2="数量指标", name="接待参观人次", target="1200人次及以上")
    assert problems(count, "unit-matches-name") == [] and problems(count, "operator-required") == []
