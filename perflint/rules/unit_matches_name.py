from perflint.engine.rule import Example, Option, finding, msg, rule
from perflint.model import names as N
from perflint.model import vocabulary as V
from perflint.model.reading import graded_property, plain_level

_OPTIONS = (
    Option("rate_endings", N.RATE_ENDINGS, msg("名称以此结尾即为比率（应为 %）", "Name endings that make a rate (a percentage)")),
    Option("event_endings", N.EVENT_ENDINGS, msg("名称以此结尾即为事件计数（不应为 %）", "Name endings that name a counted event (not a %)")),
    Option("count_endings", N.COUNT_ENDINGS, msg("名称以此结尾即为计数（不应为 %）", "Name endings that make a count (not a %)")),
    Option("money_endings", N.MONEY_ENDINGS, msg("名称以此结尾即为金额（应为 元/万元）", "Name endings that make an amount of money (in yuan or 10,000 yuan)")),
    Option("time_endings", N.TIME_ENDINGS, msg("名称以此结尾即为时间（应为时间单位）", "Name endings that make a duration (a time unit)")),
)
_WORD_OPTIONS = tuple(o.name for o in _OPTIONS)
_RENAME = V.RATE_RENAMES  # what a rate measured in that unit really is


def _classify(ind, opts):
    """What the name measures: the model's reading, unless the options change the endings."""
    if opts.get("_default"):
        return ind.reading.measure
    return N.name_class(ind.name, rate=opts["rate_endings"], money=opts["money_endings"], time=opts["time_endings"],
                        event=opts["event_endings"], count=opts["count_endings"])


def _base(name, opts) -> str:
    """The name without its rate ending and a trailing 实现/完成: 信息公开实现率 → 信息公开."""
    text = N.core(name)
    end = N.ending(text, opts["rate_endings"]) or ""
    text = text[: len(text) - len(end)]
    for verb in V.RATE_BASE_VERBS:
        if text.endswith(verb):
            return text[: -len(verb)]
    return text


def _physical(ind):
    """(zh, en) when a name stating an area or a length has a target in another physical unit."""
    t, name = ind.target, ind.name
    physical = N.physical_kind(name)
    unit = N.unit_class(t.unit) if t.kind in ("number", "range") else None
    if physical is None or unit not in N.PHYSICAL_UNIT_CLASSES or unit == physical:
        return None
    zh_kind, en_kind, example = {"area": ("面积", "an area", "平方米、亩"), "length": ("长度", "a length", "米、公里")}[physical]
    return (
        f"“{name}”是{zh_kind}，指标值却以“{t.unit}”计：以 {example} 等{zh_kind}单位表示。",
        f"\"{name}\" is {en_kind} but its target is in \"{t.unit}\": state it in a unit of {physical} ({example}).",
    )


def mismatch(ind, opts):
    """(zh, en) when the target's unit does not fit the kind of quantity the name names, else None.

    Satisfaction scores belong to satisfaction-min and cost indicators to the cost rules."""
    if ind.reading.scores_satisfaction:
        return None
    t, name = ind.target, ind.name
    physical = _physical(ind)
    if physical:
        return physical
    kind = _classify(ind, opts)
    if kind is None:
        return None
    if t.kind == "qualitative" or (t.kind == "relative" and t.value is None):
        if kind != "rate":
            return None
        # A rename is offered only where the word grades a property (规范 → …规范性); a change or a vague
        # word (逐年提高, 明显提高) grades nothing, and a name built from it would mean nothing.
        prop = graded_property(plain_level(t.text), V.GRADED_PROPERTIES) if t.text else None
        better = f"{_base(name, opts)}{prop}性" if prop else None if len(t.text or "") <= 4 else f"{_base(name, opts)}情况"
        if better is None:
            return (
                f"“{name}”是比率（率），指标值却是文字“{t.raw}”：给出百分比（如 ≥95%）并写明计算口径。",
                f"\"{name}\" is a rate but its target is the word \"{t.raw}\": give a percentage (e.g. ≥95%) and "
                "how it is counted.",
            )
        return (
            f"“{name}”是比率（率），指标值却是文字“{t.raw}”：给出百分比（如 =100%）并写明计算口径，"
            f"或若本意是定性评判，改名为“{better}”。",
            f"\"{name}\" is a rate but its target is the word \"{t.raw}\": give a percentage (e.g. =100%) and "
            f"how it is counted, or, if a graded judgement is meant, rename it \"{better}\".",
        )
    if t.kind not in ("number", "range"):
        return None
    unit = N.unit_class(t.unit)
    if unit is None:
        return None  # no unit at all: unit-required
    if kind == "rate" and unit not in ("percent", "ratio"):
        suggestion = f"{_base(name, opts)}{V.RATE_AS_TIME[1]}" if N.core(name).endswith(V.RATE_AS_TIME[0]) and unit == "time" \
            else f"{_base(name, opts)}{_RENAME[unit]}"
        return (
            f"“{name}”是比率（率），指标值却以“{t.unit}”计：改写为百分比，或改名为“{suggestion}”并保留 {t.raw}。",
            f"\"{name}\" is a rate but its target is in \"{t.unit}\": write it as a percentage, or rename it "
            f"\"{suggestion}\" and keep \"{t.raw}\".",
        )
    if kind in ("event", "count") and unit == "percent":
        core = N.core(name)
        return (
            f"“{name}”不是比率，百分比 {t.raw} 没有分母：改名为“{core}率”并写明计算口径（如 故障时长÷运行时长），"
            f"或改为计数（如 ≤3次）。",
            f"\"{name}\" is not a rate, so \"{t.raw}\" has no base: rename it \"{core}率\" and state how it is computed "
            f"(e.g. downtime ÷ operating time), or give a count (e.g. \"≤3次\").",
        )
    if kind == "money" and unit != "money" and not ind.is_cost:
        return (
            f"“{name}”是金额，指标值却以“{t.unit}”计：以 元 或 万元 表示。",
            f"\"{name}\" is an amount of money but its target is in \"{t.unit}\": state it in yuan (元) or 10,000 yuan (万元).",
        )
    if kind == "time" and unit != "time":
        return (
            f"“{name}”是时间，指标值却以“{t.unit}”计：以 小时、天 或 个工作日 等时间单位表示。",
            f"\"{name}\" is a duration but its target is in \"{t.unit}\": state it in a time unit such as \"小时\", \"天\" "
            f"or \"个工作日\".",
        )
    return None


@rule(
    id="unit-matches-name",
    severity="warning",
    group="B",
    basis="C",
    summary=msg("指标名称与单位须一致", "The unit fits the indicator's name"),
    description=msg(
        "按名称结尾判断指标度量的是什么：比率（…率、占比、比例）须为百分比，不能以小时、人、个计，也不能是“规范”之类的文字；"
        "事件或计数（系统故障、…人数）不能用百分比；金额（…经费、…费用）须以 元/万元 计；时间（…时长、…天数）须以时间单位计；"
        "面积（…面积）与长度（…长度、…里程）不能以另一种物理单位计（如 改造面积 ≥420公里）。"
        "满意度由 satisfaction-min 检查，成本指标由成本规则检查；产出指标没有数值时由 output-quantified、只写“提升”时由 "
        "baseline-required 报告（它们开启时本规则不重复）。",
        "The end of the name says what is measured: a rate (\"…率\", \"占比\", \"比例\") must be a percentage, not hours, "
        "people or items, and not a word such as \"规范\"; an event or a count (\"系统故障\", \"…人数\") is not a "
        "percentage; money (\"…经费\", \"…费用\") is in yuan or 10,000 yuan; a duration (\"…时长\", \"…天数\") is in a "
        "time unit; an area (\"…面积\") or a length (\"…长度\", \"…里程\") is not in another physical unit "
        "(\"改造面积 ≥420公里\"). Satisfaction is left to satisfaction-min and cost indicators to the cost rules; an output with no "
        "number is output-quantified's finding and a bare \"提升\" baseline-required's (while they are on, this rule "
        "does not repeat them).",
    ),
    rationale=msg(
        "单位与名称不符时，无法判断指标值的含义：“系统更新及时率 ≤24小时”既不是比率也说不清是响应时间还是更新周期；"
        "“系统故障 ≤3%”没有分母。名称与单位的对应关系是本项目的约定，可在选项中调整。",
        "When the unit does not fit the name, nobody can tell what the target means: \"系统更新及时率 ≤24小时\" is "
        "no rate and does not say whether it is a response time or an update cycle; \"系统故障 ≤3%\" has no "
        "base. The name-to-unit table is this project's convention and can be tuned in the options.",
    ),
    options=_OPTIONS,
    examples=(
        Example("indicators: [{level1: 产出指标, level2: 时效指标, name: 系统更新响应时间, target: '≤24小时'}]"),
        Example("indicators: [{level1: 产出指标, level2: 质量指标, name: 系统故障率, target: '≤3%'}]"),
        Example("indicators: [{level1: 效益指标, level2: 社会效益指标, name: 系统更新及时率, target: '≤24.00(小时)'}]",
                ("/indicators/0/target",)),
        Example("indicators: [{level1: 投入与管理, level2: 实施管理, name: 信息公开实现率, target: 规范}]", ("/indicators/0/target",)),
        Example("indicators: [{level1: 产出指标, level2: 质量指标, name: 系统故障, target: '≤3.00(%)'}]", ("/indicators/0/target",)),
    ),
    kinds=("declaration", "self-evaluation"),
    defers_to=("output-quantified", "baseline-required", "target-contradiction"),
)
def check(decl, opts):
    opts = {**opts, **{name: N.words(opts[name]) for name in _WORD_OPTIONS}}  # strings only: a user's [5] cannot crash
    opts["_default"] = all(opts[o.name] == o.default for o in _OPTIONS)
    for ind in decl.indicators:
        found = mismatch(ind, opts)
        if found:
            yield finding(ind.at("target"), *found)
