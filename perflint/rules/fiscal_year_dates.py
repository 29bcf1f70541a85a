import datetime
import re

from perflint.engine.rule import Example, finding, msg, rule
from perflint.model.dates import parse_date, read_period
from perflint.model.period import deadline


@rule(
    id="fiscal-year-dates",
    severity="error",
    group="G",
    basis="V",
    summary=msg("起止日期须在预算年度内", "Dates lie inside the fiscal year"),
    description=msg(
        "计划开始日期不晚于完成日期；项目及每个子项目的起止日期都在预算年度（1月1日至12月31日）内。"
        "跨年度项目设 multi_year: true（或资金表分列项目总预算与当年预算），此时只检查本年度区间（annual_start / annual_end）。表样只有一格“项目实施期”"
        "（2023.07-2024.01）时按它检查；丢了分隔符的日期（20246-202516）报告为无法确定，能读出的年份仍然检查。"
        "时效指标的日期或期间超出预算年度也报告（超出计划完成日期的由 deadline-in-period 报告）。",
        "The planned start is not after the end, and the start and end of the project and of every "
        "sub-project lie inside the fiscal year (1 January to 31 December). A multi-year project sets "
        "multi_year: true (or its budget splits the project total from this year's amount) and is then checked on its "
        "annual period (annual_start / annual_end) only. A form with one implementation period (项目实施期) cell, "
        "such as \"2023.07-2024.01\", is checked on it; dates that lost their separators (20246-202516) are "
        "reported as unreadable, and the years that can be read are still checked. A timeliness date or period "
        "beyond the fiscal year is reported too (one beyond the planned end is deadline-in-period's).",
    ),
    rationale=msg(
        "预算年度自公历1月1日起至12月31日止（《预算法》第十八条），年度预算只能安排本年度的支出。",
        "The budget year runs from 1 January to 31 December (Budget Law art. 18): an annual budget pays for that year only.",
    ),
    sources=msg("《中华人民共和国预算法》第十八条", "Budget Law of the PRC, article 18"),
    examples=(
        Example("fiscal_year: 2024\nproject: {name: x, start: 2024-01-01, end: 2024-12-31}"),
        Example("fiscal_year: 2024\nproject: {name: x, start: 2024-03-01, end: 2025-06-30}", ("/project/end",)),
        Example("fiscal_year: 2024\nproject: {name: x, start: 2024-10-01, end: 2024-03-31}", ("/project/start",)),
        Example("fiscal_year: 2024\nproject: {name: x, multi_year: true, start: 2023-01-01, end: 2026-12-31, annual_start: 2024-01-01, annual_end: 2024-12-31}"),
        Example("fiscal_year: 2023\nproject: {name: x, period: 2023.03-2023.12}"),
        Example("fiscal_year: 2023\nproject: {name: x, period: 2023.07-2024.01}", ("/project/period",)),
        Example("fiscal_year: 2023\nproject: {name: x, period: 2023.07-2025.06}\nbudget: {unit: 万元, total: 900, annual: 300}"),
        Example("fiscal_year: 2024\nproject: {name: x, period: 20246-202516}", ("/project/period",)),
        Example("fiscal_year: 2023\nproject: {name: x, period: 2023.07-2023.12}\n"
                "indicators: [{level1: 产出指标, level2: 时效指标, name: 服务周期, target: 2023.07-2024.01}]",
                ("/indicators/0/target",)),
    ),
    defers_to=("deadline-in-period",),
)
def check(decl, opts):
    year = decl.fiscal_year
    # multi-year: declared, or a budget that splits the project's total from this year's amount
    total, annual = decl.amount("budget", "total"), decl.amount("budget", "annual")
    multi = decl.get("project", "multi_year") is True or (total is not None and annual is not None and total > annual)
    keys = ("annual_start", "annual_end") if multi else ("start", "end")
    dates = {}
    for key in ("start", "end", "annual_start", "annual_end"):
        raw = decl.get("project", key)
        if raw is None:
            continue
        d = parse_date(raw)
        if d is None:
            yield finding(f"/project/{key}", f"“{raw}”不是有效日期：写作 {year or 2024}-01-01。",
                          f"\"{raw}\" is not a valid date: write it as {year or 2024}-01-01.")
        dates[key] = d
    start, end = dates.get("start"), dates.get("end")
    if start and end and start > end:
        yield finding("/project/start", f"计划开始日期 {start} 晚于完成日期 {end}。",
                      f"The planned start {start} is after the planned end {end}.")
    yield from _period(decl, year, multi)
    if year is None:
        return
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    for key in keys:
        d = dates.get(key)
        if d and not first <= d <= last:
            yield _outside(f"/project/{key}", d, year, multi)
    for i, item in decl.items:
        for key in ("start", "end"):
            d = parse_date(item.get(key))
            if d and not first <= d <= last:
                yield _outside(f"/budget/items/{i}/{key}", d, year, multi)
    if not multi:
        for ind in decl.indicators:
            due = deadline(ind.target, year) if ind.target.kind in ("date", "period") else None
            if due and due > last:
                yield finding(ind.at("target"), f"“{ind.name}”的期限 {ind.target.raw}（{due}）超出 {year} 预算年度：年度指标写本年度内可完成的目标。",
                              f"\"{ind.name}\" runs to \"{ind.target.raw}\" ({due}), beyond fiscal year {year}: an annual target is one "
                              "this year can meet.")


def _period(decl, year: int | None, multi: bool):
    """The one 项目实施期 cell: readable, and inside the fiscal year for a single-year project."""
    raw = decl.get("project", "period")
    if not isinstance(raw, str) or not raw.strip() or decl.get("project", "start") or decl.get("project", "end"):
        return
    read = read_period(raw)
    if read is None or not all(side.valid for side in read) or _compact(raw):
        y = year or 2024  # the example in the document's own fiscal year
        yield finding("/project/period", f"项目实施期“{raw}”无法确定起止年月：写作 {y}.01-{y}.12 或 {y}-01-01至{y}-12-31。",
                      f"The project period \"{raw}\" does not give a readable start and end: write \"{y}.01-{y}.12\" or "
                      f"\"{y}-01-01至{y}-12-31\".", value=raw)
    if read is None or year is None or multi:
        return
    outside = [side for side in read if side.year != year]
    if outside:
        yield finding("/project/period", f"项目实施期“{raw}”不在 {year} 预算年度内，而年度预算只安排本年度的支出："
                      f"跨年度项目请设 multi_year: true，并分列本年度的资金和工作。",
                      f"The project period \"{raw}\" runs outside fiscal year {year}, yet an annual budget pays for that year "
                      "only: a multi-year project sets multi_year: true and splits this year's money and work.", value=raw)


def _compact(raw: str) -> bool:
    """A date run together without separators (20246): its month cannot be told for sure."""
    return any(part.isdigit() and len(part) > 4 for part in re.split(r"[^0-9]+", raw))


def _outside(pointer, d, year, multi):
    hint_zh = "" if multi else "；跨年度项目请设 multi_year: true 并填写本年度区间"
    hint_en = "" if multi else "; a multi-year project sets multi_year: true and gives its annual period"
    return finding(pointer, f"日期 {d} 不在 {year} 预算年度（{year}-01-01 至 {year}-12-31）内{hint_zh}。",
                   f"Date {d} lies outside fiscal year {year} ({year}-01-01 to {year}-12-31){hint_en}.")
