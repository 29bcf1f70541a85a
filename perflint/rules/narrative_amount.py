import re
from decimal import Decimal

from perflint.engine.rule import Example, finding, msg, rule
from perflint.model import vocabulary as V
from perflint.model.money import FACTORS, format_yuan
from perflint.model.money_fields import money_fields

_FIELDS = (("project", "overview"), ("project", "basis"), ("project", "necessity"), ("project", "measures"),
           ("project", "plan"), ("goals", "overall"), ("goals", "annual"))
# 项目预算总额4109.86万元 / 当年预算为 6,491,700.00 元 / 资金总额：1121.92万元
_QUOTE = re.compile(
    rf"(?P<key>(?:{V.BUDGET_QUOTE_PREFIX})?(?:{'|'.join(V.BUDGET_QUOTE_KEYS)}))"
    rf"(?:{'|'.join(V.BUDGET_QUOTE_LINKS)}|\s)*"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*"
    rf"(?P<unit>{V.MONEY_UNITS})"
)
_APPROXIMATE = V.APPROXIMATE_PROSE


def quoted_amounts(text: str):
    """(quoted text, amount in 元, tolerance in 元) for each budget amount a narrative states exactly."""
    for m in _QUOTE.finditer(text):
        around = text[max(0, m.start() - 2): m.end() + 2]
        if any(w in around for w in _APPROXIMATE):
            continue
        number = m.group("num").replace(",", "")
        factor = FACTORS[m.group("unit")]
        places = len(number.partition(".")[2])
        yield m.group(0), Decimal(number) * factor, Decimal("0.5").scaleb(-places) * factor  # half the last digit


@rule(
    id="narrative-amount",
    severity="warning",
    group="F",
    basis="C",
    summary=msg("叙述中的金额须与预算表一致", "Amounts quoted in the narrative match the budget"),
    description=msg(
        "项目概况、立项依据、必要性、措施、实施计划和目标中写明的预算金额（如“项目预算总额4109.86万元”）换算为元后，"
        "须与预算表中的某个金额（总预算、当年预算、资金来源、上年预算/执行数或子项目金额）相符；按原文的精度四舍五入"
        "比较（4109.86万元 容许 ±0.005 万元，即 41,098,620 元算相符）。带“约”“余”“近”等的概数不比较。",
        "A budget amount stated in the overview, basis, necessity, measures, plan or goals (\"项目预算总额4109.86万元\"), "
        "converted to yuan, must match one of the budget table's amounts (total, annual, sources, last year's budget "
        "or execution, sub-project amounts), allowing for rounding to the precision printed (\"4109.86万元\" allows "
        "±50 yuan, so 41,098,620 yuan agrees). Approximate figures (\"约\", \"余\", \"近\"…) are not compared.",
    ),
    rationale=msg(
        "同一份申报表里叙述和预算表的金额不一致，审核人无法判断哪个是真实的申请额；2020 年表的项目概况就以万元复述了"
        "预算总额。这是本项目的一致性约定，并非法规条文，因此只作警告。",
        "When the narrative and the budget table disagree, a reviewer cannot tell which amount is being "
        "requested; the 2020 Shanghai form restates the total in 10,000 yuan (万元) in its overview. This is this project's "
        "consistency convention, not a regulation: a warning only.",
    ),
    examples=(
        Example("budget: {unit: 元, total: 41098620, annual: 41098620}\nproject: {name: x, overview: 项目包括40个主要工作内容，项目预算总额4109.86万元。}"),
        Example("budget: {unit: 元, total: 41098620, annual: 41098620}\nproject: {name: x, overview: 项目预算总额4019.86万元。}", ("/project/overview",)),
    ),
)
def check(decl, opts):
    amounts = [f.value for f in money_fields(decl) if f.value is not None]
    if not amounts:
        return
    for keys in _FIELDS:
        text = decl.get(*keys)
        if not isinstance(text, str):
            continue
        for quote, value, tolerance in quoted_amounts(text):
            if any(abs(value - a) <= tolerance for a in amounts):
                continue
            nearest = min(amounts, key=lambda a: abs(a - value))
            yield finding("/" + "/".join(keys),
                          f"“{quote}”（{format_yuan(value)} 元）与预算表的金额不符（最接近的是 {format_yuan(nearest)} 元）：更正叙述或预算表。",
                          f"\"{quote}\" ({format_yuan(value)} yuan) matches no amount in the budget table (the nearest is {format_yuan(nearest)} yuan): correct the text or the table.",
                          value=quote)
