from perflint.engine.rule import Example, Option, finding, msg, rule
from perflint.model import categories as C
from perflint.model import vocabulary as V
from perflint.model.names import find_word, is_satisfaction_score, words


@rule(
    id="benefit-type-mismatch",
    severity="warning",
    group="B",
    basis="C",
    summary=msg("效益指标须归入相应的效益类别", "A benefit sits in the matching benefit category"),
    description=msg(
        "两种错放报告：经济类指标（名称含经济、产值、税收、营业收入等，选项 economic_words；名称同时含“社会”的不算）"
        "填在社会效益或生态效益下，如 2020 年“社会效益 › 提升园区经济活跃度”；满意度指标填在经济、社会、生态或可持续影响"
        "效益下，而不是满意度类别。建议的位置按表样年代给出。",
        "Two misfilings are reported: an economic indicator (\"经济\", \"产值\", \"税收\", \"营业收入\"…, option "
        "economic_words; names that also say \"社会\" are left alone) filed under social or ecological benefit, as in 2020's "
        "\"社会效益 › 提升园区经济活跃度\"; and a satisfaction indicator filed under an economic, social, ecological "
        "or sustainability benefit instead of the satisfaction category. The suggested place follows the form's era.",
    ),
    rationale=msg(
        "效益指标按经济、社会、生态、可持续影响分列，满意度单列（中发〔2018〕34号要求绩效目标涵盖经济、社会、生态效益和服务对象满意度）。"
        "类别错放会让某类效益看似已设、实则缺失。按关键词判断是本项目的启发式约定。",
        "Benefits are split into economic, social, ecological and sustainable impact, and satisfaction stands "
        "apart (the 2018 State Council opinion asks targets to cover economic, social and ecological benefits "
        "and service-recipient satisfaction). A misfiled indicator makes one kind of benefit look covered when it "
        "is missing. The keyword match is this project's heuristic.",
    ),
    sources=msg("中共中央 国务院《关于全面实施预算绩效管理的意见》（中发〔2018〕34号）",
                "CPC Central Committee and State Council opinion on budget performance management (2018)"),
    options=(Option("economic_words", V.ECONOMIC_WORDS + V.REVENUE_WORDS, msg("表示经济效益的名称关键词", "Name keywords for economic benefits")),),
    examples=(
        Example("indicators: [{level1: 效果目标, level2: 经济效益目标, name: 提升园区经济活跃度, target: 提升10%}]"),
        Example("indicators: [{level1: 效益指标, level2: 社会效益指标, name: 带动社会经济发展, target: 达到}]"),
        Example("indicators: [{level1: 效果目标, level2: 社会效益, name: 提升园区经济活跃度, target: '>=10%'}]", ("/indicators/0/name",)),
        Example("indicators: [{level1: 效益指标, level2: 社会效益指标, name: 参观者满意度, target: '≥95%'}]", ("/indicators/0/name",)),
    ),
    kinds=("declaration", "self-evaluation"),
)
def check(decl, opts):
    economic_words = words(opts["economic_words"])
    for ind in decl.indicators:
        name, where = ind.name, ind.level2_raw
        # filed_tier, not tier: the tier sets satisfaction scores apart, and a score misfiled under a
        # benefit category is exactly what this rule reports. The category must be an outcome one
        # (a satisfaction row under 效果目标 › 满意度 is where it belongs).
        if ind.reading.filed_tier != "benefit" or ind.level2 not in C.OUTCOME_LEVEL2:
            continue
        if is_satisfaction_score(name):
            to = decl.template.place(C.SATISFACTION)
            yield finding(
                ind.at("name"),
                f"“{name}”是满意度指标，却填在“{where}”下：移到“{to}”。",
                f"\"{name}\" is a satisfaction indicator but is filed under \"{where}\": move it to \"{to}\".",
            )
            continue
        word = find_word(name, economic_words)
        if word and ind.level2 in (C.SOCIAL, C.ECOLOGICAL) and not find_word(name, V.ECONOMIC_EXCEPTIONS):
            to = decl.template.place(C.ECONOMIC)
            yield finding(
                ind.at("name"),
                f"“{name}”是经济效益（{word}），却填在“{where}”下：移到“{to}”，社会效益下写对人和社会的影响。",
                f"\"{name}\" is an economic benefit (it says \"{word}\") but is filed under \"{where}\": move it to \"{to}\" and keep "
                f"social benefits for effects on people and society.",
            )
