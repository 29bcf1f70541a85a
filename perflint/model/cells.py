"""A target printed over several cells, read as one: 指标性质 `=` + 指标值 `100` + 度量单位 `%` is
`=100%`; a bare `22.8` under the name 公猪舍(≥**平方米) takes the hint's `≥` and `平方米`.

Only a target that lacks the piece is completed: a cell never overrides what the target itself says.
"""
from __future__ import annotations

from functools import lru_cache

from perflint.model.operators import OPERATOR_CHARS
from perflint.model.vocabulary import FILL_IN_HINT

_DIGITS = frozenset("0123456789.,，．０１２３４５６７８９")


def composed_target(target: str, data: dict, name: str) -> str:
    """The whole target an indicator's cells give: ``target`` itself when it needs nothing."""
    op, unit = data.get("operator"), data.get("unit")
    op = op.strip() if isinstance(op, str) else ""
    unit = unit.strip() if isinstance(unit, str) else ""
    if not (op or unit):
        hint = fill_in_hint(name)
        if hint is None:
            return target
        op, unit = hint
    return _compose(target, op, unit)


@lru_cache(maxsize=4096)
def _compose(target: str, op: str, unit: str) -> str:
    text = target.strip()
    if not text:
        return target
    has_op = text[0] in OPERATOR_CHARS
    bare_number = all(c in _DIGITS for c in text.lstrip("".join(OPERATOR_CHARS)).strip())
    return f"{'' if has_op else op}{text}{unit if bare_number else ''}"


@lru_cache(maxsize=4096)
def fill_in_hint(name: str) -> tuple[str, str] | None:
    """(operator, unit) of a template's fill-in hint at the end of a name, or None."""
    m = FILL_IN_HINT.search(name or "")
    if not m or not (m.group("op") or m.group("stars")):
        return None
    return m.group("op") or "", m.group("unit")
