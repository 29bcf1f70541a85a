"""output-quantified: one defect, one finding, where a more specific rule owns it."""
from conftest import lint_text
from snippets import OUT_Q, OUT_QUAL, OUT_T, at, block, check_fails, ind

RULE = "output-quantified"


def _found(text, *rules):
    return [(d.rule, d.line, d.column) for d in lint_text(text, select=list(rules))]


def test_a_quantitative_mark_with_a_word_is_left_to_kind_mismatch():
    text = block(ind(*OUT_QUAL, "经办服务质量", "良好", kind="定量"))
    line, column, _ = at(text, 0, "target")
    assert _found(text, RULE, "kind-mismatch") == [("kind-mismatch", line, column)]


def test_with_kind_mismatch_off_the_finding_stands():
    text = block(ind(*OUT_QUAL, "经办服务质量", "良好", kind="定量"))
    line, column, _ = at(text, 0, "target")
    assert _found(text, RULE) == [(RULE, line, column)]


def test_a_definite_period_or_cadence_is_a_timeliness_target():
    check_fails(RULE, [
        ind(*OUT_T, "免费开放时间", "全年"),
        ind(*OUT_T, "生活垃圾清运", "日产日清"),
        ind(*OUT_T, "补贴发放时间", "按月"),
        ind(*OUT_T, "资金拨付时间", "及时"),  # no period named: still reported
        ind(*OUT_Q, "开放天数", "全年"),  # a count is a number, whatever the period
    ], [3, 4])


def test_a_quality_graded_by_the_property_its_name_states():
    check_fails(RULE, [
        ind(*OUT_QUAL, "免费开放服务规范达标", "达标"),
        ind(*OUT_QUAL, "档案管理规范性", "规范"),
        ind(*OUT_QUAL, "免费开放服务", "达标"),  # the name states no property
        ind(*OUT_Q, "开放服务规范达标", "达标"),  # a quantity is a number
    ], [2, 3])
