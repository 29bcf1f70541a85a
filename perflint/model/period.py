"""The project period (planned start and end) and the dates written in text and targets."""
from __future__ import annotations

import calendar
import datetime
import re

from perflint.model.dates import parse_date, read_period
from perflint.model.targets import read_date  # one date grammar for targets


def project_period(decl) -> tuple[datetime.date | None, datetime.date | None]:
    """The planned start and end, or None where absent or unreadable; a form that prints one 项目实施期
    cell (2023.07-2024.01) gives the first and last day of its months."""
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


def month_bounds(year: int, month: int) -> tuple[datetime.date, datetime.date] | None:
    if not 1 <= month <= 12 or not 1 <= year <= 9999:
        return None
    return datetime.date(year, month, 1), datetime.date(year, month, calendar.monthrange(year, month)[1])


# 2019年12月 / 2019年12月5日 / 2019-12-05 / 2019年 (a bare year) inside free text.
_TEXT_DATE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*(?:年\s*(?:(?P<m>\d{1,2})\s*月(?:\s*(?P<d>\d{1,2})\s*[日号])?)?"
    r"|[-/](?P<m2>\d{1,2})(?:[-/](?P<d2>\d{1,2}))?(?!\d))"
)


def dates_in_text(text: str):
    """Yield (matched text, first day, last day) for every year, month or day written in ``text``."""
    for m in _TEXT_DATE.finditer(text):
        year = int(m.group("y"))
        month, day = m.group("m") or m.group("m2"), m.group("d") or m.group("d2")
        if month is None:
            yield m.group(0).strip(), datetime.date(year, 1, 1), datetime.date(year, 12, 31)
            continue
        bounds = month_bounds(year, int(month))
        if bounds is None:
            continue
        if day is None:
            yield m.group(0).strip(), *bounds
            continue
        try:
            d = datetime.date(year, int(month), int(day))
        except ValueError:
            continue
        yield m.group(0).strip(), d, d


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
