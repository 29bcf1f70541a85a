"""The canonical indicator categories and how every era's and region's labels map onto them.

The spellings live in the vocabulary (LEVEL1_ALIASES / LEVEL2_ALIASES); which pairs a form allows, and
how it prints them, is its template's (model.templates).
"""
from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from perflint.model import vocabulary as V

# Canonical first levels
OUTPUT, BENEFIT, SATISFACTION, COST, MANAGEMENT, IMPACT = "output", "benefit", "satisfaction", "cost", "management", "impact"
# Canonical second levels
QUANTITY, QUALITY, TIMELINESS = "quantity", "quality", "timeliness"
ECONOMIC, SOCIAL, ECOLOGICAL, SUSTAINABLE = "economic", "social", "ecological", "sustainable"
LONG_TERM = "long-term"  # 2020 影响力目标 › 长效管理 / 配套设施 …
OUTCOME_LEVEL2 = (ECONOMIC, SOCIAL, ECOLOGICAL, SUSTAINABLE)

# A weight printed in a label: 产出指标(50分), 产出指标（权重50分）, 产出指标权重分值50分.
_WEIGHT = re.compile(r"[（(]?\s*(?:权重)?(?:分值)?\s*(\d+(?:\.\d+)?)\s*分\s*[）)]?$")
_SUFFIX = re.compile("(" + "|".join(V.LEVEL_SUFFIXES) + ")$")
# A numbered label: 一、产出指标, （一）产出指标, 1.产出指标, (1)数量指标.
_ENUMERATOR = re.compile(r"^(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十\d]+[、.．])")


def stem(label) -> str:
    return _stem(label if isinstance(label, str) else str(label or ""))


@lru_cache(maxsize=4096)
def _stem(text: str) -> str:
    text = _ENUMERATOR.sub("", _WEIGHT.sub("", re.sub(r"\s+", "", text)))
    text = re.sub(r"(权重|分值)+$", "", text)
    return _SUFFIX.sub("", text)


@lru_cache(maxsize=4096)
def weight_of(label) -> Decimal | None:
    """The points printed in a level's label (产出指标(50分) → 50), or None."""
    m = _WEIGHT.search(re.sub(r"\s+", "", label)) if isinstance(label, str) else None
    return Decimal(m.group(1)) if m else None


def level1_of(label) -> str | None:
    return V.LEVEL1_ALIASES.get(stem(label))


def level2_of(label, level1: str | None = None) -> str | None:
    s = stem(label)
    found = V.LEVEL2_ALIASES.get(s)
    if found:
        return found
    if level1 == SATISFACTION and s.endswith("满意度"):  # 受益对象满意度, 使用者满意度: a satisfaction second level
        return SATISFACTION
    if level1 == MANAGEMENT and any(w in s for w in V.MANAGEMENT_LEVEL2_WORDS):
        return MANAGEMENT
    return None
