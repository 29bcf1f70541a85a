from perflint.engine.rule import Example, finding, msg, rule

_THIS = ("kind: declaration\nfiscal_year: 2024\ndepartment: 科创办\nproject: {name: 展厅运营}\nindicators:\n"
         "  - {level1: 产出指标, level2: 数量指标, name: 参观人数, target: '%s'}\n")
_LAST = _THIS.replace("2024", "2023") % "≥4000人"


@rule(
    id="yoy-target-lowered",
    severity="warning",
    group="X",
    basis="C",
    summary=msg("目标不比上年同一指标降低", "A target is not lowered from last year's"),
    description=msg(
        "同一部门、同一项目相邻两年的申报表中，同名指标的下限（≥、>）降低或上限（≤、<）放宽时报告，并指向上年的指标值；"
        "两年单位不同时不比较。确有理由的，在该行写抑制注释并写明理由："
        "`# perflint: disable=yoy-target-lowered -- 展厅改造闭馆三个月`。",
        "Between a project's declarations of consecutive years (same department), a floor (≥, >) lowered or a "
        "ceiling (≤, <) raised on an indicator of the same name is reported, pointing at last year's target; "
        "targets in different units are not compared. Where there is a reason, give it as the suppression's "
        "justification on that line: `# perflint: disable=yoy-target-lowered -- 展厅改造闭馆三个月`.",
    ),
    rationale=msg(
        "绩效目标应当合理可行并逐年提升（或至少不降）；不说明理由地调低目标，是让完成率好看的常见办法。这是本项目的约定。",
        "Targets should be feasible and, year on year, rise or at least hold; lowering one without a reason is a "
        "common way to make attainment look better. A project convention.",
    ),
    examples=(
        Example(_THIS % "≥4500人" + "---\n" + _LAST),
        Example(_THIS % "≥3000人" + "---\n" + _LAST, ("/indicators/0/target",)),
    ),
    kinds=("cross-file:previous-year",),
)
def check(pair, opts):
    this, last = pair.subject, pair.other
    for ind in this.indicators:
        before = last.by_name.get(ind.key)
        if before is None or not (ind.numeric and before.numeric) or ind.kind != "number" or before.kind != "number":
            continue
        if (ind.unit or "") != (before.unit or "") or ind.op != before.op:
            continue
        lowered = ind.op in ("≥", ">") and ind.value < before.value
        loosened = ind.op in ("≤", "<") and ind.value > before.value
        if not (lowered or loosened):
            continue
        line = last.span(before.at("target")).line
        zh = "降低" if lowered else "放宽"
        en = "lowered" if lowered else "loosened"
        yield finding(
            ind.at("target"),
            f"“{ind.name}”的目标由 {last.year} 年的“{before.target}”（{last.path}:{line}）{zh}为“{ind.target}”：写明理由。",
            f"\"{ind.name}\" was {en} from \"{before.target}\" in {last.year} ({last.path}:{line}) to \"{ind.target}\": give the reason.",
            value=f"{ind.target}\0{before.target}\0{last.key}",
            related=(last.related(before.at("target"), msg(f"{last.year} 年的目标", f"the {last.year} target")),),
        )
