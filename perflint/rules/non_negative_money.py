from perflint.engine.rule import Example, finding, msg, rule
from perflint.model.money import format_yuan
from perflint.model.money_fields import money_fields


@rule(
    id="non-negative-money",
    severity="warning",
    group="F",
    basis="C",
    summary=msg("金额不得为负", "Amounts are not negative"),
    description=msg(
        "预算各金额（总预算、当年预算、资金来源、上年预算与执行数、子项目金额）不得为负数。",
        "No budget amount (total, annual, sources, last year's budget and execution, sub-project amounts) may "
        "be negative.",
    ),
    rationale=msg(
        "申报表填的是申请和安排的资金，负数没有意义，通常是录入错误（如把减少额填进了金额栏）。这是数据一致性检查，"
        "并非某项法规条文；因负金额必然是错填，默认按错误处理，可在配置中降级。",
        "A declaration states money requested and allocated: a negative amount is meaningless and usually a "
        "typing slip (a decrease entered as an amount). This is a data-integrity check, not a provision of any "
        "regulation; because a negative amount is always a mistake it defaults to error, which a profile can lower.",
    ),
    examples=(
        Example("budget: {unit: 元, annual: 50000.00, sources: {appropriation: 50000.00, carryover: 0, other: 0}}"),
        Example("budget: {unit: 元, annual: 50000.00, sources: {appropriation: 60000.00, carryover: -10000, other: 0}}",
                ("/budget/sources/carryover",)),
    ),
)
def check(decl, opts):
    for field in money_fields(decl):
        value = field.value
        if value is not None and value < 0:
            yield finding(field.pointer, f"{field.label_zh}为负数（{format_yuan(value)} 元）：金额应为 0 或正数，核对是否填错栏目。",
                          f"The {field.label_en} is negative ({format_yuan(value)} yuan): amounts are 0 or positive; check for a misplaced entry.")
