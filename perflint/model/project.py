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
from functools import cached_property, lru_cache

from perflint.core.diagnostic import UNKNOWN_SPAN, Message, Related, Span
from perflint.model.money import FACTORS

SUMMARY_VERSION = 3
_CODE_PREFIX = re.compile(r"^[0-9A-Za-z_]{2,32}\s*[-－—]\s*")  # 219-池州市…, 51000021R000000019951-工资性支出
_SPACE = re.compile(r"\s+")


def normal_name(text) -> str:
    """A department or project name as a key: full-width folded, spaces and a leading unit or project
    code (219-, 51000021R…-) dropped."""
    return _normal_name(text) if isinstance(text, str) else ""


@lru_cache(maxsize=16384)
def _normal_name(text: str) -> str:
    return _CODE_PREFIX.sub("", _SPACE.sub("", unicodedata.normalize("NFKC", text)))


def normal_target(text) -> str:
    """A target's text for comparison: ≥95.00(%) and ≥95% are the same target, as are ≧ and ≥."""
    return _normal_target(text if isinstance(text, str) else str(text or ""))


@lru_cache(maxsize=16384)
def _normal_target(text: str) -> str:
    text = _SPACE.sub("", unicodedata.normalize("NFKC", text))
    for old, new in (("≧", "≥"), ("≦", "≤"), (">=", "≥"), ("<=", "≤")):
        text = text.replace(old, new)
    text = _BRACKETED_UNIT.sub(r"\1", text)
    return _NUMBER.sub(lambda m: format(Decimal(m.group()).normalize(), "f"), text)


_BRACKETED_UNIT = re.compile(r"[(（]([^()（）]{1,4})[)）]$")
_NUMBER = re.compile(r"\d{1,18}(?:\.\d{1,10})?")


def _str(value) -> str:
    return value if isinstance(value, str) else ""


def _opt(value) -> str | None:
    return value if isinstance(value, str) else None


def _is_span(found) -> bool:
    if type(found) not in (list, tuple) or len(found) != 4:
        return False
    line, column, end_line, end_column = found
    return type(line) is type(column) is type(end_line) is type(end_column) is int and line > 0


def _decimal(text) -> Decimal | None:
    if not isinstance(text, str):
        return None
    try:
        value = Decimal(text)
    except (InvalidOperation, ValueError):
        return None
    return value if value.is_finite() else None


@dataclass(slots=True)
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
    name_span: tuple = (0, 0, 0, 0)  # line, column, end line, end column; zeros when unknown
    target_span: tuple = (0, 0, 0, 0)
    key: str = ""  # the name normalised (normal_name): how indicators of two files are matched

    @property
    def pointer(self) -> str:
        return f"/indicators/{self.index}"

    def at(self, key: str) -> str:
        return f"{self.pointer}/{key}"

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
        return _str(self.summary.get("kind")) or "declaration"

    @property
    def year(self) -> int | None:
        year = self.summary.get("year")
        return year if isinstance(year, int) and not isinstance(year, bool) else None

    @property
    def era(self) -> str:
        return _str(self.summary.get("era")) or "unknown"

    @property
    def department(self) -> str:
        return _str(self.summary.get("dept"))

    @property
    def project(self) -> str:
        return _str(self.summary.get("project"))

    @property
    def unit(self) -> str:
        return "万元" if self.summary.get("unit") == "万元" else "元"

    @cached_property
    def indicators(self) -> tuple[IndicatorRef, ...]:
        """The indicators, each with its index in the file's list (a row of another shape is skipped).
        The name's normal form comes with the row (computed where the file was linted)."""
        out = []
        rows = self.summary.get("ind")
        for row in rows if isinstance(rows, list) else ():
            if type(row) not in (list, tuple) or len(row) != 19 or type(row[9]) is not int:
                continue  # a row of another shape (a cache written by another version)
            name, l1, l2, target, op, value, unit, kind, stable, index = row[:10]
            name = name if type(name) is str else ""
            key = row[18] if type(row[18]) is str else normal_name(name)
            out.append(IndicatorRef(index, name, _opt(l1), _opt(l2), _str(target), _opt(op), _decimal(value),
                                    _opt(unit), _str(kind), _str(stable), tuple(row[10:14]), tuple(row[14:18]), key))
        return tuple(out)

    @cached_property
    def _by_index(self) -> dict[int, IndicatorRef]:
        return {i.index: i for i in self.indicators}

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
        places = self.summary.get("initial_places")
        places = places if isinstance(places, int) and 0 <= places <= 10 else 0
        factor = FACTORS[self.unit]
        return Decimal(5).scaleb(-(int(places) + 1)) * factor

    def span(self, pointer: str) -> Span:
        """Where ``pointer`` is in this file (the nearest recorded place above it when not recorded)."""
        parts = pointer.split("/")
        if len(parts) == 4 and parts[1] == "indicators" and parts[2].isdigit() and parts[3] in ("name", "target"):
            ind = self._by_index.get(int(parts[2]))
            found = None if ind is None else (ind.name_span if parts[3] == "name" else ind.target_span)
            if _is_span(found):
                return Span(*found)
        spans = self.summary.get("spans")
        spans = spans if isinstance(spans, dict) else {}
        while True:
            found = spans.get(pointer)
            if _is_span(found):
                return Span(*found)
            if not pointer:
                return UNKNOWN_SPAN
            pointer = pointer.rsplit("/", 1)[0]

    def related(self, pointer: str, message: Message | None = None) -> Related:
        return Related(self.path, self.span(pointer), pointer, message)

    def where(self) -> str:
        """For messages: the file and its year, e.g. 2021 年申报表 declarations/….yaml."""
        return self.path


def unmatched(mine: ProjectFile, other: ProjectFile):
    """(indicators of ``mine`` with no namesake in ``other``, the reverse, renamed pairs (mine, other's)):
    a renamed pair is one indicator of each at the same second level with the same target, the only
    such one on either side. Linear: indicators are grouped through dictionaries."""
    extra = [i for i in mine.indicators if i.key not in other.by_name]
    missing = [i for i in other.indicators if i.key not in mine.by_name]

    def groups(items):
        out: dict = {}
        for i in items:
            out.setdefault((i.level2, normal_target(i.target)), []).append(i)
        return out

    theirs = groups(missing)
    renamed = [(items[0], theirs[key][0]) for key, items in groups(extra).items()
               if key[1] and len(items) == 1 and len(theirs.get(key, ())) == 1]
    paired = {id(a) for a, _ in renamed} | {id(b) for _, b in renamed}
    return [i for i in extra if id(i) not in paired], [i for i in missing if id(i) not in paired], renamed


@dataclass(frozen=True)
class Pair:
    """The file a finding is reported in (``subject``) and the file it is compared with (``other``)."""

    subject: ProjectFile
    other: ProjectFile
