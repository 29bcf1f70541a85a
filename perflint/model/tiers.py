"""Which tier of the results chain an indicator is filed in, across eras.

2019/2020 Shanghai forms put outcomes under 效果目标 and 影响力目标, later forms under 效益指标;
management (投入和管理目标 / 投入与管理), cost and satisfaction are tiers of their own.
"""
from __future__ import annotations

from perflint.model import categories as C
from perflint.model.names import core, is_satisfaction_score

OUTCOME_LEVEL2 = C.OUTCOME_LEVEL2


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
