from perflint.engine.rule import Example, finding, msg, rule
from perflint.model import reading as R
from perflint.model.operators import bare

# code → (中文, English) explanation and fix; {t} is the target as written, {b} without its operator.
_SAYS = {
    R.EXACT_RANGE: ("“=”要求一个确切值，却给了区间 {b}：写成 ≥下限、≤上限，或只给一个值",
                    "\"=\" asks for one exact value but \"{b}\" is a range: write a floor (≥) or a ceiling (≤), or one value"),
    R.EXACT_DEADLINE: ("“=”要求一个确切值，“{b}”却是期限：期限用 ≤ 或直接写日期（如 2024年11月30日前）",
                       "\"=\" asks for one exact value but \"{b}\" is a time limit: use ≤ or write the date itself "
                       "(e.g. \"2024年11月30日前\")"),
    R.EXACT_CEILING: ("表上标为反向指标（越低越好），却写“=”：反向指标设上限 ≤{b}",
                      "the form marks it reverse (lower is better) yet writes \"=\": a reverse indicator takes a ceiling \"≤{b}\""),
    R.EXACT_SHARE_ON_TIME: ("时效目标“{t}”要求恰好 {b} 按时：写成下限 ≥{b} 并说明按时的口径，或给出期限",
                            "the timeliness target \"{t}\" asks for exactly {b} on time: write the floor \"≥{b}\" and what "
                            "counts as on time, or give the deadline"),
}


@rule(
    id="target-contradiction",
    severity="warning",
    group="B",
    basis="C",
    summary=msg("指标值不得自相矛盾", "A target does not contradict itself"),
    description=msg(
        "“=”要求一个确切值，与下列写法矛盾：区间（=1-2家）；期限（=11月前、=4月前配送）；表上“指标方向”为反向的指标"
        "（反向指标设上限 ≤）；时效指标中小于 100% 的比例（=95% 是恰好 95% 按时，应为 ≥95%）。",
        "\"=\" asks for one exact value, which contradicts: a range (\"=1-2家\"); a time limit (\"=11月前\", "
        "\"=4月前配送\"); an indicator whose direction (指标方向) column says reverse (a reverse indicator takes ≤); a "
        "share below 100% on a "
        "timeliness indicator (=95% is exactly 95% on time, where ≥95% is meant).",
    ),
    rationale=msg(
        "自评时按指标性质判断是否达成：“=1-2家”达到 1 家算不算完成、“=11月前”10 月完成算不算完成，都无从判断；"
        "反向指标写“=”，低于目标反而算未完成。这是本项目依据真实表样归纳的约定。",
        "At self-evaluation the operator decides whether a target was met: is \"1 家\" a pass for "
        "\"=1-2家\", is October a "
        "pass for \"=11月前\"? Nobody can tell. A reverse indicator with \"=\" fails when it does better. This is "
        "this project's convention, drawn from real forms.",
    ),
    sources=msg("财政部 101号文指标模板（指标性质：≥ ≤ = 定性）；项目支出绩效自评表评分说明",
                "MOF 2021 No. 101 indicator template (operator column); self-evaluation scoring notes"),
    examples=(
        Example("indicators: [{level1: 产出指标, level2: 数量指标, name: 合作单位数量, target: '≥1家'}]"),
        Example("indicators: [{level1: 产出指标, level2: 时效指标, name: 项目完成及时性, target: '=100%'}]"),
        Example("indicators: [{level1: 产出指标, level2: 数量指标, name: 合作单位数量, target: '=1-2家'}]", ("/indicators/0/target",)),
        Example("indicators: [{level1: 产出指标, level2: 时效指标, name: 物资配送时间, target: '=4月前配送'}]", ("/indicators/0/target",)),
        Example("indicators: [{level1: 产出指标, level2: 质量指标, name: 故障率, direction: 反向, operator: '=', target: '3', unit: '%'}]",
                ("/indicators/0/target",)),
        Example("indicators: [{level1: 产出指标, level2: 时效指标, name: 按时完成, target: '=95%'}]", ("/indicators/0/target",)),
    ),
    kinds=("declaration", "self-evaluation"),
)
def check(decl, opts):
    for ind in decl.indicators:
        t = ind.target
        for code in ind.reading.contradictions:
            zh, en = _SAYS[code]
            shown = bare(t) if t.kind in ("number", "range") else t.raw[len(t.op_raw or ""):].strip()
            yield finding(ind.at("target"), f"“{ind.name}”的指标值“{t.raw}”自相矛盾：{zh.format(t=t.raw, b=shown)}。",
                          f"\"{ind.name}\" has the target \"{t.raw}\", which contradicts itself: {en.format(t=t.raw, b=shown)}.")
