"""What an indicator's name says about the value it needs: a rate, a count, money, a time.

Pure text helpers over third-level names (三级指标). Matching is by the end of the name
(``core`` drops trailing punctuation and a trailing bracketed unit such as ``（%）``).
"""
from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from perflint.model import vocabulary as V
from perflint.model.targets import Target, is_money_unit, normalise_text, to_decimal

RATE_ENDINGS = V.RATE_ENDINGS
COUNT_ENDINGS = V.COUNT_ENDINGS
NOT_COUNT_ENDINGS = V.NOT_COUNT_ENDINGS
EVENT_ENDINGS = V.EVENT_ENDINGS
MONEY_ENDINGS = V.MONEY_ENDINGS
TIME_ENDINGS = V.TIME_ENDINGS
TIME_UNITS = tuple(V.DURATION_UNITS)

_TRAILING = re.compile(r"[\s。．.，,；;：:、！!？?]+$")
_BRACKET = re.compile(r"[（(][^（）()]*[)）]$")
_STRIPPED_ENDS = frozenset("。．.，,；;：:、！!？?)）")  # the last characters _TRAILING or _BRACKET can remove


@lru_cache(maxsize=8192)
def core(name) -> str:
    """The name without trailing punctuation or a trailing bracket: 完成率（%）。 → 完成率."""
    text = " ".join(str(name or "").split())
    if not text or text[-1] not in _STRIPPED_ENDS:
        return text  # most names: nothing to strip, and the two searches cost more than the rest
    for _ in range(3):
        stripped = _BRACKET.sub("", _TRAILING.sub("", text)).strip()
        if stripped == text:
            break
        text = stripped
    return text


def ending(name, words) -> str | None:
    """The longest of ``words`` that ``name`` ends with, or None. Not memoised: names rarely repeat
    within a run, and hashing the word list for a memo costs more than the few set lookups."""
    text = core(name)
    table, longest = suffix_table(words)
    for size in range(min(longest, len(text)), 0, -1):
        if text[-size:] in table:
            return text[-size:]
    return None


_TABLES: dict[int, tuple] = {}  # id(words) → (words, table, longest): the vocabulary's tuples live for the run


def suffix_table(words) -> tuple[frozenset, int]:
    """The words as a set and their greatest length: a name's endings are looked up, not scanned."""
    known = _TABLES.get(id(words))
    if known is not None and known[0] is words:
        return known[1], known[2]
    table = frozenset(w for w in words if isinstance(w, str) and w)
    longest = max(map(len, table), default=0)
    if len(_TABLES) < 1024:
        _TABLES[id(words)] = (words, table, longest)
    return table, longest


_NOT_SHARES = V.NOT_RATE_ENDINGS + V.FREQUENCY_ENDINGS


def is_rate(name, rate=RATE_ENDINGS) -> bool:
    return ending(name, rate) is not None and not ending(name, _NOT_SHARES)


@lru_cache(maxsize=8192)
def name_class(name, rate=RATE_ENDINGS, money=MONEY_ENDINGS, time=TIME_ENDINGS, event=EVENT_ENDINGS,
               count=COUNT_ENDINGS) -> str | None:
    """frequency | rate | money | time | event | count | None, from how the name ends (checked in that
    order). 频率 is a frequency (a count per period) and 效率, 速率 are speeds: none of them is a share."""
    if rate is RATE_ENDINGS and money is MONEY_ENDINGS and time is TIME_ENDINGS and event is EVENT_ENDINGS \
            and count is COUNT_ENDINGS:
        table, longest = _DEFAULT_CLASSES  # what the model reads: the vocabulary's own lists
    else:
        table, longest = _class_table(rate, money, time, event, count)
    text = core(name)
    found = 0
    for size in range(min(longest, len(text)), 0, -1):  # every ending at once: one pass, not one per list
        found |= table.get(text[-size:], 0)
    if not found:
        return None
    if found & _FREQUENCY:
        return "frequency"
    if found & _RATE and not found & _NOT_RATE:
        return "rate"
    for bit, kind in ((_MONEY, "money"), (_TIME, "time"), (_EVENT, "event")):
        if found & bit:
            return kind
    if found & _COUNT and not found & _NOT_COUNT:
        return "count"
    return None


_FREQUENCY, _RATE, _NOT_RATE, _MONEY, _TIME, _EVENT, _COUNT, _NOT_COUNT = (1 << i for i in range(8))
_CLASS_TABLES: dict[tuple, tuple] = {}  # ids of the lists → (lists, table, longest), like _TABLES


def _class_table(rate, money, time, event, count) -> tuple[dict[str, int], int]:
    """Every ending name_class looks for, each mapped to the bits of the lists that hold it."""
    lists = (V.FREQUENCY_ENDINGS, rate, V.NOT_RATE_ENDINGS, money, time, event, count, NOT_COUNT_ENDINGS)
    key = tuple(map(id, lists))
    known = _CLASS_TABLES.get(key)
    if known is not None and all(a is b for a, b in zip(known[0], lists, strict=True)):
        return known[1], known[2]
    table: dict[str, int] = {}
    for bit, words in zip((_FREQUENCY, _RATE, _NOT_RATE, _MONEY, _TIME, _EVENT, _COUNT, _NOT_COUNT), lists, strict=True):
        for word in suffix_table(words)[0]:
            table[word] = table.get(word, 0) | bit
    longest = max(map(len, table), default=0)
    if len(_CLASS_TABLES) < 256:
        _CLASS_TABLES[key] = (lists, table, longest)
    return table, longest


_DEFAULT_CLASSES = _class_table(RATE_ENDINGS, MONEY_ENDINGS, TIME_ENDINGS, EVENT_ENDINGS, COUNT_ENDINGS)


def is_satisfaction_score(name) -> bool:
    """Whether the name is a satisfaction score: 参观者满意度, 用户满意率, 服务质量（满意度）. False for
    a name without 满意 and for one about the survey rather than the score: 满意度调查次数,
    满意度调查覆盖率. (Whether an indicator scores satisfaction, its filing included, is
    the reading's scores_satisfaction.)"""
    if "满意" not in str(name or ""):
        return False
    text = core(name)
    return name_class(text) is None or text.endswith("满意率")


def find_word(text: str, option) -> str | None:
    """The first of a list option's words found in ``text`` (one compiled search, not a loop), or None."""
    known = _PATTERNS.get(id(option))
    if known is not None and known[0] is option:
        pattern = known[1]
    else:
        pattern = _alternation(words(option))
        if len(_PATTERNS) < 1024:
            _PATTERNS[id(option)] = (option, pattern)
    if pattern is None:
        return None
    m = pattern.search(text)
    return m.group(0) if m else None


_PATTERNS: dict[int, tuple] = {}  # id(option) → (option, compiled alternation), like _TABLES


@lru_cache(maxsize=512)
def _alternation(items: tuple[str, ...]):
    if not items:
        return None
    return re.compile("|".join(re.escape(w) for w in sorted(items, key=len, reverse=True)))


def words(option) -> tuple[str, ...]:
    """The usable words of a list option as a rule reads them: strings only, blanks dropped (a blank
    would match every name), a bare string taken as one word. A user's ``economic_words: [5]`` must
    not crash a rule, whatever the configuration loader lets through."""
    if isinstance(option, tuple):
        try:
            return _words(option)
        except TypeError:  # an unhashable element
            pass
    return _read_words(option)


@lru_cache(maxsize=512)
def _words(option: tuple) -> tuple[str, ...]:
    return _read_words(option)


def _read_words(option) -> tuple[str, ...]:
    if isinstance(option, str):
        return (option,) if option else ()
    try:
        items = tuple(option)
    except TypeError:
        return ()
    return tuple(w for w in items if isinstance(w, str) and w)


def unit_class(unit: str | None) -> str | None:
    """percent | money | ratio | time | area | length | weight | volume | count | None (no unit)."""
    if not unit:
        return None
    if unit in V.PERCENT_UNITS or "百分点" in unit:
        return "percent"
    if is_money_unit(unit):
        return "money"
    if V.PER_BASE_UNIT.search(unit):
        return "ratio"  # a count per a stated base (/10万, 例/10万人): a rate with its base written out
    head = unit.split("/")[0]
    if unit in TIME_UNITS or head in TIME_UNITS:
        return "time"
    for kind, table in (("area", V.AREA_UNITS), ("length", V.LENGTH_UNITS), ("weight", V.WEIGHT_UNITS),
                        ("volume", V.VOLUME_UNITS)):
        if head in table:
            return kind
    return "count"


# A number written in a name: 知名度20%, 接待5000人次, 1.5万人. Years (2024年), anniversaries
# (30周年) and ordinals (第7届) are not quantities.
_NAME_NUMBER = re.compile(
    r"(?<![\d.第\-~～—–至到×xX*])(\d+(?:\.\d+)?)\s*(万|亿)?\s*(%|‰|个百分点|人次|人|个|家|次|场|项|批次|批|篇|份|套|台|件|户|天|小时|万元|元)"
)


def numbers_in(text) -> list[tuple[Decimal, str]]:
    """(value, unit) of every number-with-unit in a name; 万/亿 are multiplied out."""
    out = []
    for m in _NAME_NUMBER.finditer(normalise_text(str(text or ""))):
        value = to_decimal(m.group(1))
        if value is None:
            continue
        prefix, unit = m.group(2), m.group(3)
        if prefix and unit == "元":
            unit = prefix + unit  # 5万元 stays 5 万元, as targets keep it
        elif prefix:
            value *= 10_000 if prefix == "万" else 100_000_000
        out.append((value, unit))
    return out


def same_value(target: Target, value: Decimal) -> bool:
    """Whether a target's number (or range) agrees with ``value``."""
    if target.value is None:
        return True
    if target.kind == "range" and target.value2 is not None:
        return min(target.value, target.value2) <= value <= max(target.value, target.value2)
    return target.value == value


@lru_cache(maxsize=8192)
def subject(name) -> str:
    """What a name measures without the dimension it is measured in: 故障响应速度, 故障响应时间 and
    故障响应及时性 are all 故障响应. Empty when nothing is left (率, 数量)."""
    text = re.sub(r"[\s\W_]+", "", normalise_text(core(name)))
    for _ in range(2):
        end = ending(text, V.DIMENSION_ENDINGS)
        if not end or len(text) - len(end) < 2:
            break
        text = text[: -len(end)]
    return text


@lru_cache(maxsize=8192)
def respondent(name) -> str:
    """Who a satisfaction name asks: 市民满意度 and 市民对空气质量改善的满意程度 ask 市民; 满意度 asks no one."""
    text = normalise_text(str(name or ""))
    cut = min((i for i in (text.find("对"), text.find("满意")) if i >= 0), default=len(text))
    who = re.split(r"[\s\W_]+", text[:cut])[-1] if text[:cut] else ""
    for generic in V.GENERIC_RESPONDENTS:
        who = who.replace(generic, "")
    return who.rstrip("的")


PHYSICAL_UNIT_CLASSES = frozenset(("area", "length", "weight", "volume"))


def physical_kind(name) -> str | None:
    """area | length | None: the physical quantity a name's ending states (改造面积, 道路里程)."""
    for kind, endings in V.PHYSICAL_ENDINGS.items():
        if ending(name, endings):
            return kind
    return None
