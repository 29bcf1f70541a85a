from perflint.engine.rule import Example, finding, msg, rule
from perflint.model.selfeval import is_unwritten, num

_DOC = "kind: self-evaluation\nindicators:\n"


@rule(
    id="deviation-reason",
    severity="warning",
    group="H",
    basis="V",
    summary=msg("扣分或未达标须写明偏差原因", "Lost points or a missed target need a reason"),
    description=msg(
        "有分值的指标，得分低于分值，或实际完成值未达到指标值时，“偏差原因分析及改进措施”（未完成原因分析）须填写；"
        "空白或只有表样的填写说明都算未写。",
        "An indicator with points that scores less than its points, or whose actual misses its target, needs its "
        "deviation reason and remedy (偏差原因分析及改进措施 / 未完成原因分析); a blank or the template's printed "
        "instruction counts as none.",
    ),
    rationale=msg(
        "自评须对未完成或偏离目标的指标分析原因、提出改进措施；四川表样设“未完成原因分析”一栏。没有原因，扣分无从核实，整改也无从谈起。",
        "A self-evaluation must explain every missed or deviating target and propose a remedy; the Sichuan form has "
        "a column for it. Without a reason, the lost points cannot be checked and nothing can be improved.",
    ),
    sources=msg("财预〔2020〕10号（回忆，待核对）；四川省部门预算项目支出绩效自评表（未完成原因分析）；项目支出绩效自评表计分说明",
                "MOF 2020 No. 10 (recalled); Sichuan form (未完成原因分析); self-evaluation scoring notes"),
    examples=(
        Example(_DOC + "  - {level1: 产出指标, level2: 数量指标, name: 接待场次, target: '=400场', actual: 182场, points: 20, score: 9.1,"
                " deviation_reason: 参观团组因疫情防控等原因未能达到计划总数}"),
        Example(_DOC + "  - {level1: 产出指标, level2: 数量指标, name: 接待场次, target: '≥50场', actual: 95场, points: 30, score: 30}"),
        Example(_DOC + "  - {level1: 产出指标, level2: 数量指标, name: 接待场次, target: '=400场', actual: 182场, points: 20, score: 9.1}",
                ("/indicators/0/deviation_reason",)),
    ),
    kinds=("self-evaluation",),
)
def check(decl, opts):
    for ln in decl.scorecard.lines:
        if ln.not_applicable or ln.points.value is None or not is_unwritten(ln.indicator.data.get("deviation_reason")):
            continue
        if ln.lost_points:
            why_zh = f"得分 {ln.score.shown} 低于分值 {num(ln.points.value)}"
            why_en = f"it scores \"{ln.score.shown}\" of {num(ln.points.value)}"
        elif ln.meets is False:
            why_zh = f"实际完成值 {ln.actual_raw} 未达到指标值 {ln.indicator.target.raw}"
            why_en = f"its actual \"{ln.actual_raw}\" misses the target \"{ln.indicator.target.raw}\""
        else:
            continue
        yield finding(ln.at("deviation_reason"), f"“{ln.indicator.name}”{why_zh}，但没有写偏差原因分析及改进措施。",
                      f"\"{ln.indicator.name}\": {why_en}, but no deviation reason and remedy is given.",
                      on_key="deviation_reason" not in ln.indicator.data)
