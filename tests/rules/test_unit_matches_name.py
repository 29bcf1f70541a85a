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
