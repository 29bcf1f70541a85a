"""misfiled-indicator: what the name measures against where it is filed, both ways."""
from conftest import lint_text
from snippets import OUT_Q, OUT_QUAL, OUT_T, SAT, SOCIAL, block, check_fails, ind

ECO = ("效益指标", "生态效益指标")
ECON = ("效益指标", "经济效益指标")
COST = ("产出指标", "成本指标")


def test_outputs_against_the_dimension_their_name_states():
    check_fails("misfiled-indicator", [
        ind(*OUT_QUAL, "维修服务及时性", "≥95%"),  # timeliness under quality
        ind(*OUT_Q, "雾炮车风炮射程", "≥80M"),  # a specification under quantity
        ind(*OUT_QUAL, "服务周期内空气质量", "优良"),  # an effect under quality
        ind(*OUT_Q, "验收合格率", "≥95%"),  # quality under quantity
        ind(*OUT_QUAL, "参观者满意度", "≥90%"),  # satisfaction under an output
        ind(*OUT_T, "项目完成及时率", "=100%"),
        ind(*OUT_QUAL, "接待工作质量", "≥95%"),
        ind(*OUT_Q, "雾炮车降尘抑尘服务配备车辆数", "10辆"),
        ind(*OUT_QUAL, "提升统计信息采集的及时性、可靠性和完整性", "≥95%"),
    ], [0, 1, 2, 3, 4], key="name")


def test_benefits_and_cost_against_their_content():
    check_fails("misfiled-indicator", [
        ind(*ECO, "对控制基建项目成本影响程度", "效果明显"),  # cost control under ecological
        ind(*ECON, "科普知识知晓率", "≥80%"),  # awareness under economic
        ind(*ECO, "公众参与人数", "≥500人"),  # taking part under ecological
        ind(*COST, "项目营业收入", "≥100万元"),  # a revenue under cost
        ind(*ECO, "布展材料循环使用率", "≥80%"),
        ind(*ECON, "吸引社会资金配套投入", "≥100万元"),
        ind(*COST, "平台运行维护总成本", "≤50万元"),
        ind(*ECON, "年增粮食", "≥3500公斤"),
    ], [0, 1, 2, 3], key="name")


def test_a_satisfaction_block_holds_satisfaction_only():
    check_fails("misfiled-indicator", [
        ind(*SAT, "投诉次数", "≤3次"),
        ind(*SAT, "工作效率", "≥90%"),
        ind(*SAT, "参观者满意度", "≥90%"),
        ind(*SAT, "服务质量评价", "≥90%"),
        ind(*SAT, "用户认可度", "≥90%"),
    ], [0, 1], key="name")


def test_management_and_unread_names_are_left_alone():
    check_fails("misfiled-indicator", [
        ind("投入与管理", "财务管理", "资金使用及时性", "=100%"),
        ind(*SOCIAL, "项目对科创中心建设贡献度", "达到"),
        ind(*OUT_Q, "参展人数", ">=2000人"),
    ], [], key="name")


def test_defers_to_the_rules_that_own_a_misfiling():
    # a satisfaction score under 社会效益: benefit-type-mismatch's finding
    text = block(ind(*SOCIAL, "市民对空气质量改善的满意程度", "≥85%"))
    rules = {d.rule for d in lint_text(text) if d.pointer == "/indicators/0/name"}
    assert "benefit-type-mismatch" in rules and "misfiled-indicator" not in rules


def test_word_lists_are_options():
    text = block(ind(*OUT_Q, "雾炮车风炮射程", "≥80M"))
    assert [d.rule for d in lint_text(text, select=["misfiled-indicator"],
                                      rules={"misfiled-indicator": {"specification_words": ["精度"]}})] == []


def test_messages_say_where_it_belongs():
    found = lint_text(block(ind(*OUT_QUAL, "服务周期内空气质量", "优良")), select=["misfiled-indicator"])
    assert "生态效益指标" in found[0].message.zh and "ecological" in found[0].message.en


def test_what_looks_misfiled_but_is_not():
    check_fails("misfiled-indicator", [
        ind(*OUT_QUAL, "空气质量监测数据准确率", "≥95%"),  # the service's quality, not the air's
        ind(*OUT_QUAL, "水质检测合格率", "≥98%"),
        ind(*ECON, "品牌知名度提升带动销售额增长", "≥10%"),  # an economic effect that mentions awareness
        ind(*ECO, "节能降耗成本节约", "≥5%"),  # energy saved: ecological
        ind(*ECO, "垃圾分类参与率", "≥80%"),  # taking part in sorting waste: ecological
        ind(*OUT_Q, "采购规格统一的设备数量", "≥10台"),
    ], [], key="name")


def test_a_count_under_timeliness_is_reported_as_quantity():
    # 培训人数 under 时效: the name states a quantity; the message names where it belongs
    check_fails("misfiled-indicator", [ind(*OUT_T, "培训人数", "≥300人")], [0], key="name")
    found = lint_text(block(ind(*OUT_T, "培训人数", "≥300人")), select=["misfiled-indicator"])
    assert "数量指标" in found[0].message.zh and "a quantity" in found[0].message.en


def test_a_social_state_under_economic_benefit():
    # how a community is governed and how safe people feel: social effects, not economic ones
    check_fails("misfiled-indicator", [
        ind(*ECON, "社区治理水平", "提升"),
        ind(*ECON, "居民群众安全感", "≥95%"),
        ind(*ECON, "社区治理带动居民增收", "≥5%"),  # an economic effect that mentions governance
        ind(*ECON, "污染治理水平", "提升"),  # governance of pollution is no social state
    ], [0, 1], key="name")
    found = lint_text(block(ind(*ECON, "社区治理水平", "提升")), select=["misfiled-indicator"])
    assert "社会效益指标" in found[0].message.zh and "social" in found[0].message.en
