from decimal import Decimal

from perflint.engine.rule import Example, Option, finding, msg, rule
from perflint.model.selfeval import num, pct

_DOC = "kind: self-evaluation\nindicators:\n"
_LEVELS = {"met": ("达成年度指标", "met"), "partial": ("部分达成并具有一定效果", "partly met"),
           "unmet": ("未达成且效果较差", "not met")}


@rule(
    id="qual-score-band",
    severity="warning",
    group="H",
    basis="R",
    summary=msg("定性指标按完成程度分档计分", "A qualitative indicator is scored in its attainment band"),
    description=msg(
        "定性指标按完成程度计分：达成年度指标得分值的 80%–100%，部分达成并具有一定效果得 60%–80%，未达成且效果较差得 0%–60%"
        "（选项 met、partial、unmet）。完成程度取 attainment（达成 / 部分达成 / 未达成），缺省时从实际完成值读出"
        "（达成预期指标、基本完成、未完成…；实际与指标值相同视为达成）。边界值（80%、60%）两档都接受。读不出完成程度的不检查。",
        "A qualitative indicator is scored by attainment: met earns 80–100% of its points, partly met with some "
        "effect 60–80%, not met with poor effect 0–60% (options met, partial, unmet). Attainment is the "
        "`attainment` field (\"达成\" / \"部分达成\" / \"未达成\"), else read from the actual (\"达成预期指标\", \"基本完成\", "
        "\"未完成\" …; "
        "an actual equal to the target counts as met). A score exactly on a boundary (80%, 60%) is accepted in "
        "either band. An indicator whose attainment cannot be read is not checked.",
    ),
    rationale=msg(
        "财预〔2020〕10号对定性指标按三档计分；得分落在所述完成程度的档位之外，说明评分与自述的完成情况不一致。"
        "原文“100-80%（含）、80-60%（含）”在 80% 和 60% 处有歧义，故边界两档都接受。此条依据为回忆，尚未逐字核对。",
        "MOF 2020 No. 10 scores qualitative indicators in three bands; a score outside the band of the attainment "
        "claimed contradicts the form's own account. The text \"100-80%（含）、80-60%（含）\" is ambiguous at 80% "
        "and 60%, so a boundary is accepted in both bands. The source is recalled, not yet re-read.",
    ),
    sources=msg("财预〔2020〕10号（回忆，待核对）", "MOF 2020 No. 10 (recalled, to be re-verified)"),
    options=(
        Option("met", (80, 100), msg("达成：得分占分值的百分比区间", "Met: share of the points, in %")),
        Option("partial", (60, 80), msg("部分达成：得分占分值的百分比区间", "Partly met: share of the points, in %")),
        Option("unmet", (0, 60), msg("未达成：得分占分值的百分比区间", "Not met: share of the points, in %")),
    ),
    examples=(
        Example(_DOC + "  - {level1: 效益指标, level2: 社会效益指标, name: 市场公平影响程度, target: 显著, actual: 达成预期指标, points: 10, score: 10}"),
        Example(_DOC + "  - {level1: 效益指标, level2: 社会效益指标, name: 制度健全性, target: 健全, actual: 基本健全, attainment: 部分达成,"
                " points: 10, score: 8, deviation_reason: 两项制度待印发}"),
        Example(_DOC + "  - {level1: 效益指标, level2: 社会效益指标, name: 制度健全性, target: 健全, actual: 未完成, points: 10, score: 9,"
                " deviation_reason: 未印发}", ("/indicators/0/score",)),
    ),
    kinds=("self-evaluation",),
)
def check(decl, opts):
    for ln in decl.scorecard.lines:
        if ln.quantitative or ln.not_applicable or ln.attainment is None:
            continue
        points, score = ln.points.value, ln.score.value
        if points is None or score is None or points <= 0:
            continue
        low, high = _band(opts[ln.attainment])
        share = score / points * 100
        if low <= share <= high:
            continue
        zh, en = _LEVELS[ln.attainment]
        yield finding(
            ln.score.pointer,
            f"“{ln.indicator.name}”的完成程度为“{zh}”（实际：{ln.actual_raw or ln.indicator.data.get('attainment')}），"
            f"应得分值 {num(points)} 的 {num(low)}%–{num(high)}%，即 {num(points * low / 100)}–{num(points * high / 100)} 分；"
            f"表上 {ln.score.shown} 分（{pct(score / points)}）。",
            f"\"{ln.indicator.name}\" is {en} (actual: \"{ln.actual_raw or ln.indicator.data.get('attainment')}\"), which earns "
            f"{num(low)}–{num(high)}% of its {num(points)} points, {num(points * low / 100)}–{num(points * high / 100)}; "
            f"it scores \"{ln.score.shown}\" ({pct(score / points)}).",
        )


def _band(option) -> tuple[Decimal, Decimal]:
    values = [v for v in option if isinstance(v, (int, Decimal))] if isinstance(option, (list, tuple)) else []
    if len(values) != 2:
        return Decimal(0), Decimal(100)
    return Decimal(min(values)), Decimal(max(values))
