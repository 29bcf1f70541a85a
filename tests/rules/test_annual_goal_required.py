"""annual-goal-required: the example of an annual goal is generic."""
from conftest import lint_text


def test_the_example_is_generic():
    [d] = lint_text("fiscal_year: 2023\ngoals:\n  annual: ''\n", select=["annual-goal-required"])
    assert (d.line, d.column) == (3, 3)
    assert "参观" not in d.message.zh and "visiting" not in d.message.en and "200场次" in d.message.zh
