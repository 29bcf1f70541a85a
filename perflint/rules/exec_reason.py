from decimal import Decimal

from perflint.engine.rule import Example, Option, finding, msg, rule
from perflint.model.selfeval import HUNDRED, is_unwritten, num, pct

_DOC = "kind: self-evaluation\nselfeval:\n  execution: "


@rule(
    id="exec-reason",
    severity="warning",
    group="H",
    basis="V",
    summary=msg("执行率偏低或预算调整须说明原因", "A low rate or an adjusted budget needs a reason"),
    description=msg(
        "执行率低于阈值（默认 90%）或年初预算与全年预算数不同（年中追加或调减）时，预算执行栏的原因须写明；"
        "空白或只有表样的填写说明（如“…(100字以内)”）都算未写。原文截断（truncated）且看不到实际完成情况的表，"
        "原因可能在截断之后，不判断。",
        "When the execution rate is below the threshold (90% by default) or the initial budget differs from the "
        "full-year budget (an in-year increase or cut), the block's reason must be written; a blank, or only the "
        "template's printed instruction (\"…(100字以内)\"), counts as none. On a truncated source whose account "
        "of results is not visible the reason may lie beyond the cut, and nothing is asserted.",
    ),
    rationale=msg(
        "四川表样规定：“预算执行率未达到90%的需说明原因；年中发生预算调整的（追加或调减），应单独说明理由。”"
        "不说明调整，执行率以调整后预算为分母就可能掩盖预算编制或执行的问题。",
        "The Sichuan form requires a reason for a rate below 90% and a separate reason for any in-year "
        "adjustment. Unexplained, an adjustment can hide a budgeting or execution problem behind a rate computed "
        "on the adjusted budget.",
    ),
    sources=msg("四川省部门预算项目支出绩效自评表填表说明", "Sichuan self-evaluation form notes"),
    options=(
        Option("min_rate", Decimal(90), msg("低于此执行率（%）须说明原因", "Below this rate (%) a reason is required")),
        Option("tolerance", Decimal("0.01"), msg("年初与全年预算之差的容差（元）", "Tolerance for initial vs full-year budget, in yuan")),
    ),
    examples=(
        Example(_DOC + "{unit: 万元, initial: 1121.92, full_year: 1121.92, executed: 1120.52}"),
        Example(_DOC + "{unit: 万元, initial: 238.93, full_year: 251.89, executed: 251.89, reason: 年中追加人员经费12.96万元}"),
        Example(_DOC + "{unit: 万元, initial: 238.93, full_year: 251.89, executed: 251.89,\n"
                "    reason: '1.预算执行率未达到90%的需说明原因(100字以内)'}", ("/selfeval/execution/full_year",)),
        Example(_DOC + "{unit: 万元, full_year: 50, executed: 30}", ("/selfeval/execution/rate",)),
    ),
    kinds=("self-evaluation",),
)
def check(decl, opts):
    sc = decl.scorecard
    e = sc.execution
    if e is None or not is_unwritten(e.reason):
        return
    if sc.truncated and is_unwritten(decl.get("selfeval", "goals", "actual")):
        return  # the reason may stand beyond the cut
    fig = e.figures()
    if fig is None:
        return
    factor = e.factor
    if fig.initial is not None and abs(fig.initial - fig.full_year) * factor > opts["tolerance"]:
        change = fig.full_year - fig.initial
        share = f"{'+' if change > 0 else ''}{pct(change / fig.initial)}" if fig.initial else ""
        share_zh, share_en = (f"，{share}", f", {share}") if share else ("", "")
        pointer = e.total.full_year.pointer if fig.basis == "total" else next(
            (r.full_year.pointer for r in e.sources if r.full_year.value is not None), e.pointer)
        yield finding(
            pointer,
            f"年初预算 {e.amount(fig.initial)} 调整为全年预算 {e.amount(fig.full_year)}（{'+' if change > 0 else ''}{num(change)} {e.unit}{share_zh}），"
            f"未说明调整理由：在 reason（原因）中写明。",
            f"The initial budget of {e.amount_en(fig.initial)} became a full-year budget of {e.amount_en(fig.full_year)} "
            f"({'+' if change > 0 else ''}{e.amount_en(change)}{share_en}) with no reason given: state it in reason (原因).",
        )
    rate = fig.rate
    if rate is not None and rate * HUNDRED < opts["min_rate"]:
        yield finding(
            e.total.rate.pointer,
            f"执行率 {fig.how().zh}，低于 {num(opts['min_rate'])}%，未说明原因：在 reason（原因）中写明。",
            f"The execution rate is {fig.how().en}, below {num(opts['min_rate'])}%, with no reason given: state it in reason (原因).",
            on_key=e.total.rate.raw is None,
        )
