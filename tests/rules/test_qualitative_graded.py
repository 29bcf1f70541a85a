"""qualitative-graded: targets that are measures in words the parser must read, not grades."""
from snippets import OUT_Q, OUT_T, SOCIAL, check_fails, ind

RULE = "qualitative-graded"
SOCIAL_COST = ("成本指标", "社会成本指标")
ECO_COST = ("成本指标", "生态环境成本指标")


def test_a_deadline_followed_by_a_verb_and_its_object():
    check_fails(RULE, [
        ind(*OUT_T, "招标完成时间", "11月前完成全部招标"),
        ind(*OUT_T, "验收时间", "2023年10月底前完成竣工验收"),
        ind(*OUT_T, "培训完成时间", "12月底前完成"),
        ind(*OUT_T, "工作完成情况", "按时完成"),
    ], [3])


def test_alternative_counters_in_brackets():
    check_fails(RULE, [
        ind(*OUT_Q, "建设点位", "≥5个(处)"),
        ind(*OUT_Q, "购置车辆", "≥20辆（台）"),
        ind(*OUT_Q, "购置农机", "≥800台（套）"),
    ], [])


def test_a_list_closed_by_its_count():
    check_fails(RULE, [
        ind(*OUT_Q, "培训内容", "涵盖政策、技能等4类"),
        ind(*OUT_Q, "检测项目", "含水质、噪声等共5项"),
    ], [])


def test_no_adverse_effect_in_words():
    check_fails(RULE, [
        ind(*ECO_COST, "施工扬尘影响", "不产生负面影响"),
        ind(*SOCIAL_COST, "对居民出行的影响", "不造成明显影响"),
        ind(*SOCIAL_COST, "对居民生活的影响", "无不良影响"),
        ind(*SOCIAL_COST, "对居民生活的影响程度", "较小"),
    ], [3])


def test_a_period_on_time_and_a_property_the_name_ends_with():
    check_fails(RULE, [
        ind(*OUT_T, "免费开放时间", "全年"),
        ind(*OUT_T, "生活垃圾清运", "日产日清"),
        ind("产出指标", "质量指标", "免费开放服务规范达标", "达标"),
        ind("效益指标", "社会效益指标", "城市容貌", "每月"),  # a cadence is no grade outside timeliness
        ind("产出指标", "质量指标", "免费开放服务", "达标"),
    ], [3, 4])


def test_a_count_per_period_after_its_verb_and_a_rate_per_population_are_numbers():
    check_fails(RULE, [
        ind(*OUT_T, "服务中心开放时间", "每周开放不少于6天"),
        ind(*OUT_Q, "巡查频次", "每月巡查2次"),
        ind(*SOCIAL, "传染病报告发病率", "≤5/10万"),
        ind(*SOCIAL, "孕产妇死亡率", "≤10例/10万人"),
        ind(*SOCIAL, "环境卫生状况", "明显改善"),
    ], [4])
