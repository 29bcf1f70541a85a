"""near-duplicate: one measure given several conflicting targets."""
from conftest import lint_text
from snippets import OUT_Q, OUT_QUAL, OUT_T, SAT, SOCIAL, block, check_fails, ind


def test_durations_of_one_measure_in_different_units_are_compared():
    check_fails("near-duplicate", [
        ind(*OUT_T, "故障响应速度", "≤4小时"),
        ind(*OUT_T, "故障响应时间", "<1小时"),
        ind(*OUT_T, "故障响应及时性", "<30分钟"),
        ind(*OUT_T, "故障处理时限", "≤60分钟"),
        ind(*OUT_T, "故障处理时间", "≤1小时"),  # the same hour, written otherwise
    ], [1, 2])


def test_percentages_and_different_units_are_not_compared():
    check_fails("near-duplicate", [
        ind(*OUT_Q, "项目完成率", "≥95%"),
        ind(*OUT_T, "项目完成及时性", "=100%"),
        ind(*OUT_Q, "培训人数", "≥200人"),
        ind(*OUT_Q, "培训人次", "≥300人次"),
        ind(*OUT_Q, "宣传活动次数", "≥5次"),
        ind(*OUT_Q, "宣传活动数量", "≥8次"),
    ], [5])


def test_the_same_respondents_asked_twice():
    check_fails("near-duplicate", [
        ind(*SOCIAL, "服务周期内,市民对空气质量改善的满意程度", "≥85%"),
        ind(*SAT, "市民满意度", "≥90%"),
        ind(*SAT, "游客满意度", "≥90%"),
        ind(*SAT, "居民满意度", "≥90%"),
    ], [1])
    check_fails("near-duplicate", [
        ind(*SOCIAL, "服务周期内,市民对空气质量改善的满意程度", "85%"),
        ind(*SAT, "满意度", "90%"),
    ], [1])


def test_a_duplicate_satisfaction_is_info_and_a_duration_conflict_a_warning():
    text = block(ind(*OUT_T, "故障响应速度", "≤4小时"), ind(*OUT_T, "故障响应时间", "<1小时"),
                 ind(*SAT, "市民满意度", "≥90%"), ind(*OUT_QUAL, "市民对服务的满意度", "≥95%"))
    found = {(d.pointer, str(d.severity)) for d in lint_text(text, select=["near-duplicate"])}
    assert found == {("/indicators/1/target", "warning"), ("/indicators/3/target", "info")}


def test_different_measures_of_one_subject_are_not_grouped():
    check_fails("near-duplicate", [
        ind(*OUT_Q, "培训时长", "≥8小时"),
        ind(*OUT_Q, "培训天数", "≥2天"),
    ], [])


def test_the_very_same_name_is_reported_once_on_the_name():
    text = block(ind(*OUT_Q, "举办阅读推广活动", "≥120场次"), ind(*SOCIAL, "举办阅读推广活动", "≥100场次"))
    found = [(d.rule, d.line) for d in lint_text(text, select=["near-duplicate", "duplicate-indicator"])]
    assert found == [("duplicate-indicator", 8)]
    alone = [(d.rule, d.line, d.column) for d in lint_text(text, select=["near-duplicate"])]
    assert alone == [("near-duplicate", 8, 11)]
