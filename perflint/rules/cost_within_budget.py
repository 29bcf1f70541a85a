from decimal import Decimal

from perflint.engine.rule import Example, Option, finding, msg, rule
from perflint.model.money import format_yuan
from perflint.model.money_fields import budget_limit, target_in_yuan


@rule(
    id="cost-within-budget",
    severity="error",
    group="E",
    basis="V",
    summary=msg("成本指标不得超过项目预算", "A cost target must not exceed the budget"),
    description=msg(
        "总成本、分项成本等金额型成本指标（不含 元/人 等单位成本）换算为元后，不得超过项目当年预算；跨年度项目"
        "与项目总预算比较。单年度项目没有当年预算时与总预算比较（是同一笔钱）。",
        "A money cost target (total or itemised cost; unit costs such as \"元/人\" excluded), converted to yuan, must "
        "not exceed the annual amount; a multi-year project is compared with the project total. A single-year "
        "project without an annual amount is compared with its total (the same money).",
    ),
    rationale=msg(
        "绩效目标要与预算金额相匹配（上海 2025 指引；上海市财政局审核“匹配性”）：成本目标超过申请的预算，"
        "说明目标或预算有一个是错的。",
        "Targets must match the budget amount (Shanghai 2025 guide; the Shanghai finance bureau reviews this "
        "\"matching\"): a cost target above the money requested means the target or the budget is wrong.",
    ),
    sources=msg("上海市市级部门项目支出核心绩效目标和指标设置及取值指引（试行）（2025）；上海市财政局 2016 年工作总结",
                "Shanghai core performance indicator guide (trial, 2025); Shanghai finance bureau 2016 summary"),
    options=(Option("tolerance", Decimal("0.01"), msg("允许的误差（元）", "Allowed difference in yuan"), minimum=0),),
    examples=(
        Example("budget: {unit: 元, annual: 6491700.00}\nindicators: [{level1: 成本指标, level2: 经济成本指标, name: 项目总成本, target: '≤649.17万元'}]"),
        Example("budget: {unit: 元, annual: 683890.00}\nindicators: [{level1: 成本指标, level2: 经济成本指标, name: 项目总成本, target: '≤80万元'}]",
                ("/indicators/0/target",)),
    ),
)
def check(decl, opts):
    budget = budget_limit(decl)
    if budget is None:
        return
    limit, label_zh, label_en = budget
    for ind in decl.indicators:
        if not ind.is_cost:
            continue
        amount, per = target_in_yuan(ind.target)
        if amount is None or per or amount - limit <= opts["tolerance"]:
            continue
        yield finding(ind.at("target"), f"成本指标“{ind.name}”为 {format_yuan(amount)} 元，超过{label_zh} {format_yuan(limit)} 元：核对成本测算或预算金额。",
                      f"Cost indicator \"{ind.name}\" is {format_yuan(amount)} yuan, more than {label_en} {format_yuan(limit)} yuan: check the cost estimate or the budget.")
