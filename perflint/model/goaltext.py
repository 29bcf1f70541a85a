"""Goal texts (项目总目标 / 年度绩效目标): what they measure and the counts they promise.

``measures`` finds quantities, deadlines and "in full" markers; ``quantities`` finds counted
commitments (完成3个功能模块) with the noun they count. Years (2020年), anniversaries (30周年),
ordinals (第七届), list numbers (1、) and approximate figures (500余场, 近15000人次) are not
commitments.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from perflint.model import vocabulary as V
from perflint.model.targets import normalise_text, to_decimal

_CN_DIGITS = V.CN_DIGITS
_CN_UNITS = V.CN_POWERS
_NUM = r"(?P<num>\d+(?:\.\d+)?|[零一二两三四五六七八九十百千万]+)"
COUNTERS = tuple(sorted(V.COUNTERS, key=len, reverse=True))
_OTHER_UNITS = V.GOAL_MEASURE_UNITS
_MEASURE = re.compile(rf"(?<![\d第]){_NUM}\s*(?:多|余)?\s*(?:万|亿)?\s*(?P<unit>{'|'.join(_OTHER_UNITS + COUNTERS)})")
_QUANTITY = re.compile(
    rf"(?P<pre>不少于|不低于|至少|超过|达到)?(?<![\d第约近逾]){_NUM}\s*(?P<approx>多|余)?\s*(?P<unit>{'|'.join(COUNTERS)})"
    r"(?:以上)?(?P<noun>[\u4e00-\u9fffA-Za-z]{1,12})"
)
# The noun first, then its count, closing the clause: 开展文化惠民演出120场, 培训教师1.5万人次以上.
_QUANTITY_AFTER_NOUN = re.compile(
    rf"(?P<noun>[\u4e00-\u9fff]{{2,12}}?)(?P<pre>不少于|不低于|至少|超过|达到)?(?<![\d第约近逾]){_NUM}\s*(?P<approx>多|余)?"
    rf"\s*(?P<mult>万|亿)?\s*(?P<unit>{'|'.join(COUNTERS)})(?P<floor>以上)?(?=$|[,;.:、()\s。；：！])"
)
_MULTIPLIERS = V.NUMBER_MULTIPLIERS
_TAGS = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Quantity:
    value: Decimal
    unit: str
    noun: str
    floor: bool  # 不少于3个 / 3个以上: a minimum, not an exact count
    text: str
    shown: str = ""  # the count as written (1.5万人次), for messages

    @property
    def written(self) -> str:
        return self.shown or f"{self.value}{self.unit}"


def display(text) -> str:
    """Goal text as written, without HTML residue (<p>…</p>) and runs of white space: for messages."""
    return " ".join(_TAGS.sub("", str(text or "")).split())


@lru_cache(maxsize=2048)
def clean(text) -> str:
    """``display`` text, width-normalised (，→ , ％ → %): for matching."""
    return normalise_text(display(text))


def cn_number(text: str) -> Decimal | None:
    """Arabic or Chinese numerals (三, 十二, 两百) → Decimal; None when it is not a number."""
    if text and text[0].isdigit():
        return to_decimal(text)
    total, digit = 0, None
    for ch in text:
        if ch in _CN_DIGITS:
            if digit is not None:
                return None  # 一二: not a number
            digit = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            total += (1 if digit is None else digit) * _CN_UNITS[ch]
            digit = None
        else:
            return None
    total += digit or 0
    return Decimal(total) if text else None


def _is_year(num: str, unit: str) -> bool:
    return unit == "年" and num.isdigit() and len(num) == 4


@lru_cache(maxsize=2048)
def measures(text) -> tuple[str, ...]:
    """Quantities, deadlines and amounts a goal states (``3个``, ``95%``, ``12月``); years excluded."""
    out = []
    for m in _MEASURE.finditer(clean(text)):
        if _is_year(m.group("num"), m.group("unit")) or cn_number(m.group("num")) is None:
            continue
        out.append(m.group(0))
    return tuple(out)


@lru_cache(maxsize=2048)
def quantities(text) -> tuple[Quantity, ...]:
    """Counted commitments: 完成3个功能模块 → Quantity(3, 个, 功能模块, floor=False)."""
    out = []
    cleaned = clean(text)
    for m in _QUANTITY.finditer(cleaned):
        if m.group("approx"):
            continue
        value = cn_number(m.group("num"))
        if value is None:
            continue
        after = cleaned[m.end("unit"):m.end("unit") + 2]
        floor = bool(m.group("pre") and m.group("pre") != "达到") or after.startswith("以上")
        out.append(Quantity(value, m.group("unit"), m.group("noun"), floor, m.group(0)))
    taken = [(q_start, q_end) for q_start, q_end in (m.span() for m in _QUANTITY.finditer(cleaned))]
    for m in _QUANTITY_AFTER_NOUN.finditer(cleaned):
        value = cn_number(m.group("num"))
        if m.group("approx") or value is None or _is_year(m.group("num"), m.group("unit")):
            continue
        if any(a < m.end() and m.start("num") < b for a, b in taken):
            continue  # read already as count-then-noun
        mult = m.group("mult") or ""
        value *= _MULTIPLIERS.get(mult, 1)
        floor = bool(m.group("pre") and m.group("pre") != "达到") or bool(m.group("floor"))
        shown = f"{m.group('num')}{mult}{m.group('unit')}"
        out.append(Quantity(value, m.group("unit"), m.group("noun"), floor, m.group(0), shown))
    return tuple(out)


@lru_cache(maxsize=8192)
def shared_noun(a: str, b: str, stop=()) -> str | None:
    """The longest common substring (≥ 2 characters) of two names once stop words are removed."""
    for word in sorted(stop, key=len, reverse=True):
        a, b = a.replace(word, "|"), b.replace(word, "|")
    best = ""
    for i in range(len(a)):
        for j in range(i + len(best) + 1, len(a) + 1):
            piece = a[i:j]
            if "|" in piece or piece not in b:
                break
            best = piece
    return best if len(best) >= 2 else None
