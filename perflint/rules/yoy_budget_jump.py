from decimal import Decimal

from perflint.engine.rule import Example, Option, finding, msg, rule
from perflint.model.money import format_yuan
from perflint.model.selfeval import pct

_THIS = "kind: declaration\nfiscal_year: 2024\ndepartment: 科创办\nproject: {name: 展厅运营}\nbudget: {unit: 元, annual: %s}\nindicators: []\n"
_LAST = _THIS.replace("2024", "2023") % "7505576"


@rule(
    id="yoy-budget-jump",
    severity="info",
    group="X",
    basis="C",
    summary=msg("年度资金与上年相比的大幅变动须有说明", "A large change from last year's budget is explained"),
    description=msg(
        "同一部门、同一项目相邻两年的申报表，年度资金（项目当年预算）之比达到 ratio 倍（默认 1.5：增加 50% 或减少三分之一）"
        "以上时提示，写出两年的金额和变动幅度，并指向上年的金额。",
        "Between a project's declarations of consecutive years, an annual amount at ratio times last year's or "
        "more, either way (1.5 by default: +50% or −33%), is noted with both amounts and the change, pointing at "
        "last year's amount.",
    ),
    rationale=msg(
        "预算大幅变动而绩效目标不变（或相反），目标与资金就不再匹配（相应匹配原则）；这是本项目的约定，提示审核人比对两年的目标。",
        "A budget that moves a lot while the targets stay put (or the reverse) no longer matches its targets; a "
        "project convention that asks the reviewer to compare the two years' targets.",
    ),
    options=(Option("ratio", Decimal("1.5"), msg("两年金额之比达到此倍数即提示", "Ratio of the two amounts at which to ask")),),
    examples=(
        Example(_THIS % "8000000" + "---\n" + _LAST),
        Example(_THIS % "27565700" + "---\n" + _LAST, ("/budget/annual",)),
    ),
    kinds=("cross-file:previous-year",),
)
def check(pair, opts):
    this, last = pair.subject, pair.other
    now, before = this.annual, last.annual
    if now is None or before is None or now <= 0 or before <= 0:
        return
    ratio = max(now / before, before / now)
    if ratio < opts["ratio"]:
        return
    line = last.span("/budget/annual").line
    change = pct((now - before) / before)
    yield finding(
        "/budget/annual",
        f"年度资金 {format_yuan(now)} 元，{last.year} 年为 {format_yuan(before)} 元（{last.path}:{line}），变动 {change}：说明原因，并核对目标是否相应调整。",
        f"The annual amount is {format_yuan(now)} yuan against {format_yuan(before)} yuan in {last.year} ({last.path}:{line}), "
        f"a change of {change}: explain it, and check the targets moved with it.",
        value=f"{now}\0{before}\0{last.key}",
        related=(last.related("/budget/annual", msg(f"{last.year} 年的年度资金", f"the {last.year} annual amount")),),
    )
