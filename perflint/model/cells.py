"""A template's fill-in hint left in an indicator's name completes a bare target: `22.8` under the
name 公猪舍(≥**平方米) reads as `≥22.8平方米` (the operator and unit cells themselves are composed by
Indicator). Only what a number lacks is completed: the hint never overrides what the target says."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from perflint.model.vocabulary import OPERATOR_CHARS, PLACEHOLDER_MARKS

_NUMBER_CHARS = frozenset("0123456789.,，．０１２３４５６７８９")

# The one definition of a template's fill-in hint, read on the name folded to half width (NFKC):
#   in brackets, an operator and/or a mark, then a unit and no digit: (≥**平方米), (≥米), ( ≥**个 ), (**个);
#   bare, a mark with or without an operator before it: ≥**人, XX, …, ____.
# A single leading * is the template's mark of a core indicator, not a hint.
_OPS = re.escape("".join(sorted(OPERATOR_CHARS)))
_MARKS = "|".join(re.escape(m) for m in sorted(PLACEHOLDER_MARKS, key=len, reverse=True))
_UNIT = r"%|‰|[\u4e00-\u9fff]{1,4}"
_BRACKETED = re.compile(
    rf"[(]\s*(?:(?P<op>[{_OPS}]+)\s*(?P<mark>{_MARKS}|[*xX×]+)?|(?P<only>{_MARKS}|\*+))\s*(?P<unit>[^\d()]{{0,6}}?)\s*[)]")
_BARE = re.compile(rf"(?P<op>[{_OPS}]+)?\s*(?P<mark>{_MARKS})\s*(?P<unit>{_UNIT})?")
_NEEDED = frozenset("".join(PLACEHOLDER_MARKS) + "".join(OPERATOR_CHARS))
_SIMPLE_OPS = frozenset(("≥", "≤", ">=", "<=", "=", ">", "<"))


@dataclass(frozen=True)
class Placeholder:
    """A fill-in hint in a name: its text, the operator and unit it states, and whether it ends the name."""

    text: str
    op: str
    unit: str
    at_end: bool


@lru_cache(maxsize=4096)
def placeholder(name: str) -> Placeholder | None:
    """The template's fill-in hint left in ``name``, or None."""
    if not name or _NEEDED.isdisjoint(name):
        return None
    text = " ".join(unicodedata.normalize("NFKC", name).split())
    m = _BRACKETED.search(text)
    if m:
        return Placeholder(m.group(0).strip(), m.group("op") or "", m.group("unit").strip(), m.end() == len(text))
    for m in _BARE.finditer(text):
        op, mark = m.group("op") or "", m.group("mark")
        if not op and m.start("mark") == 0:
            continue
        if op or mark.startswith("*"):  # ≥**人, 人口数**人: the unit the cell was to take
            return Placeholder(m.group(0).strip(), op, m.group("unit") or "", m.end() == len(text))
        return Placeholder(mark, "", "", m.end("mark") == len(text))  # XX工程: a mark, the rest is the name
    return None


@lru_cache(maxsize=4096)
def fill_in_hint(name: str) -> tuple[str, str] | None:
    """(operator, unit) of a template's fill-in hint at the end of a name, or None: the hint the target
    cell was to be written with (公猪舍(≥**平方米): ≥ and 平方米)."""
    hint = placeholder(name or "")
    if hint is None or not hint.at_end or not re.fullmatch(_UNIT, hint.unit) or (hint.op and hint.op not in _SIMPLE_OPS):
        return None
    return hint.op, hint.unit


def hint_cells(target: str, name: str) -> tuple[str, str]:
    """The (operator, unit) a name's fill-in hint adds to ``target``: the operator when the target has
    none, the unit when the target ends in its number; ("", "") when the name has no hint or the
    target is no number."""
    text = target.strip()
    hint = fill_in_hint(name) if text else None
    if hint is None:
        return "", ""
    has_op = text[0] in OPERATOR_CHARS
    body = text.lstrip("".join(OPERATOR_CHARS) + " ")
    if not body or not all(c in _NUMBER_CHARS for c in body):
        return "", ""  # a unit, a word or a range of its own: the target says what it means
    return ("" if has_op else hint[0]), hint[1]
