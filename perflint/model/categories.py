"""One alias table for the indicator tree of every era, and era inference."""
from __future__ import annotations

import re
from functools import lru_cache

from perflint.model.vocabulary import WEIGHT_IN_LABEL

# Canonical first levels
OUTPUT, BENEFIT, SATISFACTION, COST, MANAGEMENT, IMPACT = "output", "benefit", "satisfaction", "cost", "management", "impact"
# Canonical second levels
QUANTITY, QUALITY, TIMELINESS = "quantity", "quality", "timeliness"
ECONOMIC, SOCIAL, ECOLOGICAL, SUSTAINABLE = "economic", "social", "ecological", "sustainable"
LONG_TERM = "long-term"  # 2020 影响力目标 › 长效管理 / 配套设施 …

ERAS = ("sh-2019", "sh-2020", "sh-2024", "sh-2025", "central-2015", "central-2022")

LEVEL1_NAMES = {
    OUTPUT: "产出指标", BENEFIT: "效益指标", SATISFACTION: "满意度指标", COST: "成本指标",
    MANAGEMENT: "投入和管理目标", IMPACT: "影响力目标",
}
LEVEL2_NAMES = {
    QUANTITY: "数量指标", QUALITY: "质量指标", TIMELINESS: "时效指标", COST: "成本指标",
    ECONOMIC: "经济效益指标", SOCIAL: "社会效益指标", ECOLOGICAL: "生态效益指标", SUSTAINABLE: "可持续影响指标",
    SATISFACTION: "服务对象满意度指标", MANAGEMENT: "管理", LONG_TERM: "长效管理",
}

_LEVEL1 = {
    "产出": OUTPUT, "效益": BENEFIT, "效果": BENEFIT, "满意度": SATISFACTION, "服务对象满意度": SATISFACTION,
    "成本": COST, "投入和管理": MANAGEMENT, "投入与管理": MANAGEMENT, "投入管理": MANAGEMENT,
    "影响力": IMPACT,
}
_LEVEL2 = {
    "数量": QUANTITY, "质量": QUALITY, "时效": TIMELINESS, "成本": COST,
    "经济成本": COST, "社会成本": COST, "生态环境成本": COST, "生态成本": COST, "环境成本": COST,
    "总成本": COST, "单位成本": COST, "分项成本": COST,
    "经济效益": ECONOMIC, "社会效益": SOCIAL, "生态效益": ECOLOGICAL, "环境效益": ECOLOGICAL,
    "生态环境效益": ECOLOGICAL, "可持续影响": SUSTAINABLE, "可持续": SUSTAINABLE, "可持续效益": SUSTAINABLE,
    "可持续发展": SUSTAINABLE, "满意度": SATISFACTION, "服务对象满意度": SATISFACTION,
    "社会公众或服务对象满意度": SATISFACTION, "社会公众满意度": SATISFACTION, "群众满意度": SATISFACTION,
    "长效管理": LONG_TERM, "配套设施": LONG_TERM, "人力资源": LONG_TERM, "档案管理": LONG_TERM, "信息共享": LONG_TERM,
}
# Second levels under 投入和管理 are free labels (财务管理, 项目实施, 合规性 …).
_MANAGEMENT_WORDS = ("管理", "实施", "合规", "制度", "财务", "投入", "预算")
_SUFFIX = re.compile(r"(指标|目标)$")


def stem(label) -> str:
    return _stem(label if isinstance(label, str) else str(label or ""))


@lru_cache(maxsize=4096)
def _stem(text: str) -> str:
    # a weight printed in the label is not part of its name: 产出指标(50分) is 产出指标
    return _SUFFIX.sub("", WEIGHT_IN_LABEL.sub("", re.sub(r"\s+", "", text)))


def level1_of(label) -> str | None:
    return _LEVEL1.get(stem(label))


def level2_of(label, level1: str | None = None) -> str | None:
    s = stem(label)
    found = _LEVEL2.get(s)
    if found:
        return found
    if level1 == MANAGEMENT and any(w in s for w in _MANAGEMENT_WORDS):
        return MANAGEMENT
    return None


# Which second levels each era allows under each first level. Satisfaction and the
# sustainable/long-term rows of 2019 may sit under 效果目标 or 影响力目标 (the layout is ambiguous).
_TREE_2024 = {
    OUTPUT: {QUANTITY, QUALITY, TIMELINESS, COST},
    BENEFIT: {ECONOMIC, SOCIAL, ECOLOGICAL, SUSTAINABLE},
    SATISFACTION: {SATISFACTION},
}
ALLOWED = {
    "sh-2019": {
        MANAGEMENT: {MANAGEMENT},
        OUTPUT: {QUANTITY, QUALITY, TIMELINESS, COST},
        BENEFIT: {ECONOMIC, SOCIAL, ECOLOGICAL, SUSTAINABLE, SATISFACTION},
        IMPACT: {SUSTAINABLE, SATISFACTION, LONG_TERM},
    },
    "sh-2020": {
        MANAGEMENT: {MANAGEMENT},
        OUTPUT: {QUANTITY, QUALITY, TIMELINESS, COST},
        BENEFIT: {ECONOMIC, SOCIAL, ECOLOGICAL, SUSTAINABLE, SATISFACTION},
        IMPACT: {LONG_TERM, SUSTAINABLE},
    },
    "central-2015": _TREE_2024,
    "sh-2024": _TREE_2024,
    "central-2022": {COST: {COST}, **{k: v - {COST} for k, v in _TREE_2024.items()}},
    "sh-2025": {COST: {COST}, **{k: v - {COST} for k, v in _TREE_2024.items()}},
}


def infer_era(data: dict) -> str:
    declared = data.get("era")
    if declared in ERAS:
        return declared
    raw = data.get("indicators")
    indicators = [i for i in raw if isinstance(i, dict)] if isinstance(raw, list) else []
    labels = {stem(i.get("level1")) for i in indicators}
    year = data.get("fiscal_year") if isinstance(data.get("fiscal_year"), int) else 0
    if "投入与管理" in labels:
        return "sh-2020"
    if "投入和管理" in labels:
        return "sh-2019"
    if "影响力" in labels or any(str(i.get("level1") or "").strip().endswith("目标") for i in indicators):
        long_names = any(str(i.get("level2") or "").strip().endswith("目标") for i in indicators)
        return "sh-2019" if long_names else "sh-2020"
    if "成本" in labels:
        return "sh-2025" if year >= 2025 else "central-2022"
    return "sh-2024" if year >= 2021 else "central-2015"
