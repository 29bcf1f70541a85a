"""The comparison operator exactly as typed, before any normalisation.

``parse_target`` folds full-width ＞ and ＝ into ASCII (NFKC), so the look-alike symbols that a
form should not use are read here from the raw text.
"""
from __future__ import annotations

import re
import unicodedata

from perflint.model import vocabulary as V
from perflint.model.targets import parse_target

OPERATOR_CHARS = V.OPERATOR_CHARS
ACCEPTED = V.ACCEPTED_OPERATORS
# A number as written, with a multiplier or not (1.5万, 2.6 万, 95.00): shown as the author spelled it.
_WRITTEN_NUMBER = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([" + "".join(V.NUMBER_MULTIPLIERS) + r"]?)\s*(.*?)\s*$")


def written_operator(raw) -> str | None:
    """The run of operator symbols a target starts with, as typed (``≧``, ``＞＝``, ``>=``), or None."""
    text = str(raw or "").lstrip()
    end = 0
    while end < len(text) and text[end] in OPERATOR_CHARS:
        end += 1
    return text[:end] or None


def canonical(written: str) -> str | None:
    """The canonical operator a written run means (``≧`` → ``≥``, ``＞＝`` → ``≥``), or None."""
    return parse_target(written + "1").op


def is_lookalike(written: str | None) -> bool:
    """A written operator that is not one of the accepted spellings."""
    return bool(written) and written not in ACCEPTED


def bare(target) -> str:
    """A parsed target without its operator: ≥95.00(%) → 95.00%, 90-95% → 90-95%."""
    unit = target.unit or ""
    if target.kind == "number" and target.value is not None:
        written = _WRITTEN_NUMBER.match(unicodedata.normalize("NFKC", target.raw[len(target.op_raw or ""):]))
        if written and written.group(2) and written.group(3) == unit:
            return f"{written.group(1)}{written.group(2)}{unit}"  # 1.5万人次, not 15000.0人次
        return f"{target.value}{unit}"
    if target.kind == "range" and target.value is not None and target.value2 is not None:
        return f"{target.value}-{target.value2}{unit}"
    if target.kind == "product" and target.value is not None and target.value2 is not None:
        return f"{target.value}×{target.value2}{unit}"
    return target.raw
