"""Every date grammar perflint reads, in one place: a date cell (2019-01-01, 2019-1-1, 2019年1月1日), a
loose date (2023.07, 20246), a period in one cell (2023.07-2024.01), a date target (12月31日前, 第三季度末,
次年3月底前) and the dates written in free text (2019年12月, 2022年度 excluded)."""
from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass

_DATE = re.compile(r"^\s*(\d{4})\s*(?:-|/|\.|年)\s*(\d{1,2})\s*(?:-|/|\.|月)\s*(\d{1,2})\s*日?\s*$")


def parse_date(value) -> datetime.date | None:
    if isinstance(value, datetime.date):
        return value
    if not isinstance(value, str):
        return None
    m = _DATE.match(value)
    if not m:
        return None
    try:
        return datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


@dataclass(frozen=True)
class Loose:
    """A date as a form's cell holds it, read as far as it goes: ``year`` alone (2025年, or the 2025 of an
    unreadable 202516), or a month, or a day. ``valid`` is False when digits are left over that make no
    month or day (202516: month 16)."""

    year: int
    month: int | None = None
    day: int | None = None
    valid: bool = True

    @property
    def first(self) -> datetime.date | None:
        if not self.valid:
            return None
        return datetime.date(self.year, self.month or 1, self.day or 1)

    @property
    def last(self) -> datetime.date | None:
        if not self.valid:
            return None
        if self.day:
            return datetime.date(self.year, self.month, self.day)
        month = self.month or 12
        return datetime.date(self.year, month, calendar.monthrange(self.year, month)[1])


_LOOSE = re.compile(r"^\s*(\d{4})\s*(?:(?:年|-|/|\.)\s*(\d{1,2})\s*(?:(?:月|-|/|\.)\s*(\d{1,2})\s*[日号]?|月)?|年)?\s*$")
_COMPACT = re.compile(r"^\s*((?:19|20)\d{2})(\d{1,4})\s*$")


def read_loose(value) -> Loose | None:
    """2023.07, 2023年7月, 2024-06-30, 2025年; and separators lost in a copy: 20246 (2024-6), 20251
    (2025-1), 202516 (2025, then 16: no month). None when no year can be read."""
    if isinstance(value, datetime.date):
        return Loose(value.year, value.month, value.day)
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    m = _LOOSE.match(value)
    if m:
        year, month, day = int(m.group(1)), m.group(2), m.group(3)
        return _checked(year, int(month) if month else None, int(day) if day else None)
    m = _COMPACT.match(value)
    if m:
        year, rest = int(m.group(1)), m.group(2)
        if len(rest) <= 2 and 1 <= int(rest) <= 12:
            return Loose(year, int(rest))
        if len(rest) == 4 and 1 <= int(rest[:2]) <= 12:  # 20240630
            return _checked(year, int(rest[:2]), int(rest[2:]))
        return Loose(year, valid=False)
    return None


def _checked(year: int, month: int | None, day: int | None) -> Loose:
    if month is not None and not 1 <= month <= 12:
        return Loose(year, valid=False)
    if day is not None:
        try:
            datetime.date(year, month, day)
        except ValueError:
            return Loose(year, valid=False)
    return Loose(year, month, day)


_ONE = r"\d{4}(?:\s*[年./-]\s*\d{1,2}(?:\s*[月./-]\s*\d{1,2}\s*[日号]?|\s*月)?|\s*年)?|\d{5,8}"
_PERIOD = re.compile(rf"^\s*({_ONE})\s*(?:-|~|～|—|–|至|到)\s*({_ONE})\s*$")
# One year and its months in one cell: 2023年1-12月, 2023年3月至10月, 2023年全年, 2023年度.
_YEAR_SPAN = re.compile(r"^\s*(\d{4})\s*年\s*(?:(\d{1,2})\s*月?\s*(?:-|~|～|—|–|至|到)\s*(\d{1,2})\s*月|全年|度)\s*$")


def read_period(text, compact: bool = True) -> tuple[Loose, Loose] | None:
    """A period written in one cell: 2023.07-2024.01, 2023年7月至2024年1月, 20246-202516. None when the
    text is not two dates joined by a dash or 至. ``compact=False`` refuses dates written as bare digits
    (20246): in a target, 20000-30000 is a range of numbers."""
    m = _PERIOD.match(text) if isinstance(text, str) else None
    if not m:
        return _year_span(text)
    if not compact and (m.group(1).isdigit() or m.group(2).isdigit()):
        return None
    first, last = read_loose(m.group(1)), read_loose(m.group(2))
    if first is None or last is None:
        return None
    return first, last


def _year_span(text) -> tuple[Loose, Loose] | None:
    m = _YEAR_SPAN.match(text) if isinstance(text, str) else None
    if not m:
        return None
    year = int(m.group(1))
    if m.group(2) is None:
        return Loose(year), Loose(year)
    return _checked(year, int(m.group(2)), None), _checked(year, int(m.group(3)), None)


def month_bounds(year: int, month: int) -> tuple[datetime.date, datetime.date] | None:
    if not 1 <= month <= 12 or not 1 <= year <= 9999:
        return None
    return datetime.date(year, month, 1), datetime.date(year, month, calendar.monthrange(year, month)[1])


# The one date grammar for targets (period.deadline reads it too), three forms:
#   a month or a day: 2024年6月底前, 12月31日前, 2025-03, 次年3月底前 (次年: the year after the fiscal year);
#   a quarter's end: 第三季度末前, 三季度末, 2024年第3季度底;
#   a year's end: 年底前, 年末, 2020年底前.
_DATE_RE = re.compile(
    r"^(?:"
    r"(?:(?P<y>\d{4})\s*(?:年|-|/|\.)|(?P<next>次年|翌年))?\s*(?P<m>\d{1,2})\s*(?:月|-|/|\.)\s*"
    r"(?:(?P<d>\d{1,2})\s*日?|(?P<pos>底|末|初|中旬|上旬|下旬))?"
    r"|(?:(?P<qy>\d{4})\s*年(?:度)?\s*)?第?\s*(?P<q>[1-4一二三四])\s*季度\s*(?:末|底)"
    r"|(?P<ey>\d{4})?\s*年(?:度)?\s*(?:底|末)"
    r")\s*(?P<suf>前|之前|以前|内|完成)?$"
)
_QUARTERS = {"1": 1, "2": 2, "3": 3, "4": 4, "一": 1, "二": 2, "三": 3, "四": 4}


@dataclass(frozen=True)
class DateParts:
    """A date target read: ``year`` as written (None: the fiscal year's, or the next one's when
    ``next_year``), the month, and the day or the position in the month (底, 初, 中旬 …)."""

    year: int | None
    month: int
    day: int | None = None
    position: str | None = None  # None, with no day, means the month's last day
    next_year: bool = False
    suffix: str | None = None  # 前 / 之前 / 以前 / 内 / 完成


def read_date(text: str) -> DateParts | None:
    """A date target's parts, or None when ``text`` is not a date. A bare ``12-5`` is no date
    (it reads as a range): a month needs a year or 月."""
    m = _DATE_RE.match(text)
    if not m:
        return None
    suffix = m.group("suf")
    if m.group("q"):
        year = m.group("qy")
        return DateParts(int(year) if year else None, 3 * _QUARTERS[m.group("q")], suffix=suffix)
    if m.group("m") is None:  # 年底 / 2020年末
        year = m.group("ey")
        return DateParts(int(year) if year else None, 12, suffix=suffix)
    if not (m.group("y") or "月" in text):
        return None
    return DateParts(int(m.group("y")) if m.group("y") else None, int(m.group("m")),
                     int(m.group("d")) if m.group("d") else None, m.group("pos"), bool(m.group("next")), suffix)


# 2019年12月 / 2019年12月5日 / 2019-12-05 / 2019年 (a bare year) inside free text.
_TEXT_DATE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*(?:年(?!度(?![内末底]))\s*(?:(?P<m>\d{1,2})\s*月(?:\s*(?P<d>\d{1,2})\s*[日号])?)?"
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
