"""A read-only view of one parsed declaration that rules query: typed, normalised, pointed."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from perflint.model import categories as C
from perflint.model.money import parse_amount
from perflint.model.targets import Target, parse_target


def text_of(value) -> str:
    return "" if value is None else str(value).strip()


@dataclass
class Indicator:
    index: int
    data: dict
    level1: str | None  # canonical
    level2: str | None  # canonical

    @property
    def pointer(self) -> str:
        return f"/indicators/{self.index}"

    def at(self, key: str) -> str:
        return f"{self.pointer}/{key}"

    @property
    def name(self) -> str:
        return text_of(self.data.get("name"))

    @property
    def level1_raw(self) -> str:
        return text_of(self.data.get("level1"))

    @property
    def level2_raw(self) -> str:
        return text_of(self.data.get("level2"))

    @property
    def target_raw(self) -> str:
        value = self.data.get("target")
        # A mapping, list or true/false is no target at all (the schema check reports the type).
        return "" if isinstance(value, (dict, list, bool)) else text_of(value)

    @cached_property
    def target(self) -> Target:
        return parse_target(self.target_raw)

    @property
    def path(self) -> str:
        """一级 › 二级 › 三级, for messages."""
        return " › ".join(x for x in (self.level1_raw, self.level2_raw, self.name) if x)

    @property
    def is_output(self) -> bool:
        return self.level1 == C.OUTPUT or self.level2 in (C.QUANTITY, C.QUALITY, C.TIMELINESS) and self.level1 != C.MANAGEMENT

    @property
    def is_satisfaction(self) -> bool:
        return self.level1 == C.SATISFACTION or self.level2 == C.SATISFACTION or "满意度" in self.name

    @property
    def is_cost(self) -> bool:
        return self.level1 == C.COST or self.level2 == C.COST


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

    @cached_property
    def kind(self) -> str:
        return text_of(self.data.get("kind")) or "declaration"

    @cached_property
    def era(self) -> str:
        return C.infer_era(self.data)

    @cached_property
    def fiscal_year(self) -> int | None:
        year = self.data.get("fiscal_year")
        return year if isinstance(year, int) and not isinstance(year, bool) else None

    @cached_property
    def money_unit(self) -> str:
        unit = self.get("budget", "unit")
        return unit if unit in ("元", "万元") else "元"

    def amount(self, *keys) -> Decimal | None:
        """An amount in 元, or None when absent or unreadable (a separate rule reports that)."""
        value, _problem = parse_amount(self.get(*keys), self.money_unit)
        return value

    @cached_property
    def indicators(self) -> list[Indicator]:
        out = []
        raw = self.data.get("indicators")
        if not isinstance(raw, list):
            return out
        for i, item in enumerate(raw):
            if not isinstance(item, dict):
                continue
            l1 = C.level1_of(item.get("level1"))
            l2 = C.level2_of(item.get("level2"), l1)
            if l1 is None and l2 == C.SATISFACTION:
                l1 = C.SATISFACTION
            out.append(Indicator(i, item, l1, l2))
        return out

    @cached_property
    def items(self) -> list[tuple[int, dict]]:
        raw = self.get("budget", "items")
        if not isinstance(raw, list):
            return []
        return [(i, it) for i, it in enumerate(raw) if isinstance(it, dict)]
