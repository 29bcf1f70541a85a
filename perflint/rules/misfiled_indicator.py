from perflint.engine.rule import Example, Option, finding, msg, rule
from perflint.model import categories as C
from perflint.model import vocabulary as V
from perflint.model.names import core, ending, find_word

# What the name states, in words for messages.
_STATED = {
    C.QUANTITY: ("数量", "a quantity"), C.TIMELINESS: ("时效", "timeliness"), C.QUALITY: ("质量", "quality"), C.SATISFACTION: ("满意度", "satisfaction"),
    C.ECOLOGICAL: ("生态效益", "an ecological effect"), C.ECONOMIC: ("经济效益", "an economic effect"),
    C.SOCIAL: ("社会效益", "a social effect"), C.COST: ("成本", "cost"),
}


_first = find_word
_OUTPUTS = (C.QUANTITY, C.QUALITY, C.TIMELINESS, C.COST)
_ECONOMIC = V.ECONOMIC_WORDS + V.REVENUE_WORDS
_CHECKED = frozenset(_OUTPUTS + (C.ECONOMIC, C.ECOLOGICAL))


def misfiling(ind, opts) -> tuple[str, str] | None:
    """(the dimension the name states, the words that state it) when it does not fit where the indicator
    is filed, else None. Only evidence that names one dimension is used; the rest is left alone."""
    l1, l2 = ind.level1, ind.level2
    satisfaction = l1 == C.SATISFACTION or l2 == C.SATISFACTION
    if l1 == C.MANAGEMENT or not (satisfaction or l2 in _CHECKED or l1 == C.COST):
        return None
    name = core(ind.name)
    if not name:
        return None
    if satisfaction:
        if not _first(name, opts["satisfaction_words"]):
            return "work", name  # 工作效率, 投诉次数 under 满意度
        return None
    if l2 in _OUTPUTS and ind.reading.satisfaction_score:
        return C.SATISFACTION, "满意"
    money = ind.reading.unit_kind == "money"
    if l2 != C.COST and l1 != C.COST and l2 != C.ECONOMIC and money:
        cost = ending(name, V.COST_ENDINGS)
        if cost:  # 人均培训成本 ≤500元 under 数量 or 社会效益: a cost
            return C.COST, cost
    if l2 in C.OUTCOME_LEVEL2:
        accepted = _first(name, V.ACCEPTANCE_WORDS)
        if accepted:  # 设备验收合格率 under 社会效益: the output's quality
            return C.QUALITY, accepted
    if l2 == C.QUANTITY:
        timely = ending(name, V.TIMELINESS_ENDINGS)
        if timely:
            return C.TIMELINESS, timely
        quality = ending(name, V.QUALITY_ENDINGS) or _first(name, opts["specification_words"])
        if quality:
            return C.QUALITY, quality
    elif l2 == C.TIMELINESS:
        quality = ending(name, V.QUALITY_ENDINGS)
        if quality and quality != "质量" and not ending(name, V.TIMELINESS_ENDINGS):
            return C.QUALITY, quality  # 设备验收合格率 under 时效
        if ind.reading.measure == "count" and not _first(name, V.TIMELINESS_WORDS):
            return C.QUANTITY, name  # 培训人数 under 时效
    elif l2 == C.QUALITY:
        timely = ending(name, V.TIMELINESS_ENDINGS)
        if timely:
            return C.TIMELINESS, timely
        effect = _first(name, V.ECOLOGICAL_QUALITY)
        # the state of the environment itself (服务周期内空气质量), not how well a service measures it
        # (空气质量监测数据准确率: its quality)
        if effect and (ending(name, V.QUALITY_ENDINGS) in (None, "质量") or name.endswith(effect)):
            return C.ECOLOGICAL, effect
    elif l2 == C.COST or l1 == C.COST:
        revenue = _first(name, opts["revenue_words"])
        if revenue and not _first(name, V.COST_WORDS):
            return C.ECONOMIC, revenue
    elif l2 == C.ECONOMIC and not _first(name, _ECONOMIC):
        aware = _first(name, opts["awareness_words"]) or _first(name, V.SOCIAL_STATE_WORDS)
        if aware:  # 科普知识知晓率, 社区治理水平 under 经济效益
            return C.SOCIAL, aware
        green = _first(name, V.ECOLOGICAL_STATE_WORDS)
        if green:  # 森林覆盖率, 空气质量优良天数比例 under 经济效益
            return C.ECOLOGICAL, green
    elif l2 == C.ECOLOGICAL:
        counted = _first(name, V.PARTICIPATION_COUNTS)
        if counted:  # 垃圾分类宣传活动参与人次: people counted, whatever the subject
            return C.SOCIAL, counted
        if not _first(name, V.ECOLOGICAL_WORDS):  # 节能降耗成本, 垃圾分类参与率 are ecological
            cost = _first(name, V.COST_WORDS)
            if cost:
                return C.COST, cost
            taking_part = _first(name, opts["participation_words"])
            if taking_part:
                return C.SOCIAL, taking_part
    return None


@rule(
    id="misfiled-indicator",
    severity="warning",
    group="A",
    basis="C",
    summary=msg("指标内容须与所在类别相符", "What an indicator measures fits where it is filed"),
    description=msg(
        "按名称所表达的维度，检查指标是否放在相应的二级指标下（双向）：数量指标下的时效或质量（…及时性、…合格率、"
        "射程等技术参数）；质量指标下的时效（…及时性）或效果（空气质量、水质）；成本指标下的收入；经济效益下的科普、"
        "宣传、知晓或社会治理、安全感；生态效益下的成本控制或参与、使用次数；产出下的满意度；满意度类别下不是满意度的指标（工作效率、"
        "投诉次数）。只依据明确表达一个维度的词；经济类指标填在社会、生态效益下和满意度填在效益下由 "
        "benefit-type-mismatch 报告，活动计数和时效填在效益下由 output-under-benefit 报告。",
        "Checks both ways that what an indicator's name measures fits the second level it is filed under: "
        "timeliness or quality under quantity (数量), such as \"…及时性\", \"…合格率\" or a technical specification "
        "such as \"射程\"; timeliness (\"…及时性\") or an effect (\"空气质量\", \"水质\") under quality (质量); a revenue under "
        "cost (成本); popular science, publicity, awareness or the state of society (\"社区治理\", \"安全感\") under economic benefit (经济效益); cost control, or "
        "taking part and using, under ecological benefit (生态效益); satisfaction under an output; and under "
        "satisfaction (满意度), a measure that is no satisfaction (\"工作效率\", \"投诉次数\"). Only words that name "
        "one dimension count. Economic measures under social or ecological benefit and satisfaction under a "
        "benefit are benefit-type-mismatch's findings; activity counts and timeliness under a benefit are "
        "output-under-benefit's.",
    ),
    rationale=msg(
        "二级指标决定一个指标考核的是什么：时效、质量、成本各有计分口径，经济、社会、生态效益分别证明项目的不同"
        "作用。指标放错类别，表面上各类齐全，实际某一类是空的；评价时也按错误的口径打分。按词判断是本项目的约定，"
        "可在选项中调整。",
        "The second level decides what an indicator is assessed as: timeliness, quality and cost are scored on "
        "their own terms, and economic, social and ecological benefits each show a different effect. Misfiled, "
        "the form looks complete while one dimension is empty, and the scoring uses the wrong yardstick. The word "
        "lists are this project's convention and are options.",
    ),
    sources=msg("财政部《中央部门预算绩效目标管理办法》（财预〔2015〕88号）指标体系；扶贫项目资金绩效目标设定要求",
                "MOF 2015 No. 88 indicator tree; poverty-relief target requirements"),
    options=(
        Option("satisfaction_words", V.SATISFACTION_LIKE, msg("满意度类别下可接受的名称用词", "Words a name under satisfaction (满意度) may use")),
        Option("specification_words", V.SPECIFICATION_WORDS, msg("表示技术参数（质量）的名称用词", "Words of a technical specification (quality)")),
        Option("revenue_words", V.REVENUE_WORDS, msg("表示收入（经济效益）的名称用词", "Words of a revenue (economic effect)")),
        Option("awareness_words", V.AWARENESS_WORDS, msg("表示科普、宣传、知晓（社会效益）的名称用词", "Words of awareness (social effect)")),
        Option("participation_words", V.PARTICIPATION_WORDS, msg("表示参与、使用（社会效益或产出）的名称用词",
                                                                 "Words of taking part and using (social effect or output)")),
    ),
    examples=(
        Example("indicators: [{level1: 产出指标, level2: 时效指标, name: 项目完成及时率, target: '=100%'}]"),
        Example("indicators: [{level1: 效益指标, level2: 生态效益指标, name: 布展材料循环使用率, target: '≥80%'}]"),
        Example("indicators: [{level1: 产出指标, level2: 质量指标, name: 维修服务及时性, target: '≥95%'}]", ("/indicators/0/name",)),
        Example("indicators: [{level1: 效益指标, level2: 生态效益指标, name: 对控制基建项目成本影响程度, target: 效果明显}]",
                ("/indicators/0/name",)),
        Example("indicators: [{level1: 效益指标, level2: 经济效益指标, name: 科普知识知晓率, target: '≥80%'}]", ("/indicators/0/name",)),
        Example("indicators: [{level1: 满意度指标, level2: 服务对象满意度指标, name: 投诉次数, target: '≤3次'}]", ("/indicators/0/name",)),
    ),
    kinds=("declaration", "self-evaluation"),
    defers_to=("benefit-type-mismatch", "output-under-benefit"),
)
def check(decl, opts):
    template = decl.template
    for ind in decl.indicators:
        found = misfiling(ind, opts)
        if not found:
            continue
        stated, word = found
        where = " › ".join(x for x in (ind.level1_raw, ind.level2_raw) if x)
        if stated == "work":
            yield finding(ind.at("name"), f"“{ind.name}”不是满意度，却填在“{where}”下：移到它所衡量的产出或效益类别，满意度下只写服务对象的满意程度。",
                          f"\"{ind.name}\" is no satisfaction measure but is filed under \"{where}\": move it to the output or "
                          "benefit it measures and keep the satisfaction block for how satisfied those served are.")
            continue
        zh, en = _STATED[stated]
        to = template.place(stated)
        yield finding(ind.at("name"), f"“{ind.name}”衡量的是{zh}（{word}），却填在“{where}”下：移到“{to}”。",
                      f"\"{ind.name}\" measures {en} (it says \"{word}\") but is filed under \"{where}\": move it to \"{to}\".")
