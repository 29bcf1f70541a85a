from perflint.engine.rule import Example, finding, msg, rule
from perflint.model.dates import dates_in_text
from perflint.model.period import effective_period


@rule(
    id="plan-dates",
    severity="info",
    group="G",
    basis="C",
    summary=msg("实施计划中的日期应在项目期内", "Dates in the plan fall inside the project period"),
    description=msg(
        "项目实施计划（project.plan）中写到的年、月、日（如“2019年12月开展项目政府采购程序”）整段落在计划开始日期之前"
        "或计划完成日期之后时提示。没有起止日期时以预算年度为准。",
        "Notes a year, month or day written in the implementation plan (project.plan), such as "
        "\"2019年12月开展项目政府采购程序\", that lies wholly before the planned start or after the planned end. "
        "Without planned dates the fiscal year is used.",
    ),
    rationale=msg(
        "计划中的步骤超出项目期，可能是起止日期写窄了，也可能是上年已开始的工作；提前开展政府采购是常见做法，所以只作"
        "提示，请确认起止日期和资金安排。这是本项目的约定。",
        "A plan step outside the project period may mean the dates are too narrow, or that work began last "
        "year; procuring ahead of the year is normal practice, so this is only a note asking to confirm the "
        "dates and the money. It is this project's convention.",
    ),
    examples=(
        Example("project: {name: x, start: 2020-01-01, end: 2020-12-31, plan: 2020年3月完成采购，2020年按照项目管理执行开展运营工作。}"),
        Example("project: {name: x, start: 2020-01-01, end: 2020-12-31, plan: 2019年12月开展项目政府采购程序，2020年开展运营工作。}", ("/project/plan",)),
    ),
)
def check(decl, opts):
    plan = decl.get("project", "plan")
    start, end = effective_period(decl)
    if not isinstance(plan, str) or not (start or end):
        return
    for text, first, last in dates_in_text(plan):
        if start and last < start:
            yield finding("/project/plan", f"实施计划中的“{text}”早于计划开始日期 {start}：提前开展的工作（如政府采购）请确认资金来源，或调整起止日期。",
                          f"The plan's \"{text}\" is before the planned start {start}: confirm how work done ahead (procurement, say) is paid for, or adjust the dates.",
                          value=text)
        elif end and first > end:
            yield finding("/project/plan", f"实施计划中的“{text}”晚于计划完成日期 {end}：调整计划或起止日期。",
                          f"The plan's \"{text}\" is after the planned end {end}: adjust the plan or the dates.", value=text)
