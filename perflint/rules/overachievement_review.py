from decimal import Decimal

from perflint.engine.rule import Example, Option, finding, msg, rule
from perflint.model.selfeval import pct

_DOC = "kind: self-evaluation\nindicators:\n"


@rule(
    id="overachievement-review",
    severity="info",
    group="H",
    basis="R",
    summary=msg("大幅超额完成须复核目标是否偏低", "Far over-achievement asks whether the target was too low"),
    description=msg(
        "定量指标的实际完成值达到目标的 ratio 倍以上（默认 1.5 倍；反向指标按 目标 ÷ 实际）时提示：满分可以给，"
        "但应说明目标为何定得偏低，下一年度相应调整。",
        "A quantitative actual at ratio times its target or more (1.5 by default; target ÷ actual for a ceiling) is "
        "noted: full points may stand, but the form should say why the target was set so low, and next year's "
        "target should move.",
    ),
    rationale=msg(
        "目标明显偏低而大幅超额完成的，评价时可按偏离程度扣分（财预〔2020〕10号，回忆待核对）；至少应复核目标设定是否合理。",
        "Where a target was plainly set too low, points may be cut in proportion (MOF 2020 No. 10, recalled); at the "
        "least, the target deserves a second look.",
    ),
    sources=msg("财预〔2020〕10号（回忆，待核对）", "MOF 2020 No. 10 (recalled, to be re-verified)"),
    options=(Option("ratio", Decimal("1.5"), msg("实际 ÷ 目标 达到此倍数即提示", "Actual ÷ target at which to ask")),),
    examples=(
        Example(_DOC + "  - {level1: 产出指标, level2: 数量指标, name: 参展商总数, target: '≥50 家', actual: 60 家, points: 30, score: 30}"),
        Example(_DOC + "  - {level1: 效益指标, level2: 社会效益指标, name: 参展商总数, target: '≥50 家', actual: 95 家, points: 30, score: 30}",
                ("/indicators/0/actual",)),
    ),
    kinds=("self-evaluation",),
)
def check(decl, opts):
    for ln in decl.scorecard.lines:
        if ln.not_applicable or ln.achievement is None or ln.achievement < opts["ratio"]:
            continue
        yield finding(
            ln.at("actual"),
            f"“{ln.indicator.name}”实际 {ln.actual_raw}，是目标 {ln.indicator.target.raw} 的 {pct(ln.achievement)}：复核目标是否定得偏低，并说明原因。",
            f"\"{ln.indicator.name}\" reached \"{ln.actual_raw}\", {pct(ln.achievement)} of its target \"{ln.indicator.target.raw}\": "
            f"was the target set too low? Say why.",
        )
