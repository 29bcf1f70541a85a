"""Indicator polarity: a positive indicator is better when higher (≥), a reverse one when lower (≤).

Decided by how the name ends; the longest matching ending wins, so 事故次数 (reverse) beats
次数 (positive) and 故障修复及时率 (positive) is not caught by 故障.
"""
from __future__ import annotations

from functools import lru_cache

from perflint.model import vocabulary as V
from perflint.model.names import core, suffix_table

POSITIVE = V.POSITIVE_ENDINGS
REVERSE = V.REVERSE_ENDINGS


@lru_cache(maxsize=8192)
def polarity(name, positive=POSITIVE, reverse=REVERSE) -> str | None:
    """'positive', 'reverse' or None when the name says neither. A name that leads with a verb of
    reducing (降低企业物流成本, 减少排放量) measures what is saved: higher is better."""
    text = core(name)
    if text.startswith(V.CHANGE_DOWN):
        return "positive"
    pos, longest_pos = suffix_table(tuple(positive))
    rev, longest_rev = suffix_table(tuple(reverse))
    for size in range(min(max(longest_pos, longest_rev), len(text)), 0, -1):
        end = text[-size:]
        if end in pos:  # the longest ending wins; on a tie, positive (as the lists are read)
            return "positive"
        if end in rev:
            return "reverse"
    return None
