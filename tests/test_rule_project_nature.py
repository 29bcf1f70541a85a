from conftest import lint_text, problems
from test_cli import check_json

RULE = "project-nature"


def test_one_nature_passes_two_fail():
    assert problems("era: sh-2019\nproject:\n  name: x\n  nature: 经常性专项业务费\n", RULE) == []
    assert problems("era: sh-2019\nproject:\n  name: x\n  nature: [经常性专项业务费]\n", RULE) == []
    assert problems("era: sh-2019\nproject:\n  name: x\n  nature:\n    - 其他一次性项目\n    - 经常性专项业务费\n", RULE) == [(5, 5, "/project/nature")]


def test_unknown_value_is_a_warning_with_a_suggestion_on_shanghai_forms_only():
    found = lint_text("era: sh-2020\nproject: {name: x, nature: 经常性业务费}\n", select=[RULE])
    assert [(str(d.severity), d.line) for d in found] == [("warning", 2)] and "经常性专项业务费" in found[0].message.en
    assert problems("era: central-2022\nproject: {name: x, nature: 延续项目}\n", RULE) == []
    assert problems("era: sh-2020\nproject: {name: x, nature: 延续项目}\n", RULE, values=["延续项目", "新增项目"]) == []
    # a form recognised as Shanghai's, not named: it may be a district template printing other boxes
    assert problems("department: 上海市某区科委\nproject: {name: x, nature: 经常性项目}\n", RULE) == []


def test_exclusive_natures_on_any_template():
    assert problems("project: {name: x, nature: [持续性项目, 新增性项目]}\n", RULE) == [(1, 28, "/project/nature")]
    assert problems("project: {name: x, nature: [一次性项目, 经常性项目]}\n", RULE) == [(1, 28, "/project/nature")]
    assert problems("project: {name: x, nature: [部门预算项目, 县直专项]}\n", RULE) == []


def test_wrong_types_do_not_crash():
    assert problems("project: {name: x, nature: {a: 1}}\n", RULE) == []
    assert problems("project: 5\n", RULE) == []


def test_seed_form_with_two_ticked_boxes():
    _, payload = check_json("--select", RULE, "declarations/shanghai-stic-office")
    assert [(d["file"].rsplit("/", 2)[-2:], d["line"]) for d in payload["diagnostics"]] == [
        (["2019", "public-service-platform.yaml"], 13)]
