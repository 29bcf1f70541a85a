"""Dates as the forms write them: 2019-01-01, 2019-1-1, 2019/1/1, 2019年1月1日."""
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


def read_period(text, compact: bool = True) -> tuple[Loose, Loose] | None:
    """A period written in one cell: 2023.07-2024.01, 2023年7月至2024年1月, 20246-202516. None when the
    text is not two dates joined by a dash or 至. ``compact=False`` refuses dates written as bare digits
    (20246): in a target, 20000-30000 is a range of numbers."""
    m = _PERIOD.match(text) if isinstance(text, str) else None
    if not m or (not compact and (m.group(1).isdigit() or m.group(2).isdigit())):
        return None
    first, last = read_loose(m.group(1)), read_loose(m.group(2))
    if first is None or last is None:
        return None
    return first, last
