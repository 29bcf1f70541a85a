import datetime

from perflint.engine.rule import Example, finding, msg, rule
from perflint.model.dates import parse_date


@rule(
    id="fiscal-year-dates",
    severity="error",
    group="G",
    basis="V",
    summary=msg("起止日期须在预算年度内", "Dates lie inside the fiscal year"),
    description=msg(
        "计划开始日期不晚于完成日期；项目及每个子项目的起止日期都在预算年度（1月1日至12月31日）内。"
        "跨年度项目设 multi_year: true，此时只检查本年度区间（annual_start / annual_end）。",
        "The planned start is not after the end, and the start and end of the project and of every "
        "sub-project lie inside the fiscal year (1 January to 31 December). A multi-year project sets "
        "multi_year: true and is then checked on its annual period (annual_start / annual_end) only.",
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
    ),
)
def check(decl, opts):
    year = decl.fiscal_year
    multi = decl.get("project", "multi_year") is True
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


def _outside(pointer, d, year, multi):
    hint_zh = "" if multi else "；跨年度项目请设 multi_year: true 并填写本年度区间"
    hint_en = "" if multi else "; a multi-year project sets multi_year: true and gives its annual period"
    return finding(pointer, f"日期 {d} 不在 {year} 预算年度（{year}-01-01 至 {year}-12-31）内{hint_zh}。",
                   f"Date {d} lies outside fiscal year {year} ({year}-01-01 to {year}-12-31){hint_en}.")
