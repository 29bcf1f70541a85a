"""A self-evaluation (绩效自评表) read once: the budget-execution rows and the scorecard.

The scorecard puts every scored line — budget execution and each indicator — with what the form
declares next to what the scoring rules give, and says how each recomputed figure was obtained.
Rules compare these facts; reports render them: ``decl.scorecard`` (a ``Scorecard``) and its
``rows()``, one ``Row`` per scored line with the declared and the recomputed score and how.

Formulas (财预〔2020〕10号 as laid out by the published forms; domain-rules §4):
- execution rate = executed ÷ full-year budget; execution score = min(rate, 100%) × points;
- a quantitative indicator that meets its target scores its full points, otherwise
  points × actual ÷ target (or × target ÷ actual for a ceiling, ≤); never more than its points;
- total = execution score + Σ indicator scores; with indicators marked not applicable,
  Σ applicable scores ÷ Σ applicable points × 100.
Everything is exact Decimal arithmetic on the printed values; recomputed scores are rounded half up
to two decimals, as the forms print them.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from perflint.core.diagnostic import Message
from perflint.model import categories as C
from perflint.model.fields import BLANK_MARKS, is_blank
from perflint.model.money import FACTORS, format_yuan
from perflint.model.polarity import polarity
from perflint.model.targets import Target, parse_target
from perflint.model.vocabulary import (
    ATTAINMENT_HEDGES,
    ATTAINMENT_LEVELS,
    ATTAINMENT_WORDS,
    FUND_ROW_NAMES,
    GRADES,
    INSTRUCTION_TEXT,
)

HUNDRED = Decimal(100)
CENT = Decimal("0.01")
LOW_RATE = Decimal("0.9")  # an execution rate below 90% needs explaining (四川表样)
_LIMIT = Decimal(10) ** 15  # no form prints more; larger values are unreadable, not arithmetic to attempt
_MIN_EXPONENT = -10  # ten decimals at most
_NUMBER = re.compile(r"^\s*([-+]?(?:\d+(?:\.\d*)?|\.\d+))\s*(%|分)?\s*$")
_FUND_KEYS = ("appropriation", "carryover", "superior", "special_account", "unit_funds", "other")
COLUMNS = ("initial", "full_year", "executed")


@dataclass(frozen=True)
class Cell:
    """A number cell as printed. ``value`` is exact (None when blank or unreadable); ``problem`` is
    None, "blank" (absent, null, or a placeholder such as — or /) or "text" (anything else that is no
    number); ``percent`` when written with %; ``places`` is the number of decimals printed."""

    pointer: str
    raw: object = None
    value: Decimal | None = None
    problem: str | None = "blank"
    percent: bool = False
    places: int = 0

    @property
    def shown(self) -> str:
        return "" if self.raw is None else str(self.raw)

    @property
    def blank(self) -> bool:
        return self.problem == "blank"

    @property
    def half_unit(self) -> Decimal:
        """Half a unit of the last printed digit: 98.11 is anything from 98.105 to 98.115."""
        return Decimal(5).scaleb(-(self.places + 1))


def _plausible(value: Decimal) -> bool:
    return value.is_finite() and abs(value) < _LIMIT and value.as_tuple().exponent >= _MIN_EXPONENT


def read_cell(raw, pointer: str) -> Cell:
    """A printed number (20, 9.81, "98.11%", "20分") → Cell; never raises."""
    if raw is None or isinstance(raw, bool) or (isinstance(raw, str) and raw.strip() in BLANK_MARKS):
        return Cell(pointer, raw)
    if isinstance(raw, (dict, list)):
        return Cell(pointer, raw, problem="text")
    if isinstance(raw, (int, Decimal, float)):
        try:
            value = Decimal(str(raw)) if isinstance(raw, float) else Decimal(raw)
        except (InvalidOperation, ValueError):
            return Cell(pointer, raw, problem="text")
        if not _plausible(value):
            return Cell(pointer, raw, problem="text")
        return Cell(pointer, raw, value, None, False, max(0, -value.as_tuple().exponent))
    m = _NUMBER.match(unicodedata.normalize("NFKC", str(raw)))
    if not m:
        return Cell(pointer, raw, problem="text")
    value = Decimal(m.group(1))
    if not _plausible(value):
        return Cell(pointer, raw, problem="text")
    return Cell(pointer, raw, value, None, m.group(2) == "%", max(0, -value.as_tuple().exponent))


def money(cell: Cell, unit: str) -> Decimal | None:
    """A money cell in 元 (the block's unit converted), or None."""
    return None if cell.value is None else cell.value * FACTORS.get(unit, Decimal(1))


def round2(value: Decimal) -> Decimal:
    """Half up to two decimals; a value with more digits than the context holds stays as it is."""
    try:
        return value.quantize(CENT, rounding=ROUND_HALF_UP)
    except InvalidOperation:
        return value


def num(value: Decimal) -> str:
    """A figure as the forms print it: 2847.98, 20, 9.1 → 9.10 only when asked (see pts)."""
    text = format(value.normalize(), "f") if value == value.to_integral() else format(value, "f")
    return text


def pts(value: Decimal) -> str:
    """A score to two decimals: 9.10, 20.00."""
    return format(round2(value), "f")


def pct(fraction: Decimal) -> str:
    """A rate to two decimals: 0.980999 → 98.10%."""
    return f"{format(round2(fraction * HUNDRED), 'f')}%"


def grade_of(score: Decimal | None, grades=GRADES) -> str | None:
    if score is None:
        return None
    for name, floor in grades:
        if score >= floor:
            return name
    return grades[-1][0] if grades else None


def is_unwritten(text) -> bool:
    """Blank, a placeholder, or a printed instruction left in the cell (…(100字以内))."""
    return is_blank(text) or (isinstance(text, str) and INSTRUCTION_TEXT.search(text) is not None)


def label_weight(label) -> Decimal | None:
    """The weight printed in a label: 产出指标(50分) → 50."""
    return C.weight_of(label)


# --- budget execution ---------------------------------------------------------------------------


@dataclass(frozen=True)
class FundRow:
    """One row of the execution block: the total (key "total") or one source of funds."""

    key: str
    pointer: str
    label: str
    initial: Cell
    full_year: Cell
    executed: Cell
    rate: Cell
    points: Cell
    score: Cell

    def column(self, name: str) -> Cell:
        return getattr(self, name)

    @property
    def name(self) -> str:
        """The row's label as printed, else the name forms print for its kind of row."""
        return self.label or FUND_ROW_NAMES.get(self.key, (self.key, self.key))[0]

    @property
    def name_en(self) -> str:
        return f"\"{self.label}\"" if self.label else FUND_ROW_NAMES.get(self.key, (self.key, self.key))[1]

    @property
    def subject_en(self) -> str:
        """name_en to open a sentence with: The total row (年度资金总额)."""
        return self.name_en[:1].upper() + self.name_en[1:]


def _row(key: str, data, pointer: str) -> FundRow:
    data = data if isinstance(data, dict) else {}
    cells = {k: read_cell(data.get(k), f"{pointer}/{k}") for k in (*COLUMNS, "rate", "points", "score")}
    label = data.get("label")
    return FundRow(key, pointer, label.strip().rstrip(":：") if isinstance(label, str) else "", **cells)


@dataclass(frozen=True)
class Figures:
    """The budget and the spend a rate is computed from, and where they were taken."""

    full_year: Decimal  # in the block's unit
    executed: Decimal
    basis: str  # "total" (the 年度资金总额 row) or "sources" (the sum of the source rows)
    initial: Decimal | None = None

    @property
    def rate(self) -> Decimal | None:
        """executed ÷ full-year budget as a fraction; None when the budget is 0 (0 ÷ 0 is no rate)."""
        return None if self.full_year == 0 else self.executed / self.full_year

    def formula(self) -> str:
        """2847.98 ÷ 2903.14 = 98.10%."""
        rate = self.rate
        return f"{num(self.executed)} ÷ {num(self.full_year)} = {pct(rate) if rate is not None else '—'}"

    def how(self) -> Message:
        """The formula and what it divides: 2847.98 ÷ 2903.14 = 98.10%（全年执行数 ÷ 全年预算数）."""
        if self.basis == "sources":
            return Message(f"{self.formula()}（全年执行数 ÷ 全年预算数，按“其中”各资金来源之和）",
                           f"{self.formula()} (amount spent ÷ full-year budget, summed over the source rows)")
        return Message(f"{self.formula()}（全年执行数 ÷ 全年预算数）", f"{self.formula()} (amount spent ÷ full-year budget)")


@dataclass(frozen=True)
class Execution:
    pointer: str
    unit: str
    total: FundRow
    sources: tuple[FundRow, ...]
    points: Cell  # the total row's 分值, or the weight printed in the heading
    reason: object

    def figures(self) -> Figures | None:
        """From the total row; from the sum of the sources when the total row is blank or all zero
        while the sources are not (a form whose 年度资金总额 row reads 0 0 0)."""
        t = self.total
        if t.full_year.value is not None and t.executed.value is not None:
            if t.full_year.value != 0 or t.executed.value != 0 or not self._sources_have_money():
                return Figures(t.full_year.value, t.executed.value, "total", t.initial.value)
        summed = {c: self.source_sum(c) for c in COLUMNS}
        if summed["full_year"] is None or summed["executed"] is None:
            return None
        return Figures(summed["full_year"], summed["executed"], "sources", summed["initial"])

    @property
    def factor(self) -> Decimal:
        """元 per unit of the block (10,000 for 万元)."""
        return FACTORS.get(self.unit, Decimal(1))

    def budget(self) -> Decimal | None:
        """The full-year budget in 元 as the rate reads it (the sources' sum under a total row of zeros),
        else the initial budget; None when neither is printed."""
        f = self.figures()
        if f is not None:
            return f.full_year * self.factor
        for cell in (self.total.full_year, self.total.initial):
            if cell.value is not None:
                return cell.value * self.factor
        return None

    def _sources_have_money(self) -> bool:
        return any(r.column(c).value for r in self.sources for c in COLUMNS)

    def amount(self, value: Decimal) -> str:
        """An amount in the block's unit, for messages: 2903.14 万元."""
        return f"{num(value)} {self.unit}"

    def amount_en(self, value: Decimal) -> str:
        """The same amount in English messages, in yuan: 29,031,400 yuan."""
        return f"{format_yuan(value * FACTORS.get(self.unit, Decimal(1)))} yuan"

    def source_sum(self, column: str) -> Decimal | None:
        values = [r.column(column).value for r in self.sources if r.column(column).value is not None]
        return sum(values, Decimal(0)) if values else None

    @property
    def rate(self) -> Decimal | None:
        f = self.figures()
        return f.rate if f else None

    @property
    def expected_score(self) -> Decimal | None:
        """min(rate, 100%) × points, rounded to two decimals."""
        rate, points = self.rate, self.points.value
        if rate is None or points is None:
            return None
        return round2(min(rate, Decimal(1)) * points)

    def rate_check(self) -> RateCheck:
        """The total row's printed rate beside the recomputed one."""
        f = self.figures()
        rate = f.rate if f else None
        return RateCheck(self.total.rate, rate, f.how() if rate is not None else None)

    def source_rate_check(self, row: FundRow) -> RateCheck:
        """A source row's printed rate beside its own executed ÷ full-year budget (blank rates are
        not asked for: most forms print a rate on the total row only)."""
        budget, spent = row.full_year.value, row.executed.value
        if budget is None or spent is None or row.rate.blank:
            return RateCheck(row.rate, None, None)
        f = Figures(budget, spent, "total", row.initial.value)
        return RateCheck(row.rate, f.rate, f.how() if f.rate is not None else None)

    def score_how(self) -> Message | None:
        """min(98.10%, 100%) × 10 = 9.81（执行率 2847.98 ÷ 2903.14 = 98.10%）."""
        f, points = self.figures(), self.points.value
        if f is None or f.rate is None or points is None:
            return None
        text = f"min({pct(f.rate)}, 100%) × {num(points)} = {pts(min(f.rate, Decimal(1)) * points)}"
        note_zh = "，按“其中”各资金来源之和" if f.basis == "sources" else ""
        note_en = ", summed over the source rows" if f.basis == "sources" else ""
        return Message(f"{text}（执行率 {f.formula()}{note_zh}）", f"{text} (rate {f.formula()}{note_en})")


def _execution(data) -> Execution | None:
    if not isinstance(data, dict):
        return None
    pointer = "/selfeval/execution"
    unit = data.get("unit") if data.get("unit") in ("元", "万元") else "元"
    total = _row("total", data, pointer)
    raw_sources = data.get("sources")
    sources = tuple(_row(k, raw_sources[k], f"{pointer}/sources/{k}") for k in _FUND_KEYS
                    if isinstance(raw_sources, dict) and k in raw_sources)
    points = total.points
    if points.value is None:
        weight = label_weight(data.get("heading"))
        if weight is not None:
            points = Cell(f"{pointer}/heading", data.get("heading"), weight, None, False, 0)
    return Execution(pointer, unit, total, sources, points, data.get("reason"))


# --- indicators ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ScoreLine:
    """One indicator as scored. ``expected`` is the score the rules give (None when they cannot be
    applied: no points, an actual that is no measurement, a qualitative indicator); ``how`` says how
    it was computed; ``band`` is the share of the points a qualitative attainment allows."""

    indicator: object  # model.declaration.Indicator
    group: str | None  # output | cost | benefit | satisfaction | management | None
    points: Cell
    score: Cell
    actual_raw: str
    actual: Target
    not_applicable: bool
    quantitative: bool
    meets: bool | None = None  # whether the actual meets the target (None: cannot tell)
    achievement: Decimal | None = None  # actual ÷ target (target ÷ actual for a ceiling)
    expected: Decimal | None = None
    how: Message | None = None
    attainment: str | None = None  # met | partial | unmet, for a qualitative indicator
    band: tuple[Decimal, Decimal] | None = None

    @property
    def pointer(self) -> str:
        return self.indicator.pointer

    def at(self, key: str) -> str:
        return self.indicator.at(key)

    @property
    def lost_points(self) -> bool:
        return self.points.value is not None and self.score.value is not None and self.score.value < self.points.value


def group_of(ind) -> str | None:
    """Which weight an indicator counts toward, by what its second level says first (a 社会效益指标
    row printed inside the 产出 block is a benefit), then by its first level."""
    l2, l1 = ind.level2, ind.level1
    if l2 in (C.ECONOMIC, C.SOCIAL, C.ECOLOGICAL, C.SUSTAINABLE):
        return "benefit"
    if l2 == C.SATISFACTION or l1 == C.SATISFACTION:
        return "satisfaction"
    if l1 == C.COST:
        return "cost"  # a first-level 成本指标 (101号 and Shanghai 2025 forms); under 产出 it is an output
    if l1 == C.OUTPUT or l2 in (C.QUANTITY, C.QUALITY, C.TIMELINESS, C.COST):
        return "output"
    if l1 in (C.BENEFIT, C.IMPACT):
        return "benefit"
    if l1 == C.MANAGEMENT:
        return "management"
    return None


_UNMARKED = re.compile(r"[\s。.，,；;！!“”\"]")  # what an attainment is compared without


def attainment_of(data: dict, actual: str, target: str) -> str | None:
    declared = data.get("attainment")
    if declared in ATTAINMENT_LEVELS:
        return ATTAINMENT_LEVELS[declared]
    text = _UNMARKED.sub("", actual)
    if not text:
        return None
    level = _UNMARKED.sub("", target)
    if text == level:
        return "met"  # the level set is the level reached: 健全 → 健全
    if level and text.endswith(level):
        hedge = text[: -len(level)]
        for reached in ("unmet", "partial"):  # the level set, lowered: 基本健全, 未健全
            if hedge in ATTAINMENT_HEDGES[reached]:
                return reached
    for level in ("unmet", "partial", "met"):  # 未达成 before 达成
        if any(text.startswith(w) for w in ATTAINMENT_WORDS[level]):
            return level
    return None


_BANDS = {"met": (Decimal("0.8"), Decimal(1)), "partial": (Decimal("0.6"), Decimal("0.8")), "unmet": (Decimal(0), Decimal("0.6"))}
_UNITLESS_OK = frozenset({None, ""})


def _units_agree(target_unit, actual_unit) -> bool:
    return actual_unit in _UNITLESS_OK or target_unit in _UNITLESS_OK or target_unit == actual_unit


def _line(ind, points: Cell, score: Cell, bands) -> ScoreLine:
    data = ind.data
    actual_raw = "" if isinstance(data.get("actual"), (dict, list, bool)) else ("" if data.get("actual") is None else str(data.get("actual")).strip())
    actual = parse_target(actual_raw)
    na = data.get("not_applicable") is True
    t = ind.target
    declared_kind = data.get("kind")
    quantitative = t.kind in ("number", "range") and t.value is not None and not t.vague and declared_kind != "定性"
    line = dict(indicator=ind, group=group_of(ind), points=points, score=score, actual_raw=actual_raw, actual=actual,
                not_applicable=na, quantitative=quantitative)
    if quantitative:
        line.update(_quantitative(ind, t, actual, points))
    else:
        level = attainment_of(data, actual_raw, ind.target_cell)
        band = bands.get(level) if level else None
        line.update(attainment=level, band=band, meets=None if level is None else level == "met")
    return ScoreLine(**line)


def _quantitative(ind, t: Target, actual: Target, points: Cell) -> dict:
    """Met ⇒ full points; not met ⇒ points × actual ÷ target (a ceiling: × target ÷ actual)."""
    if actual.kind != "number" or actual.op is not None or actual.value is None or not _units_agree(t.unit, actual.unit):
        return {}
    a = actual.value
    goal = t.value if t.kind == "number" else min(t.value, t.value2 if t.value2 is not None else t.value)
    reverse = t.op in ("≤", "<") or (t.op in ("=", None) and polarity(ind.name) == "reverse")
    if reverse:
        meets = a < goal if t.op == "<" else a <= goal
        achievement = None if a == 0 else goal / a
    else:
        meets = a > goal if t.op == ">" else a >= goal
        achievement = None if goal == 0 else a / goal
    out: dict = {"meets": meets, "achievement": achievement}
    p = points.value
    if p is None:
        return out
    op = t.op or "="
    if meets:
        text = f"{num(a)} {'≤' if reverse else '≥'} {num(goal)}：满分 {num(p)}"
        out.update(expected=round2(p), how=Message(f"实际 {text}", f"actual {num(a)} {'≤' if reverse else '≥'} {num(goal)}: full points {num(p)}"))
    elif reverse:
        if a <= 0 or goal < 0:
            return out
        value = p * goal / a
        out.update(expected=round2(min(value, p)),
                   how=Message(f"{num(p)} × {num(goal)} ÷ {num(a)} = {pts(value)}（反向指标 {op}{num(goal)}）",
                               f"{num(p)} × {num(goal)} ÷ {num(a)} = {pts(value)} (a ceiling, {op}{num(goal)})"))
    elif goal <= 0 or a < 0:
        return out  # no proportion to take
    else:
        value = p * a / goal
        out.update(expected=round2(min(value, p)),
                   how=Message(f"{num(p)} × {num(a)} ÷ {num(goal)} = {pts(value)}（完成 {pct(a / goal)}）",
                               f"{num(p)} × {num(a)} ÷ {num(goal)} = {pts(value)} ({pct(a / goal)} achieved)"))
    return out


# --- the scorecard ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Level:
    """The indicators under one first-level label as printed, and the weight the label prints."""

    label: str
    pointer: str  # the level1 of its first indicator
    weight: Decimal | None
    lines: tuple[ScoreLine, ...]

    @property
    def points(self) -> Decimal | None:
        """Σ points of its indicators; None when one of them has none or an unreadable one."""
        values = [ln.points.value for ln in self.lines]
        return None if not values or any(v is None for v in values) else sum(values, Decimal(0))


@dataclass(frozen=True)
class Row:
    """One line of the scorecard as a report shows it: what is scored, its points, the score printed
    and the score the rules give, and how that was computed. ``recomputed`` is None where the rules
    cannot recompute it (a qualitative indicator, an actual that is no measurement)."""

    pointer: str  # where the printed score is (or would be)
    label: Message
    points: Decimal | None
    declared: Decimal | None
    recomputed: Decimal | None
    how: Message | None
    part: str = "indicator"  # execution | indicator | total
    line: ScoreLine | None = None  # an indicator's: its path, target and actual as printed

    @property
    def differs(self) -> bool:
        return self.recomputed is not None and (self.declared is None or abs(self.declared - self.recomputed) >= CENT)


@dataclass(frozen=True)
class RateCheck:
    """The execution rate as printed next to executed ÷ full-year budget. ``recomputed`` is the rate in
    percent to two decimals (None when there is no budget to divide by)."""

    printed: Cell
    rate: Decimal | None  # the exact fraction
    how: Message | None

    @property
    def recomputed(self) -> Decimal | None:
        return None if self.rate is None else round2(self.rate * HUNDRED)

    @property
    def differs(self) -> bool:
        """Printed and recomputed disagree beyond the last printed digit (98.11% against 98.0999…%); a
        rate printed without % may be a percentage (98.11) or a fraction (0.9811)."""
        if self.rate is None:
            return False
        value = self.printed.value
        if value is None:
            return True
        exact = self.rate * HUNDRED
        if abs(value - exact) <= self.printed.half_unit:
            return False
        return self.printed.percent or abs(value * HUNDRED - exact) > self.printed.half_unit * HUNDRED


@dataclass(frozen=True)
class Scorecard:
    """Declared next to recomputed, for the whole form. ``lines`` follow the indicators' order."""

    execution: Execution | None
    lines: tuple[ScoreLine, ...]
    levels: tuple[Level, ...]
    indicator_points: Cell
    total_points: Cell
    total_score: Cell
    truncated: bool
    has_total: bool  # the form has a 总分 / 合计 row
    weights: dict = field(default_factory=dict)  # group → Decimal weight (execution, output, cost, …)

    @property
    def applicable(self) -> tuple[ScoreLine, ...]:
        return tuple(ln for ln in self.lines if not ln.not_applicable)

    @property
    def rescaled(self) -> bool:
        return any(ln.not_applicable for ln in self.lines)

    def declared_sum(self) -> Decimal | None:
        """Execution score + Σ scores of the applicable indicators, as printed (None if one is missing)."""
        return self._total([ln.score.value for ln in self.applicable], self.execution.total.score.value if self.execution else None)

    def recomputed_sum(self) -> Decimal | None:
        """The same with every score the rules can recompute replaced by the recomputed one."""
        scores = [ln.expected if ln.expected is not None else ln.score.value for ln in self.applicable]
        exec_score = None
        if self.execution:
            exec_score = self.execution.expected_score
            if exec_score is None:
                exec_score = self.execution.total.score.value
        return self._total(scores, exec_score)

    def _total(self, scores, exec_score) -> Decimal | None:
        if not scores and self.execution is None:
            return None  # nothing scored at all
        if any(s is None for s in scores) or (self.execution is not None and exec_score is None):
            return None
        total = sum(scores, Decimal(0)) + (exec_score or 0)
        if not self.rescaled:
            return total
        points = self.applicable_points()
        return None if not points else round2(total / points * HUNDRED)

    def applicable_points(self) -> Decimal | None:
        values = [ln.points.value for ln in self.applicable]
        if self.execution is not None:
            values.append(self.execution.points.value)
        return None if any(v is None for v in values) else sum(values, Decimal(0))

    def rows(self) -> list[Row]:
        """The execution line, each indicator and the total, declared next to recomputed: what the HTML and
        Markdown reports render per self-evaluation."""
        out = []
        e = self.execution
        if e is not None:
            how = e.score_how()
            out.append(Row(e.total.score.pointer, Message("预算执行率", "budget execution"), e.points.value,
                           e.total.score.value, e.expected_score, how, "execution"))
        for ln in self.lines:
            name = ln.indicator.name or ln.indicator.path
            if ln.not_applicable:
                out.append(Row(ln.score.pointer, Message(f"{name}（不适用）", f"{name} (not applicable)"), ln.points.value,
                               None, None, None, line=ln))
                continue
            out.append(Row(ln.score.pointer, Message(name, name), ln.points.value, ln.score.value, ln.expected, ln.how,
                           line=ln))
        recomputed = self.recomputed_sum()
        how = self.total_how(recomputed=True)
        out.append(Row(self.total_score.pointer, Message("总分", "total"), self.total_points.value, self.total_score.value,
                       recomputed, Message(how, how) if recomputed is not None else None, "total"))
        return out

    def total_how(self, recomputed: bool = False) -> str:
        """9.99 + 9.10 + 20 + … = 89.09, or (… ) ÷ 90 × 100 when rescaled."""
        parts = []
        if self.execution:
            e = self.execution
            s = (e.expected_score if recomputed and e.expected_score is not None else e.total.score.value)
            parts.append(s)
        for ln in self.applicable:
            parts.append(ln.expected if recomputed and ln.expected is not None else ln.score.value)
        text = " + ".join("?" if p is None else num(p) for p in parts) or "0"
        if self.rescaled:
            points = self.applicable_points()
            return f"({text}) ÷ {num(points) if points is not None else '?'} × 100"
        return text


def _levels(lines: list[ScoreLine]) -> tuple[Level, ...]:
    order: dict[str, list[ScoreLine]] = {}
    for ln in lines:
        order.setdefault(ln.indicator.level1_raw, []).append(ln)
    return tuple(Level(label, group[0].at("level1"), label_weight(label), tuple(group)) for label, group in order.items())


def _weights(execution, levels, lines, truncated: bool) -> dict:
    """group → weight: a level label's printed weight where there is one, else Σ points; None where
    unknown (an unreadable points cell, or a group beyond the cut of a truncated form)."""
    out: dict = {"execution": execution.points.value if execution else None}
    by_group: dict = {}
    for level in levels:
        groups = {ln.group for ln in level.lines}
        if level.weight is not None and len(groups) == 1:
            g = groups.pop()
            by_group.setdefault(g, []).append(level.weight)
            continue
        for ln in level.lines:
            by_group.setdefault(ln.group, []).append(ln.points.value)
    for g in ("output", "cost", "benefit", "satisfaction", "management", None):
        values = by_group.get(g)
        if values is None:
            out[g] = None if truncated else Decimal(0)
        else:
            out[g] = None if any(v is None for v in values) else sum(values, Decimal(0))
    return out


def read_scorecard(decl, bands=_BANDS) -> Scorecard:
    """Built once per file (``decl.scorecard``); ``bands`` maps an attainment to its share of the points."""
    se = decl.get("selfeval")
    se = se if isinstance(se, dict) else {}
    truncated = decl.get("truncated") is True
    execution = _execution(se.get("execution"))
    lines = []
    for ind in decl.indicators:
        lines.append(_line(ind, read_cell(ind.data.get("points"), ind.at("points")),
                           read_cell(ind.data.get("score"), ind.at("score")), bands))
    total = se.get("total") if isinstance(se.get("total"), dict) else {}
    levels = _levels(lines)
    return Scorecard(
        execution=execution, lines=tuple(lines), levels=levels,
        indicator_points=read_cell(se.get("indicator_points"), "/selfeval/indicator_points"),
        total_points=read_cell(total.get("points"), "/selfeval/total/points"),
        total_score=read_cell(total.get("score"), "/selfeval/total/score"),
        truncated=truncated, has_total=isinstance(se.get("total"), dict),
        weights=_weights(execution, levels, lines, truncated),
    )
