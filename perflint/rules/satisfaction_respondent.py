from perflint.engine.rule import Example, Option, finding, msg, rule
from perflint.model import vocabulary as V
from perflint.model.names import find_word, is_satisfaction_score, words

SELF_WORDS, RESPONDENT_WORDS = V.SELF_RESPONDENTS, V.RESPONDENT_WORDS


def _who(name: str) -> str:
    """The name without the words that name no one: 服务对象 and 满意度 itself."""
    for generic in V.GENERIC_RESPONDENTS:
        name = name.replace(generic, "")
    return name


@rule(
    id="satisfaction-respondent",
    severity="info",
    group="D",
    basis="V",
    summary=msg("满意度应调查服务对象", "Satisfaction is asked of the service recipients"),
    description=msg(
        "满意度指标名称中的受访者是项目自己的执行或管理人员（项目执行者、项目管理者、项目管理人员、实施主体…，选项 self_words）时提示；"
        "名称没有指明任何受访群体（无“者、人员、用户、企业、公众…”，选项 respondent_words；泛称“服务对象”不算）时也提示。",
        "A satisfaction indicator whose respondents are the project's own implementers or managers (\"项目执行者\", "
        "\"项目管理者\", \"项目管理人员\", \"实施主体\"…, option self_words) is reported, and so is one whose name names no "
        "respondent group at all (no \"者\", \"人员\", \"用户\", \"企业\", \"公众\"…, option respondent_words; the generic "
        "\"服务对象\" (service recipients) does not count).",
    ),
    rationale=msg(
        "中发〔2018〕34号要求绩效目标涵盖“服务对象满意度”：受访者应是接受服务的人。让执行者或管理者给自己打分，"
        "结果没有评价意义。关键词判断是本项目的启发式约定，仅作提示。",
        "The 2018 State Council opinion asks targets to cover service-recipient satisfaction: the respondents are "
        "those served. Implementers rating their own work measure nothing. The keyword match is this project's "
        "heuristic and only advisory.",
    ),
    sources=msg("中共中央 国务院《关于全面实施预算绩效管理的意见》（中发〔2018〕34号）",
                "CPC Central Committee and State Council opinion on budget performance management (2018)"),
    options=(
        Option("self_words", SELF_WORDS, msg("表示项目自身人员的受访者", "Respondents who are the project's own staff")),
        Option("respondent_words", RESPONDENT_WORDS, msg("表示受访群体的词", "Words that name a respondent group")),
    ),
    examples=(
        Example("indicators: [{level1: 满意度指标, level2: 服务对象满意度指标, name: 展厅参观者的满意度, target: '≥95%'}]"),
        Example("indicators: [{level1: 满意度指标, level2: 服务对象满意度指标, name: 项目管理者满意度, target: '≥95.00(%)'}]",
                ("/indicators/0/name",)),
        Example("indicators: [{level1: 影响力目标, level2: 满意度目标, name: 各项展会活动及科创中心宣传工作满意度, target: '≧90%'}]",
                ("/indicators/0/name",)),
    ),
    kinds=("declaration", "self-evaluation"),
)
def check(decl, opts):
    self_words, respondent_words = words(opts["self_words"]), words(opts["respondent_words"])
    for ind in decl.indicators:
        name = ind.name
        # By the name, not scores_satisfaction: a score filed under satisfaction whose name has no
        # 满意 (服务质量评价) names no survey, so there is no respondent to check.
        if not is_satisfaction_score(name):
            continue
        own = find_word(name, self_words)
        if own:
            yield finding(
                ind.at("name"),
                f"“{name}”调查的是{own}，即实施、管理或主管项目的一方，而非服务对象：改为调查接受服务的群体（如 受益群众、服务企业、使用单位）。",
                f"\"{name}\" asks \"{own}\", who run, manage or fund the project, not the people served: survey the "
                f"recipients instead (e.g. the residents, enterprises or organisations served).",
            )
        elif not find_word(_who(name), respondent_words):
            yield finding(
                ind.at("name"),
                f"“{name}”没有写明受访群体：在名称中写明谁来评价（如 居民满意度、受益群众满意度、服务企业满意度）。",
                f"\"{name}\" does not say who is asked: name the respondents (e.g. the satisfaction of the residents, "
                "beneficiaries or enterprises served).",
            )
