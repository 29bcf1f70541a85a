from __future__ import annotations

import calendar
import datetime

from perflint.engine.rule import Example, finding, msg, rule
from perflint.model import categories as C
from perflint.model import vocabulary as V
from perflint.model.period import deadline, effective_period

_DURATION_UNITS = V.CALENDAR_STEPS


def _add(start: datetime.date, n: int, unit: str) -> datetime.date | None:
    """The last day of a period of ``n`` units starting on ``start``."""
    try:
        if unit == "days":
            return start + datetime.timedelta(days=n - 1)
        if unit == "weeks":
            return start + datetime.timedelta(days=7 * n - 1)
        y, m = divmod(start.month - 1 + n * (12 if unit == "years" else 1), 12)
        year, month = start.year + y, m + 1
        day = min(start.day, calendar.monthrange(year, month)[1])
        return datetime.date(year, month, day) - datetime.timedelta(days=1)
    except (OverflowError, ValueError):
        return None


@rule(
    id="deadline-in-period",
    severity="warning",
    group="G",
    basis="C",
    summary=msg("时效指标的期限须在项目期内", "Timeliness deadlines lie inside the project period"),
    description=msg(
        "时效指标的目标是日期（如“12月31日前”“2025年3月底前”）时，不得晚于计划完成日期（未写年份时按预算年度）；"
        "是期限（如“≤45天”“≤3个月”）时，从计划开始日期起算不得超过计划完成日期。",
        "When a timeliness target is a date (\"12月31日前\", \"2025年3月底前\") it must not be after the planned end "
        "(a date without a year is in the fiscal year); when it is a duration (\"≤45天\", \"≤3个月\"), counted from the "
        "planned start it must not run past the planned end.",
    ),
    rationale=msg(
        "超出项目期的期限在本期内无法考核，通常是沿用往年指标或日期写错。这是本项目的约定，只作警告。",
        "A deadline beyond the project period cannot be assessed within it; it usually comes from last year's "
        "indicators or a wrong date. This is this project's convention: a warning only.",
    ),
    examples=(
        Example("fiscal_year: 2024\nproject: {name: x, start: 2024-01-01, end: 2024-12-31}\n"
                "indicators: [{level1: 产出指标, level2: 时效指标, name: 完成时间, target: 12月31日前}]"),
        Example("fiscal_year: 2024\nproject: {name: x, start: 2024-01-01, end: 2024-12-31}\n"
                "indicators: [{level1: 产出指标, level2: 时效指标, name: 系统验收时间, target: 2025年3月底前}]", ("/indicators/0/target",)),
        Example("fiscal_year: 2019\nproject: {name: x, start: 2019-04-01, end: 2019-04-30}\n"
                "indicators: [{level1: 产出目标, level2: 时效目标, name: 布展完成时间, target: ≤45天}]", ("/indicators/0/target",)),
    ),
)
def check(decl, opts):
    start, end = effective_period(decl)
    if end is None:
        return
    year = decl.fiscal_year or end.year
    for ind in decl.indicators:
        if ind.level2 != C.TIMELINESS:
            continue
        t = ind.target
        due = deadline(t, year)
        if due and due > end:
            yield finding(ind.at("target"), f"时效指标“{ind.name}”的期限 {t.raw}（{due}）晚于计划完成日期 {end}：改到项目期内，或调整计划完成日期。",
                          f"Timeliness indicator \"{ind.name}\" has deadline \"{t.raw}\" ({due}), after the planned end {end}: bring it inside the period or move the end.")
            continue
        unit = _DURATION_UNITS.get(t.unit or "")
        if not (start and unit and t.kind == "number" and t.op in ("≤", "<", "=", None) and t.value and t.value == int(t.value)):
            continue
        last = _add(start, int(t.value), unit)
        if last and last > end:
            yield finding(ind.at("target"), f"时效指标“{ind.name}”的期限 {t.raw} 从计划开始日期 {start} 起算到 {last}，晚于计划完成日期 {end}：缩短期限或调整项目期。",
                          f"Timeliness indicator \"{ind.name}\" allows \"{t.raw}\": from the planned start {start} that runs to {last}, past the planned end {end}. Shorten it or adjust the period.")
