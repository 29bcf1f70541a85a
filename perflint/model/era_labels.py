"""The category labels each era's form prints: for did-you-mean suggestions and fix messages."""
from __future__ import annotations

import difflib

from perflint.model import categories as C

_L1_2019 = {C.MANAGEMENT: "投入和管理目标", C.OUTPUT: "产出目标", C.BENEFIT: "效果目标", C.IMPACT: "影响力目标"}
_L1_2020 = {C.MANAGEMENT: "投入与管理", C.OUTPUT: "产出目标", C.BENEFIT: "效果目标", C.IMPACT: "影响力目标"}
_L1_2024 = {C.OUTPUT: "产出指标", C.BENEFIT: "效益指标", C.SATISFACTION: "满意度指标"}
_L1_COST = {C.COST: "成本指标", **_L1_2024}

_L2_2019 = {
    C.QUANTITY: "数量目标", C.QUALITY: "质量目标", C.TIMELINESS: "时效目标", C.ECONOMIC: "经济效益目标",
    C.SOCIAL: "社会效益目标", C.ECOLOGICAL: "生态效益目标", C.SUSTAINABLE: "可持续目标", C.SATISFACTION: "满意度目标",
    C.COST: "成本目标",
}
_L2_2020 = {
    C.QUANTITY: "数量", C.QUALITY: "质量", C.TIMELINESS: "时效", C.ECONOMIC: "经济效益", C.SOCIAL: "社会效益",
    C.ECOLOGICAL: "环境效益", C.SATISFACTION: "满意度", C.LONG_TERM: "长效管理", C.SUSTAINABLE: "可持续影响",
    C.COST: "成本",
}
_L2_2024 = {**C.LEVEL2_NAMES}
_L2_COST = {**C.LEVEL2_NAMES, C.COST: "经济成本指标"}

LEVEL1 = {"sh-2019": _L1_2019, "sh-2020": _L1_2020, "sh-2024": _L1_2024, "central-2015": _L1_2024, "national": _L1_2024,
          "central-2022": _L1_COST, "sh-2025": _L1_COST}
LEVEL2 = {"sh-2019": _L2_2019, "sh-2020": _L2_2020, "sh-2024": _L2_2024, "central-2015": _L2_2024, "national": _L2_2024,
          "central-2022": _L2_COST, "sh-2025": _L2_COST}
# Extra second-level spellings worth suggesting (2020 影响力目标 rows, the three kinds of cost).
_EXTRA_L2 = ("配套设施", "社会成本指标", "生态环境成本指标", "经济成本指标")


def level1_label(era: str, canonical: str | None) -> str:
    return LEVEL1.get(era, _L1_2024).get(canonical) or C.LEVEL1_NAMES.get(canonical, str(canonical))


def level2_label(era: str, canonical: str | None) -> str:
    return LEVEL2.get(era, _L2_2024).get(canonical) or C.LEVEL2_NAMES.get(canonical, str(canonical))


def allowed_level2_labels(era: str, level1: str) -> list[str]:
    """The printed names of the second levels the era allows under ``level1``."""
    allowed = C.ALLOWED.get(era, {}).get(level1, set())
    return [level2_label(era, l2) for l2 in sorted(allowed) if l2 != C.MANAGEMENT]


def suggest(label: str, era: str, level: int) -> str | None:
    """The closest printed label of the era (then of any era) to a label that is not known."""
    if level == 1:
        own, every = LEVEL1.get(era, _L1_2024).values(), [v for t in LEVEL1.values() for v in t.values()]
    else:
        own = LEVEL2.get(era, _L2_2024).values()
        every = [v for t in LEVEL2.values() for v in t.values()] + list(_EXTRA_L2)
    for pool in (list(own), list(dict.fromkeys(every))):
        near = difflib.get_close_matches(label, pool, n=1, cutoff=0.5)
        if near:
            return near[0]
    return None
