"""operator-required: the operator it suggests goes before the number as the author wrote it."""
from conftest import lint_text
from snippets import OUT_Q, OUT_QUAL, block, check_fails, ind

RULE = "operator-required"


def _suggested(target, l1l2=OUT_Q):
    found = lint_text(block(ind(*l1l2, "培训人次", target)), select=[RULE])
    return [(d.line, d.column, d.message.en) for d in found]


def test_a_number_with_a_multiplier_keeps_its_spelling():
    check_fails(RULE, [ind(*OUT_Q, "教师培训人次", "1.5万人次"), ind(*OUT_Q, "专题培训班期数", "≥40期")], [0])
    [(line, column, message)] = _suggested("1.5万人次")
    assert (line, column) == (5, 13)
    assert '"≥1.5万人次"' in message and '"=1.5万人次"' in message and "15000" not in message
    assert '"≥2.6万平方米"' in _suggested("2.6 万平方米")[0][2]


def test_a_written_number_is_suggested_as_written():
    assert '"=100.00%"' in _suggested("100.00%", OUT_QUAL)[0][2]
    assert '"≥95%"' in _suggested("95(%)")[0][2] or '"=95%"' in _suggested("95(%)")[0][2]
