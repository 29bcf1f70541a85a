"""schema: 项目类别 transcribed as its tick boxes is a list of strings, as 项目性质 is."""
from conftest import problems

HEAD = "kind: declaration\nfiscal_year: 2023\nindicators: []\n"


def test_category_as_tick_boxes_is_valid():
    assert problems(HEAD + "project: {name: x, category: [部门预算项目 ☑, 对下转移支付项目 □]}\n", "schema") == []
    assert problems(HEAD + "project: {name: x, category: 特定目标类}\n", "schema") == []
    assert problems(HEAD + "project: {name: x, category: [{a: 1}]}\n", "schema") == [(4, 31, "/project/category/0")]
    assert problems(HEAD + "project: {name: x, category: {a: 1}}\n", "schema") == [(4, 30, "/project/category")]
