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
