"""empty-indicator: the example name it suggests is generic."""
from conftest import lint_text
from snippets import SOCIAL, block, ind


def test_the_example_name_is_generic():
    [d] = lint_text(block(ind(*SOCIAL, "", "≥95%")), select=["empty-indicator"])
    assert (d.line, d.column) == (4, 11)
    assert "参观" not in d.message.zh + d.message.en and "培训人次" in d.message.en
