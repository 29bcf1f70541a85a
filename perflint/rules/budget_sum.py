from decimal import Decimal

from perflint.engine.rule import Example, Option, finding, msg, rule
from perflint.model import vocabulary as V
from perflint.model.dates import parse_date
from perflint.model.money import format_yuan
from perflint.model.period import is_multi_year

_SOURCES = ("appropriation", "carryover", "other", "superior", "own")


def _spans_years(item: dict) -> bool:
    start, end = parse_date(item.get("start")), parse_date(item.get("end"))
    return bool(start and end and end.year > start.year)


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and value.strip() in V.BLANK_MARKS)


@rule(
    id="budget-sum",
    severity="error",
    group="F",
    basis="S",
    summary=msg("预算金额须相互吻合", "Budget amounts must add up"),
    description=msg(
        "子项目（成本构成）金额之和等于项目当年预算（跨年度项目等于项目总预算或当年预算之一，都不符时与较接近者比较）；当年财政拨款 + 上年结转 + 其他资金等于年度资金总额；"
        "当年预算不超过项目总预算。金额统一换算为元后精确比较（容差默认 0.01 元）。",
        "Sub-project (cost item) amounts add up to the annual amount (for a multi-year project, to the project "
        "total or the annual amount; when neither, the nearer is named); current appropriation + carry-over + "
        "other funds add up to the annual amount; the annual amount does not exceed the project total. "
        "Compared exactly in yuan after unit conversion (tolerance 0.01 yuan by default).",
    ),
    rationale=msg(
        "申报表的资金构成是审核“目标与资金相匹配”的基础；合计不符说明有一部分资金没有对应的用途或来源。"
        "填表说明要求资金总额等于各来源之和（见 domain-rules S14、S15），子项目表以“合计”收口（S22）。",
        "The budget breakdown is what reviewers use to match targets to money; a total that does not add up "
        "means part of the money has no stated use or source. Form instructions require the total to equal "
        "the sum of its sources, and cost tables close with a total.",
    ),
    sources=msg("财政支出项目绩效目标申报表填表说明；上海 2019/2024 申报表样", "Form-filling instructions; Shanghai 2019/2024 forms"),
    options=(Option("tolerance", Decimal("0.01"), msg("允许的误差（元）", "Allowed difference in yuan"), minimum=0),),
    examples=(
        Example("budget: {unit: 元, annual: 1670000, items: [{name: 调研费, amount: 70000}, {name: 平台开发费, amount: 1600000}]}"),
        Example("budget: {unit: 元, total: 965000, annual: 965000, items: [{name: 平台建设, amount: 600000}]}", ("/budget/annual",)),
        Example("budget: {unit: 元, annual: 6491700.00, sources: {appropriation: 6491700.00, carryover: 0, other: 0}}"),
        Example("budget: {unit: 万元, annual: 3068.14, sources: {appropriation: 3000, carryover: 0, other: 0}}", ("/budget/annual",)),
        Example("budget: {unit: 元, total: 500000, annual: 800000}", ("/budget/annual",)),
    ),
)
def check(decl, opts):
    tol = opts["tolerance"]
    annual = decl.amount("budget", "annual")
    total = decl.amount("budget", "total")
    # Items running over several years may carry their whole cost (adding up to the project total) or
    # break down this year's amount: either agrees, and a sum that matches neither is held against the
    # nearer one. They are not checked when no total is given.
    multi = is_multi_year(decl) or any(_spans_years(item) for _, item in decl.items)
    whole = (total, ("项目总预算", "the project total"), "/budget/total")
    year = (annual, ("项目当年预算", "the annual amount"), "/budget/annual")
    candidates = [c for c in ((whole, year) if multi and total is not None else () if multi else (year,)) if c[0] is not None]
    if candidates and decl.items:
        amounts = [decl.amount("budget", "items", i, "amount") for i, _ in decl.items]
        if all(a is not None for a in amounts):
            s = sum(amounts, Decimal(0))
            against, (label_zh, label_en), pointer = min(candidates, key=lambda c: abs(s - c[0]))
            if abs(s - against) > tol:
                yield finding(
                    pointer,
                    f"子项目金额合计 {format_yuan(s)} 元，与{label_zh} {format_yuan(against)} 元不符"
                    f"（相差 {format_yuan(against - s)} 元）：补齐子项目或更正预算。",
                    f"Sub-project amounts add up to {format_yuan(s)} yuan but {label_en} is "
                    f"{format_yuan(against)} yuan (difference {format_yuan(against - s)} yuan): complete the items or correct the budget.",
                )
    sources = decl.get("budget", "sources")
    # The sources add up to the annual amount when the main one (the appropriation) is given and every
    # source given is readable (an unreadable one is money-format's finding, not a wrong sum).
    if annual is not None and isinstance(sources, dict) and not _blank(sources.get("appropriation")):
        present = [k for k in _SOURCES if not _blank(sources.get(k))]
        parts = [decl.amount("budget", "sources", k) for k in present]
        s = sum((p for p in parts if p is not None), Decimal(0))
        if all(p is not None for p in parts) and abs(s - annual) > tol:
            yield finding(
                "/budget/annual",
                f"当年财政拨款 + 上年结转 + 其他资金 = {format_yuan(s)} 元，与年度资金总额 {format_yuan(annual)} 元不符。",
                f"Appropriation + carry-over + other funds = {format_yuan(s)} yuan, but the annual amount is {format_yuan(annual)} yuan.",
            )
    for field in decl.money_fields:
        if field.parts and field.value is not None and abs(sum(field.parts, Decimal(0)) - field.value) > tol:
            s = sum(field.parts, Decimal(0))
            yield finding(
                field.pointer,
                f"{field.label_zh}“{field.raw}”括号中的分项合计 {format_yuan(s)} 元，与总数 {format_yuan(field.value)} 元不符。",
                f"The breakdown in brackets in the {field.label_en} \"{field.raw}\" adds up to {format_yuan(s)} yuan, "
                f"not the {format_yuan(field.value)} yuan it gives.",
            )
    if annual is not None and total is not None and annual - total > tol:
        yield finding(
            "/budget/annual",
            f"当年预算 {format_yuan(annual)} 元超过项目总预算 {format_yuan(total)} 元。",
            f"The annual amount {format_yuan(annual)} yuan exceeds the project total {format_yuan(total)} yuan.",
        )
