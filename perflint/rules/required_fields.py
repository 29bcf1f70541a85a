from perflint.engine.rule import Example, Option, finding, msg, rule
from perflint.model.fields import is_blank, lookup
from perflint.model.names import words

# Field → (中文 label, English label).
_LABELS = {
    "declaring_unit": ("申报单位名称", "declaring unit"),
    "department": ("主管部门", "supervising department"),
    "implementing_unit": ("实施单位", "implementing unit"),
    "project.name": ("项目名称", "project name"),
    "project.nature": ("项目类型/类别/性质", "project nature"),
    "project.category": ("项目类别", "expense class"),
    "project.performance_type": ("资金用途/绩效类型", "spending type"),
    "project.start": ("计划开始日期", "planned start"),
    "project.end": ("计划完成日期", "planned end"),
    "project.overview": ("项目概况", "overview"),
    "project.basis": ("立项依据", "basis"),
    "project.necessity": ("项目设立的必要性", "necessity"),
    "project.measures": ("保证项目实施的制度、措施", "measures"),
    "project.plan": ("项目实施计划", "implementation plan"),
    "budget.total": ("项目总预算", "project total"),
    "budget.annual": ("项目当年预算/年度资金总额", "annual amount"),
    "budget.sources.appropriation": ("当年财政拨款", "current appropriation"),
    "budget.previous_year.budget": ("同名项目上年预算额", "last year's budget"),
    "budget.previous_year.executed": ("同名项目上年预算执行数", "last year's execution"),
}
_SH_OLD = (  # the 2019 申报表 and 2020 目标表 print these cells
    "declaring_unit", "project.name", "project.nature", "project.performance_type", "project.start", "project.end",
    "project.overview", "project.basis", "project.necessity", "project.measures", "project.plan",
    "budget.total", "budget.annual", "budget.previous_year.budget", "budget.previous_year.executed",
)
# The 2024 summary has no narrative fields and no readable 项目资金总额: neither is required.
_SH_2024 = (
    "department", "implementing_unit", "project.name", "project.nature", "project.category", "project.start",
    "project.end", "budget.annual", "budget.sources.appropriation",
)
_GENERIC = ("department", "implementing_unit", "project.name", "project.start", "project.end", "budget.annual")
REQUIRED = {"sh-2019": _SH_OLD, "sh-2020": _SH_OLD, "sh-2024": _SH_2024}


@rule(
    id="required-fields",
    severity="error",
    group="A",
    basis="V",
    summary=msg("申报表要素齐全", "All header fields are filled in"),
    description=msg(
        "按表样年代检查必填要素是否填写（空白、“无”“/”“—”均视为未填）：2019/2020 表为申报单位、项目名称、类型、"
        "资金用途、起止日期、项目概况、立项依据、必要性、制度措施、实施计划、总预算、当年预算和同名项目上年预算额/"
        "执行数；2024 表为主管部门、实施单位、项目名称、性质、类别、起止日期、年度资金总额和当年财政拨款（2024 "
        "汇总表没有叙述字段、项目资金总额无值，不作要求）；其他年代为主管部门、实施单位、项目名称、起止日期和年度"
        "资金总额。还要求至少有一个绩效指标。年度/总体目标由 annual-goal-required 检查。",
        "Checks, by form era, that the required cells are filled in (blank, 无, / and — count as empty). "
        "2019/2020 forms: declaring unit, project name, nature, spending type, dates, overview, basis, necessity, "
        "measures, plan, project total, annual amount and last year's budget and execution. 2024 forms: "
        "department, implementing unit, project name, nature, expense class, dates, annual amount and current "
        "appropriation (the 2024 summary has no narrative fields and no readable project total: not required). "
        "Other eras: department, implementing unit, project name, dates and annual amount. At least one "
        "indicator is required. Goals are checked by annual-goal-required.",
    ),
    rationale=msg(
        "财政部门审核绩效目标时首先看“形式完整性”（2024 年中央预算公开答记者问），未通过审核的目标退回修改"
        "（财政支出绩效评价管理暂行办法）；各年代表样印出的栏目就是要素清单。",
        "Target review starts with formal completeness (MOF answers at the 2024 central-budget publication), and "
        "targets that fail review are returned for revision (MOF interim measures on expenditure performance "
        "evaluation); the cells each era's form prints are the list of elements.",
    ),
    sources=msg("财政部 2024 年中央预算公开答记者问；财政支出绩效评价管理暂行办法；上海 2019/2020/2024 申报表样",
                "MOF answers at the 2024 central-budget publication; MOF interim measures; Shanghai 2019/2020/2024 forms"),
    options=(Option("skip", (), msg("不要求的字段（如 project.plan）", "Fields not to require (e.g. project.plan)")),),
    examples=(
        Example("era: sh-2024\ndepartment: 科创办\nimplementing_unit: 科创办\nproject: {name: 机关服务, nature: 其他经常性项目, "
                "category: 特定目标类, start: 2024-01-01, end: 2024-12-31}\nbudget: {unit: 元, annual: 2231300.00, "
                "sources: {appropriation: 2231300.00}}\nindicators: [{level1: 产出指标, level2: 数量指标, name: 到岗人数, target: '=5(人)'}]"),
        Example("era: sh-2024\ndepartment: 科创办\nimplementing_unit: —\nproject: {name: 机关服务, nature: 其他经常性项目, "
                "category: 特定目标类, start: 2024-01-01, end: 2024-12-31}\nbudget: {unit: 元, annual: 2231300.00, "
                "sources: {appropriation: 2231300.00}}\nindicators: [{level1: 产出指标, level2: 数量指标, name: 到岗人数, target: '=5(人)'}]",
                ("/implementing_unit",)),
        Example("era: sh-2024\ndepartment: 科创办\nimplementing_unit: 科创办\nproject: {name: 机关服务, nature: 其他经常性项目, "
                "category: 特定目标类, start: 2024-01-01, end: 2024-12-31}\nbudget: {unit: 元, annual: 2231300.00, "
                "sources: {appropriation: 2231300.00}}\nindicators: []", ("/indicators",)),
    ),
)
def check(decl, opts):
    skip = set(words(opts["skip"]))
    for field in REQUIRED.get(decl.era, _GENERIC):
        if field in skip:
            continue
        keys = tuple(field.split("."))
        reachable, value = lookup(decl.data, keys)
        if reachable and is_blank(value):
            zh, en = _LABELS[field]
            new = field.startswith("budget.previous_year")
            hint_zh, hint_en = ("填写上年数字，新项目写 0", "give last year's figure, or 0 for a new project") if new else \
                ("按表样补填", "complete it as the form asks")
            yield finding("/" + "/".join(keys), f"未填写{zh}（{field}）：{hint_zh}。",
                          f"The {en} ({field}) is not filled in: {hint_en}.", on_key=True)
    indicators = decl.data.get("indicators")
    if "indicators" not in skip and (indicators is None or indicators == []):
        yield finding("/indicators", "没有任何绩效指标：至少填写产出、效益和满意度指标。",
                      "There are no indicators: add output, benefit and satisfaction indicators.", on_key=True)
