"""input-as-output: the results it suggests measuring are generic."""
from conftest import lint_text
from snippets import OUT_Q, block, ind


def test_the_suggested_results_are_generic():
    [d] = lint_text(block(ind(*OUT_Q, "经费投入金额", "≥100万元")), select=["input-as-output"])
    assert (d.line, d.column) == (5, 13)
    assert "展厅" not in d.message.zh and "设施开放天数" in d.message.zh
