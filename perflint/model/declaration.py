"""A read-only view of one parsed declaration that rules query: typed, normalised, pointed."""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from perflint.core.lazy import lazy
from perflint.model import categories as C
from perflint.model import templates as T
from perflint.model import vocabulary as V
from perflint.model.cells import hint_cells
from perflint.model.money import parse_amount
from perflint.model.money_fields import read_money_fields
from perflint.model.names import is_satisfaction_score, name_class
from perflint.model.reading import Reading, read
from perflint.model.targets import Target, parse_target


def text_of(value) -> str:
    if value.__class__ is str:
        return value.strip()
    return "" if value is None else str(value).strip()


class Indicator:
    """One third-level indicator, its raw texts and canonical categories computed once."""

    def __init__(self, index: int, data: dict, level1: str | None, level2: str | None):
        self.index = index
        self.data = data
        self.level1 = level1  # canonical
        self.level2 = level2  # canonical, read under the printed first level
        self.level1_labelled = level1  # the printed first level alone (level1 may be inferred from level2)
        self.pointer = f"/indicators/{index}"
        self.name = text_of(data.get("name"))
        self.level1_raw = text_of(data.get("level1"))
        self.level2_raw = text_of(data.get("level2"))
        # A mapping, list or true/false is no target at all (the schema check reports the type).
        self.target_cell = _cell(data.get("target"))
        self.target_raw = self.target_cell
        if self.target_cell:
            operator = unit = ""
            if "operator" in data or "unit" in data:
                # A template that prints the operator and the unit in cells of their own (指标性质 = / 指标值
                # 100 / 度量单位 %) gives one complete target, read as if written in one cell (=100%).
                operator, unit = _cell(data.get("operator")), _cell(data.get("unit"))
                if operator and not operator.startswith(_OPERATOR_STARTS):
                    operator = ""  # 指标性质 定性 / 定量 is the kind, not a comparison
                if unit and self.target_cell.endswith(unit):
                    unit = ""
            if not (operator or unit) and not _HINT_CHARS.isdisjoint(self.name):
                # a bare 22.8 under 公猪舍(≥**平方米): the name's fill-in hint completes it
                operator, unit = hint_cells(self.target_cell, self.name)
            if operator or unit:
                self.target_raw = f"{operator}{self.target_cell}{unit}"
        self.is_output = level1 == C.OUTPUT or level2 in (C.QUANTITY, C.QUALITY, C.TIMELINESS) and level1 != C.MANAGEMENT
        # filed under satisfaction, or named as a satisfaction score wherever it is filed (…满意度, …满意程度)
        self.is_satisfaction = level1 == C.SATISFACTION or level2 == C.SATISFACTION or is_satisfaction_score(self.name)
        self.is_cost = level1 == C.COST or level2 == C.COST
        self.target: Target = _money_aware(parse_target(self.target_raw), self)

    def __repr__(self) -> str:
        return f"Indicator({self.index}, {self.path!r})"

    @lazy
    def reading(self) -> Reading:
        """What the indicator measures, where it is filed and what its target gives (model.reading)."""
        return read(self)

    @lazy
    def level1_points(self) -> Decimal | None:
        """The weight printed in the first level's label (产出指标(50分) → 50)."""
        return C.weight_of(self.level1_raw)

    def at(self, key: str) -> str:
        return f"{self.pointer}/{key}"

    @property
    def path(self) -> str:
        """一级 › 二级 › 三级, for messages."""
        return " › ".join(x for x in (self.level1_raw, self.level2_raw, self.name) if x)


_OPERATOR_STARTS = tuple(V.OPERATOR_CHARS)
_HINT_CHARS = frozenset("*＊").union(V.OPERATOR_CHARS)  # a fill-in hint has stars or an operator


def _cell(value) -> str:
    if value.__class__ is str:
        return value.strip()
    return "" if value is None or isinstance(value, (dict, list, bool)) else str(value).strip()


def _money_aware(target: Target, ind) -> Target:
    """A bare 万 or 亿 after the number (=20 万, 250万) on a cost or money indicator is 万元 / 亿元; anywhere
    else it stays a multiplier with no unit (1.5万 visitors)."""
    if target.unit is not None or target.kind not in ("number", "range") or not target.raw.rstrip().endswith(("万", "亿")):
        return target
    if ind.is_cost or name_class(ind.name) == "money":
        return replace(parse_target(target.raw.rstrip() + "元"), raw=target.raw)
    return target


def is_placeholder(item: dict) -> bool:
    """A row the template prints with no indicator in it: no name and no target (an empty 生态效益指标
    row). It is not an indicator, so no rule reads it as one."""
    return not _cell(item.get("name")) and not _cell(item.get("target"))


class Declaration:
    """Built once per file; every rule reads the same view."""

    def __init__(self, data: dict, path: str = ""):
        self.data = data
        self.path = path

    def get(self, *keys, default=None):
        node = self.data
        for key in keys:
            if isinstance(node, dict):
                node = node.get(key)
            elif isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node):
                node = node[key]
            else:
                return default
        return default if node is None else node

    @lazy
    def kind(self) -> str:
        return text_of(self.data.get("kind")) or "declaration"

    @lazy
    def _recognised(self) -> tuple[str, bool]:
        return T.recognise(self.data)

    @lazy
    def template(self) -> T.Template:
        """The form template this document is read against (declared in ``era``, or recognised)."""
        return T.get(self._recognised[0])

    @property
    def template_declared(self) -> bool:
        """Whether the document names its template (a recognised one may be a local variant)."""
        return self._recognised[1]

    @property
    def era(self) -> str:
        return self.template.id

    @lazy
    def fiscal_year(self) -> int | None:
        """The fiscal year as an int a calendar date can hold (1..9999), else None: 0, -1 or 10000
        is no year to build dates from (the schema check reports the value itself)."""
        year = self.data.get("fiscal_year")
        if isinstance(year, int) and not isinstance(year, bool) and 1 <= year <= 9999:
            return year
        return None

    @lazy
    def money_unit(self) -> str:
        unit = self.get("budget", "unit")
        return unit if unit in ("元", "万元") else "元"

    @lazy
    def money_fields(self):
        """Every money field that is present, parsed once (see model.money_fields)."""
        return read_money_fields(self)

    @lazy
    def _money_by_keys(self) -> dict:
        return {f.keys: f for f in self.money_fields}

    def amount(self, *keys) -> Decimal | None:
        """An amount in 元, or None when absent or unreadable (a separate rule reports that)."""
        known = self._money_by_keys.get(keys)
        if known is not None:
            return known.value
        value, _problem = parse_amount(self.get(*keys), self.money_unit)
        return value

    @lazy
    def indicators(self) -> list[Indicator]:
        out = []
        raw = self.data.get("indicators")
        if not isinstance(raw, list):
            return out
        for i, item in enumerate(raw):
            if not isinstance(item, dict) or is_placeholder(item):
                continue
            labelled = C.level1_of(item.get("level1"))
            l2 = C.level2_of(item.get("level2"), labelled)
            l1 = C.SATISFACTION if labelled is None and l2 == C.SATISFACTION else labelled
            ind = Indicator(i, item, l1, l2)
            ind.level1_labelled = labelled
            out.append(ind)
        return out

    @lazy
    def items(self) -> list[tuple[int, dict]]:
        raw = self.get("budget", "items")
        if not isinstance(raw, list):
            return []
        return [(i, it) for i, it in enumerate(raw) if isinstance(it, dict)]

    @lazy
    def scorecard(self):
        """A self-evaluation's budget execution and scores, declared and recomputed (model.selfeval)."""
        from perflint.model.selfeval import read_scorecard

        return read_scorecard(self)
