from perflint.core.diagnostic import Severity
from perflint.engine.rule import Example, finding, msg, rule
from perflint.model.fields import is_blank, lookup
from perflint.model.period import is_multi_year

# The 2020 form has one combined cell, 总目标及阶段性目标, kept in goals.overall: it covers both goals.


@rule(
    id="annual-goal-required",
    severity="error",
    group="A",
    basis="V",
    summary=msg("须填写年度绩效目标；跨年度项目还须有总目标", "An annual goal is required; multi-year projects also need an overall goal"),
    description=msg(
        "goals.annual（年度绩效目标/年度总体目标）不得为空（错误）。跨年度项目（multi_year: true，或计划起止日期跨"
        "公历年）还须填写 goals.overall（项目总目标，警告）；按内容识别表样、文件中没有总目标栏时，视为该表样不印此栏，"
        "不报告。2020 年表只有一个“总目标及阶段性目标”栏，原文记在 goals.overall，视为同时覆盖两者。",
        "goals.annual (the annual performance goal) must not be blank (error). A multi-year project "
        "(multi_year: true, or planned dates in different calendar years) also needs goals.overall (warning); a "
        "document whose template is only recognised and which carries no overall-goal cell is taken to be on a "
        "template without one. The 2020 form has a single cell for the overall and stage goals (总目标及阶段性目标), "
"kept in goals.overall: it "
        "counts as both.",
    ),
    rationale=msg(
        "绩效目标是预算安排的前提（中发〔2018〕34号）；填表说明要求跨年度项目同时填写总目标和年度（阶段性）目标，"
        "年度目标用于当年考核。",
        "A performance target is a precondition for a budget (CPC Central Committee and State Council opinions, "
        "2018 No. 34); form instructions require a multi-year project to state both its overall and its annual "
        "(stage) target, and the annual one is what the year is assessed on.",
    ),
    sources=msg("中发〔2018〕34号；财政支出项目绩效目标申报表填表说明", "CPC/State Council 2018 No. 34; form-filling instructions"),
    examples=(
        Example("project: {name: x, start: 2024-01-01, end: 2024-12-31}\ngoals: {annual: 全年接待参观团组不少于200批次。}"),
        Example("era: sh-2020\nproject: {name: x, start: 2020-01-01, end: 2020-12-31}\ngoals: {overall: 总目标是完成2020年各项工作，阶段性目标是完成节点目标}"),
        Example("project: {name: x, start: 2024-01-01, end: 2024-12-31}\ngoals: {annual: 无}", ("/goals/annual",)),
        Example("project: {name: x, start: 2024-03-01, end: 2026-06-30}\ngoals: {overall: '', annual: 完成一期建设。}",
                ("/goals/overall",)),
        Example("era: sh-2024\nproject: {name: x, start: 2024-03-01, end: 2026-06-30}\ngoals: {annual: 完成一期建设。}",
                ("/goals/overall",)),
        Example("project: {name: x, start: 2024-03-01, end: 2026-06-30}\ngoals: {annual: 完成一期建设。}"),
    ),
)
def check(decl, opts):
    reachable, goals = lookup(decl.data, ("goals",))
    if not reachable or (goals is not None and not isinstance(goals, dict)):
        return  # a wrong type is the schema rule's finding
    goals = goals or {}
    annual, overall = goals.get("annual"), goals.get("overall")
    combined = decl.template.combined_goal and not is_blank(overall)
    if is_blank(annual) and not combined:
        yield finding("/goals/annual", "未填写年度绩效目标（goals.annual）：写明本年度要完成的产出和效果，如“全年开展培训不少于200场次，服务群众不少于1万人次”。",
                      "The annual goal (goals.annual) is blank: state what this year delivers, e.g. \"at least 200 training sessions serving 10,000 people in the year\".",
                      on_key=True)
    # a template recognised from the content, whose document carries no overall-goal cell, prints none
    overall_printed = decl.template_declared or "overall" in goals
    if is_multi_year(decl) and is_blank(overall) and overall_printed:
        yield finding("/goals/overall", "跨年度项目未填写项目总目标（goals.overall）：写明整个项目期的目标，年度目标写本年阶段。",
                      "A multi-year project has no overall goal (goals.overall): state the goal for the whole period and keep this year's stage in goals.annual.",
                      on_key=True, severity=Severity.WARNING)
