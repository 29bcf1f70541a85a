"""output-under-benefit: the benefit it suggests adding is generic."""
from conftest import lint_text
from snippets import block, ind

ECON = ("效益指标", "经济效益指标")


def test_the_suggested_benefit_is_generic():
    [d] = lint_text(block(ind(*ECON, "培训场次", "≥20场")), select=["output-under-benefit"])
    assert (d.line, d.column) == (4, 11)
    assert "参观者" not in d.message.zh and "visitors" not in d.message.en and "知晓率" in d.message.zh


def test_a_repeated_output_filed_as_a_benefit_is_reported_once():
    text = block(ind("产出指标", "数量指标", "举办阅读推广活动", "≥120场次"), ind("效益指标", "社会效益指标", "举办阅读推广活动", "≥100场次"))
    both = [(d.rule, d.line, d.column) for d in lint_text(text, select=["output-under-benefit", "duplicate-indicator"])]
    assert both == [("duplicate-indicator", 8, 11)]
    alone = [(d.rule, d.line, d.column) for d in lint_text(text, select=["output-under-benefit"])]
    assert alone == [("output-under-benefit", 8, 11)]
