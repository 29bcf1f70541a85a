from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from perflint.engine.rule import Example, Option, finding, msg, rule
from perflint.model import categories as C
from perflint.model import vocabulary as V

_PUNCT = re.compile(r"[\s\W_]+")
_JOINERS = V.JOINERS
_PEOPLE_UNITS = frozenset(V.PEOPLE_UNITS)


@lru_cache(maxsize=8192)
def normalise(name: str) -> str:
    return _PUNCT.sub("", unicodedata.normalize("NFKC", name)).lower()


@lru_cache(maxsize=8192)
def self_repeat(name: str) -> tuple[str, str] | None:
    """A cell holding two versions of one name, 每日提供餐饮及时性餐饮提供及时性 → (每日提供餐饮及时性,
    餐饮提供及时性): the halves end with the same two characters or more, and every character of
    the shorter half is in the longer one."""
    n = len(name)
    if n < 8 or name.find(name[-2:], 2, n - 2) < 0:
        return None  # the halves must end alike: the last two characters must occur earlier
    if re.search(r"[\s\W]", unicodedata.normalize("NFKC", name)):
        return None  # punctuation separates deliberate parts (参观人数、讲解场次)
    # One pass over the cuts, keeping the characters on each side counted, so a long name costs
    # linear time (trying each cut afresh was quadratic: 55 s for 32,000 characters). The halves
    # split the name, so their union is the name's character set at every cut.
    n = len(name)
    tail = name[-2:]
    left: dict[str, int] = {}
    right: dict[str, int] = {}
    for ch in name:
        right[ch] = right.get(ch, 0) + 1
    union = len(right)
    common = 0  # characters on both sides
    best = None
    for k in range(1, n - 3):
        ch = name[k - 1]  # moves from the right half to the left one
        was_left, was_right = left.get(ch, 0), right[ch]
        common += (was_right > 1) - (was_left > 0)
        left[ch] = was_left + 1
        if was_right == 1:
            del right[ch]
        else:
            right[ch] = was_right - 1
        # both halves end with the same two characters; the shorter is at least half the longer
        if k < 4 or name[k - 2:k] != tail or 2 * min(k, n - k) < max(k, n - k) or name.startswith(_JOINERS, k):
            continue
        shorter = left if k <= n - k else right
        if len(shorter) == common:  # every character of the shorter half is in the longer one
            score = common / union
            if best is None or score >= best[0]:
                best = (score, k)
    return best and (name[:best[1]], name[best[1]:])


@rule(
    id="duplicate-indicator",
    severity="warning",
    group="A",
    basis="C",
    summary=msg("指标不得重复", "No duplicate indicators"),
    description=msg(
        "报告三种重复：同一名称（忽略空格和标点）出现两次；一个名称单元格里写了同一指标的两种说法（如“每日提供餐饮及时性"
        "餐饮提供及时性”）；同一批人既作为产出数量又作为效益（数量指标与效益指标的目标值和人数类单位完全相同，如“辅助"
        "人员的到岗人数 =5(人)”与“解决就业人数 =5(人)”，可用 output_benefit_counts 关闭）。",
        "Reports three kinds of duplicate: the same name (ignoring spaces and punctuation) twice; one name cell "
        "holding two versions of the same name (\"每日提供餐饮及时性餐饮提供及时性\"); the same people counted as an "
        "output and again as a benefit (a quantity and a benefit indicator with identical targets in a unit "
        "counting people or entities, such as \"辅助人员的到岗人数 =5(人)\" and \"解决就业人数 =5(人)\"; turn off with "
        "output_benefit_counts).",
    ),
    rationale=msg(
        "重复的指标让同一事项被计分两次，挤掉本应考核的内容。这是本项目的审核约定（依据真实申报表中的重复），"
        "并非法规原文，因此只作警告。",
        "A duplicate scores one thing twice and crowds out what should be assessed. This is this project's "
        "review convention, drawn from duplicates in real declarations, not a regulation: a warning only.",
    ),
    options=(Option("output_benefit_counts", True, msg("报告产出与效益中相同的人数类目标", "Report identical people counts in an output and a benefit")),),
    examples=(
        Example("indicators:\n  - {level1: 产出指标, level2: 数量指标, name: 日均餐饮伙食供应人数, target: '≥300.00(人)'}\n"
                "  - {level1: 产出指标, level2: 时效指标, name: 每日餐饮提供及时性, target: '=100(%)'}\n"
                "  - {level1: 效益指标, level2: 社会效益指标, name: 解决就业人数, target: '=5(人)'}"),
        Example("indicators:\n  - {level1: 产出指标, level2: 时效指标, name: 每日提供餐饮及时性餐饮提供及时性, target: '=100(%)'}",
                ("/indicators/0/name",)),
        Example("indicators:\n  - {level1: 产出指标, level2: 数量指标, name: 辅助人员的到岗人数, target: '=5(人)'}\n"
                "  - {level1: 效益指标, level2: 社会效益指标, name: 解决就业人数, target: '=5(人)'}", ("/indicators/1/target",)),
        Example("indicators:\n  - {level1: 产出指标, level2: 质量指标, name: 验收通过率, target: '≥95%'}\n"
                "  - {level1: 产出指标, level2: 质量指标, name: 验收 通过率, target: '=100%'}", ("/indicators/1/name",)),
    ),
)
def check(decl, opts):
    seen = {}
    for ind in decl.indicators:
        key = normalise(ind.name)
        if not key:
            continue
        if key in seen:
            first = seen[key]
            yield finding(ind.at("name"), f"指标“{ind.name}”与第 {first.index + 1} 个指标（{first.path}）重复：删去其一或改为不同的考核内容。",
                          f"Indicator \"{ind.name}\" repeats indicator {first.index + 1} (\"{first.path}\"): drop one or measure something else.")
            continue
        seen[key] = ind
        twice = self_repeat(ind.name)
        if twice:
            yield finding(ind.at("name"), f"名称“{ind.name}”把同一指标写了两遍（“{twice[0]}”和“{twice[1]}”）：只保留一个，如“{min(twice, key=len)}”。",
                          f"The name \"{ind.name}\" holds the same indicator twice (\"{twice[0]}\" and \"{twice[1]}\"): keep one, e.g. \"{min(twice, key=len)}\".")
    if opts["output_benefit_counts"]:
        yield from _counted_twice(decl)


def _counted_twice(decl):
    outputs = {}  # (operator, value, unit) → the first quantity output with that target: one lookup per benefit
    for i in decl.indicators:
        o = i.target
        if i.reading.tier == "output" and i.level2 == C.QUANTITY and o.kind == "number":
            outputs.setdefault((o.op, o.value, o.unit), i)
    for ind in decl.indicators:
        t = ind.target
        if ind.reading.tier != "benefit" or t.kind != "number" or t.unit not in _PEOPLE_UNITS or not t.value or t.value <= 1:
            continue
        out = outputs.get((t.op, t.value, t.unit))
        if out is not None:
            o = out.target
            yield finding(ind.at("target"), f"效益指标“{ind.name}”的目标 {t.raw} 与产出指标“{out.name}” {o.raw} 相同，像是同一批对象算了两次："
                          "效益应写这些产出带来的变化（如服务满意率、减少的等待时间），或删去其一。",
                          f"Benefit \"{ind.name}\" targets \"{t.raw}\", exactly like output \"{out.name}\" \"{o.raw}\": the same people seem counted twice. "
                          "State what the output achieves instead, or drop one.")
