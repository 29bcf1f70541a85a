"""Which tier of the results chain an indicator is filed in, across eras.

2019/2020 Shanghai forms put outcomes under 效果目标 and 影响力目标, later forms under 效益指标;
management (投入和管理目标 / 投入与管理), cost and satisfaction are tiers of their own.
"""
from __future__ import annotations

from perflint.model import categories as C
from perflint.model.names import core, is_satisfaction_score

OUTCOME_LEVEL2 = (C.ECONOMIC, C.SOCIAL, C.ECOLOGICAL, C.SUSTAINABLE)


def scores_satisfaction(ind) -> bool:
    """A satisfaction score: one whose name says so (参观者满意度), or any score filed under satisfaction
    whose name does not mention 满意 at all; never a survey count (满意度调查次数)."""
    return ind.is_satisfaction and (is_satisfaction_score(ind.name) or "满意" not in core(ind.name))


def filed_tier(ind) -> str | None:
    """'output' or 'benefit' by where the indicator is filed alone, whatever its name says: a
    satisfaction score misfiled under 社会效益 is a 'benefit' here (rules that report such a misfiling
    need this), while tier() sets it apart."""
    if ind.level1 in (C.MANAGEMENT, C.COST) or ind.is_cost:
        return None
    if ind.is_output:
        return "output"
    if ind.level1 in (C.BENEFIT, C.IMPACT) or ind.level2 in OUTCOME_LEVEL2:
        return "benefit"
    return None


def tier(ind) -> str | None:
    """'output' or 'benefit' for an indicator filed as one (效益, and on 2019/2020 forms 效果目标 and
    影响力目标, are benefits); None for management, cost and satisfaction scores."""
    return None if scores_satisfaction(ind) else filed_tier(ind)


# Where a category is printed on each era's form, for "move it to …" messages.
_LABELS = {
    "sh-2019": {C.QUANTITY: "产出目标 › 数量目标", C.TIMELINESS: "产出目标 › 时效目标", C.ECONOMIC: "效果目标 › 经济效益目标",
                C.SATISFACTION: "满意度目标"},
    "sh-2020": {C.QUANTITY: "产出目标 › 数量", C.TIMELINESS: "产出目标 › 时效", C.ECONOMIC: "效果目标 › 经济效益",
                C.SATISFACTION: "效果目标 › 满意度"},
}
_DEFAULT_LABELS = {C.QUANTITY: "产出指标 › 数量指标", C.TIMELINESS: "产出指标 › 时效指标", C.ECONOMIC: "效益指标 › 经济效益指标",
                   C.SATISFACTION: "满意度指标 › 服务对象满意度指标"}


def label(era: str, category: str) -> str:
    """The printed place of a canonical category in an era: (sh-2020, quantity) → 产出目标 › 数量."""
    return _LABELS.get(era, {}).get(category) or _DEFAULT_LABELS[category]
