from perflint.core.diagnostic import Severity
from perflint.engine.rule import Example, Option, finding, msg, rule
from perflint.model.selfeval import LOW_RATE
from perflint.model.targets import parse_target
from perflint.model.vocabulary import ATTAINMENT_WORDS

_DOC = "kind: self-evaluation\n"
_VERDICTS = frozenset(w for level in ATTAINMENT_WORDS.values() for w in level)


@rule(
    id="actual-is-measurement",
    severity="warning",
    group="H",
    basis="C",
    summary=msg("实际完成值须是实测的结果", "The actual value is a measurement"),
    description=msg(
        "实际完成值须写实际达到的数值或程度：以比较符号开头（≥95%）的是目标区间而不是结果（警告）；指标值已给出而实际完成值空白"
        "（警告）；“达成预期指标”“已完成”之类的结论代替了结果（警告）；定量指标的实际值没有指标值所带的单位（提示）；"
        "一张表上至少 min_copies 个（默认 5）定量指标的实际值与指标值逐位相同（提示一次，执行率偏低时一并指出）。",
        "The actual value states what was reached: one starting with a comparison (≥95%) is a target range, not a "
        "result (warning); a blank actual under a given target (warning); a verdict such as \"达成预期指标\" or \"已完成\" "
        "instead of the result (warning); a quantitative actual without the unit its target has (info); and, once "
        "per form, at least min_copies (5 by default) quantitative actuals equal to their targets digit for digit "
        "(info, noting a low execution rate when there is one).",
    ),
    rationale=msg(
        "自评要用实际数据衡量目标的完成（填表说明：“用具体数据衡量”）。把目标抄作实际值，或只写“达成”，评分就无从核对，"
        "满分也说明不了什么。这是本项目的约定。",
        "Attainment must be measured with concrete data. An actual copied from the target, or only the word "
        "\"achieved\", makes the score impossible to check, and full marks say nothing. This is a project convention.",
    ),
    sources=msg("财政支出项目绩效目标申报表填表说明（用具体数据衡量）；上海 2021、池州 2022、云南昌宁 2022 自评表",
                "Form instructions (measure with concrete data); Shanghai, Chizhou and Yunnan self-evaluations"),
    options=(Option("min_copies", 5, msg("提示“实际值逐一照抄目标”所需的最少指标数", "Fewest copied actuals that make the once-per-form note")),),
    examples=(
        Example(_DOC + "indicators:\n  - {level1: 产出指标, level2: 数量指标, name: 接待场次, target: '=400 场', actual: 182 场}\n"
                "  - {level1: 产出指标, level2: 质量指标, name: 团组类型, target: 党政、企业, actual: 党政、企业}"),
        Example(_DOC + "indicators:\n  - {level1: 产出指标, level2: 数量指标, name: 项目完成率, target: '≥95%', actual: '≥95%'}",
                ("/indicators/0/actual",)),
        Example(_DOC + "indicators:\n  - {level1: 产出指标, level2: 时效指标, name: 提交报告及时性, target: 在计划时间内完成, actual: 达成预期指标}",
                ("/indicators/0/actual",)),
        Example(_DOC + "indicators:\n  - {level1: 产出指标, level2: 数量指标, name: 发放覆盖率, operator: '=', target: '100', unit: '%', actual: null}",
                ("/indicators/0/actual",)),
        Example(_DOC + "indicators:\n  - {level1: 产出指标, level2: 数量指标, name: 项目数量, target: '≥50个', actual: '50'}",
                ("/indicators/0/actual",)),
    ),
    kinds=("self-evaluation",),
)
def check(decl, opts):
    sc = decl.scorecard
    copies = []
    for ln in sc.lines:
        if ln.not_applicable:
            continue
        ind, actual = ln.indicator, ln.actual
        if not ln.actual_raw:
            if ind.target.kind != "empty" and not sc.truncated:
                yield finding(ln.at("actual"), f"“{ind.name}”的实际完成值空白（指标值 {ind.target.raw}）：写明实际达到的数值。",
                              f"\"{ind.name}\" has a blank actual (target \"{ind.target.raw}\"): state the value reached.",
                              on_key="actual" not in ind.data)
            continue
        if actual.op is not None and actual.kind in ("number", "range"):
            yield finding(ln.at("actual"), f"“{ind.name}”的实际完成值“{ln.actual_raw}”是一个区间，不是实测结果：写明实际达到的数值（如 96.5%）。",
                          f"\"{ind.name}\" has the actual \"{ln.actual_raw}\", a range rather than a result: state the value reached (e.g. 96.5%).")
            continue
        if ln.actual_raw in _VERDICTS and ln.actual_raw != ind.target_cell:
            yield finding(ln.at("actual"), f"“{ind.name}”的实际完成值“{ln.actual_raw}”是结论，不是结果：写明实际达到的情况（数值、日期或所达到的档次）。",
                          f"\"{ind.name}\" has the actual \"{ln.actual_raw}\", a verdict rather than a result: state what was "
                          f"reached (a value, a date or the level attained).")
            continue
        if ln.quantitative and actual.kind == "number" and actual.value is not None:
            printed_unit = parse_target(ind.target_cell).unit  # a unit column serves both cells
            if printed_unit and not actual.unit:
                yield finding(ln.at("actual"), f"“{ind.name}”的实际完成值 {ln.actual_raw} 没有单位（指标值 {ind.target_cell}）：写作 {ln.actual_raw}{printed_unit}。",
                              f"\"{ind.name}\" has the actual {ln.actual_raw} with no unit (target \"{ind.target_cell}\"): write \"{ln.actual_raw}{printed_unit}\".",
                              severity=Severity.INFO)
            if actual.value == ind.target.value:
                copies.append(ln)
    if len(copies) >= max(1, opts["min_copies"]) and len(copies) == sum(1 for ln in sc.lines if ln.quantitative and not ln.not_applicable):
        rate = sc.execution.rate if sc.execution else None
        low_zh = f"，而执行率只有 {sc.execution.figures().how().zh}" if rate is not None and rate < LOW_RATE else ""
        low_en = f", while the execution rate is only {sc.execution.figures().how().en}" if rate is not None and rate < LOW_RATE else ""
        yield finding(copies[0].at("actual"),
                      f"全部 {len(copies)} 个定量指标的实际完成值都与指标值逐位相同{low_zh}：核对是否为实测结果。",
                      f"All {len(copies)} quantitative actuals equal their targets digit for digit{low_en}: check that they were measured.",
                      severity=Severity.INFO)
