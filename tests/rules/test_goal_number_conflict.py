"""goal-number-conflict: a goal that names its noun before the count (开展惠民演出120场)."""
from conftest import lint_text
from snippets import OUT_Q, block, check_fails, ind

RULE = "goal-number-conflict"


def _head(goal):
    return f"goals:\n  annual: {goal}"


def test_noun_then_count_in_a_goal_against_an_indicator():
    head = _head("全年开展文化惠民演出120场，惠及群众5万人次以上，观众满意度达到90%以上。")
    check_fails(RULE, [
        ind(*OUT_Q, "惠民演出场次", "≥100场"),
        ind(*OUT_Q, "惠及群众人次", "≥5万人次"),
        ind(*OUT_Q, "惠民演出场次（下半年）", "≥120场"),
    ], [0], head=head)


def test_a_count_with_a_multiplier_keeps_its_spelling():
    head = _head("全年培训教师1.5万人次。")
    check_fails(RULE, [ind(*OUT_Q, "培训教师人次", "≥1万人次"), ind(*OUT_Q, "教师培训人次", "=1.5万人次")], [0], head=head)
    [d] = lint_text(block(ind(*OUT_Q, "培训教师人次", "≥1万人次"), head=head), select=[RULE])
    assert '"≥1.5万人次"' in d.message.en


def test_approximate_and_other_nouns_are_no_promise():
    check_fails(RULE, [ind(*OUT_Q, "惠民演出场次", "≥100场")], [], head=_head("全年开展惠民演出近120场。"))
    check_fails(RULE, [ind(*OUT_Q, "惠民演出场次", "≥100场")], [], head=_head("全年开展惠民演出120余场。"))
    check_fails(RULE, [ind(*OUT_Q, "培训场次", "≥10场")], [], head=_head("全年开展惠民演出120场。"))
