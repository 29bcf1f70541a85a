"""A template's fill-in hint left in an indicator's name completes a bare target: `22.8` under the
name 公猪舍(≥**平方米) reads as `≥22.8平方米` (the operator and unit cells themselves are composed by
Indicator). Only what a number lacks is completed: the hint never overrides what the target says."""
from __future__ import annotations

from functools import lru_cache

from perflint.model.vocabulary import FILL_IN_HINT, OPERATOR_CHARS

_NUMBER_CHARS = frozenset("0123456789.,，．０１２３４５６７８９")


@lru_cache(maxsize=4096)
def fill_in_hint(name: str) -> tuple[str, str] | None:
    """(operator, unit) of a template's fill-in hint at the end of a name, or None."""
    m = FILL_IN_HINT.search(name or "")
    if not m:
        return None
    op, stars, unit = m.group("op") or m.group("op2"), m.group("stars") or m.group("stars2"), m.group("unit") or m.group("unit2")
    if not (op or stars):
        return None  # 完成率（%） is a unit in brackets, not a hint
    return op or "", unit


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
