import operator
from decimal import Decimal

from perflint.engine.rule import Example, finding, msg, rule
from perflint.model import vocabulary as V
from perflint.model.money import FACTORS, exact
from perflint.model.money_fields import money_fields

_MAX_DECIMALS = V.MONEY_DECIMALS


def decimals(value: Decimal) -> int:
    """Significant digits after the decimal point: 6491700.00 → 0, 3068.145 → 3."""
    if not value.is_finite():
        return 0
    exponent = value.normalize().as_tuple().exponent
    return -exponent if exponent < 0 else 0


@rule(
    id="money-format",
    severity="warning",
    group="F",
    basis="V",
    summary=msg("金额写法规范、单位明确", "Amounts are plain numbers in a declared unit"),
    description=msg(
        "预算各金额（总预算、当年预算、资金来源、上年预算与执行数、子项目金额）应写成纯数字：写成带千分位或单位的文本"
        "（如 \"41,098,620\"）、无法读出的金额都报告；元的金额不应有分以下的位数，万元的金额不应超过 6 位小数。"
        "有金额而没有 budget.unit 时也报告（否则按元读取）。",
        "Every budget amount (total, annual, sources, last year's budget and execution, sub-project amounts) "
        "should be a plain number: text with separators or a unit (\"41,098,620\") and unreadable amounts are "
        "reported; an amount in yuan (元) should have no digits below the fen (分), one in 10,000 yuan (万元) no more "
        "than 6 decimals. Amounts without budget.unit are reported too (they are read as yuan).",
    ),
    rationale=msg(
        "预算以人民币元计（预算法实施条例）；填报要求以万元填写时保留 6 位小数，即精确到分。写成文本的金额在汇总"
        "时容易被读错，比分更细的位数说明金额由计算得出而未取整。",
        "Budgets are counted in yuan (Budget Law implementing regulations); instructions that count in 10,000 yuan "
        "ask for 6 decimals, i.e. to the fen (分), a hundredth of a yuan. Amounts written as text are easily misread "
        "when totalled, and digits below the fen show an unrounded computed figure.",
    ),
    sources=msg("《预算法实施条例》；绩效目标申报表填写要求（万元保留6位小数）", "Budget Law implementing regulations; form instructions (amounts in 10,000 yuan to 6 decimals)"),
    examples=(
        Example("budget: {unit: 元, total: 41098620, annual: 6491700.00}"),
        Example("budget: {unit: 元, total: '41,098,620', annual: 41098620}", ("/budget/total",)),
        Example("budget: {unit: 元, annual: 6491700.005}", ("/budget/annual",)),
        Example("budget: {unit: 万元, annual: 3068.1400001}", ("/budget/annual",)),
        Example("budget: {annual: 6491700.00}", ("/budget",)),
    ),
)
def check(decl, opts):
    fields = money_fields(decl)
    unit = decl.get("budget", "unit")
    if fields and unit is None and isinstance(decl.get("budget"), dict):
        yield finding("/budget", "有金额但没有写单位：加上 unit: 元（或 万元），否则一律按元读取。",
                      "Amounts are given without a unit: add `unit: 元` (or `unit: 万元`); otherwise they are read as yuan.",
                      on_key=True)
    unit = decl.money_unit
    for field in fields:
        if not field.scalar:
            continue  # a wrong type is the schema rule's finding
        pointer, raw, value, problem, zh, en = field.pointer, field.raw, field.value, field.problem, field.label_zh, field.label_en
        if problem == "invalid":
            yield finding(pointer, f"{zh}“{raw}”不是可读的金额：写成纯数字，如 6491700.00。",
                          f"The {en} \"{raw}\" is not a readable amount: write a plain number such as 6491700.00.")
        elif problem == "text":
            plain = format(exact(operator.truediv, value, FACTORS[unit]), "f")
            yield finding(pointer, f"{zh}写成了文本“{raw}”：写成纯数字 {plain}（单位 {unit}）。",
                          f"The {en} is written as text \"{raw}\": write it as the plain number {plain} (in {V.MONEY_UNITS_EN[unit]}).",
                          fix=Decimal(plain))
        elif isinstance(raw, (int, Decimal)) and decimals(Decimal(raw)) > _MAX_DECIMALS.get(unit, 2):
            places = _MAX_DECIMALS.get(unit, 2)
            fixed = _rounded(Decimal(raw), places)
            yield finding(pointer, f"{zh} {raw} {unit} 的小数位多于 {places} 位（比分还细）：取整到分，如 {fixed}。",
                          f"The {en} {raw} (in {V.MONEY_UNITS_EN[unit]}) has more than {places} decimals, finer than the fen (分): "
                          f"round it to the fen, e.g. {fixed}.")


def _rounded(value: Decimal, places: int):
    try:
        return round(value, places)
    except ArithmeticError:  # more digits than the decimal context holds
        return value
