from perflint.core.diagnostic import Severity
from perflint.engine.rule import Example, finding, msg, rule
from perflint.model import vocabulary as V

# Only the spelled-out comparisons: a lone 较 / 比 may begin a name (比例 …).
_COMPARED = tuple(p for p in V.COMPARE_PREFIXES if len(p) > 1)


def change_word(name: str) -> str | None:
    """The change a name targets: it leads with a change verb (提升园区经济活跃度, 较上年增长…) or
    measures a growth (参观人数增长率). A verb inside a level's name (学员能力提升的认可率) is not one."""
    text = name.strip()
    if text.startswith(_COMPARED):
        prefix = next(p for p in _COMPARED if text.startswith(p))
        text = text[len(prefix):]
    if text.startswith(V.CHANGE_WORDS):
        return next(w for w in V.CHANGE_WORDS if text.startswith(w))
    if text.endswith(V.GROWTH_MEASURES):
        return next(w for w in V.GROWTH_MEASURES if text.endswith(w))
    return None


def has_baseline(data: dict) -> bool:
    b = data.get("baseline")
    return isinstance(b, dict) and b.get("value") not in (None, "") and isinstance(b.get("year"), int)


@rule(
    id="baseline-required",
    severity="warning",
    group="C",
    basis="C",
    summary=msg("变化类指标须有基期值", "A change target needs a baseline"),
    description=msg(
        "指标名称或指标值表达变化（提升、提高、增长、增加、改善、降低、减少、下降…）时，须给出基期值和年份"
        "（baseline: {value, year}），或改写为绝对水平。没有任何数字的“提升”为错误。名称以变化词开头（提升园区…）"
        "或衡量增幅（…增长率）才算表达变化；名称中间的变化词（学员能力提升的认可率）不算。名称含变化词而目标是计数"
        "（如“增加就业岗位 ≥50个”）视为绝对目标，不报告。",
        "An indicator whose name or target expresses a change (\"提升\", \"提高\", \"增长\", \"增加\", \"改善\", \"降低\", "
        "\"减少\", \"下降\"…) needs a numeric baseline with its year (baseline: {value, year}) or an absolute target. "
        "A bare \"提升\" with no number is an error. A name expresses a change when it leads with the verb "
        "(\"提升园区…\") or measures a growth (\"…增长率\"); a verb inside the name of a level (\"学员能力提升的认可率\") "
        "does not. A change word in the name with a count target (\"增加就业岗位 ≥50个\") is an absolute target and passes.",
    ),
    rationale=msg(
        "“提升10%”相对什么？没有基期值就无法判断是否达成。本规则由“能量化的须量化”（财政支出绩效评价管理暂行办法）"
        "和“历史标准即以往数据”（绩效评价标准）推导而来；并无文件逐字禁止“提升”一词。",
        "\"Up 10%\" from what? Without a baseline nobody can tell whether it was met. The rule is derived from "
        "\"quantify where possible\" and \"historical standards are past data\" in the evaluation measures; no "
        "regulation literally bans the word \"提升\" (raise).",
    ),
    examples=(
        Example("indicators: [{level1: 效益指标, level2: 社会效益指标, name: 园区企业数, target: '≥1200家'}]"),
        Example("indicators: [{level1: 效益指标, level2: 社会效益指标, name: 参观人数增长, target: 提升10%, baseline: {value: 15000人, year: 2023}}]"),
        Example("indicators: [{level1: 效果目标, level2: 经济效益目标, name: 提升园区经济活跃度, target: 提升10%}]", ("/indicators/0/target",)),
        Example("indicators: [{level1: 效果目标, level2: 社会效益, name: 提升园区科创成果知名度, target: '>=10%'}]", ("/indicators/0/target",)),
        Example("indicators: [{level1: 效益指标, level2: 社会效益指标, name: 服务水平, target: 提升}]", ("/indicators/0/target",)),
    ),
)
def check(decl, opts):
    for ind in decl.indicators:
        t = ind.target
        if t.kind == "empty" or has_baseline(ind.data):
            continue
        if t.kind == "relative":
            if t.value is None:
                yield finding(
                    ind.at("target"),
                    f"“{ind.name}”的目标“{t.raw}”只说{t.change}，没有任何数字：写明目标水平（如 ≥95%）或基期值与幅度。",
                    f"\"{ind.name}\" targets \"{t.raw}\", which says \"{t.change}\" with no number at all: state the target level (e.g. ≥95%) or a baseline and an amount.",
                    severity=Severity.ERROR,
                )
            else:
                yield finding(
                    ind.at("target"),
                    f"“{ind.name}”的目标“{t.raw}”是相对变化，但没有基期值：补充 baseline（基期值和年份），或改写为绝对目标。",
                    f"\"{ind.name}\" targets a relative change \"{t.raw}\" with no baseline: add baseline (value and year) or write an absolute target.",
                )
            continue
        word = change_word(ind.name)
        if not word:
            continue
        if word in V.GROWTH_MEASURES and t.kind in ("number", "range") and t.is_percent:
            yield finding(
                ind.at("target"),
                f"“{ind.name}”是增长率，目标 {t.raw} 须有基期：补充 baseline（基期值和年份），说明从多少增长。",
                f"\"{ind.name}\" is a growth rate, so the target {t.raw} needs a base: add baseline (the base-year "
                "value and its year) to say what it grows from.",
            )
            continue
        if t.kind == "qualitative" or t.is_percent or (t.kind == "number" and t.unit is None):
            yield finding(
                ind.at("target"),
                f"指标名称“{ind.name}”含“{word}”，目标“{t.raw}”看不出是水平还是增幅：补充 baseline（基期值和年份），或把名称改为要达到的水平。",
                f"The name \"{ind.name}\" says \"{word}\" but the target \"{t.raw}\" does not say whether it is a level or a change: add baseline (value and year), or rename it to the level to reach.",
            )
