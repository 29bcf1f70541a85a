"""item-cost-basis: a sub-project's amount against its heading and its own cost estimate."""
from conftest import lint_text, problems

RULE = "item-cost-basis"


def _budget(unit: str, *items: str) -> str:
    return "budget:\n  unit: " + unit + "\n  items:\n" + "".join(f"    - {item}\n" for item in items)


def _col(text: str, line: int, value: str) -> int:
    return text.splitlines()[line - 1].index(value) + 1


def test_the_estimates_total_and_products():
    ok = _budget("元", "{name: 专家咨询费, amount: 190000, basis: 3人×5万元/人=15万元；场地费2天×2万元/天=4万元；合计19万元}",
                 "{name: 讲课费, amount: 5000, basis: 5人次 × 1000元}")
    assert problems(ok, RULE) == []
    wrong_total = _budget("元", "{name: 专家咨询费, amount: 200000, basis: 3人×5万元/人=15万元；合计19万元}")
    assert problems(wrong_total, RULE) == [(4, _col(wrong_total, 4, "200000"), "/budget/items/0/amount")]
    wrong_sum = _budget("万元", "{name: 讲课费, amount: 1, basis: 5人次 × 1000元 + 2人次 × 2000元}")
    assert problems(wrong_sum, RULE) == [(4, _col(wrong_sum, 4, "1,"), "/budget/items/0/amount")]


def test_a_miscomputed_product():
    text = _budget("元", "{name: 专家咨询费, amount: 200000, basis: 3人×5万元/人=20万元}")
    found = lint_text(text, select=[RULE])
    # the stated results (20万元) add up to the amount: only the product is wrong
    assert [d.pointer for d in found] == ["/budget/items/0/basis"]
    assert "150,000" in found[0].message.en


def test_the_heading_amount():
    heading = _budget("万元", "{name: 展厅运营（60万元）, amount: 50}")
    assert problems(heading, RULE) == [(4, _col(heading, 4, "展厅"), "/budget/items/0/name")]
    assert problems(_budget("万元", "{name: 展厅运营（50万元）, amount: 50}"), RULE) == []


def test_text_it_cannot_read_is_left_alone():
    text = _budget("元", "{name: 其他, amount: 100, basis: 按实际发生结算}", "{name: x, amount: 很多, basis: 合计5万元}",
                   "{name: y, amount: 100, basis: [1, 2]}")
    assert problems(text, RULE) == []
