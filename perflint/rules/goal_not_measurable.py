from perflint.engine.rule import Example, Option, finding, msg, rule
from perflint.model import vocabulary as V
from perflint.model.goaltext import clean, display, measures
from perflint.model.names import words

DELIVERABLES, ACTIONS, AMOUNT_WORDS = V.GOAL_DELIVERABLES, V.GOAL_ACTIONS, V.GOAL_AMOUNT_WORDS
_FIELDS = (("overall", "项目总目标", "overall goal"), ("annual", "年度绩效目标", "annual goal"))


@rule(
    id="goal-not-measurable",
    severity="info",
    group="C",
    basis="C",
    summary=msg("总体目标应有可衡量的内容", "A goal states something measurable"),
    description=msg(
        "项目总目标和年度绩效目标各自检查：既没有数量（3个、95%、20多年）、期限（12月、年底前）或“足额”之类的量词"
        "（选项 amount_words），也没有具体交付物（平台、系统、方案、报告、活动…，选项 deliverables）或具体动作"
        "（采购、聘用、建成、举办…，选项 actions）时提示。年份（2020年）、周年（30周年）、届次不算数量。",
        "The overall and the annual goal are checked separately: a goal with no quantity (\"3个\", \"95%\", \"20多年\"), "
        "deadline (\"12月\", \"年底前\") or amount word such as \"足额\" (option amount_words), and no concrete "
        "deliverable (\"平台\", \"系统\", \"方案\", \"报告\", \"活动\"…, option deliverables) or concrete action (\"采购\", "
        "\"聘用\", \"建成\", \"举办\"…, option actions) is reported. Years (\"2020年\"), anniversaries (\"30周年\") and "
        "ordinals are not quantities.",
    ),
    rationale=msg(
        "绩效目标应指向明确、细化量化（中央部门预算绩效目标管理办法，回忆未逐字核对），填表说明要求以具体数据衡量目标实现程度。"
        "“保质保量、按时完成接待工作”无法判断是否实现。本规则是启发式判断，仅作提示。",
        "Targets should be specific and quantified (central target-management measures, recalled, not re-read), and "
        "form instructions ask for attainment to be measured with concrete data. \"保质保量、按时完成接待工作\" "
        "cannot be judged met or not. The check is a heuristic and only advisory.",
    ),
    sources=msg("财政支出项目绩效目标申报表填表说明（以量化指标衡量）；《中央部门预算绩效目标管理办法》（财预〔2015〕88号）",
                "City-level form instructions (measure with quantified indicators); MOF target-management measures (2015)"),
    options=(
        Option("deliverables", DELIVERABLES, msg("具体交付物", "Concrete deliverables")),
        Option("actions", ACTIONS, msg("具体动作", "Concrete actions")),
        Option("amount_words", AMOUNT_WORDS, msg("表示数量或期限的词", "Words that state an amount or a deadline")),
    ),
    examples=(
        Example("goals: {annual: 建成火炬统计信息服务平台，全年接待参观团组不少于200批次。}"),
        Example("goals: {annual: 依据社保规定，按时足额缴纳残疾人就业保障金。}"),
        Example("goals: {annual: 按项目预算，保质保量、按时完成接待工作。}", ("/goals/annual",)),
        Example("goals: {overall: 总目标是完成2020年科创办各项主要工作任务, annual: 12月底前完成3个功能模块开发。}", ("/goals/overall",)),
    ),
)
def check(decl, opts):
    goals = decl.get("goals")
    if not isinstance(goals, dict):
        return
    concrete = words(opts["deliverables"]) + words(opts["actions"]) + words(opts["amount_words"])
    for key, zh, en in _FIELDS:
        raw = goals.get(key)
        if not isinstance(raw, str):
            continue
        text = clean(raw)
        if not text or measures(text) or any(w in text for w in concrete):
            continue
        shown = _short(display(raw))
        yield finding(
            f"/goals/{key}",
            f"{zh}“{shown}”没有可衡量的内容（数量、期限或具体交付物）：写明要完成什么、多少、何时，如“全年开展培训不少于200场次，服务群众不少于1万人次”。",
            f"The {en} \"{shown}\" states nothing measurable (no quantity, deadline or deliverable): say what will "
            f"be delivered, how much and by when, e.g. \"at least 200 training sessions serving 10,000 people in the year\".",
        )


def _short(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else text[:limit] + "…"
