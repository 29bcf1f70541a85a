from decimal import Decimal

from perflint.engine.rule import Example, Option, finding, msg, rule
from perflint.model import categories as C
from perflint.model.money import format_yuan
from perflint.model.money_fields import budget_limit, target_in_yuan


@rule(
    id="unit-cost-times-quantity",
    severity="warning",
    group="E",
    basis="C",
    summary=msg("单位成本 × 数量应与预算匹配", "Unit cost × quantity should fit the budget"),
    description=msg(
        "有单位成本指标（如 ≤800元/人）和计量单位相同的数量指标（如 ≥500人）时，单位成本 × 数量不应超过项目当年预算"
        "（跨年度项目为总预算；单年度项目没有当年预算时为总预算，是同一笔钱）乘以 (1 + tolerance)。有多个同单位的"
        "数量指标时取最小的数量，确保只报告必然超出的情况。",
        "When there is a unit cost (\"≤800元/人\") and a quantity indicator in the same unit (\"≥500人\"), unit cost × "
        "quantity should not exceed the annual amount (the project total for a multi-year project, and for a "
        "single-year project without an annual amount, where it is the same money) times (1 + tolerance). With "
        "several quantities in that unit the smallest is used, so only a certain overrun is reported.",
    ),
    rationale=msg(
        "目标要与任务量和资金相匹配（上海 2025 指引要求与预算金额匹配，单位成本参照成本定额）；单价乘数量超过预算，"
        "说明数量、单价或预算有误。具体的算术比对是本项目的约定。",
        "Targets must match the work and the money (the 2025 Shanghai guide asks targets to match the budget, "
        "unit costs following quotas); a unit cost times the quantity above the budget means the quantity, the "
        "price or the budget is wrong. The arithmetic check itself is this project's convention.",
    ),
    sources=msg("上海市市级部门项目支出核心绩效目标和指标设置及取值指引（试行）（2025）", "Shanghai core performance indicator guide (trial, 2025)"),
    options=(Option("tolerance", Decimal("0.05"), msg("允许超出预算的比例（0.05 即 5%）", "Allowed overrun as a fraction (0.05 = 5%)"), minimum=0),),
    examples=(
        Example("budget: {unit: 元, annual: 500000}\nindicators:\n  - {level1: 产出指标, level2: 数量指标, name: 培训人数, target: '≥500人'}\n"
                "  - {level1: 成本指标, level2: 经济成本指标, name: 人均培训成本, target: '≤800元/人'}"),
        Example("budget: {unit: 元, annual: 300000}\nindicators:\n  - {level1: 产出指标, level2: 数量指标, name: 培训人数, target: '≥500人'}\n"
                "  - {level1: 成本指标, level2: 经济成本指标, name: 人均培训成本, target: '≤800元/人'}", ("/indicators/1/target",)),
    ),
)
def check(decl, opts):
    budget = budget_limit(decl)
    if budget is None:
        return
    limit, label_zh, label_en = budget
    smallest = {}  # unit → the first quantity with the smallest value in it: one lookup per unit cost
    for i in decl.indicators:
        if i.level2 == C.QUANTITY and i.target.kind == "number" and i.target.value:
            best = smallest.get(i.target.unit)
            if best is None or i.target.value < best.target.value:
                smallest[i.target.unit] = i
    for ind in decl.indicators:
        if not ind.is_cost:
            continue
        price, per = target_in_yuan(ind.target)
        q = smallest.get(per) if per else None
        if price is None or q is None:
            continue
        product = price * q.target.value
        if product > limit * (1 + opts["tolerance"]):
            yield finding(ind.at("target"), f"单位成本“{ind.name}” {ind.target.raw} × 数量“{q.name}” {q.target.raw} = {format_yuan(product)} 元，"
                          f"超过{label_zh} {format_yuan(limit)} 元：核对单价、数量或预算。",
                          f"Unit cost \"{ind.name}\" \"{ind.target.raw}\" × quantity \"{q.name}\" \"{q.target.raw}\" = "
                          f"{format_yuan(product)} yuan, more than {label_en} {format_yuan(limit)} yuan: check the price, the "
                          "quantity or the budget.")
