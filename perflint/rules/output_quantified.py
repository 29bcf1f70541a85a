from perflint.core.diagnostic import Severity
from perflint.engine.rule import Example, Option, finding, msg, rule
from perflint.model import categories as C
from perflint.model import vocabulary as V
from perflint.model.names import ending, words

_OUTPUT_LEVEL2 = (C.QUANTITY, C.QUALITY, C.TIMELINESS, C.COST)


def _graded(ind) -> bool:
    """Stated qualitatively on purpose: the form marks it 定性 (qualitative-graded then asks for a graded
    level), or its name grades what it measures and the target is one level of a known scale
    (考核等级: 良好及以上, 出境断面水质类别: Ⅲ类及以上)."""
    if str(ind.data.get("kind") or "").strip() == "定性" or ind.reading.period_target:
        return True
    if ind.level2 == C.QUALITY and ind.reading.graded_level:
        return True
    if not ending(ind.name, V.GRADE_NAME_ENDINGS):
        return False
    word = ind.target.text or ""
    for floor in V.GRADE_FLOORS:
        word = word.removesuffix(floor)
    return word in _LEVELS


_LEVELS = frozenset(level for scale in V.GRADED_SCALES for level in scale.split("/"))


def _unquantified(ind) -> bool:
    """An output (not management) with no usable number."""
    if not ind.is_output or ind.level1 == C.MANAGEMENT:
        return False
    t = ind.target
    return not (t.kind == "empty" or t.numeric or (t.kind == "mixed" and not t.vague))


@rule(
    id="output-quantified",
    severity="error",
    group="B",
    basis="V",
    summary=msg("产出指标须量化", "Output indicators must be quantified"),
    description=msg(
        "产出指标（数量、质量、时效、成本，含各年代写法）的指标值须含数值。数量、成本指标缺少数值为错误，"
        "质量、时效指标为警告（可配置）。含“若干”“等”的值不算量化。时效指标写明确定的期间或频次（全年、日产日清、每月），以及质量指标取名称所写属性的一档（“服务规范达标：达标”）不算未量化。标为“定量”却没有数值的，由 kind-mismatch 报告，这里不重复。",
        "Every output indicator (quantity, quality, timeliness, cost, in any era's spelling) needs a numeric "
        "target. A missing number under quantity or cost is an error, under quality or timeliness a warning "
        "(configurable). Values with \"若干\" (some) or \"等\" (etc.) do not count as quantified. A timeliness target naming a "
        "definite period or cadence (\"全年\", \"日产日清\", \"每月\") and a quality target that is one level of the "
        "property the name states (\"服务规范达标: 达标\") are not unquantified. A target marked \"定量\" with no number is kind-mismatch's finding, not repeated here.",
    ),
    rationale=msg(
        "绩效目标应细化、量化，难以量化的才以分级分档的定性方式表述（财政支出绩效评价管理暂行办法）；"
        "数量和成本本身就是数字，写成“满足需求”无法考核。",
        "Targets must be refined and quantified where possible; only what cannot be quantified is stated "
        "qualitatively in graded levels (MOF interim measures on expenditure performance evaluation). "
        "Quantity and cost are numbers by nature: \"meets the needs\" cannot be assessed.",
    ),
    sources=msg("财政支出绩效评价管理暂行办法；上海市项目支出绩效目标申报填表说明", "MOF interim measures; Shanghai form instructions"),
    options=(
        Option("error_levels", ("quantity", "cost"), msg("缺少数值即为错误的二级指标", "Second levels where a missing number is an error")),
    ),
    examples=(
        Example("indicators: [{level1: 产出指标, level2: 数量指标, name: 培训人数, target: '≥200人'}]"),
        Example("indicators: [{level1: 产出目标, level2: 数量目标, name: 功能化模块数量, target: 满足公众服务需求}]", ("/indicators/0/target",)),
        Example("indicators: [{level1: 产出目标, level2: 质量目标, name: 功能实现程度, target: 功能运行正常}]", ("/indicators/0/target",)),
        Example("indicators: [{level1: 产出目标, level2: 数量目标, name: 项目成果, target: 1个总报告 若干分报告}]", ("/indicators/0/target",)),
    ),
    kinds=("declaration", "self-evaluation"),
    defers_to=("kind-mismatch",),
)
def check(decl, opts):
    error_levels = words(opts["error_levels"])
    for ind in decl.indicators:
        if not _unquantified(ind) or _graded(ind):
            continue
        t = ind.target
        dim = ind.level2 if ind.level2 in _OUTPUT_LEVEL2 else C.QUANTITY if ind.level1 == C.COST else None
        severity = Severity.ERROR if dim in error_levels else Severity.WARNING
        why_zh = "含“若干/等”等不确定表述" if t.vague else "没有数值"
        why_en = "is vague (it says \"若干\" or \"等\")" if t.vague else "has no number"
        if ind.reading.measure == "rate":
            fix_zh, fix_en = "它是比率，写成百分比并说明计算口径，如 ≥95%", "it is a rate: give a percentage and how it is counted, e.g. ≥95%"
        else:
            fix_zh, fix_en = "写成可考核的数值，如 ≥10个、≥95%、≤3天", "state a measurable value such as \"≥10个\", \"≥95%\" or \"≤3天\""
        yield finding(
            ind.at("target"),
            f"产出指标“{ind.name}”的指标值“{t.raw}”{why_zh}：{fix_zh}。",
            f"Output indicator \"{ind.name}\" has target \"{t.raw}\" that {why_en}: {fix_en}.",
            severity=severity,
        )
