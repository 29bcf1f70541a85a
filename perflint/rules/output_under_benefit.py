from perflint.engine.rule import Example, Option, finding, msg, rule
from perflint.model import categories as C
from perflint.model import vocabulary as V
from perflint.model.names import find_word, unit_class, words

# A time unit alone is no timeliness: 平台持续稳定运行时长 ≥8760小时 is a sustained benefit.
ACTIVITY_WORDS, COUNT_WORDS, TIMELINESS_WORDS = V.ACTIVITY_WORDS, V.ACTIVITY_COUNT_WORDS, V.TIMELINESS_WORDS


@rule(
    id="output-under-benefit",
    severity="info",
    group="B",
    basis="C",
    summary=msg("产出类指标不宜放在效益指标下", "Output measures are not filed as benefits"),
    description=msg(
        "效益（效果、影响力）类别下的两类指标报告：活动计数（名称含参观、接待、培训等活动词，且以人、次、场等计数或名称含"
        "人数、次数；选项 activity_words、count_words），如“社会效益 › 参观人数 ≥2000人”；时效指标（名称含及时、时效、按时、"
        "响应等，选项 timeliness_words），如“社会效益 › 系统更新及时率”。只以时间单位计而名称不含时效词的不报告（如"
        "“可持续影响 › 平台持续稳定运行时长 ≥8760小时”）；解决就业人数之类的结果计数不含活动词，也不报告。"
        "建设类项目（项目名称含基础设施、工程、改造等，选项 construction_words）中使用建成设施的人次是它的效益，不报告。"
        "与前面的指标同名的（duplicate-indicator 报告的重复行）只报告一次：删去重复行，错放也随之消失。",
        "Two kinds of indicator filed under a benefit category (\"效果\", \"影响力\") are reported: activity counts (an "
        "activity word such as \"参观\", \"接待\", \"培训\" with a count unit or a count noun such as \"人数\", \"次数\"; "
        "options activity_words, count_words), e.g. \"社会效益 › 参观人数 ≥2000人\"; and timeliness measures (a name "
        "with \"及时\", \"时效\", \"按时\", \"响应\"…; option timeliness_words), e.g. \"社会效益 › 系统更新及时率\". A "
        "time unit alone is not enough (\"可持续影响 › 平台持续稳定运行时长 ≥8760小时\" passes), and outcome counts "
        "such as \"解决就业人数\" carry no activity word and pass too. In a project that builds something (project "
        "name with \"基础设施\", \"工程\", \"改造\"…; option construction_words) the people using what is built are its "
        "benefit and pass. A row repeating an earlier indicator's name is duplicate-indicator's finding, reported once: "
        "dropping the repeat removes the misfiling too.",
    ),
    rationale=msg(
        "产出是项目直接提供的产品和服务（接待了多少人、多快完成），效益是由此带来的变化（知晓度、经济活跃度）。"
        "把产出计数填作效益，表上就没有真正的效益指标。按关键词判断是本项目的启发式约定，仅作提示。",
        "Outputs are what the project delivers directly (how many were received, how fast); benefits are the "
        "change that follows (awareness, economic activity). With an output count filed as a benefit the form "
        "has no real benefit indicator. The keyword match is this project's heuristic and only advisory.",
    ),
    options=(
        Option("activity_words", ACTIVITY_WORDS, msg("表示产出活动的名称关键词", "Name keywords for output activities")),
        Option("count_words", COUNT_WORDS, msg("表示计数的名称关键词", "Name keywords for counts")),
        Option("timeliness_words", TIMELINESS_WORDS, msg("表示时效的名称关键词", "Name keywords for timeliness")),
        Option("construction_words", V.CONSTRUCTION_WORDS, msg(
            "项目名称含这些词时是建设类项目：使用建成设施的人次（接待游客数）是效益，不报告",
            "Project names with these words build something: people using it (visitors received) are a benefit")),
    ),
    examples=(
        Example("indicators: [{level1: 效益指标, level2: 社会效益指标, name: 解决就业人数, target: '=5(人)'}]"),
        Example("indicators: [{level1: 产出指标, level2: 数量指标, name: 参观人数, target: '≥2000.00(人)'}]"),
        Example("indicators: [{level1: 效益指标, level2: 社会效益指标, name: 参观人数, target: '≥2000.00(人)'}]",
                ("/indicators/0/name",)),
        Example("indicators: [{level1: 效益指标, level2: 社会效益指标, name: 系统更新及时率, target: '≤24.00(小时)'}]",
                ("/indicators/0/name",)),
        Example("indicators: [{level1: 效益指标, level2: 可持续影响指标, name: 平台持续稳定运行时长, target: '≥8760小时'}]"),
        Example("project: {name: 扶贫基础设施建设}\nindicators: [{level1: 效益指标, level2: 社会效益指标, name: 景点接待游客数量, target: '>=60000人'}]"),
    ),
    kinds=("declaration", "self-evaluation"),
    defers_to=("duplicate-indicator",),
)
def check(decl, opts):
    activity_words, count_words = words(opts["activity_words"]), words(opts["count_words"])
    timeliness_words = words(opts["timeliness_words"])
    project = str(decl.get("project", "name") or "")
    builds = find_word(project, opts["construction_words"]) is not None
    for ind in decl.indicators:
        # 长效管理 / 配套设施 rows (2019/2020 影响力目标) list durable assets: a count is at home there
        if ind.reading.tier != "benefit" or ind.level2 == C.LONG_TERM:
            continue
        name, unit = ind.name, unit_class(ind.target.unit)
        where = ind.level2_raw or ind.level1_raw
        activity = find_word(name, activity_words)
        if activity and not builds and not find_word(name, V.OUTCOME_COUNT_WORDS) \
                and (unit == "count" or find_word(name, count_words)):
            to = decl.template.place(C.QUANTITY)
            yield finding(
                ind.at("name"),
                f"“{name}”是产出计数（{activity}），却填在“{where}”下：移到“{to}”，并另设它带来的效益指标（如 服务对象对相关政策的知晓率）。",
                f"\"{name}\" counts an output (it says \"{activity}\") but is filed under \"{where}\": move it to \"{to}\" and add "
                f"an indicator for the benefit it leads to (e.g. how many of those served know the policy).",
            )
            continue
        timely = find_word(name, timeliness_words)
        if timely:
            to = decl.template.place(C.TIMELINESS)
            yield finding(
                ind.at("name"),
                f"“{name}”衡量时效（{timely}），却填在“{where}”下：移到“{to}”，效益下写它带来的变化（如 系统可用率、业务办理时长缩短）。",
                f"\"{name}\" measures timeliness (it says \"{timely}\") but is filed under \"{where}\": move it to \"{to}\" and "
                f"state the change it brings as the benefit (e.g. system availability).",
            )
