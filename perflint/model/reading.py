"""One reading of each indicator, made once in the model and read by every rule.

What the name asks for (a rate, a count, money, a time …), which way is better (positive or
reverse), which dimension of performance the name states (timeliness, quality, economic or
ecological benefit, satisfaction …), where the indicator is filed, and what its target gives (the
kind of unit, contradictions within it). Rules compare these facts; they do not re-derive them.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from perflint.model import categories as C
from perflint.model import vocabulary as V
from perflint.model.names import core, ending, is_satisfaction_score, name_class, unit_class
from perflint.model.polarity import polarity

# Dimensions a name can state (canonical second-level ids, plus input and satisfaction).
INPUT = "input"


@dataclass(frozen=True, slots=True)
class Reading:
    measure: str | None  # rate | frequency | money | time | event | count | None: the quantity the name asks for
    polarity: str | None  # positive | reverse | None
    polarity_declared: bool  # from the 指标方向 column rather than the name
    dimension: str | None  # the dimension the name states (C.QUANTITY … C.SATISFACTION, INPUT), or None
    dimension_word: str | None  # the words that state it, for messages
    satisfaction_score: bool  # the name scores satisfaction (参观者满意度), not a survey about it
    scores_satisfaction: bool  # a satisfaction score, by its name or by where it is filed
    filed_tier: str | None  # output | benefit | None, by filing alone
    tier: str | None  # output | benefit | None; satisfaction scores set apart
    unit_kind: str | None  # percent | money | time | count | … of the target's unit
    institution: bool  # the name is about building an institution (制度, 机制 …)
    contradictions: tuple[str, ...]  # codes of what the target says against itself (see target_contradictions)


def read(ind) -> Reading:
    name = ind.name
    sat_name = is_satisfaction_score(name)
    scores_sat = ind.is_satisfaction and (sat_name or "满意" not in core(name))
    filed = _filed_tier(ind)
    declared = {"正向": "positive", "反向": "reverse"}.get(str(ind.data.get("direction") or "").strip())
    dimension, word = stated_dimension(name)
    reading = Reading(
        measure=name_class(name),
        polarity=declared or polarity(name),
        polarity_declared=declared is not None,
        dimension=dimension,
        dimension_word=word,
        satisfaction_score=sat_name,
        scores_satisfaction=scores_sat,
        filed_tier=filed,
        tier=None if scores_sat else filed,
        unit_kind=unit_class(ind.target.unit),
        institution=is_institution(name),
        contradictions=(),
    )
    contradictions = target_contradictions(ind, reading)
    if contradictions:
        reading = _replace(reading, contradictions=contradictions)
    return reading


def _replace(reading: Reading, **changes) -> Reading:
    values = {f: getattr(reading, f) for f in Reading.__dataclass_fields__}
    values.update(changes)
    return Reading(**values)


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
    text = core(name)
    return any(w in text for w in V.INSTITUTION_WORDS)


def _first(text: str, words) -> str | None:
    return next((w for w in words if w in text), None)


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
    """A target that names a time limit: 11月前, 4月前配送, 3个工作日内完成."""
    text = t.raw[len(t.op_raw or ""):] if t.op_raw else t.raw
    return any(s in text for s in V.DEADLINE_MARKS)
