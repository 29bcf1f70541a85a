from perflint.engine.rule import Example, finding, msg, rule
from perflint.model.project import unmatched

_THIS = ("kind: declaration\nfiscal_year: 2024\ndepartment: 科创办\nproject: {name: 展厅运营}\nindicators:\n"
         "  - {level1: 产出指标, level2: 数量指标, name: '%s', target: '≥4000人'}\n")
_LAST = _THIS.replace("2024", "2023") % "参观人数"


@rule(
    id="yoy-indicator-renamed",
    severity="info",
    group="X",
    basis="C",
    summary=msg("指标不在不同年度间悄悄改名", "An indicator is not silently renamed from last year"),
    description=msg(
        "同一部门、同一项目相邻两年的申报表中，今年某指标与上年某指标处在同一二级指标下、指标值相同而名称不同，"
        "且两年都没有与之同名的指标时，视为改名并提示，指向上年的名称。",
        "Between a project's declarations of consecutive years, an indicator under the same second level with the "
        "same target as one of last year's but another name, neither having a namesake in the other year, is "
        "taken as renamed and noted, pointing at last year's name.",
    ),
    rationale=msg(
        "改名会切断同一指标的历年比较（历史标准）；名称确需调整的，应当说明。这是本项目的约定。",
        "A rename cuts an indicator off from its history, which is the historical standard targets are judged by; "
        "a necessary rename should be explained. A project convention.",
    ),
    examples=(
        Example(_THIS % "参观人数" + "---\n" + _LAST),
        Example(_THIS % "参观人次" + "---\n" + _LAST, ("/indicators/0/name",)),
    ),
    kinds=("cross-file:previous-year",),
)
def check(pair, opts):
    this, last = pair.subject, pair.other
    for ind, before in unmatched(this, last)[2]:
        line = last.span(before.at("name")).line
        yield finding(
            ind.at("name"),
            f"指标“{ind.name}”在 {last.year} 年名为“{before.name}”（{last.path}:{line}，指标值同为“{ind.target}”）：改名请说明。",
            f"The indicator \"{ind.name}\" was \"{before.name}\" in {last.year} ({last.path}:{line}, the same target "
            f"\"{ind.target}\"): explain the rename.",
            value=f"{ind.name}\0{before.name}\0{last.key}",
            related=(last.related(before.at("name"), msg(f"{last.year} 年的名称", f"the {last.year} name")),),
        )
