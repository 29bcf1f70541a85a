"""unit-matches-name: a timeliness target that contradicts itself is target-contradiction's finding."""
from conftest import lint_text
from snippets import OUT_T, at, block, ind

RULE = "unit-matches-name"


def _found(text, *rules):
    return [(d.rule, d.line, d.column) for d in lint_text(text, select=list(rules))]


def test_an_exact_share_on_a_time_is_reported_once():
    text = block(ind(*OUT_T, "资料发放时间", "=95%"))
    line, column, _ = at(text, 0, "target")
    assert _found(text, RULE, "target-contradiction") == [("target-contradiction", line, column)]
    assert _found(text, RULE) == [(RULE, line, column)]


def _message(name, target):
    [d] = lint_text(block(ind("效益指标", "社会效益指标", name, target)), select=[RULE])
    return d.message.en


def test_a_rename_is_offered_only_for_a_graded_property():
    assert 'rename it "信息公开规范性"' in _message("信息公开实现率", "规范")
    assert 'rename it "信息公开规范性"' in _message("信息公开实现率", "基本规范")
    for change in ("逐年提高", "明显提高"):
        message = _message("技能人才占就业人员比例", change)
        assert "rename" not in message and "give a percentage" in message


def test_a_rate_per_a_stated_base_is_a_rate():
    """Health and safety statistics state a rate per a written base (per 100,000 people, per 100 km):
    a ratio like a percentage, not a count to rename. Money or a count per period stays what it was."""
    from snippets import check_fails

    benefit = ("效益指标", "社会效益指标")
    check_fails(RULE, [
        ind(*benefit, "传染病发病率", "≤5/10万"),
        ind(*benefit, "结核病发病率", "≤50例/10万人"),
        ind(*benefit, "道路交通事故率", "≤0.5起/百公里"),
        ind(*benefit, "婴儿死亡率", "≤5‰"),
        ind(*benefit, "设备完好率", "≥3台/年"),
        ind(*benefit, "人均补助率", "≤500元/人"),
    ], [4, 5])


def test_an_area_in_kilometres_and_a_length_in_square_metres():
    from snippets import OUT_Q, check_fails

    check_fails(RULE, [
        ind(*OUT_Q, "道路改造面积", "≥420公里"),
        ind(*OUT_Q, "绿化面积", "≥5000平方米"),
        ind(*OUT_Q, "高标准农田建设面积", "≥1.2万亩"),
        ind(*OUT_Q, "管网改造长度", "≥3万平方米"),
        ind(*OUT_Q, "道路里程", "≥12公里"),
        ind(*OUT_Q, "改造面积", "≥5处"),  # a count of places: another question, not a wrong physical unit
    ], [0, 3])
