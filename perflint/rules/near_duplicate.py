from decimal import Decimal

from perflint.core.diagnostic import Severity
from perflint.engine.rule import Example, finding, msg, rule
from perflint.model import vocabulary as V
from perflint.model.names import core, respondent, subject

# Unit kinds whose amounts can be compared across spellings (4小时 against 30分钟); the others only in the same unit.
_CONVERT = {"time": V.DURATION_UNITS, "area": V.AREA_UNITS, "length": V.LENGTH_UNITS, "weight": V.WEIGHT_UNITS,
            "volume": V.VOLUME_UNITS}
_COMPARED = ("time", "count", "money", "area", "length", "weight", "volume")


def _amount(target, kind: str) -> Decimal | None:
    """The target's figure in its kind's base unit (hours, 平方米 …), or in its own unit for counts and money."""
    value = target.value2 if target.kind == "range" and target.value2 is not None else target.value
    if value is None:
        return None
    table = _CONVERT.get(kind)
    if table is None:
        return value
    factor = table.get((target.unit or "").split("/")[0])
    return None if factor is None else value * factor


def _key(ind):
    """What makes two indicators the same measure: their subject and the kind of unit (and, for counts
    and money, the unit itself)."""
    reading, t = ind.reading, ind.target
    if t.kind not in ("number", "range") or reading.unit_kind not in _COMPARED:
        return None
    name = subject(ind.name)
    if len(name) < 2:
        return None
    unit = t.unit if reading.unit_kind not in _CONVERT else reading.unit_kind
    return name, reading.unit_kind, unit


@rule(
    id="near-duplicate",
    severity="warning",
    group="A",
    basis="C",
    summary=msg("同一事项不得设多个互相冲突的目标", "One measure, one target"),
    description=msg(
        "名称只差维度词的指标（故障响应速度 / 故障响应时间 / 故障响应及时性）衡量的是同一件事：它们的目标同为时长、"
        "计数、金额、面积等可比的量却数值不同（4小时、<1小时、<30分钟）时报告，并列出同组的其他指标。同一批受访者"
        "（如“市民”）的两个满意度指标设了不同的目标值时提示。百分比不比较：完成率和及时率是不同的比率。名称完全相同的两个指标在名称处报告，且 duplicate-indicator 已报告时不重复。",
        "Indicators whose names differ only in the dimension word (\"故障响应速度\" / \"故障响应时间\" / \"故障响应及时性\") "
        "measure one thing: when their targets are comparable amounts (durations, counts, money, areas…) with different "
        "values (\"4小时\", \"<1小时\", \"<30分钟\") they are reported, naming the rest of the group. Two satisfaction "
        "indicators asking the same respondents (\"市民\") with different targets are noted too. Percentages are "
        "not compared: a completion rate and an on-time rate are different shares. Two indicators of the very same "
        "name are reported on the name, and only when duplicate-indicator does not report them.",
    ),
    rationale=msg(
        "同一事项设几个不同的目标，完成其中一个就可以说达标，另一个则未达标，自评时只能任选其一；重复也挤占了本应"
        "考核的其他内容。按名称归组是本项目的约定。",
        "With several targets for one thing, meeting one is a pass and missing another a failure, and the "
        "self-evaluation picks whichever suits; duplicates also crowd out what should be assessed. Grouping by "
        "name is this project's convention.",
    ),
    examples=(
        Example("indicators:\n  - {level1: 产出指标, level2: 时效指标, name: 故障响应时间, target: '≤1小时'}\n"
                "  - {level1: 产出指标, level2: 质量指标, name: 故障修复率, target: '≥95%'}"),
        Example("indicators:\n  - {level1: 产出指标, level2: 时效指标, name: 故障响应速度, target: '≤4小时'}\n"
                "  - {level1: 产出指标, level2: 时效指标, name: 故障响应时间, target: '<1小时'}\n"
                "  - {level1: 产出指标, level2: 时效指标, name: 故障响应及时性, target: '<30分钟'}",
                ("/indicators/1/target", "/indicators/2/target")),
        Example("indicators:\n  - {level1: 效益指标, level2: 社会效益指标, name: 市民对空气质量改善的满意程度, target: '≥85%'}\n"
                "  - {level1: 满意度指标, level2: 服务对象满意度指标, name: 市民满意度, target: '≥90%'}", ("/indicators/1/target",)),
    ),
    kinds=("declaration", "self-evaluation"),
    defers_to=("duplicate-indicator",),
)
def check(decl, opts):
    groups: dict[tuple, list] = {}
    for ind in decl.indicators:
        key = _key(ind)
        if key:
            groups.setdefault(key, []).append(ind)
    for (_name, kind, _unit), members in groups.items():
        first = members[0]
        base = _amount(first.target, kind)
        for other in members[1:]:
            value = _amount(other.target, kind)
            if base is None or value is None or value == base:
                continue
            # The very same name is duplicate-indicator's finding (on the name); said there once.
            same = core(other.name) == core(first.name)
            yield finding(other.at("name" if same else "target"),
                          f"“{other.name}”（{other.target.raw}）与第 {first.index + 1} 个指标“{first.name}”（{first.target.raw}）"
                          f"衡量的是同一件事，目标却不同：合并为一个指标、一个目标。",
                          f"\"{other.name}\" (\"{other.target.raw}\") measures the same thing as indicator {first.index + 1} "
                          f"\"{first.name}\" (\"{first.target.raw}\") with a different target: keep one indicator and one target.")
    yield from _satisfaction_twice(decl)


def _satisfaction_twice(decl):
    asked: dict[str, object] = {}
    unnamed = []
    for ind in decl.indicators:
        t = ind.target
        if not ind.reading.scores_satisfaction or t.kind != "number" or t.unit != "%" or t.value is None:
            continue
        who = respondent(ind.name)
        if not who:
            unnamed.append(ind)
            continue
        earlier = asked.setdefault(who, ind)
        if earlier is not ind and earlier.target.value != t.value:
            yield _twice(ind, earlier, who)
    if len(asked) == 1 and unnamed:  # 满意度 with no respondent beside one named group: the same public
        (who, named), = asked.items()
        for ind in unnamed:
            if ind.target.value != named.target.value:
                later, earlier = (ind, named) if ind.index > named.index else (named, ind)
                yield _twice(later, earlier, who)


def _twice(ind, earlier, who):
    return finding(ind.at("target"),
                   f"“{ind.name}”（{ind.target.raw}）与“{earlier.name}”（{earlier.target.raw}）问的是同一批人（{who}），"
                   "目标却不同：保留一个满意度指标。",
                   f"\"{ind.name}\" (\"{ind.target.raw}\") asks the same people (\"{who}\") as \"{earlier.name}\" "
                   f"(\"{earlier.target.raw}\") with a different target: keep one satisfaction indicator.",
                   severity=Severity.INFO)
