"""The project period (planned start and end) and the dates written in text and targets."""
from __future__ import annotations

import datetime

from perflint.model.dates import month_bounds, parse_date, read_date, read_period


def project_period(decl) -> tuple[datetime.date | None, datetime.date | None]:
    """The planned start and end, or None where absent or unreadable; a form that prints one 项目实施期
    cell (2023.07-2024.01) gives the first and last day of its months. Read once per document."""
    known = decl.__dict__.get("_project_period")
    if known is None:
        known = decl.__dict__["_project_period"] = _read_period(decl)
    return known


def _read_period(decl) -> tuple[datetime.date | None, datetime.date | None]:
    start, end = parse_date(decl.get("project", "start")), parse_date(decl.get("project", "end"))
    if start or end:
        return start, end
    written = written_period(decl)
    return (written[0].first, written[1].last) if written else (None, None)


def written_period(decl):
    """The 项目实施期 cell read as two loose dates, or None."""
    return read_period(decl.get("project", "period"))


def is_multi_year(decl) -> bool:
    """Declared multi_year: true, or a planned period that spans more than one calendar year."""
    if decl.get("project", "multi_year") is True:
        return True
    start, end = project_period(decl)
    return bool(start and end and end.year > start.year)


def effective_period(decl) -> tuple[datetime.date | None, datetime.date | None]:
    """The planned period; a side that is missing falls back to the fiscal year's bound."""
    start, end = project_period(decl)
    year = decl.fiscal_year  # None, or a year a date can hold
    if year and not start:
        start = datetime.date(year, 1, 1)
    if year and not end:
        end = datetime.date(year, 12, 31)
    return start, end


_POSITION_DAY = {"初": 10, "上旬": 10, "中旬": 20}  # 底/末/下旬 and no day mean the month's last day


def deadline(target, default_year: int | None) -> datetime.date | None:
    """The latest date a date-like target allows: 12月31日前 → 31 Dec of ``default_year``,
    2024年6月底前 → 2024-06-30, 2025年3月 → 2025-03-31, 第三季度末 → 30 Sep, 年底前 → 31 Dec,
    次年3月底前 → 31 Mar of the year after ``default_year``. None when the target is not a date."""
    if target.kind == "period" and target.text:
        read = read_period(target.text, compact=False)
        return read[1].last if read else None
    if target.kind != "date" or not target.text:
        return None
    parts = read_date(target.text)
    if parts is None:
        return None
    year = parts.year
    if year is None and default_year:
        year = default_year + 1 if parts.next_year else default_year
    bounds = month_bounds(year, parts.month) if year else None
    if bounds is None:
        return None
    if parts.day is not None:
        try:
            return datetime.date(year, parts.month, parts.day)
        except ValueError:
            return None
    day = _POSITION_DAY.get(parts.position or "")
    return bounds[0].replace(day=day) if day else bounds[1]
