from perflint.core.diagnostic import Severity
from perflint.engine.rule import Example, Option, finding, msg, rule
from perflint.model import vocabulary as V
from perflint.model.fields import is_blank, lookup
from perflint.model.names import words


def _present(data, keys: tuple) -> bool:
    node = data
    for key in keys:
        if not isinstance(node, dict) or key not in node:
            return False
        node = node[key]
    return True


def _to_check(decl) -> list[tuple[str, bool]]:
    """(field, whether an absent key is reported too). A document that names its template is held to every
    cell the template prints; one whose template is only recognised may be a local variant, so a cell it
    does not carry is one its template does not print, and only a cell it carries but left blank is reported."""
    template = decl.template
    declared = decl.template_declared
    fields = [(f, declared) for f in template.fields]
    fields += [(f, False) for f in template.optional_fields if f not in template.fields]
    if not is_blank(decl.get("project", "period")):  # one 项目实施期 cell stands for both dates
        fields = [(f, absent) for f, absent in fields if f not in ("project.start", "project.end")]
    return fields


@rule(
    id="required-fields",
    severity="error",
    group="A",
    basis="V",
    summary=msg("申报表要素齐全", "All header fields are filled in"),
    description=msg(
        "按表样（templates/ 中的 fields，空白、“无”“/”“—”均视为未填）检查必填要素是否填写：2019/2020 上海表为申报单位、"
        "项目名称、类型、资金用途、起止日期、项目概况、立项依据、必要性、制度措施、实施计划、总预算、当年预算和同名项目"
        "上年预算额/执行数；2024 上海表为主管部门、实施单位、项目名称、性质、类别、起止日期、年度资金总额和当年财政拨款。"
        "申报表用 era 写明表样时，缺少的要素也报告；表样只是按内容识别出来的（各省市县的表样各不相同），文件里没有的"
        "栏目视为该表样没有印制，只报告写了却空着的栏目。全国通用框架（national）没有固定栏目：文件中出现的主管部门、"
        "实施单位、项目名称、实施期、概况、资金等栏目空着即报告，填表人、填报日期、项目负责人等事务性栏目只作提示。"
        "一格“项目实施期”可代替起止日期。还要求至少有一个绩效指标。年度/总体目标由 annual-goal-required 检查。",
        "Checks that the cells a form's template prints are filled in (templates/: fields; blank, \"无\", \"/\" and \"—\" "
        "count as empty). Shanghai 2019/2020: declaring unit, project name, nature, spending type, dates, overview, basis, "
        "necessity, measures, plan, project total, annual amount and last year's budget and execution; Shanghai "
        "2024: department, implementing unit, project name, nature, expense class, dates, annual amount and current "
        "appropriation. A document that names its template in era is held to every cell, missing ones included; "
        "one whose template is only recognised from its content (provincial, city and county templates all "
        "differ) is taken not to print a cell it does not carry, and only a cell it carries but left blank is "
        "reported. The national frame prints no fixed cells: department, implementing unit, project name, period, "
        "overview, amounts… are reported when present and blank, and administrative cells (preparer, date filled "
        "in, project manager) only as info. One implementation period (项目实施期) cell stands for both dates. At least "
        "one indicator is "
        "required. Goals are checked by annual-goal-required.",
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
    for field, absent_too in _to_check(decl):
        if field in skip:
            continue
        keys = tuple(field.split("."))
        reachable, value = lookup(decl.data, keys)
        if reachable and is_blank(value) and (absent_too or _present(decl.data, keys)):
            zh, en = V.FIELD_LABELS[field]
            new = field.startswith("budget.previous_year")
            hint_zh, hint_en = ("填写上年数字，新项目写 0", "give last year's figure, or 0 for a new project") if new else \
                ("按表样补填", "complete it as the form asks")
            yield finding("/" + "/".join(keys), f"未填写{zh}（{field}）：{hint_zh}。",
                          f"The {en} ({field}) is not filled in: {hint_en}.", on_key=True,
                          severity=Severity.INFO if field in V.ADMINISTRATIVE_FIELDS else None)
    indicators = decl.data.get("indicators")
    if "indicators" not in skip and (indicators is None or indicators == []):
        yield finding("/indicators", "没有任何绩效指标：至少填写产出、效益和满意度指标。",
                      "There are no indicators: add output, benefit and satisfaction indicators.", on_key=True)
