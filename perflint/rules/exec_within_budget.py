from decimal import Decimal

from perflint.engine.rule import Example, Option, finding, msg, rule
from perflint.model.selfeval import pct

_DOC = "kind: self-evaluation\nselfeval:\n  execution: "


@rule(
    id="exec-within-budget",
    severity="warning",
    group="H",
    basis="C",
    summary=msg("执行数不超过预算数", "No more is spent than budgeted"),
    description=msg(
        "预算执行栏各行（年度资金总额和各资金来源）的全年执行数不应超过全年预算数；超过时报告超出的金额和执行率。"
        "执行率得分仍按 100% 封顶（见 exec-score）。",
        "On every row of the budget-execution block (the total and each source), the amount spent should not "
        "exceed the full-year budget; the excess and the rate are reported. The execution score is still capped "
        "at 100% (see exec-score).",
    ),
    rationale=msg(
        "执行数超过调整后的预算，要么是数据录错，要么是超预算支出，都需要核对；这是本项目的约定，并非文件原文。",
        "Spending beyond the adjusted budget is either a typing error or an overspend; both need checking. This "
        "is a project convention, not a quoted regulation.",
    ),
    options=(Option("tolerance", Decimal("0.01"), msg("允许的误差（元）", "Allowed difference in yuan")),),
    examples=(
        Example(_DOC + "{unit: 万元, full_year: 251.89, executed: 251.89}"),
        Example(_DOC + "{unit: 万元, full_year: 100, executed: 105.4}", ("/selfeval/execution/executed",)),
    ),
    kinds=("self-evaluation",),
)
def check(decl, opts):
    e = decl.scorecard.execution
    if e is None:
        return
    factor = e.factor
    reported = None
    for row in (e.total, *e.sources):
        budget, spent = row.full_year.value, row.executed.value
        if budget is None or spent is None or (spent - budget) * factor <= opts["tolerance"]:
            continue
        if reported == (budget, spent):
            continue  # a single source that repeats the total's figures: the same overspend, reported once
        reported = (budget, spent) if row is e.total else reported
        rate = f"，执行率 {pct(spent / budget)}" if budget > 0 else ""
        rate_en = f", a rate of {pct(spent / budget)}" if budget > 0 else ""
        yield finding(
            row.executed.pointer,
            f"{row.name}的全年执行数 {e.amount(spent)} 超过全年预算数 {e.amount(budget)}（超出 {e.amount(spent - budget)}{rate}）：核对数字。",
            f"{row.subject_en}: {e.amount_en(spent)} spent against a full-year budget of {e.amount_en(budget)} "
            f"({e.amount_en(spent - budget)} over{rate_en}): check the figures.",
        )
