"""One reading of each indicator, made once in the model and read by every rule.

What the name asks for (a rate, a count, money, a time …), which way is better (positive or
reverse), which dimension of performance the name states (timeliness, quality, economic or
ecological benefit, satisfaction …), where the indicator is filed, and what its target gives (the
kind of unit, contradictions within it). Rules compare these facts; they do not re-derive them.
"""
from __future__ import annotations

import re
from functools import lru_cache

from perflint.core.lazy import lazy
from perflint.model import categories as C
from perflint.model import vocabulary as V
from perflint.model.names import core, ending, find_word, is_satisfaction_score, name_class, unit_class
from perflint.model.polarity import polarity

# Dimensions a name can state (canonical second-level ids, plus input and satisfaction).
INPUT = "input"


class Reading:
    """The facts about one indicator, each computed the first time a rule asks for it."""

    def __init__(self, ind):
        self._ind = ind

    @lazy
    def measure(self) -> str | None:
        """rate | frequency | money | time | event | count | None: the quantity the name asks for."""
        return name_class(self._ind.name)

    @lazy
    def _declared_polarity(self) -> str | None:
        return _DIRECTIONS.get(str(self._ind.data.get("direction") or "").strip())

    @lazy
    def polarity(self) -> str | None:
        """positive | reverse | None: from the 指标方向 column, else from how the name ends."""
        return self._declared_polarity or polarity(self._ind.name)

    @property
    def polarity_declared(self) -> bool:
        return self._declared_polarity is not None

    @lazy
    def _dimension(self) -> tuple[str | None, str | None]:
        return stated_dimension(self._ind.name)

    @property
    def dimension(self) -> str | None:
        """The dimension the name states (C.QUANTITY … C.SATISFACTION, INPUT), or None."""
        return self._dimension[0]

    @property
    def dimension_word(self) -> str | None:
        """The words that state it, for messages."""
        return self._dimension[1]

    @lazy
    def satisfaction_score(self) -> bool:
        """The name scores satisfaction (参观者满意度), not a survey about it."""
        return is_satisfaction_score(self._ind.name)

    @lazy
    def scores_satisfaction(self) -> bool:
        """A satisfaction score, by its name or by where it is filed (an unnamed score under 满意度, such as
        服务质量评价); not a work measure filed there (投诉次数, 工作效率)."""
        ind = self._ind
        return ind.is_satisfaction and (self.satisfaction_score or ("满意" not in core(ind.name)
                                                                    and not self.not_satisfaction))

    @lazy
    def not_satisfaction(self) -> bool:
        """Filed under satisfaction, but a measure of work, not of how satisfied anyone is (投诉次数,
        工作效率): no word of judging or approving in its name."""
        ind = self._ind
        filed = ind.level1 == C.SATISFACTION or ind.level2 == C.SATISFACTION
        return filed and find_word(core(ind.name), V.SATISFACTION_LIKE) is None

    @lazy
    def filed_tier(self) -> str | None:
        """output | benefit | None, by where the indicator is filed alone."""
        return _filed_tier(self._ind)

    @property
    def tier(self) -> str | None:
        """output | benefit | None; satisfaction scores set apart."""
        return None if self.scores_satisfaction else self.filed_tier

    @lazy
    def unit_kind(self) -> str | None:
        """percent | money | time | count | … of the target's unit."""
        return unit_class(self._ind.target.unit)

    @lazy
    def period_target(self) -> bool:
        """A timeliness target that names a definite period or cadence (全年, 日产日清, 每月): no number,
        but assessable."""
        t = self._ind.target
        return self._ind.level2 == C.TIMELINESS and t.kind == "qualitative" and (t.text or "").strip() in V.PERIOD_TARGETS

    @lazy
    def graded_level(self) -> str | None:
        """The property whose X / 基本X / 不X scale the target is a level of, when the name states that
        property (财务管理制度健全性: 健全; 免费开放服务规范达标: 达标); else None."""
        t = self._ind.target
        if t.kind != "qualitative":
            return None
        prop = graded_property(plain_level(t.text), V.GRADED_PROPERTIES)
        return prop if prop and names_property(self._ind.name, prop) else None

    @lazy
    def dimensionless(self) -> bool:
        """The name measures a pure number (…系数, …指数, …倍数): its target needs no unit."""
        return ending(core(self._ind.name), V.DIMENSIONLESS_ENDINGS) is not None

    @lazy
    def institution(self) -> bool:
        """The name is about building an institution (制度, 机制 …)."""
        return is_institution(self._ind.name)

    @lazy
    def contradictions(self) -> tuple[str, ...]:
        """Codes of what the target says against itself (see target_contradictions)."""
        return target_contradictions(self._ind, self)


_DIRECTIONS = {"正向": "positive", "反向": "reverse"}
_DECOR = re.compile(r"[\s“”\"'‘’「」《》。.，,；;！!]")


def plain_level(text: str | None) -> str:
    """A worded target without quotes, punctuation and a trailing 及以上/以上: “良好”以上 → 良好."""
    word = _DECOR.sub("", text or "")
    for suffix in V.GRADE_FLOORS:
        if word.endswith(suffix) and len(word) > len(suffix):
            return word[: -len(suffix)]
    return word


def graded_property(word: str, properties) -> str | None:
    """健全 / 基本健全 / 不健全 → 健全: the property a word grades, when it is one level of its scale."""
    for prefix in ("",) + V.GRADE_NEGATIONS:
        if word.startswith(prefix) and word[len(prefix):] in properties:
            return word[len(prefix):]
    return None


def names_property(name: str, prop: str) -> bool:
    """The name states the property it grades: …健全性, …健全程度, 是否健全, or ends with it (…规范达标)."""
    text = core(name)
    return (any(f"{prop}{tail}" in text for tail in V.PROPERTY_TAILS) or f"是否{prop}" in text
            or (text.endswith(prop) and len(text) > len(prop)))


def read(ind) -> Reading:
    return Reading(ind)


def _filed_tier(ind) -> str | None:
    """'output' or 'benefit' by where the indicator is filed alone (management and cost are neither)."""
    if ind.level1 in (C.MANAGEMENT, C.COST) or ind.is_cost:
        return None
    if ind.is_output:
        return "output"
    if ind.level1 in (C.BENEFIT, C.IMPACT) or ind.level2 in C.OUTCOME_LEVEL2:
        return "benefit"
    return None


@lru_cache(maxsize=8192)
def is_institution(name) -> bool:
    return find_word(core(name), V.INSTITUTION_WORDS) is not None


_first = find_word


@lru_cache(maxsize=8192)
def stated_dimension(name) -> tuple[str | None, str | None]:
    """(dimension, evidence) the name itself states, or (None, None) when it says nothing clear.

    Strongest evidence first: a satisfaction score; an ecological measure that reads like quality
    (空气质量); a timeliness ending (…及时性, …完成时间); cost words; a quality ending (…合格率,
    …质量); then the words of economic, ecological, social and sustainable effects; then inputs."""
    text = core(name)
    if not text:
        return None, None
    if is_satisfaction_score(text):
        return C.SATISFACTION, "满意"
    eco_quality = _first(text, V.ECOLOGICAL_QUALITY)
    if eco_quality:
        return C.ECOLOGICAL, eco_quality
    timely = ending(text, V.TIMELINESS_ENDINGS)
    if timely:
        return C.TIMELINESS, timely
    cost = _first(text, V.COST_WORDS)
    if cost:
        return C.COST, cost
    quality = ending(text, V.QUALITY_ENDINGS)
    if quality:
        return C.QUALITY, quality
    economic = _first(text, V.ECONOMIC_WORDS)
    if economic and not any(x in text for x in V.ECONOMIC_EXCEPTIONS):
        return C.ECONOMIC, economic
    for dimension, words in ((C.ECOLOGICAL, V.ECOLOGICAL_WORDS), (C.SOCIAL, V.SOCIAL_WORDS),
                             (C.SUSTAINABLE, V.SUSTAINABLE_WORDS)):
        word = _first(text, words)
        if word:
            return dimension, word
    word = _first(text, V.INPUT_WORDS)
    if word and not _first(text, V.INPUT_EXEMPT_WORDS):
        return INPUT, word
    return None, None


# ------------------------------------------------------------------------------- target contradictions

EXACT_RANGE = "exact-range"  # =1-2家: an exact operator on a range
EXACT_DEADLINE = "exact-deadline"  # =11月前, =4月前配送: an exact operator on a deadline
EXACT_CEILING = "exact-ceiling"  # = on an indicator the form marks 反向 (a ceiling)
EXACT_SHARE_ON_TIME = "exact-share-on-time"  # =95% on time: exactly 95%, neither all nor at least


def target_contradictions(ind, reading: Reading) -> tuple[str, ...]:
    t = ind.target
    if t.op != "=" or t.op_raw not in ("=", "==", "＝", "等于"):
        return ()
    found = []
    if t.kind == "range":
        found.append(EXACT_RANGE)
    if t.kind in ("date", "mixed", "number") and _is_deadline(t):
        found.append(EXACT_DEADLINE)
    if reading.polarity_declared and reading.polarity == "reverse" and t.value not in (None, 0):
        found.append(EXACT_CEILING)
    if ind.level2 == C.TIMELINESS and t.kind == "number" and t.unit == "%" and t.value is not None and 0 < t.value < 100:
        found.append(EXACT_SHARE_ON_TIME)
    return tuple(found)


def _is_deadline(t) -> bool:
    """A target whose number is a time limit: 11月前, 4月前配送, 3个工作日内. A share with a deadline
    attached (=100%（年底前）) is an exact share, not a contradiction."""
    if t.kind == "date":
        return bool(t.text) and any(s in t.text for s in V.DEADLINE_MARKS)
    after = t.text if t.kind == "mixed" else None
    return bool(after) and after.startswith(V.DEADLINE_UNITS) and any(s in after for s in V.DEADLINE_MARKS)
