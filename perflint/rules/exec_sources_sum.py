from decimal import Decimal

from perflint.engine.rule import Example, Option, finding, msg, rule
from perflint.model.selfeval import COLUMNS, num
from perflint.model.vocabulary import FUND_COLUMNS

_DOC = "kind: self-evaluation\nselfeval:\n  execution: "


@rule(
    id="exec-sources-sum",
    severity="error",
    group="H",
    basis="V",
    summary=msg("年度资金总额 = 各资金来源之和", "The total row equals the sum of its sources"),
    description=msg(
        "预算执行栏中，年度资金总额一行的年初预算数、全年预算数和全年执行数，各自等于“其中”各资金来源行（当年财政拨款、"
        "上年结转、其他资金，四川表的财政专户管理资金、单位资金）之和。空白的来源不计；某一列所有来源都空白时不检查该列。"
        "金额换算为元后精确比较（容差默认 0.01 元）。",
        "In the budget-execution block, the initial budget, the full-year budget and the amount spent of the total "
        "row each equal the sum of the source rows below it (current appropriation, carry-over, other funds, and "
        "on Sichuan forms special-account and the unit's own funds). Blank sources count for nothing; a column "
        "where every source is blank is not checked. Compared exactly in yuan (tolerance 0.01 yuan by default).",
    ),
    rationale=msg(
        "年度资金总额 = 当年财政拨款 + 上年结转 + 其他资金，是申报表和自评表共同的口径；总额与来源不一致时，"
        "执行率用哪一行的数都可能是错的。",
        "Total = appropriation + carry-over + other funds holds on declarations and self-evaluations alike; when "
        "the total and its sources disagree, whichever row the rate is computed from may be wrong.",
    ),
    sources=msg("绩效目标申报表填写要求；财政支出项目绩效目标申报表填表说明；项目支出绩效自评表（中央模板）",
                "Form-filling requirements; central self-evaluation template"),
    options=(Option("tolerance", Decimal("0.01"), msg("允许的误差（元）", "Allowed difference in yuan")),),
    examples=(
        Example(_DOC + "{unit: 万元, initial: 3068.14, full_year: 2903.14, executed: 2847.98,\n"
                "    sources: {appropriation: {initial: 3068.14, full_year: 2903.14, executed: 2847.98}, carryover: {}, other: {}}}"),
        Example(_DOC + "{unit: 万元, initial: 0, full_year: 0, executed: 0,\n"
                "    sources: {appropriation: {initial: 90, full_year: 89.974, executed: 89.974}, carryover: {}, other: {}}}",
                ("/selfeval/execution/initial",)),
    ),
    kinds=("self-evaluation",),
)
def check(decl, opts):
    e = decl.scorecard.execution
    if e is None or not e.sources:
        return
    factor = e.factor
    wrong = []
    for col in COLUMNS:
        total, summed = e.total.column(col).value, e.source_sum(col)
        if total is not None and summed is not None and abs(total - summed) * factor > opts["tolerance"]:
            wrong.append((col, total, summed))
    if not wrong:
        return
    filled = [row for row in e.sources if any(row.column(c).value is not None for c in COLUMNS)]
    labels = "、".join(row.name for row in filled)
    zh = "；".join(f"{FUND_COLUMNS[c][0]} {num(t)} ≠ {num(s)}" for c, t, s in wrong)
    labels_en = ", ".join(row.name_en for row in filled)
    en = "; ".join(f"{FUND_COLUMNS[c][1]} {e.amount_en(t)} ≠ {e.amount_en(s)}" for c, t, s in wrong)
    yield finding(
        e.total.column(wrong[0][0]).pointer,
        f"{e.total.name}与其中各资金来源（{labels}）之和不符：{zh}（{e.unit}）。",
        f"{e.total.subject_en} does not equal the sum of its sources ({labels_en}): {en}.",
    )
