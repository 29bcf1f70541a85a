from decimal import Decimal

from perflint.engine.rule import Example, finding, msg, rule
from perflint.model import vocabulary as V
from perflint.model.money import FACTORS
from perflint.model.selfeval import num
from perflint.model.vocabulary import BREAKDOWN, BREAKDOWN_PART, MONEY_UNITS_EN

_FIELDS = (("project", "overview"), ("project", "plan"), ("goals", "overall"), ("goals", "annual"),
           ("selfeval", "goals", "expected"), ("selfeval", "goals", "actual"), ("selfeval", "conclusion"))
_APPROXIMATE = V.APPROXIMATE_PROSE


def _number(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def breakdowns(text: str):
    """(stated total in 元, the parts in 元, tolerance in 元, the quoted total) for each 其中 breakdown."""
    for m in BREAKDOWN.finditer(text):
        parts = [(_number(p.group("num")) * FACTORS[p.group("unit")], p) for p in BREAKDOWN_PART.finditer(m.group("parts"))]
        if len(parts) < 2 or any(w in m.group(0) for w in _APPROXIMATE):
            continue
        places = len(m.group("total").partition(".")[2])
        tolerance = Decimal("0.5").scaleb(-places) * FACTORS[m.group("unit")]  # half the total's last digit
        yield _number(m.group("total")) * FACTORS[m.group("unit")], [v for v, _ in parts], tolerance, m


@rule(
    id="narrative-breakdown",
    severity="warning",
    group="F",
    basis="C",
    summary=msg("叙述中“其中”各项之和不超过总额", "A breakdown in the text does not exceed its total"),
    description=msg(
        "项目概况、目标、自评的预期目标和实际完成情况等文字中，写明总额后用“其中”分列的各项金额（至少两项）之和不能超过该总额"
        "（容差为总额末位的半个单位）。各项之和小于总额不报告：“其中”常常只列出一部分。",
        "In the overview, the goals, a self-evaluation's expected and actual goals and the like, amounts listed after "
        "\"其中\" (of which; at least two) below a stated total must not add up to more than it (tolerance: half a "
        "unit of the total's last digit). A sum below the total is not reported: \"其中\" often lists only part of it.",
    ),
    rationale=msg(
        "分项之和超过总额，说明总额或某个分项写错了；自评的“实际完成情况”里这样的错会让执行数无从核对。这是本项目的一致性约定。",
        "Parts adding up to more than their total mean the total or a part is wrong; in a self-evaluation's account "
        "of results it leaves the amount spent impossible to check. A project consistency convention.",
    ),
    examples=(
        Example("kind: self-evaluation\nselfeval:\n  goals: {expected: 本项目共申请预算资金90万元。其中:30万元用于预算编制;30万元用于审计;30万元用于设计。}"),
        Example("project: {name: x, overview: 年度资金总额1000万元，其中财政拨款800万元、其他资金100万元。}"),
        Example("kind: self-evaluation\nselfeval:\n  goals: {actual: 本项目共完成预算资金89.97万元。其中:30万元用于预算编制;30万元用于审计;29.99万元用于设计。}",
                ("/selfeval/goals/actual",)),
    ),
    kinds=("declaration", "self-evaluation"),
)
def check(decl, opts):
    for keys in _FIELDS:
        text = decl.get(*keys)
        if not isinstance(text, str):
            continue
        for total, parts, tolerance, m in breakdowns(text):
            summed = sum(parts, Decimal(0))
            if summed - total <= tolerance:
                continue
            unit = m.group("unit")
            factor = FACTORS[unit]
            shown = " + ".join(num(p / factor) for p in parts)
            yield finding(
                "/" + "/".join(keys),
                f"“{m.group('total')}{unit}”其中各项 {shown} = {num(summed / factor)}{unit}，超过总额：更正总额或分项。",
                f"The parts listed under \"{m.group('total')}{unit}\" add up to {shown} = {num(summed / factor)} "
                f"(in {MONEY_UNITS_EN[unit]}), more than the total: "
                f"correct the total or a part.",
                value=m.group(0)[:60],
            )
