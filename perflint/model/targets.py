"""Indicator targets as written (`≥95%`, `=7×24小时`, `提升10%`, `健全`) → a structured Target.

Text that does not parse is kept and classified (``kind``), never dropped or guessed.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from perflint.model import vocabulary as V
from perflint.model.dates import read_date, read_period

CANONICAL_OPS = V.CANONICAL_OPERATORS
_SYMBOL_OPS = V.SYMBOL_OPERATORS
_WORD_OPS = V.WORD_OPERATORS
# Longest first, so that 及以上 is taken whole (95%及以上 is 95 %, not 95 with the unit %及) and 之前
# before 前.
_SUFFIX_OPS = sorted(V.SUFFIX_OPERATORS, key=lambda pair: -len(pair[0]))
CHANGE_WORDS = V.CHANGE_WORDS
_COMPARE_PREFIX = re.compile("^(" + "|".join(sorted(V.COMPARE_PREFIXES, key=len, reverse=True)) + ")")
VAGUE_WORDS = V.APPROXIMATE_WORDS

NUMBER = r"\d+(?:,\d{3})*(?:\.\d+)?"
_NUM_RE = re.compile(NUMBER)
# A unit: letters (digits after the first: m2), with up to three per-parts (元/人·年, 元/辆/天), in brackets or
# not: 人次, 平方米, 元/亩, (元/平方米·年), GB, m2.
_UNIT_PART = r"[\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z0-9²³]{0,5}"
# A denominator may carry its own count: 例/10万人, a rate per 100,000 (and a bare "/10万" after the number).
_PER_UNIT = rf"\s*[/·・]\s*(?:\d+(?:\.\d+)?\s*)?{_UNIT_PART}"
_UNIT_RE = re.compile(rf"^[\(（]?\s*(%|‰|{_UNIT_PART}(?:{_PER_UNIT}){{0,3}}|(?:{_PER_UNIT}){{1,3}})\s*[\)）]?$")
# A note or an alternative counter in brackets after a unit: 万元（含税）, 台（套）, 个(处).
_UNIT_NOTE = re.compile(r"\s*[（(]\s*(" + "|".join(sorted(V.UNIT_NOTES + V.COUNTERS, key=len, reverse=True)) + r")\s*[)）]\s*$")
_RANGE_RE = re.compile(rf"^({NUMBER})\s*(%|‰)?\s*(?:-|~|～|—|–|至|到)\s*({NUMBER})\s*(.*)$")
_PRODUCT_RE = re.compile(rf"^({NUMBER})\s*[×xX*＊]\s*({NUMBER})\s*(.*)$")
_MULTIPLIERS = V.NUMBER_MULTIPLIERS
_MONEY_UNITS = frozenset(V.MONEY_FACTORS)


@dataclass(frozen=True)
class Target:
    raw: str
    kind: str  # number | range | product | date | period | rank | relative | qualitative | mixed | empty
    op: str | None = None  # canonical operator
    op_raw: str | None = None  # the operator as written
    value: Decimal | None = None
    value2: Decimal | None = None  # upper bound of a range, second factor of a product
    unit: str | None = None
    text: str | None = None  # the qualitative word, or the text around a number in a mixed value
    change: str | None = None  # the change verb of a relative target
    vague: bool = False  # 若干 / 等 / 左右 …
    unit_raw: str | None = None  # the unit as written when it was spelled as a word (百分比 for %)

    @property
    def numeric(self) -> bool:
        return self.kind in ("number", "range", "product", "relative", "date", "period", "rank") and not self.vague

    @property
    def is_percent(self) -> bool:
        return self.unit == "%"

    @property
    def op_is_canonical(self) -> bool:
        return self.op_raw is not None and self.op_raw in CANONICAL_OPS


def normalise_text(text: str) -> str:
    """Full-width digits, ％, ＞, （ and friends → ASCII; keeps ≥ ≧ × as they are."""
    text = unicodedata.normalize("NFKC", text)
    return " ".join(text.split())


def to_decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", ""))
    except (InvalidOperation, AttributeError):
        return None


def _take_operator(text: str) -> tuple[str | None, str | None, str]:
    for raw, op in _SYMBOL_OPS:
        if text.startswith(raw):
            return op, raw, text[len(raw):].lstrip()
    for raw, op in _WORD_OPS:
        if text.startswith(raw) and len(text) > len(raw) and (text[len(raw)].isdigit() or text[len(raw)] == " "):
            return op, raw, text[len(raw):].lstrip()
    return None, None, text


def _split_unit(rest: str) -> tuple[str | None, str | None, Decimal]:
    """The text after a number → (unit, leftover text, multiplier). A unit is a short run of letters
    (人次, 平方米, 元/亩, GB) that holds no word of time or comparison: 4月前配送 is no unit 月前配送."""
    rest = rest.strip()
    multiplier = Decimal(1)
    if rest[:1] in _MULTIPLIERS and rest[:2] not in ("万元", "亿元"):
        multiplier = _MULTIPLIERS[rest[0]]
        rest = rest[1:].lstrip()
    if not rest:
        return None, None, multiplier
    rest = _UNIT_NOTE.sub("", rest) or rest  # 万元（含税）, 台（套）: the note does not change the unit
    m = _UNIT_RE.match(rest)
    if m and not any(w in m.group(1) for w in V.NOT_IN_UNITS):
        return m.group(1), None, multiplier
    return None, rest, multiplier


# Chinese numerals before a counter or a period (一次/周, 两个, 十二场) and "每周一次" (= 1次/周).
_CN_NUMBER = "[" + "".join(V.CN_DIGITS) + "".join(V.CN_POWERS) + "]+"
_CN_COUNT = re.compile(rf"(?<![\u4e00-\u9fff\d.(（])({_CN_NUMBER})(?=\s*(?:{'|'.join(sorted(V.COUNTERS, key=len, reverse=True))}))")
_PERIODS = "|".join(V.PERIODS)
# 每周开放不少于6天, 每月巡查2次: the verb between the period and the count does not change the count.
_PER_PERIOD = re.compile(rf"^每\s*({_PERIODS})\s*(?:[\u4e00-\u9fff]{{1,4}}?)??\s*(至少|不少于|不低于|不超过|最多|不多于)?\s*(\d+(?:\.\d+)?|{_CN_NUMBER})\s*(\S+)$")
_RECURRING_DEADLINE = re.compile(rf"^每\s*({_PERIODS})\s*\S*?(?:前|之前|以前|底|末|内)\s*(?:{'|'.join(V.DEADLINE_VERBS)})?$")
_CONDITION = re.compile(rf"^[^\d]{{1,20}}?(?:{'|'.join(V.CONDITION_ENDS)})\s*(?=\d)")
_TRAILING_VERB = re.compile(rf"(?<=[前内])\s*(?:{'|'.join(sorted(V.DEADLINE_VERBS, key=len, reverse=True))})[\u4e00-\u9fff]{{0,8}}$")
_ZERO = re.compile(rf"^(?:{'|'.join(sorted(V.ZERO_WORDS, key=len, reverse=True))})[\u4e00-\u9fff]{{0,6}}$")
_INNER_OPS = {"至少": "≥", "不少于": "≥", "不低于": "≥", "不超过": "≤", "最多": "≤", "不多于": "≤"}
_RANK = re.compile(rf"^(?:{'|'.join(V.RANK_SCOPES)})?\s*(?:{'|'.join(V.RANK_MARKS)})*\s*前\s*(\d+|{_CN_NUMBER})\s*(?:名|位)?$")
_RANK_FIRST = re.compile(rf"^(?:{'|'.join(V.RANK_SCOPES)})?\s*(?:排名|名列|位列|位居)?\s*第\s*(\d+|{_CN_NUMBER})\s*(?:名|位)?$")
# Words that introduce a total: 建设内容共计3类 is the count 3类; so does a list closed by its count (政策、技能等4类).
_TOTAL_WORDS = tuple(sorted(V.TOTAL_WORDS, key=len, reverse=True))


def cn_digits(text: str) -> str:
    """Chinese numerals counted in a counter written as digits: 一次/周 → 1次/周, 十二场 → 12场."""
    def repl(m):
        if not set(m.group(1)) - {"百", "千", "万"}:
            return m.group(1)  # 万次 is a unit with a multiplier, not a number
        value = cn_value(m.group(1))
        return str(value) if value is not None else m.group(1)
    return _CN_COUNT.sub(repl, text)


def cn_value(text: str) -> int | None:
    """三 → 3, 十二 → 12, 两百 → 200; None when the characters are no number (一二)."""
    total, digit = 0, None
    for ch in text:
        if ch in V.CN_DIGITS:
            if digit is not None:
                return None
            digit = V.CN_DIGITS[ch]
        elif ch in V.CN_POWERS:
            total += (1 if digit is None else digit) * V.CN_POWERS[ch]
            digit = None
        else:
            return None
    total += digit or 0
    return total if text else None


def _rank(original: str, body: str, op, op_raw, vague) -> Target | None:
    """全市前八, 排名前3, 位列第一: a place in a ranking (lower is better)."""
    for regex, rank_op in ((_RANK, "≤"), (_RANK_FIRST, "=")):
        m = regex.match(body)
        if m:
            place = m.group(1)
            value = cn_value(place) if not place.isdigit() else int(place) if len(place) <= 9 else None
            if value:
                return Target(original, "rank", op=op or rank_op, op_raw=op_raw, value=Decimal(value), unit="名",
                              text=body, vague=vague)
    return None


@lru_cache(maxsize=4096)
def parse_target(raw) -> Target:
    if raw is None:
        return Target("", "empty")
    original = str(raw)
    text = normalise_text(original)
    if not text:
        return Target(original, "empty")
    vague = _vague(text)
    if _ZERO.match(text) and not _NUM_RE.search(text):  # 零事故, 不发生, 杜绝, 无: none at all
        return Target(original, "number", op="=", value=Decimal(0), text=text)

    op, op_raw, body = _take_operator(cn_digits(text))
    body = _CONDITION.sub("", body)  # 接到报修后2小时内: the limit, counted from the condition
    body = _TRAILING_VERB.sub("", body)  # 12月底前完成, 24小时内响应: the limit without its verb
    if _RECURRING_DEADLINE.match(body):  # 每月15日前, 每季度末前: a recurring deadline
        return Target(original, "date", op=op or "≤", op_raw=op_raw, text=body, vague=vague)
    per = _PER_PERIOD.match(body)
    if per:
        count = per.group(3) if per.group(3)[0].isdigit() else cn_value(per.group(3))
        if count is not None:
            body = f"{count}{per.group(4)}/{per.group(1)}"
            if op is None and per.group(2):
                op, op_raw = _INNER_OPS[per.group(2)], per.group(2)
    rank = _rank(original, body, op, op_raw, vague)
    if rank:
        return rank
    if read_period(body, compact=False):  # 2023.07-2024.01: a period, not a range of numbers
        return Target(original, "period", op=op, op_raw=op_raw, text=body, vague=vague)
    date = read_date(body)
    if date:
        return Target(original, "date", op=op or ("≤" if date.suffix else None), op_raw=op_raw or date.suffix,
                      value=Decimal(date.month), text=body, vague=vague)

    for suffix, sop in _SUFFIX_OPS:
        if body.endswith(suffix) and _NUM_RE.search(body):
            if op is None:
                op, op_raw, body = sop, suffix, body[: -len(suffix)].rstrip()
            elif op == sop:  # 控制在5%以内: the word and the suffix say the same
                body = body[: -len(suffix)].rstrip()
            break

    relative = _relative(original, text, body, op, op_raw, vague)
    if relative:
        return relative

    if not _NUM_RE.search(body):
        return Target(original, "qualitative", op=op, op_raw=op_raw, text=body, vague=vague)

    m = _RANGE_RE.match(body)
    if m:
        unit, left, mult = _split_unit(m.group(4))
        if left is None and (m.group(2) is None or m.group(2) == unit):  # 90%-95%: the unit written twice
            return _number(original, "range", op, op_raw, to_decimal(m.group(1)) * mult,
                           to_decimal(m.group(3)) * mult, unit, None, vague)
    m = _PRODUCT_RE.match(body)
    if m:
        unit, left, mult = _split_unit(m.group(3))
        if left is None:
            return _number(original, "product", op, op_raw, to_decimal(m.group(1)) * mult,
                           to_decimal(m.group(2)) * mult, unit, None, vague)

    m = _NUM_RE.match(body)
    if m:
        unit, left, mult = _split_unit(body[m.end():])
        value = to_decimal(m.group(0)) * mult
        if left is None:
            return _number(original, "number", op, op_raw, value, None, unit, None, vague)
        return Target(original, "mixed", op=op, op_raw=op_raw, value=value, unit=unit, text=left, vague=vague)
    # text, then a number: 专款专用100%; a total introduced by 共计 is a plain count (…共计3类)
    m = _NUM_RE.search(body)
    unit, left, mult = _split_unit(body[m.end():])
    before = body[: m.start()].strip()
    if left is None and before.endswith(_TOTAL_WORDS + V.LIST_CLOSERS):
        return _number(original, "number", op, op_raw, to_decimal(m.group(0)) * mult, None, unit, before, vague)
    return Target(original, "mixed", op=op, op_raw=op_raw, value=to_decimal(m.group(0)) * mult, unit=unit,
                  text=before + (left or ""), vague=vague)


_LIST_ETC = re.compile(r"、[^、]*等\s*(?:$|[，,。；;)）])")


def _vague(text: str) -> bool:
    """Approximate or open wording, read as words, not as characters: 若干, 3个左右, 约500, A、B等 — not
    约定, 甲等, 等级, 等保, nor a closed list (水质、沉积物等共计3类)."""
    if any(w in text for w in V.OPEN_WORDS):
        return True
    if re.search(r"(?:约|大约)\s*\d|\d\s*\S{0,3}左右", text):
        return True
    return bool(_LIST_ETC.search(text))


def _number(original, kind, op, op_raw, value, value2, unit, text, vague) -> Target:
    """A number (or range, product) with its unit, a unit spelled as a word read as its symbol."""
    spelled = V.UNIT_SPELLINGS.get(unit) if unit else None
    return Target(original, kind, op=op, op_raw=op_raw, value=value, value2=value2, unit=spelled or unit, text=text,
                  vague=vague, unit_raw=unit if spelled else None)


def _relative(original, text, body, op, op_raw, vague) -> Target | None:
    """提升10% / 较上年增长5% / 同比下降3个百分点 / a bare 提升."""
    stripped = _COMPARE_PREFIX.sub("", body)
    for word in CHANGE_WORDS:
        if stripped.startswith(word):
            after = stripped[len(word):].strip()
            inner_op, inner_raw, after = _take_operator(after)
            m = _NUM_RE.match(after)
            if not m:
                return Target(original, "relative", op=op or inner_op, op_raw=op_raw or inner_raw, change=word,
                              text=after or None, vague=True)
            unit, left, mult = _split_unit(after[m.end():])
            return Target(original, "relative", op=op or inner_op, op_raw=op_raw or inner_raw,
                          value=to_decimal(m.group(0)) * mult, unit=unit, change=word, text=left, vague=vague)
    return None


def is_money_unit(unit: str | None) -> bool:
    return bool(unit) and (unit in _MONEY_UNITS or unit.split("/")[0] in _MONEY_UNITS)
