from decimal import Decimal

from perflint.core.diagnostic import Severity
from perflint.engine.rule import Example, Option, finding, msg, rule
from perflint.model.selfeval import num

_DOC = "kind: self-evaluation\n"


@rule(
    id="total-score",
    severity="error",
    group="H",
    basis="S",
    summary=msg("总分 = 各项得分之和", "The total is the sum of the scores"),
    description=msg(
        "总分须等于预算执行得分加各指标得分（表上所印的得分），容差默认 0.01 分；总分空白（有合计行但没有得分）"
        "或完整的表上根本没有总分（警告）时也报告。有不适用指标时由 na-rescale 检查折算后的总分。",
        "The total must equal the execution score plus the indicators' scores as printed (tolerance 0.01 by "
        "default). A blank total (a total row without a score), or no total at all on a complete form (a warning), "
        "is reported too. With indicators marked not applicable, na-rescale checks the rescaled total.",
    ),
    rationale=msg(
        "总分决定评价等级（优 ≥90、良 ≥80…）；加总错误会直接改变等级。上海 2021 自评表的两个总分都与各项之和吻合，可作对照。",
        "The total decides the grade, excellent (优) from 90, good (良) from 80 …; an addition error changes it. Both totals of the Shanghai "
        "2021 self-evaluations agree with their parts, for comparison.",
    ),
    sources=msg("财预〔2020〕10号（百分制）；上海 2021 自评表", "MOF 2020 No. 10 (100-point scale); Shanghai 2021 self-evaluations"),
    options=(Option("tolerance", Decimal("0.01"), msg("允许的误差（分）", "Allowed difference in points")),),
    examples=(
        Example(_DOC + "selfeval: {execution: {points: 10, score: 9.81}, total: {points: 100, score: 99.81}}\nindicators:\n"
                "  - {level1: 产出指标, level2: 数量指标, name: 项目完成率, target: '≥95%', actual: 96%, points: 90, score: 90}"),
        Example(_DOC + "selfeval: {execution: {points: 10, score: 9.81}, total: {points: 100, score: 98.81}}\nindicators:\n"
                "  - {level1: 产出指标, level2: 数量指标, name: 项目完成率, target: '≥95%', actual: 96%, points: 90, score: 90}",
                ("/selfeval/total/score",)),
        Example(_DOC + "selfeval: {execution: {points: 10, score: null}, total: {points: 100, score: null}}\nindicators:\n"
                "  - {level1: 产出指标, level2: 数量指标, name: 发放覆盖率, target: '=100%', points: 90, score: null}",
                ("/selfeval/total/score",)),
    ),
    kinds=("self-evaluation",),
)
def check(decl, opts):
    sc = decl.scorecard
    if sc.rescaled or (sc.execution is None and not sc.lines):
        return
    cell = sc.total_score
    if not sc.has_total:
        if not sc.truncated and any(ln.score.value is not None or ln.points.value is not None for ln in sc.lines):
            yield finding("/selfeval", "表上没有总分：写明 total（总分 / 合计）的分值与得分。",
                          "The form has no total: give total (总分 / 合计) with its points and score.", on_key=True,
                          severity=Severity.WARNING)
        return
    declared = sc.declared_sum()
    if cell.blank:
        if declared is not None:
            yield finding(cell.pointer, f"总分未填写：各项得分之和为 {sc.total_how()} = {num(declared)}。",
                          f"The total score is blank: the scores add up to {sc.total_how()} = {num(declared)}.", on_key=cell.raw is None)
        else:
            yield finding(cell.pointer, "总分未填写，且有得分空白的项目：先为各项评分，再写明总分。",
                          "The total score is blank, and so are some of the scores: score every line, then give the total.",
                          on_key=cell.raw is None)
    elif cell.value is None:
        yield finding(cell.pointer, f"总分“{cell.shown}”不是数字。", f"The total \"{cell.shown}\" is not a number.")
    elif declared is not None and abs(cell.value - declared) > max(opts["tolerance"], cell.half_unit):
        yield finding(cell.pointer, f"总分为 {cell.shown}，但各项得分之和为 {sc.total_how()} = {num(declared)}。",
                      f"The total is \"{cell.shown}\", but the scores add up to {sc.total_how()} = {num(declared)}.")
