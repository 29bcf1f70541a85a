"""project-nature: tick boxes transcribed as printed (经常性项目 ☑, 一次性项目 □) choose the ticked box."""
from conftest import problems

RULE = "project-nature"


def test_tick_boxes_choose_the_ticked_one():
    assert problems("project: {name: x, nature: [经常性项目 ☑, 一次性项目 □]}\n", RULE) == []
    assert problems("project: {name: x, nature: [√经常性项目, 口一次性项目]}\n", RULE) == []
    assert problems("project: {name: x, nature: ['□持续性项目', '☐新增性项目']}\n", RULE) == []


def test_two_ticked_boxes_still_exclude_each_other():
    assert problems("project: {name: x, nature: [经常性项目 ☑, 一次性项目 ☑]}\n", RULE) == [(1, 28, "/project/nature")]
    assert problems("project: {name: x, nature: [持续性项目 ✓, 新增性项目 √, 其他 □]}\n", RULE) == [(1, 28, "/project/nature")]


def test_a_ticked_box_is_checked_against_the_forms_choices():
    found = problems("era: sh-2020\nproject: {name: x, nature: [经常性业务费 ☑, 其他一次性项目 □]}\n", RULE)
    assert found == [(2, 28, "/project/nature")]
