"""Indicator targets as written (`≥95%`, `=7×24小时`, `提升10%`, `健全`) → a structured Target.

Text that does not parse is kept and classified (``kind``), never dropped or guessed.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from perflint.model.vocabulary import UNIT_ALIASES

# Operators as written → canonical. The canonical forms are what the forms should use.
CANONICAL_OPS = {"≥", "≤", "=", ">", "<"}
_SYMBOL_OPS = [
    (">=", "≥"), ("≥", "≥"), ("≧", "≥"), ("⩾", "≥"), ("=>", "≥"),
    ("<=", "≤"), ("≤", "≤"), ("≦", "≤"), ("⩽", "≤"), ("=<", "≤"),
    ("==", "="), ("=", "="), (">", ">"), ("<", "<"),
]
_WORD_OPS = [
    ("大于等于", "≥"), ("大于或等于", "≥"), ("不低于", "≥"), ("不少于", "≥"), ("不小于", "≥"), ("至少", "≥"),
    ("小于等于", "≤"), ("小于或等于", "≤"), ("不高于", "≤"), ("不超过", "≤"), ("不多于", "≤"), ("不大于", "≤"),
    ("至多", "≤"), ("最多", "≤"), ("大于", ">"), ("高于", ">"), ("超过", ">"), ("小于", "<"), ("低于", "<"),
    ("等于", "="), ("达到", "≥"),
]
# Longest first, so that 及以上 is taken whole (95%及以上 is 95 %, not 95 with the unit %及) and 之前
# before 前; 内 is a ceiling like 以内 (3个工作日内 is ≤3 个工作日).
_SUFFIX_OPS = sorted(
    [("以上", "≥"), ("及以上", "≥"), ("以下", "≤"), ("及以下", "≤"), ("以内", "≤"), ("之内", "≤"), ("内", "≤"),
     ("前", "≤"), ("之前", "≤")],
    key=lambda pair: -len(pair[0]),
)
CHANGE_UP = ("提升", "提高", "增长", "增加", "上升", "扩大", "改善", "增强", "优化")
CHANGE_DOWN = ("降低", "减少", "下降", "减小", "压缩", "缩短", "节约")
CHANGE_WORDS = CHANGE_UP + CHANGE_DOWN
_COMPARE_PREFIX = re.compile(r"^(较上年|比上年|较去年|比去年|同比|环比|较基期|比基期|较|比)")
VAGUE_WORDS = ("若干", "等", "左右", "约", "大约", "适量", "一定", "多个", "部分")

NUMBER = r"\d+(?:,\d{3})*(?:\.\d+)?"
_NUM_RE = re.compile(NUMBER)
_UNIT_RE = re.compile(r"^[\(（]?\s*(%|‰|[\u4e00-\u9fffA-Za-z]{1,6}(?:/[\u4e00-\u9fffA-Za-z]{1,4})?)\s*[\)）]?$")
_RANGE_RE = re.compile(rf"^({NUMBER})\s*(?:-|~|～|—|–|至|到)\s*({NUMBER})\s*(.*)$")
_PRODUCT_RE = re.compile(rf"^({NUMBER})\s*[×xX*＊]\s*({NUMBER})\s*(.*)$")
# The one date grammar for targets (period.deadline reads it too), three forms:
#   a month or a day: 2024年6月底前, 12月31日前, 2025-03, 次年3月底前 (次年: the year after the fiscal year);
#   a quarter's end: 第三季度末前, 三季度末, 2024年第3季度底;
#   a year's end: 年底前, 年末, 2020年底前.
_DATE_RE = re.compile(
    r"^(?:"
    r"(?:(?P<y>\d{4})\s*(?:年|-|/|\.)|(?P<next>次年|翌年))?\s*(?P<m>\d{1,2})\s*(?:月|-|/|\.)\s*"
    r"(?:(?P<d>\d{1,2})\s*日?|(?P<pos>底|末|初|中旬|上旬|下旬))?"
    r"|(?:(?P<qy>\d{4})\s*年(?:度)?\s*)?第?\s*(?P<q>[1-4一二三四])\s*季度\s*(?:末|底)"
    r"|(?P<ey>\d{4})?\s*年(?:度)?\s*(?:底|末)"
    r")\s*(?P<suf>前|之前|以前|内|完成)?$"
)
_QUARTERS = {"1": 1, "2": 2, "3": 3, "4": 4, "一": 1, "二": 2, "三": 3, "四": 4}


@dataclass(frozen=True)
class DateParts:
    """A date target read: ``year`` as written (None: the fiscal year's, or the next one's when
    ``next_year``), the month, and the day or the position in the month (底, 初, 中旬 …)."""

    year: int | None
    month: int
    day: int | None = None
    position: str | None = None  # None, with no day, means the month's last day
    next_year: bool = False
    suffix: str | None = None  # 前 / 之前 / 以前 / 内 / 完成


def read_date(text: str) -> DateParts | None:
    """A date target's parts, or None when ``text`` is not a date. A bare ``12-5`` is no date
    (it reads as a range): a month needs a year or 月."""
    m = _DATE_RE.match(text)
    if not m:
        return None
    suffix = m.group("suf")
    if m.group("q"):
        year = m.group("qy")
        return DateParts(int(year) if year else None, 3 * _QUARTERS[m.group("q")], suffix=suffix)
    if m.group("m") is None:  # 年底 / 2020年末
        year = m.group("ey")
        return DateParts(int(year) if year else None, 12, suffix=suffix)
    if not (m.group("y") or "月" in text):
        return None
    return DateParts(int(m.group("y")) if m.group("y") else None, int(m.group("m")),
                     int(m.group("d")) if m.group("d") else None, m.group("pos"), bool(m.group("next")), suffix)
_MULTIPLIERS = {"万": Decimal(10_000), "亿": Decimal(100_000_000)}
_MONEY_UNITS = {"元", "万元", "亿元", "千元"}


@dataclass(frozen=True)
class Target:
    raw: str
    kind: str  # number | range | product | date | relative | qualitative | mixed | empty
    op: str | None = None  # canonical operator
    op_raw: str | None = None  # the operator as written
    value: Decimal | None = None
    value2: Decimal | None = None  # upper bound of a range, second factor of a product
    unit: str | None = None
    text: str | None = None  # the qualitative word, or the text around a number in a mixed value
    change: str | None = None  # the change verb of a relative target
    vague: bool = False  # 若干 / 等 / 左右 …

    @property
    def numeric(self) -> bool:
        return self.kind in ("number", "range", "product", "relative", "date") and not self.vague

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
    """The text after a number → (unit, leftover text, multiplier)."""
    rest = rest.strip()
    multiplier = Decimal(1)
    if rest[:1] in _MULTIPLIERS and rest[:2] not in ("万元", "亿元"):
        multiplier = _MULTIPLIERS[rest[0]]
        rest = rest[1:].lstrip()
    if not rest:
        return None, None, multiplier
    m = _UNIT_RE.match(rest)
    if m:
        return UNIT_ALIASES.get(m.group(1), m.group(1)), None, multiplier
    return None, rest, multiplier


@lru_cache(maxsize=4096)
def parse_target(raw) -> Target:
    if raw is None:
        return Target("", "empty")
    original = str(raw)
    text = normalise_text(original)
    if not text:
        return Target(original, "empty")
    vague = any(w in text for w in VAGUE_WORDS)

    op, op_raw, body = _take_operator(text)
    date = read_date(body)
    if date:
        return Target(original, "date", op=op or ("≤" if date.suffix else None), op_raw=op_raw or date.suffix,
                      value=Decimal(date.month), text=body, vague=vague)

    for suffix, sop in _SUFFIX_OPS:
        if op is None and body.endswith(suffix) and _NUM_RE.search(body):
            op, op_raw, body = sop, suffix, body[: -len(suffix)].rstrip()
            break

    relative = _relative(original, text, body, op, op_raw, vague)
    if relative:
        return relative

    if not _NUM_RE.search(body):
        return Target(original, "qualitative", op=op, op_raw=op_raw, text=body, vague=vague)

    for regex, kind in ((_RANGE_RE, "range"), (_PRODUCT_RE, "product")):
        m = regex.match(body)
        if m:
            unit, left, mult = _split_unit(m.group(3))
            if left is None:
                return Target(original, kind, op=op, op_raw=op_raw, value=to_decimal(m.group(1)) * mult,
                              value2=to_decimal(m.group(2)) * mult, unit=unit, vague=vague)

    m = _NUM_RE.match(body)
    if m:
        unit, left, mult = _split_unit(body[m.end():])
        value = to_decimal(m.group(0)) * mult
        if left is None:
            return Target(original, "number", op=op, op_raw=op_raw, value=value, unit=unit, vague=vague)
        return Target(original, "mixed", op=op, op_raw=op_raw, value=value, unit=unit, text=left, vague=vague)
    # text, then a number: 专款专用100%
    m = _NUM_RE.search(body)
    unit, left, mult = _split_unit(body[m.end():])
    return Target(original, "mixed", op=op, op_raw=op_raw, value=to_decimal(m.group(0)) * mult, unit=unit,
                  text=body[: m.start()].strip() + (left or ""), vague=vague)


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
