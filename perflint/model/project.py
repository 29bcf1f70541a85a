"""One file as the checks across files see it: its project key, indicators, amounts and where each
is, read from the plain summary the per-file lint stores (engine.crossfile), never by parsing again.

A ``ProjectFile`` answers what the cross-file rules ask (``indicators``, ``annual``, ``initial``) and
makes ``Related`` locations into itself; a ``Pair`` is a subject (where a finding is reported) and the
other file it is compared with (a self-evaluation and its declaration, a declaration and last year's).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cached_property

from perflint.core.diagnostic import UNKNOWN_SPAN, Message, Related, Span

SUMMARY_VERSION = 1
_CODE_PREFIX = re.compile(r"^[0-9A-Za-z_]{2,32}\s*[-－—]\s*")  # 219-池州市…, 51000021R000000019951-工资性支出
_SPACE = re.compile(r"\s+")


def normal_name(text) -> str:
    """A department or project name as a key: full-width folded, spaces and a leading unit or project
    code (219-, 51000021R…-) dropped."""
    if not isinstance(text, str):
        return ""
    text = _SPACE.sub("", unicodedata.normalize("NFKC", text))
    return _CODE_PREFIX.sub("", text)


def normal_target(text) -> str:
    """A target's text for comparison: ≥95.00(%) and ≥95% are the same target, as are ≧ and ≥."""
    text = _SPACE.sub("", unicodedata.normalize("NFKC", str(text or "")))
    for old, new in (("≧", "≥"), ("≦", "≤"), (">=", "≥"), ("<=", "≤")):
        text = text.replace(old, new)
    text = _BRACKETED_UNIT.sub(r"\1", text)
    return _NUMBER.sub(lambda m: format(Decimal(m.group()).normalize(), "f"), text)


_BRACKETED_UNIT = re.compile(r"[(（]([^()（）]{1,4})[)）]$")
_NUMBER = re.compile(r"\d{1,18}(?:\.\d{1,10})?")


def _decimal(text) -> Decimal | None:
    try:
        return None if text is None else Decimal(text)
    except (InvalidOperation, ValueError, TypeError):
        return None


@dataclass(frozen=True)
class IndicatorRef:
    """An indicator of another file: its name, canonical levels, target (as written, and parsed) and pointer."""

    index: int
    name: str
    level1: str | None
    level2: str | None
    target: str
    op: str | None
    value: Decimal | None
    unit: str | None
    kind: str
    stable: str  # /indicators/[name]: the pointer fingerprints use

    @property
    def pointer(self) -> str:
        return f"/indicators/{self.index}"

    def at(self, key: str) -> str:
        return f"{self.pointer}/{key}"

    @property
    def key(self) -> str:
        return normal_name(self.name)

    @property
    def numeric(self) -> bool:
        return self.kind in ("number", "range") and self.value is not None

    def same_target(self, other: IndicatorRef) -> bool:
        if self.numeric and other.numeric:
            return (self.op or "=") == (other.op or "=") and self.value == other.value and (self.unit or "") == (other.unit or "")
        return normal_target(self.target) == normal_target(other.target)


class ProjectFile:
    """A file of the run, read from its summary."""

    def __init__(self, path: str, key: str, summary: dict):
        self.path = path  # as shown
        self.key = key  # relative to the configuration: what fingerprints see
        self.summary = summary

    def __repr__(self) -> str:
        return f"ProjectFile({self.path!r})"

    @property
    def kind(self) -> str:
        return self.summary.get("kind") or "declaration"

    @property
    def year(self) -> int | None:
        year = self.summary.get("year")
        return year if isinstance(year, int) and not isinstance(year, bool) else None

    @property
    def era(self) -> str:
        return self.summary.get("era") or "unknown"

    @property
    def department(self) -> str:
        return self.summary.get("dept") or ""

    @property
    def project(self) -> str:
        return self.summary.get("project") or ""

    @property
    def unit(self) -> str:
        return self.summary.get("unit") or "元"

    @cached_property
    def indicators(self) -> tuple[IndicatorRef, ...]:
        out = []
        for i, row in enumerate(self.summary.get("ind") or ()):
            name, l1, l2, target, op, value, unit, kind, stable = row
            out.append(IndicatorRef(i, name, l1, l2, target, op, _decimal(value), unit, kind, stable))
        return tuple(out)

    @cached_property
    def by_name(self) -> dict[str, IndicatorRef]:
        """Indicators by normalised name; the first of a repeated name."""
        out: dict[str, IndicatorRef] = {}
        for ind in self.indicators:
            out.setdefault(ind.key, ind)
        return out

    @property
    def annual(self) -> Decimal | None:
        """The declaration's annual amount (年度资金总额 / 项目当年预算), in 元."""
        return _decimal(self.summary.get("annual"))

    @property
    def initial(self) -> Decimal | None:
        """The self-evaluation's 年初预算 of the total row, in 元."""
        return _decimal(self.summary.get("initial"))

    @property
    def initial_tolerance(self) -> Decimal:
        """Half a unit of the last digit printed in 年初预算, in 元 (3068.14 万元 is ±50 元)."""
        places = self.summary.get("initial_places") or 0
        factor = Decimal(10_000) if self.unit == "万元" else Decimal(1)
        return Decimal(5).scaleb(-(int(places) + 1)) * factor

    def span(self, pointer: str) -> Span:
        """Where ``pointer`` is in this file (the nearest recorded place above it when not recorded)."""
        spans = self.summary.get("spans") or {}
        while True:
            found = spans.get(pointer)
            if found:
                return Span(*found)
            if not pointer:
                return UNKNOWN_SPAN
            pointer = pointer.rsplit("/", 1)[0]

    def related(self, pointer: str, message: Message | None = None) -> Related:
        return Related(self.path, self.span(pointer), pointer, message)

    def where(self) -> str:
        """For messages: the file and its year, e.g. 2021 年申报表 declarations/….yaml."""
        return self.path


@dataclass(frozen=True)
class Pair:
    """The file a finding is reported in (``subject``) and the file it is compared with (``other``)."""

    subject: ProjectFile
    other: ProjectFile
