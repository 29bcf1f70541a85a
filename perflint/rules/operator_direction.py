from perflint.engine.rule import Example, Option, finding, msg, rule
from perflint.model.names import words
from perflint.model.operators import bare
from perflint.model.polarity import POSITIVE, REVERSE, polarity


@rule(
    id="operator-direction",
    severity="warning",
    group="B",
    basis="V",
    summary=msg("指标性质须与指标方向一致", "The operator matches the indicator's direction"),
    description=msg(
        "正向指标（越高越好：合格率、覆盖率、完成率、…人数、…次数）应写 ≥ 或 =；反向指标（越低越好：故障率、发生率、"
        "投诉率、成本、响应时间）应写 ≤ 或 =。方向取表上的“指标方向”栏（正向/反向），没有该栏时按名称结尾判断（选项 positive / reverse，最长匹配优先）。"
        "满意度由 satisfaction-min 检查；单位与名称不符的指标已由 unit-matches-name 报告，这里不重复。",
        "A positive indicator (higher is better: \"合格率\", \"覆盖率\", \"完成率\", \"…人数\", \"…次数\") takes ≥ or =; "
        "a reverse one (lower is better: \"故障率\", \"发生率\", \"投诉率\", \"成本\", \"响应时间\") takes ≤ or =. The "
        "direction comes from the \"指标方向\" column where the form prints one (\"正向\" / \"反向\"), else from the end "
        "of the name (options positive / reverse, longest match wins). Satisfaction is left to satisfaction-min, "
        "and an indicator whose unit does not fit its name is already reported by unit-matches-name.",
    ),
    rationale=msg(
        "自评计分时，正向指标（≥）按 实际值÷目标值、反向指标（≤）按 目标值÷实际值 计分；方向写反，"
        "达成与否和得分都会算错。关键词表是本项目的启发式约定。",
        "In self-evaluation a positive (≥) indicator scores actual ÷ target and a reverse (≤) one target ÷ "
        "actual; with the direction reversed, both attainment and score come out wrong. The keyword table is "
        "this project's heuristic.",
    ),
    sources=msg("项目支出绩效自评表评分说明（正向指标与反向指标的计分方法）", "Self-evaluation scoring notes (positive and reverse indicators)"),
    options=(
        Option("positive", POSITIVE, msg("正向指标的名称结尾", "Name endings of positive indicators")),
        Option("reverse", REVERSE, msg("反向指标的名称结尾", "Name endings of reverse indicators")),
    ),
    examples=(
        Example("indicators: [{level1: 产出指标, level2: 质量指标, name: 验收合格率, target: '≥95%'}]"),
        Example("indicators: [{level1: 产出指标, level2: 质量指标, name: 系统故障率, target: '≤3%'}]"),
        Example("indicators: [{level1: 产出指标, level2: 质量指标, name: 验收合格率, target: '≤95%'}]", ("/indicators/0/target",)),
        Example("indicators: [{level1: 产出指标, level2: 质量指标, name: 安全事故发生率, target: '≥1%'}]", ("/indicators/0/target",)),
    ),
    kinds=("declaration", "self-evaluation"),
    defers_to=("unit-matches-name",),
)
def check(decl, opts):
    positive, reverse = words(opts["positive"]), words(opts["reverse"])
    for ind in decl.indicators:
        t = ind.target
        if t.op not in ("≥", ">", "≤", "<") or t.kind not in ("number", "range", "product"):
            continue
        if ind.reading.scores_satisfaction:
            continue
        declared = ind.reading.polarity_declared
        side = ind.reading.polarity if declared else polarity(ind.name, positive, reverse)
        rest = bare(t)
        if declared and (side == "positive") == (t.op in ("≤", "<")):
            said = "正向" if side == "positive" else "反向"
            fix = "≥" if side == "positive" else "≤"
            yield finding(
                ind.at("target"),
                f"“{ind.name}”的指标方向为“{said}”，指标值“{t.raw}”的符号却与之相反：改为 {fix}{rest}，或更正指标方向。",
                f"\"{ind.name}\" is marked {'positive' if side == 'positive' else 'reverse'} by its direction column (\"{said}\") but "
                f"\"{t.raw}\" points the other way: write \"{fix}{rest}\", or correct the direction.",
            )
        elif declared:
            continue
        elif side == "positive" and t.op in ("≤", "<"):
            yield finding(
                ind.at("target"),
                f"“{ind.name}”是正向指标（越高越好），指标值“{t.raw}”却设了上限：改为 ≥{rest}；若确实越低越好，改用反向名称（如 …发生率）。",
                f"\"{ind.name}\" is a positive indicator (higher is better) but \"{t.raw}\" sets a ceiling: write "
                f"\"≥{rest}\"; if lower really is better, give it a reverse name (e.g. \"…发生率\").",
            )
        elif side == "reverse" and t.op in ("≥", ">"):
            yield finding(
                ind.at("target"),
                f"“{ind.name}”是反向指标（越低越好），指标值“{t.raw}”却设了下限：改为 ≤{rest}。",
                f"\"{ind.name}\" is a reverse indicator (lower is better) but \"{t.raw}\" sets a floor: write \"≤{rest}\".",
            )
