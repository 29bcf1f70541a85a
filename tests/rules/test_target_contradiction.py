"""target-contradiction: an exact operator against a range, a time limit, a reverse direction or a share on time."""
from conftest import lint_text
from snippets import OUT_Q, OUT_QUAL, OUT_T, SAT, block, check_fails, ind


def test_exact_operator_contradictions():
    check_fails("target-contradiction", [
        ind(*OUT_Q, "合作单位数量", "=1-2家"),
        ind(*OUT_T, "完成时间", "=11月前"),
        ind(*OUT_T, "物资配送时间", "=4月前配送"),
        ind(*OUT_T, "按时完成", "=95%"),
        ind(*OUT_QUAL, "故障率", "3", operator="=", unit="%", direction="反向"),
        ind(*OUT_Q, "合作单位数量", "≥1家"),
        ind(*OUT_T, "项目完成及时性", "=100%"),
        ind(*OUT_T, "完成时间", "11月前"),
        ind(*OUT_T, "完成时间", "≤3个工作日"),
        ind(*OUT_QUAL, "验收合格率", "=95%"),
        ind(*OUT_QUAL, "故障率", "3", operator="≤", unit="%", direction="反向"),
        ind(*SAT, "参观者满意度", "=100%"),
        ind(*OUT_Q, "培训人数", "=0"),
    ], [0, 1, 2, 3, 4])


def test_the_message_gives_the_fix():
    found = lint_text(block(ind(*OUT_Q, "合作单位数量", "=1-2家"), ind(*OUT_T, "完成时间", "=11月前")),
                      select=["target-contradiction"])
    assert "1-2家" in found[0].message.zh and "floor" in found[0].message.en
    assert "≤" in found[1].message.zh and "time limit" in found[1].message.en


def test_a_split_target_is_read_as_one():
    """指标性质 / 指标值 / 度量单位 in three cells: one target, whose pointer is the value cell."""
    found = lint_text(block(ind(*OUT_Q, "合作单位数量", "1-2", operator="=", unit="家")), select=["target-contradiction"])
    assert [(d.pointer, d.value) for d in found] == [("/indicators/0/target", "1-2")]


def test_a_share_with_a_deadline_attached_is_no_contradiction():
    check_fails("target-contradiction", [
        ind(*OUT_T, "整改完成率", "=100%（年底前）"),
        ind(*OUT_T, "办结时间", "=3个工作日内"),
    ], [1])
