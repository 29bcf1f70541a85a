"""Every money field of a declaration, with its JSON pointer and its label for messages, read once
per file; and the budget figure a cost target is held against."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from perflint.model.money import FACTORS, Amount, read_amount
from perflint.model.period import is_multi_year

# (key path under budget, 中文 label, English label)
_FIELDS = (
    (("total",), "项目总预算", "project total"),
    (("annual",), "项目当年预算", "annual amount"),
    (("sources", "appropriation"), "当年财政拨款", "current appropriation"),
    (("sources", "carryover"), "上年结转资金", "carry-over"),
    (("sources", "other"), "其他资金", "other funds"),
    (("sources", "superior"), "上级资金", "funds from a higher level"),
    (("sources", "own"), "自有资金", "own funds"),
    (("previous_year", "budget"), "同名项目上年预算额", "last year's budget"),
    (("previous_year", "executed"), "同名项目上年预算执行数", "last year's execution"),
)


@dataclass(frozen=True)
class MoneyField:
    """One money field that is present, parsed in the declaration's unit."""

    pointer: str
    keys: tuple
    raw: object
    value: Decimal | None  # in 元; None when blank or unreadable, or a list or mapping
    problem: str | None  # None, "text" (written as text) or "invalid"; None for a list or mapping (the schema's finding)
    label_zh: str
    label_en: str
    parts: tuple[Decimal, ...] = ()  # a breakdown printed in brackets after the amount, in 元

    @property
    def scalar(self) -> bool:
        return not isinstance(self.raw, (list, dict))


def read_money_fields(decl) -> tuple[MoneyField, ...]:
    """Every money field that is present, each parsed once. Use ``money_fields(decl)``, which keeps
    the result on the declaration for all the rules that read it."""
    unit = decl.money_unit
    found = [(("budget", *path), zh, en) for path, zh, en in _FIELDS]
    for i, item in decl.items:
        if item.get("amount") is not None:
            name = str(item.get("name") or i + 1)
            found.append((("budget", "items", i, "amount"), f"子项目“{name}”金额", f"amount of sub-project \"{name}\""))
    out = []
    for keys, zh, en in found:
        raw = decl.get(*keys)
        if raw is None:
            continue
        amount = Amount(None, None) if isinstance(raw, (list, dict)) else read_amount(raw, unit)
        out.append(MoneyField("/" + "/".join(str(k) for k in keys), keys, raw, amount.value, amount.problem, zh, en,
                              amount.parts))
    return tuple(out)


def money_fields(decl) -> tuple[MoneyField, ...]:
    """The declaration's money fields, read once per file (cached on the Declaration)."""
    return decl.money_fields


def budget_limit(decl) -> tuple[Decimal, str, str] | None:
    """The budget a cost target is held against, as (amount in 元, 中文 label, English label), for
    cost-within-budget and unit-cost-times-quantity alike: the annual amount; a single-year project
    without one is held against its total, which is the same money. A multi-year project is held
    against its total (its cost targets may cover the whole period), or the annual amount when no
    total is given. None when there is neither."""
    annual, total = decl.amount("budget", "annual"), decl.amount("budget", "total")
    if total is not None and (annual is None or is_multi_year(decl)):
        return total, "项目总预算", "the project total"
    if annual is not None:
        return annual, "项目当年预算", "the annual amount"
    return None


def target_in_yuan(target) -> tuple[Decimal | None, str | None]:
    """A money target → (amount in 元, per-unit denominator): ≤500万元 → (5000000, None),
    ≤200元/人 → (200, "人"). (None, None) when the target is not a money amount."""
    if target.value is None or target.kind not in ("number", "range") or not target.unit:
        return None, None
    money, _, per = target.unit.partition("/")
    factor = FACTORS.get(money)
    if factor is None:
        return None, None
    value = target.value2 if target.kind == "range" and target.value2 is not None else target.value
    return value * factor, per or None
