"""budget-sum: a multi-year project's items may break down the total or this year's amount."""
from conftest import lint_text

RULE = "budget-sum"
HEAD = "project: {name: x, start: 2023-03-01, end: 2025-10-31, multi_year: true}\n"


def _found(items, total=48600, annual=15000):
    text = HEAD + f"budget:\n  unit: 万元\n  total: {total}\n  annual: {annual}\n  items:\n" + "".join(
        f"    - {{name: 子项{i}, amount: {a}}}\n" for i, a in enumerate(items))
    return [(d.line, d.column, d.message.en) for d in lint_text(text, select=[RULE])]


def test_items_of_this_year_agree_with_the_annual_amount():
    assert _found([8600, 5200, 1200]) == []
    assert _found([30000, 18600]) == []


def test_items_matching_neither_are_held_against_the_nearer_amount():
    [(line, column, message)] = _found([8600, 5200, 1600])
    assert (line, column) == (5, 11)
    assert "154,000,000 yuan but the annual amount is 150,000,000 yuan" in message
    [(line, column, message)] = _found([30000, 18000])
    assert (line, column) == (4, 10) and "the project total" in message
