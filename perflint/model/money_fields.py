"""Every money field of a declaration, with its JSON pointer and its label for messages."""
from __future__ import annotations

from decimal import Decimal

from perflint.model.money import FACTORS

# (key path under budget, 中文 label, English label)
_FIELDS = (
    (("total",), "项目总预算", "project total"),
    (("annual",), "项目当年预算", "annual amount"),
    (("sources", "appropriation"), "当年财政拨款", "current appropriation"),
    (("sources", "carryover"), "上年结转资金", "carry-over"),
    (("sources", "other"), "其他资金", "other funds"),
    (("previous_year", "budget"), "同名项目上年预算额", "last year's budget"),
    (("previous_year", "executed"), "同名项目上年预算执行数", "last year's execution"),
)


def money_fields(decl):
    """Yield (pointer, keys, raw value, label_zh, label_en) for each money field that is present."""
    for path, zh, en in _FIELDS:
        keys = ("budget", *path)
        raw = decl.get(*keys)
        if raw is not None:
            yield "/" + "/".join(keys), keys, raw, zh, en
    for i, item in decl.items:
        if item.get("amount") is not None:
            name = str(item.get("name") or i + 1)
            yield (f"/budget/items/{i}/amount", ("budget", "items", i, "amount"), item["amount"],
                   f"子项目“{name}”金额", f"the amount of sub-project \"{name}\"")


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
