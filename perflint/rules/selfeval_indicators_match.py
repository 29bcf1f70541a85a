from perflint.engine.rule import Example, finding, msg, rule
from perflint.model.project import unmatched

_DECL = ("kind: declaration\nfiscal_year: 2021\ndepartment: 科创办\nproject: {name: 展厅运营}\nindicators:\n"
         "  - {level1: 产出指标, level2: 数量指标, name: 接待团组数, target: '≥400场'}\n"
         "  - {level1: 满意度指标, level2: 服务对象满意度指标, name: 参观者满意度, target: '≥95%'}\n")
_SELF = "kind: self-evaluation\nfiscal_year: 2021\ndepartment: 科创办\nproject: {name: 展厅运营}\nindicators:\n"


@rule(
    id="selfeval-indicators-match",
    severity="warning",
    group="X",
    basis="R",
    summary=msg("自评的指标与批复的指标相同", "A self-evaluation keeps the declared indicators"),
    description=msg(
        "自评表的指标须与同一部门、项目、年度的申报表一一对应：申报表有而自评表没有的指标（删去）、自评表新增的指标、"
        "以及改了名的指标（同一二级指标下、指标值相同、名称不同）各报告一次，并指向申报表中的对应位置。",
        "A self-evaluation's indicators must be those of the declaration of the same department, project and year: "
        "an indicator dropped, one added, and one renamed (same second level and target, another name) are each "
        "reported once, pointing at the declaration's place.",
    ),
    rationale=msg(
        "自评的指标应是预算批复时确定的绩效指标；删去没完成的、补上容易完成的，自评就不再是对批复目标的评价。"
        "此条依据为对财预〔2020〕10号的回忆，尚未逐字核对。",
        "The indicators scored at self-evaluation are those fixed when the budget was approved; dropping the "
        "missed ones and adding easy ones turns the self-evaluation into something else. Recalled from MOF 2020 "
        "No. 10, not yet re-read.",
    ),
    sources=msg("财预〔2020〕10号（回忆，待核对）", "MOF 2020 No. 10 (recalled)"),
    examples=(
        Example(_SELF + "  - {level1: 产出指标, level2: 数量指标, name: 接待团组数, target: '≥400场', actual: 410场}\n"
                "  - {level1: 满意度指标, level2: 服务对象满意度指标, name: 参观者满意度, target: '≥95%', actual: 96%}\n---\n" + _DECL),
        Example(_SELF + "  - {level1: 产出指标, level2: 数量指标, name: 接待参观团组数, target: '≥400场', actual: 410场}\n"
                "  - {level1: 产出指标, level2: 质量指标, name: 讲解合格率, target: '≥90%', actual: 96%}\n---\n" + _DECL,
                ("/indicators/0/name", "/indicators/1/name", "/indicators")),
    ),
    kinds=("cross-file:declaration",),
)
def check(pair, opts):
    mine, declared = pair.subject, pair.other
    extra, missing, renamed = unmatched(mine, declared)
    where = f"{declared.year} 年申报表 {declared.path}"
    where_en = f"the {declared.year} declaration {declared.path}"
    for new, old in renamed:
        line = declared.span(old.at("name")).line
        yield finding(new.at("name"), f"指标“{new.name}”在{where}:{line} 中名为“{old.name}”（指标值同为“{old.target}”）：自评沿用批复的指标名称。",
                      f"The indicator \"{new.name}\" is named \"{old.name}\" in {where_en}:{line} (the same target \"{old.target}\"): "
                      f"keep the declared name.", value=f"{new.name}\0{old.name}",
                      related=(declared.related(old.at("name"), msg("申报表中的名称", "the declared name")),))
    for ind in extra:
        yield finding(ind.at("name"), f"指标“{ind.name}”不在{where} 中：自评只评价批复的指标。",
                      f"The indicator \"{ind.name}\" is not in {where_en}: a self-evaluation scores the declared indicators.",
                      value=ind.name, related=(declared.related("/indicators", msg("申报表的指标", "the declared indicators")),))
    for ind in missing:
        line = declared.span(ind.at("name")).line
        yield finding("/indicators", f"{where}:{line} 的指标“{ind.name}”（{ind.target}）没有出现在自评表中：补上并评价它。",
                      f"The indicator \"{ind.name}\" (\"{ind.target}\") of {where_en}:{line} is missing from the self-evaluation: "
                      f"score it too.", value=ind.name,
                      related=(declared.related(ind.at("name"), msg("申报表中的指标", "the declared indicator")),))
