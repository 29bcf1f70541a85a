from perflint.engine.rule import Example, finding, msg, rule

_DECL = ("kind: declaration\nfiscal_year: 2021\ndepartment: 上海推进科技创新中心建设办公室\nproject: {name: 未来公园展厅运营经费}\n"
         "indicators:\n  - {level1: 产出指标, level2: 数量指标, name: 计划接待参观团组总数, target: '=400场'}\n")
_SELF = ("kind: self-evaluation\nfiscal_year: 2021\ndepartment: 上海推进科技创新中心建设办公室\nproject: {name: 未来公园展厅运营经费}\n"
         "indicators:\n  - {level1: 产出指标, level2: 数量指标, name: 计划接待参观团组总数, target: '%s', actual: 182场}\n")


@rule(
    id="selfeval-target-matches",
    severity="warning",
    group="X",
    basis="R",
    summary=msg("自评的指标值与批复的绩效目标一致", "A self-evaluation keeps the declared targets"),
    description=msg(
        "自评表中每个指标的指标值须与同一部门、同一项目、同一年度的申报表中同名指标的指标值一致（≥95.00(%) 与 ≥95% "
        "视为相同；运算符、数值、单位都相同才算一致）。报告在自评表的指标值处，并指向申报表中的那一格。"
        "两份文件以主管部门（或申报单位）+ 项目名称 + 年度对应；名称写法不同时用配置 aliases 对应。",
        "Every indicator's target in a self-evaluation must equal the target of the indicator of the same name "
        "in the declaration of the same department, project and year (≥95.00(%) equals ≥95%; operator, value "
        "and unit must all agree). Reported at the self-evaluation's target, pointing at the declaration's cell. "
        "Files are paired by department (or declaring unit) + project name + year; where a name is spelled "
        "differently, map it with the aliases configuration.",
    ),
    rationale=msg(
        "绩效目标随预算一同批复，自评是对照批复的目标评价完成情况；自评时改动目标值（尤其是调低），完成率和得分就失去了依据。"
        "此条依据为对财预〔2020〕10号的回忆，尚未逐字核对。",
        "Targets are approved together with the budget, and a self-evaluation scores attainment against the "
        "approved targets; a target changed at self-evaluation (lowered, most often) leaves the rate and the "
        "score without a basis. Recalled from MOF 2020 No. 10, not yet re-read.",
    ),
    sources=msg("中发〔2018〕34号（绩效目标与预算同步批复）；财预〔2020〕10号（回忆）", "CPC/State Council 2018 No. 34; MOF 2020 No. 10 (recalled)"),
    examples=(
        Example(_SELF % "=400场" + "---\n" + _DECL),
        Example(_SELF % "=200场" + "---\n" + _DECL, ("/indicators/0/target",)),
    ),
    kinds=("cross-file:declaration",),
)
def check(pair, opts):
    mine, declared = pair.subject, pair.other
    for ind in mine.indicators:
        decl_ind = declared.by_name.get(ind.key)
        if decl_ind is None or ind.same_target(decl_ind) or not (ind.target or decl_ind.target):
            continue
        line = declared.span(decl_ind.at("target")).line
        yield finding(
            ind.at("target"),
            f"“{ind.name}”的指标值“{ind.target}”与 {declared.year} 年申报表 {declared.path}:{line} 的“{decl_ind.target}”不同："
            f"自评按批复的目标评价，目标调整须有依据。",
            f"\"{ind.name}\" has the target \"{ind.target}\", but the {declared.year} declaration "
            f"{declared.path}:{line} sets \"{decl_ind.target}\": a self-evaluation scores against the approved target.",
            value=f"{ind.target}\0{decl_ind.target}\0{declared.key}",
            related=(declared.related(decl_ind.at("target"), msg("申报表中批复的指标值", "the declared target")),),
        )
