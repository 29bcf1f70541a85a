"""input-as-output: the results it suggests measuring are generic."""
from conftest import lint_text
from snippets import OUT_Q, OUT_T, SOCIAL, block, check_fails, ind


def test_the_suggested_results_are_generic():
    [d] = lint_text(block(ind(*OUT_Q, "经费投入金额", "≥100万元")), select=["input-as-output"])
    assert (d.line, d.column) == (5, 13)
    assert "展厅" not in d.message.zh and "设施开放天数" in d.message.zh


def test_a_name_that_calls_the_money_a_grant_is_an_output_of_any_project():
    # 资助资金 / 补贴资金 paid out is what a grant scheme delivers, whatever the project is called;
    # a unit's own funds transferred (经费拨付) stay an input
    check_fails("input-as-output", [
        ind(*OUT_T, "资助资金拨付及时率", "≥95%"),
        ind(*OUT_Q, "补贴资金发放人数", "≥500人"),
        ind(*OUT_T, "辅助人员经费拨付及时性", "=100%"),
        ind(*SOCIAL, "资助资金到位率", "=100%"),
    ], [2, 3], head="project: {name: 科技型中小企业技术创新资金}")
