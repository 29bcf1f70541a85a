from decimal import Decimal

from perflint.engine.rule import Example, Option, finding, msg, rule
from perflint.model.money import format_yuan


@rule(
    id="prior-year-execution",
    severity="warning",
    group="F",
    basis="C",
    summary=msg("上年执行数不应超过上年预算额", "Last year's execution does not exceed last year's budget"),
    description=msg(
        "同名项目上年预算执行数（budget.previous_year.executed）不应大于上年预算额（budget.previous_year.budget）。",
        "Last year's execution of the same project (budget.previous_year.executed) should not exceed last "
        "year's budget (budget.previous_year.budget).",
    ),
    rationale=msg(
        "支出不得超出预算，执行数大于预算额说明其中一个数字填错，或有未说明的预算调整。这是本项目的一致性约定"
        "（2019、2020 年上海表样有这两栏），因此只作警告。",
        "Spending may not exceed the budget: an execution above the budget means one of the figures is wrong or "
        "an adjustment is unexplained. This is this project's consistency convention (the 2019 and 2020 "
        "Shanghai forms carry both cells): a warning only.",
    ),
    options=(Option("tolerance", Decimal("0.01"), msg("允许的误差（元）", "Allowed difference in yuan"), minimum=0),),
    examples=(
        Example("budget: {unit: 元, previous_year: {budget: 5869574, executed: 5869574}}"),
        Example("budget: {unit: 元, previous_year: {budget: 5869574, executed: 6000000}}", ("/budget/previous_year/executed",)),
    ),
)
def check(decl, opts):
    budget = decl.amount("budget", "previous_year", "budget")
    executed = decl.amount("budget", "previous_year", "executed")
    if budget is not None and executed is not None and executed - budget > opts["tolerance"]:
        yield finding("/budget/previous_year/executed",
                      f"上年预算执行数 {format_yuan(executed)} 元超过上年预算额 {format_yuan(budget)} 元：核对两个数字，或说明预算调整。",
                      f"Last year's execution {format_yuan(executed)} yuan exceeds last year's budget {format_yuan(budget)} yuan: check both figures or explain the adjustment.")
