from decimal import Decimal

from perflint.core.diagnostic import Severity
from perflint.engine.rule import Example, Option, finding, msg, rule
from perflint.model.selfeval import HUNDRED, Figures, num, pct

_DOC = "kind: self-evaluation\nselfeval:\n  execution: "


@rule(
    id="exec-rate",
    severity="error",
    group="H",
    basis="V",
    summary=msg("执行率 = 全年执行数 ÷ 全年预算数", "The execution rate is spent ÷ full-year budget"),
    description=msg(
        "重算年度资金总额一行（以及印有执行率的资金来源行）的执行率：全年执行数 ÷ 全年预算数（调整后预算数、预算数(A)），"
        "不是 ÷ 年初预算。与表上的执行率比较，误差超过容差（默认 0.01 个百分点；表上只印到整数或一位小数时按末位的半个单位放宽）"
        "即报告，并写出重算的算式。总额一行为空或全为 0 而资金来源行有数时，按各来源之和计算。写成 20 而不是 20% 、"
        "或写成小数 0.98 的，数值对但写法不对，单独报告为警告。预算为 0 的行（0 ÷ 0）没有执行率，不检查。",
        "Recomputes the execution rate of the total row (and of any source row that prints one): amount spent ÷ "
        "full-year budget (\"调整后预算数\", \"预算数(A)\"), not ÷ the initial budget. A difference from the printed rate "
        "beyond the tolerance (0.01 percentage points by default, widened to half a unit of the last digit when "
        "the form prints fewer decimals) is reported with the computation. When the total row is blank or all "
        "zero while the source rows carry amounts, their sum is used. A right value written 20 instead of 20%, "
        "or as a fraction 0.98, is a warning of its own. A row whose budget is 0 (0 ÷ 0) has no rate and is not checked.",
    ),
    rationale=msg(
        "执行率是自评表第一项计分（通常 10 分），算错会直接影响得分和评价等级。各地表样都规定分母是全年（调整后）预算数："
        "四川表样写明“预算执行率=预算执行数/调整后预算数”；以年初预算为分母会把年中调减的资金算作未执行。",
        "The execution rate is the first scored line of a self-evaluation (usually 10 points); a wrong rate moves "
        "the score and the grade. The templates fix the denominator as the full-year (adjusted) budget: the "
        "Sichuan form prints \"预算执行率=预算执行数/调整后预算数\". Dividing by the initial budget counts money "
        "withdrawn during the year as unspent.",
    ),
    sources=msg("四川省部门预算项目支出绩效自评表填表说明；项目支出绩效自评表（中央模板，池州 2022）；财预〔2020〕10号",
                "Sichuan self-evaluation form notes; central self-evaluation template (Chizhou 2022); MOF 2020 No. 10"),
    options=(Option("tolerance", Decimal("0.01"), msg("允许的误差（百分点）", "Allowed difference in percentage points")),),
    examples=(
        Example(_DOC + "{unit: 万元, initial: 1121.92, full_year: 1121.92, executed: 1120.52, points: 10, rate: 99.88%, score: 9.99}"),
        Example(_DOC + "{unit: 万元, initial: 238.93, full_year: 251.89, executed: 251.89, rate: 100.00%,\n"
                "    sources: {special_account: {initial: 0.00, full_year: 0.00, executed: 0.00, rate: 0.00%}}}"),
        Example(_DOC + "{unit: 万元, initial: 3068.14, full_year: 2903.14, executed: 2847.98, points: 10, rate: 98.11%, score: 9.81}",
                ("/selfeval/execution/rate",)),
        Example(_DOC + "{unit: 万元, full_year: 0, executed: 0, rate: 0, sources: {appropriation: {initial: 90, full_year: 89.974, executed: 89.974}}}",
                ("/selfeval/execution/rate",)),
        Example(_DOC + "{unit: 万元, full_year: 50, executed: 10, rate: 20, points: 20, score: 4}", ("/selfeval/execution/rate",)),
    ),
    kinds=("self-evaluation",),
)
def check(decl, opts):
    e = decl.scorecard.execution
    if e is None:
        return
    tol = opts["tolerance"]
    yield from _row(e, e.total, e.figures(), tol, total=True)
    for row in e.sources:
        if row.full_year.value is not None and row.executed.value is not None and not row.rate.blank:
            yield from _row(e, row, Figures(row.full_year.value, row.executed.value, "total", row.initial.value), tol, total=False)


def _row(e, row, fig, tol, total: bool):
    rate = fig.rate if fig else None
    cell = row.rate
    if rate is None:
        return
    how = fig.how()
    where_zh, where_en = row.name, row.name_en
    if cell.blank:
        if total:
            yield finding(cell.pointer, f"执行率未填写：{how.zh}。", f"The execution rate is blank: {how.en}.", on_key=cell.raw is None)
        return
    if cell.value is None:
        yield finding(cell.pointer, f"{where_zh}的执行率“{cell.shown}”不是百分比：{how.zh}。",
                      f"The execution rate \"{cell.shown}\" of {where_en} is not a percentage: {how.en}.")
        return
    recomputed = rate * HUNDRED
    allowed = max(tol, cell.half_unit)
    if not cell.percent:
        if abs(cell.value - recomputed) <= allowed:
            yield finding(cell.pointer, f"执行率写作 {cell.shown}，缺少 %：{how.zh}，写作 {pct(rate)}。",
                          f"The execution rate is written {cell.shown}, without %: {how.en}; write {pct(rate)}.",
                          severity=Severity.WARNING)
            return
        if abs(cell.value * HUNDRED - recomputed) <= max(tol, cell.half_unit * HUNDRED):
            yield finding(cell.pointer, f"执行率写作小数 {cell.shown}：{how.zh}，写作 {pct(rate)}。",
                          f"The execution rate is written as the fraction {cell.shown}: {how.en}; write {pct(rate)}.",
                          severity=Severity.WARNING)
            return
    elif abs(cell.value - recomputed) <= allowed:
        return
    shown = cell.shown if cell.percent else f"{cell.shown}（按 {cell.shown}% 读）"
    shown_en = cell.shown if cell.percent else f"{cell.shown} (read as {cell.shown}%)"
    hint_zh = hint_en = ""
    if fig.initial and abs(fig.executed / fig.initial * HUNDRED - cell.value) <= allowed and fig.initial != fig.full_year:
        hint_zh = f"；表上的数是以年初预算 {num(fig.initial)} 为分母算的，分母应为全年预算数"
        hint_en = f"; the printed figure divides by the initial budget {num(fig.initial)}, but the denominator is the full-year budget"
    yield finding(
        cell.pointer,
        f"{where_zh}的执行率为 {shown}，但 {how.zh}{hint_zh}。",
        f"The execution rate of {where_en} is {shown_en}, but {how.en}{hint_en}.",
    )
