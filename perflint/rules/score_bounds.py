from perflint.engine.rule import Example, finding, msg, rule
from perflint.model.selfeval import num, read_cell

_DOC = "kind: self-evaluation\nindicators:\n"


@rule(
    id="score-bounds",
    severity="error",
    group="H",
    basis="V",
    summary=msg("得分在 0 与分值之间", "A score lies between 0 and its points"),
    description=msg(
        "每个指标和预算执行的分值、得分须是数字，且 0 ≤ 得分 ≤ 分值；一级指标标签印有权重时（“产出指标(40分)”），"
        "其下得分之和不超过该权重。分值一栏写的不是数字（如 ≥95%）时报告，并指出该行是否像是错位了一列"
        "（分值与指标值相同、偏差原因一栏是数字）。空白的得分由 score-rule 报告。",
        "The points and score of every indicator and of budget execution are numbers, with 0 ≤ score ≤ points; "
        "where a first-level label prints a weight (\"产出指标(40分)\"), the scores under it do not exceed it. A "
        "points cell holding no number (such as ≥95%) is reported, saying whether the row looks shifted by one "
        "column (points equal to the target, a number in the reason column). A blank score is score-rule's finding.",
    ),
    rationale=msg(
        "完成目标得满分，超额完成也不加分，得分不会为负；超出分值或分值不是数字，总分就无从核对。",
        "A met target earns its full points and over-achievement earns no more; a score is never negative. A "
        "score above its points, or points that are no number, make the total impossible to check.",
    ),
    sources=msg("财预〔2020〕10号（回忆，待核对）；项目支出绩效自评表计分说明", "MOF 2020 No. 10 (recalled); self-evaluation scoring notes"),
    examples=(
        Example(_DOC + "  - {level1: 产出指标, level2: 数量指标, name: 接待场次, target: '≥50场', actual: 95场, points: 30, score: 30}"),
        Example(_DOC + "  - {level1: 产出指标, level2: 质量指标, name: 项目目标实现率, target: '≥95%', actual: 96%, points: '≥95%', score: 20,"
                " deviation_reason: '20'}", ("/indicators/0/points",)),
        Example(_DOC + "  - {level1: 产出指标, level2: 数量指标, name: 接待场次, target: '≥50场', actual: 95场, points: 20, score: 25}",
                ("/indicators/0/score",)),
        Example(_DOC + "  - {level1: 产出指标(5分), level2: 数量指标, name: 仓库面积, target: '≥104平方米', actual: '104', score: 3}\n"
                "  - {level1: 产出指标(5分), level2: 数量指标, name: 隔离舍面积, target: '≥54平方米', actual: '54', score: 3}",
                ("/indicators/0/level1",)),
    ),
    kinds=("self-evaluation",),
    # points over a level's weight already say its scores may exceed it: one finding, the weights rule's
    defers_to=("selfeval-weights",),
)
def check(decl, opts):
    sc = decl.scorecard
    rows = [(ln.indicator.name, ln.points, ln.score, ln) for ln in sc.lines if not ln.not_applicable]
    if sc.execution is not None:
        rows.append(("预算执行", sc.execution.points, sc.execution.total.score, None))
    for name, points, score, line in rows:
        if points.problem == "text":
            yield _not_a_number(name, points, line)
        elif points.value is not None and points.value < 0:
            yield finding(points.pointer, f"“{name}”的分值 {points.shown} 为负数。", f"\"{name}\" has negative points \"{points.shown}\".")
        if score.problem == "text":
            yield finding(score.pointer, f"“{name}”的得分“{score.shown}”不是数字。", f"\"{name}\" has the score \"{score.shown}\", which is not a number.")
        elif score.value is not None and score.value < 0:
            yield finding(score.pointer, f"“{name}”的得分 {score.shown} 为负数：得分在 0 与分值之间。",
                          f"\"{name}\" has a negative score \"{score.shown}\": a score lies between 0 and its points.")
        elif score.value is not None and points.value is not None and score.value > points.value:
            yield finding(score.pointer, f"“{name}”得分 {score.shown} 超过分值 {points.shown}：超额完成也不加分，最多得 {points.shown} 分。",
                          f"\"{name}\" scores \"{score.shown}\", more than its {num(points.value)} points: over-achievement earns no "
                          f"more than the full {num(points.value)}.")
    for level in sc.levels:
        scores = [ln.score.value for ln in level.lines if not ln.not_applicable and ln.score.value is not None]
        if level.weight is not None and scores and sum(scores) > level.weight:
            yield finding(level.pointer, f"“{level.label}”下的得分合计 {num(sum(scores))}，超过该级的 {num(level.weight)} 分。",
                          f"The scores under \"{level.label}\" add up to {num(sum(scores))}, more than its {num(level.weight)} points.")


def _not_a_number(name, points, line):
    zh = en = ""
    if line is not None:
        reason = read_cell(line.indicator.data.get("deviation_reason"), "")
        copies = str(points.raw).strip() in (line.indicator.target_cell, line.actual_raw)
        if copies and reason.value is not None:
            zh = (f"；它与本行的指标值相同，而偏差原因一栏写着 {reason.shown}：这一行像是多出一格、错位了一列，"
                  f"分值应是 {line.score.shown or '?'}，得分应是 {reason.shown}")
            en = (f"; it repeats the row's target while the reason column holds \"{reason.shown}\": the row looks shifted "
                  f"by one cell, with points \"{line.score.shown or '?'}\" and score \"{reason.shown}\"")
    return finding(points.pointer, f"“{name}”的分值“{points.shown}”不是数字{zh}。",
                   f"\"{name}\" has the points \"{points.shown}\", which is not a number{en}.")
