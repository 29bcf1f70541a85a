from perflint.engine.rule import Example, finding, msg, rule
from perflint.model.dates import parse_date
from perflint.model.period import project_period


@rule(
    id="item-period",
    severity="warning",
    group="G",
    basis="C",
    summary=msg("子项目期间须在项目期内", "Sub-project periods lie inside the project period"),
    description=msg(
        "子项目（budget.items）写了起止日期时：开始不晚于结束，且不早于项目计划开始日期、不晚于计划完成日期。"
        "与预算年度的关系由 fiscal-year-dates 检查。",
        "When a sub-project (budget.items) has dates: its start is not after its end, not before the project's "
        "planned start and its end not after the planned end. Dates against the fiscal year are "
        "fiscal-year-dates' job.",
    ),
    rationale=msg(
        "子项目是项目的组成部分，其资金在项目期内安排；期间超出项目期，说明日期写错或子项目不属于本项目。这是表内"
        "一致性检查，并非法规条文；因这种矛盾必然是错填，默认按错误处理，可在配置中降级。",
        "A sub-project is part of the project and its money is spent within the project period; a period "
        "outside it means a wrong date or an item that belongs elsewhere. This is an internal consistency check, "
        "not a provision of any regulation; as the contradiction is always a mistake it defaults to error, which "
        "a profile can lower.",
    ),
    examples=(
        Example("project: {name: x, start: 2019-01-01, end: 2019-12-31}\nbudget: {unit: 元, items: [{name: 平台开发, amount: 1600000, start: 2019-04-01, end: 2019-09-30}]}"),
        Example("project: {name: x, start: 2019-04-01, end: 2019-04-30}\nbudget: {unit: 元, items: [{name: 展位搭建, amount: 300000, start: 2019-03-15, end: 2019-04-30}]}",
                ("/budget/items/0/start",)),
        Example("project: {name: x, start: 2019-01-01, end: 2019-12-31}\nbudget: {unit: 元, items: [{name: 平台开发, amount: 1600000, start: 2019-09-30, end: 2019-04-01}]}",
                ("/budget/items/0/start",)),
    ),
)
def check(decl, opts):
    p_start, p_end = project_period(decl)
    for i, item in decl.items:
        start, end = parse_date(item.get("start")), parse_date(item.get("end"))
        name = item.get("name") or i + 1
        at = f"/budget/items/{i}"
        if start and end and start > end:
            yield finding(f"{at}/start", f"子项目“{name}”的开始日期 {start} 晚于结束日期 {end}：更正日期。",
                          f"Sub-project \"{name}\" starts on {start}, after its end {end}: correct the dates.")
            continue
        if start and p_start and start < p_start:
            yield finding(f"{at}/start", f"子项目“{name}”开始于 {start}，早于项目计划开始日期 {p_start}：改到项目期内，或调整项目起止日期。",
                          f"Sub-project \"{name}\" starts on {start}, before the project's planned start {p_start}: move it into the project period or adjust the project dates.")
        if end and p_end and end > p_end:
            yield finding(f"{at}/end", f"子项目“{name}”结束于 {end}，晚于项目计划完成日期 {p_end}：改到项目期内，或调整项目起止日期。",
                          f"Sub-project \"{name}\" ends on {end}, after the project's planned end {p_end}: move it into the project period or adjust the project dates.")
