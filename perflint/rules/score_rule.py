from decimal import Decimal

from perflint.engine.rule import Example, Option, finding, msg, rule
from perflint.model.selfeval import num

_DOC = "kind: self-evaluation\nindicators:\n"


@rule(
    id="score-rule",
    severity="warning",
    group="H",
    basis="V",
    summary=msg("定量指标按完成比例计分", "A quantitative indicator is scored by attainment"),
    description=msg(
        "定量指标（指标值为数值，实际完成值为可比的数值）：达到目标得满分；未达到时，正向指标（≥、=）得 分值 × 实际 ÷ 目标，"
        "反向指标（≤）得 分值 × 目标 ÷ 实际；最多得满分。= 目标超过即算达到（名称表明是反向指标时按 ≤ 计）。"
        "与表上得分相差超过容差（默认 0.5 分）即报告，写出算式，并给出按规则重算后的总分。"
        "有分值而得分空白的指标（未评分）也在此报告。定性指标见 qual-score-band。",
        "A quantitative indicator (a numeric target, a comparable numeric actual) that meets its target earns its "
        "full points; one that does not earns points × actual ÷ target for a positive indicator (≥, =) and points × "
        "target ÷ actual for a ceiling (≤), never more than its points. Exceeding an = target counts as meeting it "
        "(as ≤ when the name says lower is better). A printed score further than the tolerance (0.5 points by "
        "default) from the rule is reported with the computation and the total the rules give. An indicator with "
        "points and a blank score (never scored) is reported here too. Qualitative indicators: qual-score-band.",
    ),
    rationale=msg(
        "自评计分说明：正向指标得分 = 实际值 ÷ 目标值 × 分值，反向指标得分 = 目标值 ÷ 实际值 × 分值；"
        "完成 182 场对 400 场的目标得 20 分中的 18 分，远高于按比例的 9.10 分，会把评价等级从“良”抬到“优”。",
        "The scoring notes: positive indicator score = actual ÷ target × points, reverse = target ÷ actual × points. "
        "182 visits against a target of 400 scored 18 of 20, far above the proportional 9.10, lifts a grade from good (良) to excellent (优).",
    ),
    sources=msg("项目支出绩效自评表计分说明（正向、反向指标计分公式）；财预〔2020〕10号", "Self-evaluation scoring notes (positive and reverse formulas); MOF 2020 No. 10"),
    options=(Option("tolerance", Decimal("0.5"), msg("允许的得分差（分）", "Allowed difference in points")),),
    examples=(
        Example(_DOC + "  - {level1: 产出指标, level2: 数量指标, name: 接待场次, target: '=400场', actual: 182场, points: 20, score: 9.1,"
                " deviation_reason: 疫情防控}"),
        Example(_DOC + "  - {level1: 产出指标, level2: 成本指标, name: 项目总成本, target: '≤90万元', actual: 95万元, points: 10, score: 9.47,"
                " deviation_reason: 材料涨价}"),
        Example(_DOC + "  - {level1: 产出指标, level2: 数量指标, name: 接待场次, target: '=400场', actual: 182场, points: 20, score: 18,"
                " deviation_reason: 疫情防控}", ("/indicators/0/score",)),
        Example(_DOC + "  - {level1: 满意度指标, level2: 满意度指标, name: 参观者满意度, target: '≥95%', actual: 95%, points: 10, score: 9,"
                " deviation_reason: 还需提高}", ("/indicators/0/score",)),
        Example(_DOC + "  - {level1: 产出指标, level2: 数量指标, name: 发放覆盖率, target: '=100%', actual: null, points: 60, score: null}",
                ("/indicators/0/score",)),
    ),
    kinds=("self-evaluation",),
    defers_to=("score-bounds",),
)
def check(decl, opts):
    sc = decl.scorecard
    total, recomputed = sc.total_score.value, sc.recomputed_sum()
    for ln in sc.lines:
        if ln.not_applicable or ln.points.value is None:
            continue
        name, cell = ln.indicator.name, ln.score
        if cell.blank:
            if sc.truncated:
                continue  # the score may stand beyond the cut
            if ln.expected is not None:
                yield finding(cell.pointer, f"“{name}”未评分（得分空白）：按规则应得 {ln.how.zh}。",
                              f"\"{name}\" is not scored (blank score): by the rule it earns {ln.how.en}.", on_key=cell.raw is None)
            else:
                yield finding(cell.pointer, f"“{name}”有 {num(ln.points.value)} 分的分值，但未评分（得分空白）。",
                              f"\"{name}\" carries {num(ln.points.value)} points but is not scored (blank score).", on_key=cell.raw is None)
            continue
        if ln.expected is None or cell.value is None or abs(cell.value - ln.expected) <= opts["tolerance"]:
            continue
        effect_zh = effect_en = ""
        if recomputed is not None and total is not None and recomputed != total:
            effect_zh = f"；各项按规则重算后，总分为 {num(recomputed)}（表上 {num(total)}）"
            effect_en = f"; rescored by the rules, the total is {num(recomputed)} (printed {num(total)})"
        yield finding(
            cell.pointer,
            f"“{name}”得分 {cell.shown}，按规则应为 {ln.how.zh}{effect_zh}。",
            f"\"{name}\" scores \"{cell.shown}\", but the rule gives {ln.how.en}{effect_en}.",
        )
