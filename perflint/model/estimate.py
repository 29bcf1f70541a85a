"""Cost estimates (资金测算 / 测算依据) as written beside a sub-project: 3人×5万元/人=15万元；合计25万元.

Every amount is read in 元 with exact decimals; what cannot be read is left out, never guessed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from perflint.model import vocabulary as V
from perflint.model.targets import normalise_text

_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"
_MONEY = "|".join(sorted(V.MONEY_FACTORS, key=len, reverse=True)) + "|万|亿"
_FACTOR = rf"({_NUM})\s*([^\d\s×xX*＊✕=＝，,。；;（）()+＋]{{0,6}})"
_PRODUCT = re.compile(rf"{_FACTOR}(?:\s*[{re.escape(V.TIMES_SIGNS)}]\s*{_FACTOR})+(?:\s*[=＝]\s*{_NUM}\s*(?:{_MONEY}))?")
_RESULT = re.compile(rf"[=＝]\s*({_NUM})\s*({_MONEY})$")
_TIMES = re.compile(rf"[{re.escape(V.TIMES_SIGNS)}]")
_TOTAL = re.compile(rf"(?:{'|'.join(sorted(V.ESTIMATE_TOTAL_WORDS, key=len, reverse=True))})\s*[:：]?\s*({_NUM})\s*({_MONEY})")
_AMOUNT = re.compile(rf"({_NUM})\s*({_MONEY})(?![/每])")


@dataclass(frozen=True)
class Product:
    text: str
    computed: Decimal  # in 元
    stated: Decimal | None  # the result written after =, in 元


@dataclass(frozen=True)
class Estimate:
    products: tuple[Product, ...]
    total: Decimal | None  # the last 合计 / 共计 stated, in 元
    total_text: str | None


def _yuan(number: str, unit: str) -> Decimal:
    value = Decimal(number.replace(",", ""))
    if unit in V.NUMBER_MULTIPLIERS:
        return value * V.NUMBER_MULTIPLIERS[unit]
    return value * V.MONEY_FACTORS[unit]


def _money_unit(unit: str) -> str | None:
    head = unit.split("/")[0].split("每")[0]
    for money in sorted(list(V.MONEY_FACTORS) + list(V.NUMBER_MULTIPLIERS), key=len, reverse=True):
        if head.endswith(money) or head == money:
            return money
    return None


@lru_cache(maxsize=1024)
def read_estimate(text) -> Estimate | None:
    if not isinstance(text, str) or not text.strip():
        return None
    clean = normalise_text(text)
    products = []
    for m in _PRODUCT.finditer(clean):
        factors = re.findall(_FACTOR, _TIMES.sub(" × ", re.split("[=＝]", m.group(0))[0]))
        money = [(n, _money_unit(u)) for n, u in factors]
        units = [u for _, u in money if u]
        if len(units) != 1:  # exactly one money factor: 3人 × 5万元/人
            continue
        computed = Decimal(1)
        for number, unit in money:
            computed *= _yuan(number, unit) if unit else Decimal(number.replace(",", ""))
        result = _RESULT.search(m.group(0))
        stated = _yuan(result.group(1), result.group(2)) if result else None
        products.append(Product(m.group(0), computed, stated))
    totals = list(_TOTAL.finditer(clean))
    last = totals[-1] if totals else None
    return Estimate(tuple(products), _yuan(last.group(1), last.group(2)) if last else None,
                    last.group(0) if last else None)


def amounts_in(text) -> list[tuple[str, Decimal]]:
    """Every money amount written in a text, in 元 (for a heading such as 展厅运营（50万元）)."""
    if not isinstance(text, str):
        return []
    return [(m.group(0), _yuan(m.group(1), m.group(2))) for m in _AMOUNT.finditer(normalise_text(text))]
