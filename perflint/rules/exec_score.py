from decimal import Decimal

from perflint.engine.rule import Example, Option, finding, msg, rule

_DOC = "kind: self-evaluation\nselfeval:\n  execution: "


@rule(
    id="exec-score",
    severity="error",
    group="H",
    basis="S",
    summary=msg("执行率得分 = min(执行率, 100%) × 分值", "The execution score is min(rate, 100%) × points"),
    description=msg(
        "按重算的执行率（见 exec-rate）计算执行率得分：min(执行率, 100%) × 分值，保留两位小数，与表上的得分比较；"
        "超过容差（默认 0.01 分，表上只印到整数时按末位的半个单位放宽）或得分空白即报告，并写出算式。"
        "分值取该行的分值/权重，没有时取栏目标题中的“(20分)”。",
        "Computes the execution score from the recomputed rate (see exec-rate): min(rate, 100%) × points, to two "
        "decimals, and compares it with the printed score. A difference beyond the tolerance (0.01 points by "
        "default, widened to half a unit of the last printed digit) or a blank score is reported with the "
        "computation. The points are the row's points (分值/权重), else the \"(20分)\" in the block's heading.",
    ),
    rationale=msg(
        "自评表的总分从执行率得分开始累加；云南县级表样直接印着“得分(20分*执行率)”，中央和上海表样的数字也按这一算法吻合。"
        "执行数超过预算时得分按 100% 封顶，这是本项目的约定：超支本身另由 exec-within-budget 报告。",
        "The total starts from the execution score; a Yunnan county template prints the formula itself, "
        "\"得分(20分*执行率)\", and the central and Shanghai forms agree with it. Capping at 100% when more "
        "was spent than budgeted is this project's convention; the overspend itself is exec-within-budget's finding.",
    ),
    sources=msg("财预〔2020〕10号（预算执行率 10 分）；云南昌宁 2022 自评表；上海 2021 自评表", "MOF 2020 No. 10; Yunnan and Shanghai self-evaluations"),
    options=(Option("tolerance", Decimal("0.01"), msg("允许的误差（分）", "Allowed difference in points")),),
    examples=(
        Example(_DOC + "{unit: 万元, full_year: 2903.14, executed: 2847.98, points: 10, rate: 98.10%, score: 9.81}"),
        Example(_DOC + "{heading: 预算执行情况(万元)(20分), full_year: 50, executed: 10, rate: 20%, score: 4}"),
        Example(_DOC + "{unit: 万元, full_year: 251.89, executed: 251.89, rate: 100.00%, points: 10, score: null}",
                ("/selfeval/execution/score",)),
        Example(_DOC + "{unit: 万元, full_year: 0, executed: 0, points: 10, rate: 0, score: 0,\n"
                "    sources: {appropriation: {initial: 90, full_year: 89.974, executed: 89.974}}}", ("/selfeval/execution/score",)),
    ),
    kinds=("self-evaluation",),
)
def check(decl, opts):
    e = decl.scorecard.execution
    if e is None or e.expected_score is None:
        return
    expected, how, cell = e.expected_score, e.score_how(), e.total.score
    if cell.blank:
        yield finding(cell.pointer, f"执行率得分未填写：应为 {how.zh}。", f"The execution score is blank: it is {how.en}.",
                      on_key=cell.raw is None)
    elif cell.value is None:
        yield finding(cell.pointer, f"执行率得分“{cell.shown}”不是数字：应为 {how.zh}。",
                      f"The execution score \"{cell.shown}\" is not a number: it is {how.en}.")
    elif abs(cell.value - expected) > max(opts["tolerance"], cell.half_unit):
        yield finding(cell.pointer, f"执行率得分为 {cell.shown}，按 min(执行率, 100%) × 分值 应为 {how.zh}。",
                      f"The execution score is \"{cell.shown}\", but min(rate, 100%) × points gives {how.en}.")
