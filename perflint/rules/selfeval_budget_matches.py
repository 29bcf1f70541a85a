from decimal import Decimal

from perflint.engine.rule import Example, Option, finding, msg, rule
from perflint.model.money import format_yuan

_DECL = ("kind: declaration\nfiscal_year: 2021\ndepartment: 科创办\nproject: {name: 展厅运营}\nbudget: {unit: 元, annual: 11219208}\n"
         "indicators: []\n")
_SELF = ("kind: self-evaluation\nfiscal_year: 2021\ndepartment: 科创办\nproject: {name: 展厅运营}\n"
         "selfeval:\n  execution: {unit: 万元, initial: %s, full_year: 1121.92, executed: 1120.52}\nindicators: []\n")


@rule(
    id="selfeval-budget-matches",
    severity="warning",
    group="X",
    basis="R",
    summary=msg("自评的年初预算等于申报的年度资金", "The initial budget is the declared annual amount"),
    description=msg(
        "自评表预算执行栏的年初预算数须等于同一部门、项目、年度申报表的年度资金总额（项目当年预算）；两边换算为元后比较，"
        "容差为自评表所印末位的半个单位（3068.14 万元 容许 ±50 元）与选项 tolerance 中较大者。",
        "The initial budget of a self-evaluation's execution block must equal the annual amount of the declaration "
        "of the same department, project and year; both are converted to yuan and compared within half a unit of the "
        "self-evaluation's last printed digit (\"3068.14 万元\" allows ±50 yuan) or the tolerance option, whichever is larger.",
    ),
    rationale=msg(
        "年初预算就是批复的年度预算；两者不一致，说明自评所依据的预算不是批复的那一份，或其中一份写错了。",
        "The initial budget is the approved annual budget; when they differ, the self-evaluation rests on another "
        "budget than the one approved, or one of the two is wrong.",
    ),
    sources=msg("项目支出绩效自评表（年初预算数）；财预〔2020〕10号（回忆）", "Self-evaluation template, its initial budget (年初预算数) column; MOF 2020 No. 10 (recalled)"),
    options=(Option("tolerance", Decimal("0.01"), msg("允许的误差（元）", "Allowed difference in yuan")),),
    examples=(
        Example(_SELF % "1121.92" + "---\n" + _DECL),
        Example(_SELF % "1221.92" + "---\n" + _DECL, ("/selfeval/execution/initial",)),
    ),
    kinds=("cross-file:declaration",),
)
def check(pair, opts):
    mine, declared = pair.subject, pair.other
    initial, annual = mine.initial, declared.annual
    if initial is None or annual is None:
        return
    if abs(initial - annual) <= max(opts["tolerance"], mine.initial_tolerance):
        return
    pointer = mine.summary.get("initial_at") or "/selfeval/execution/initial"
    line = declared.span("/budget/annual").line
    yield finding(
        pointer,
        f"年初预算 {format_yuan(initial)} 元与 {declared.year} 年申报表 {declared.path}:{line} 的年度资金 {format_yuan(annual)} 元不符"
        f"（相差 {format_yuan(initial - annual)} 元）。",
        f"The initial budget, {format_yuan(initial)} yuan, differs from the annual amount {format_yuan(annual)} yuan of the "
        f"{declared.year} declaration {declared.path}:{line} (by {format_yuan(initial - annual)} yuan).",
        value=f"{initial}\0{annual}\0{declared.key}",
        related=(declared.related("/budget/annual", msg("申报表的年度资金", "the declared annual amount")),),
    )
