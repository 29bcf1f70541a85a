"""output-under-benefit: the benefit it suggests adding is generic."""
from conftest import lint_text
from snippets import block, ind

ECON = ("效益指标", "经济效益指标")


def test_the_suggested_benefit_is_generic():
    [d] = lint_text(block(ind(*ECON, "培训场次", "≥20场")), select=["output-under-benefit"])
    assert (d.line, d.column) == (4, 11)
    assert "参观者" not in d.message.zh and "visitors" not in d.message.en and "知晓率" in d.message.zh
