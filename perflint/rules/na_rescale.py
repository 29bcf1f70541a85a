from decimal import Decimal

from perflint.engine.rule import Example, Option, finding, msg, rule
from perflint.model.selfeval import num

_DOC = "kind: self-evaluation\n"


@rule(
    id="na-rescale",
    severity="warning",
    group="H",
    basis="V",
    summary=msg("不适用指标不计分，总分按百分制折算", "N/A indicators are not scored and the total is rescaled"),
    description=msg(
        "标为不适用（not_applicable: true）的指标不应有得分；此时总分 = 适用各项得分之和 ÷ 适用各项分值之和 × 100"
        "（含预算执行），与表上总分相差超过容差（默认 0.01 分）即报告，并写出算式。",
        "An indicator marked not applicable (not_applicable: true) carries no score, and the total is then Σ "
        "applicable scores ÷ Σ applicable points × 100 (execution included); a printed total further than the "
        "tolerance (0.01 by default) from it is reported with the computation.",
    ),
    rationale=msg(
        "自评计分说明：不适用的指标不予评价，其余指标的得分按百分制折算；直接相加会让总分低于 100 分制下应有的水平。",
        "The scoring notes: indicators that do not apply are dropped and the rest rescaled to 100; plain addition "
        "understates the total on the 100-point scale.",
    ),
    sources=msg("项目支出绩效自评表计分说明", "Self-evaluation scoring notes"),
    options=(Option("tolerance", Decimal("0.01"), msg("允许的误差（分）", "Allowed difference in points")),),
    examples=(
        Example(_DOC + "selfeval: {execution: {points: 10, score: 10}, total: {points: 100, score: 100}}\nindicators:\n"
                "  - {level1: 产出指标, level2: 数量指标, name: 培训人数, target: '≥100人', actual: 120人, points: 80, score: 80}\n"
                "  - {level1: 满意度指标, level2: 满意度指标, name: 学员满意度, target: '≥90%', not_applicable: true, points: 10}"),
        Example(_DOC + "selfeval: {execution: {points: 10, score: 10}, total: {points: 100, score: 90}}\nindicators:\n"
                "  - {level1: 产出指标, level2: 数量指标, name: 培训人数, target: '≥100人', actual: 120人, points: 80, score: 80}\n"
                "  - {level1: 满意度指标, level2: 满意度指标, name: 学员满意度, target: '≥90%', not_applicable: true, points: 10, score: 5}",
                ("/selfeval/total/score", "/indicators/1/score")),
    ),
    kinds=("self-evaluation",),
)
def check(decl, opts):
    sc = decl.scorecard
    if not sc.rescaled:
        return
    for ln in sc.lines:
        if ln.not_applicable and ln.score.value is not None:
            yield finding(ln.score.pointer, f"“{ln.indicator.name}”标为不适用，却有得分 {ln.score.shown}：不适用的指标不计分。",
                          f"\"{ln.indicator.name}\" is marked not applicable yet scores \"{ln.score.shown}\": it is not scored.")
    expected, cell = sc.declared_sum(), sc.total_score
    if expected is None or cell.value is None or abs(cell.value - expected) <= max(opts["tolerance"], cell.half_unit):
        return
    yield finding(cell.pointer, f"有不适用指标，总分应按百分制折算：{sc.total_how()} = {num(expected)}，表上为 {cell.shown}。",
                  f"With indicators not applicable the total is rescaled: {sc.total_how()} = {num(expected)}; the form prints \"{cell.shown}\".")
