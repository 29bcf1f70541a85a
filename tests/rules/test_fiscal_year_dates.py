"""fiscal-year-dates: a 项目实施期 cell written as one year and its months, and the example it suggests."""
from conftest import lint_text, problems

RULE = "fiscal-year-dates"


def _period(text, year=2023):
    return f"fiscal_year: {year}\nproject:\n  name: x\n  period: '{text}'\n"


def test_one_year_with_its_months_is_a_readable_period():
    for text in ("2023年1-12月", "2023年1月-12月", "2023年1月至12月", "2023年3～10月", "2023年全年", "2023年度"):
        assert problems(_period(text), RULE) == [], text


def test_one_year_with_its_months_outside_the_fiscal_year():
    assert problems(_period("2024年1-12月"), RULE) == [(4, 11, "/project/period")]
    assert problems(_period("2023年13-14月"), RULE) == [(4, 11, "/project/period")]


def test_the_suggested_period_is_the_documents_own_fiscal_year():
    found = lint_text(_period("全年"), select=[RULE])
    assert [(d.line, d.column) for d in found] == [(4, 11)]
    assert "2023.01-2023.12" in found[0].message.en and "2023-01-01至2023-12-31" in found[0].message.zh
    assert "2024" not in found[0].message.en + found[0].message.zh
