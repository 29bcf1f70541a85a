"""goal-not-measurable: the example of a measurable goal is generic, not one office's visiting groups."""
from conftest import lint_text


def test_the_example_is_generic():
    [d] = lint_text("goals:\n  annual: 提升服务水平。\n", select=["goal-not-measurable"])
    assert (d.line, d.column) == (2, 11)
    assert "参观" not in d.message.zh and "visiting" not in d.message.en and "200场次" in d.message.zh
