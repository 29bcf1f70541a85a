from perflint.engine.rule import Example, Option, finding, msg, rule
from perflint.model import vocabulary as V
from perflint.model.goaltext import quantities, shared_noun
from perflint.model.names import words
from perflint.model.period import is_multi_year

STOP_WORDS = V.GOAL_STOP_WORDS


def _conflicts(goal, value, op) -> bool:
    """Whether a target (op value) falls short of or contradicts a counted goal."""
    if op in ("≤", "<"):
        return False
    if op == ">":
        return value + 1 < goal.value
    if value < goal.value:
        return True
    return op in ("=", None) and value != goal.value and not goal.floor


@rule(
    id="goal-number-conflict",
    severity="warning",
    group="C",
    basis="C",
    summary=msg("目标与指标中的数量须一致", "Counts in the goals and indicators agree"),
    description=msg(
        "同一申报表内交叉核对计数：年度绩效目标中的“3个功能模块”大于总目标中的同一事物，或单年度项目两处数量不同；"
        "目标写“完成3个功能模块”而对应指标（名称与目标共享名词、单位相同）只要求 ≥2个 或 =2个。"
        "只比较单位相同、名词相同（去掉“项目、工作、完成”等泛词后至少两个字相同）的计数；约数（500余场）、年份和“不少于”下限按其含义处理。",
        "Counts are cross-checked inside one declaration: the annual goal promises more of a thing than the overall "
        "goal, or a single-year project gives two different counts; or a goal says \"完成3个功能模块\" while the "
        "matching indicator (same unit, a shared noun) only asks for \"≥2个\" or \"=2个\". Only counts with the same "
        "unit and the same noun (at least two characters in common once generic words such as \"项目\", \"工作\", "
        "\"完成\" are removed) are compared; approximate figures (\"500余场\"), years and floors (\"不少于\") are read "
        "for what they say.",
    ),
    rationale=msg(
        "目标与指标应相应匹配；同一事物在一张表上出现两个数，审核和评价时无法确定以哪个为准。按名词匹配是本项目的启发式约定。",
        "Goals and indicators should match; with two numbers for the same thing on one form, nobody can tell "
        "which will be assessed. Matching by noun is this project's heuristic.",
    ),
    options=(Option("stop_words", STOP_WORDS, msg("匹配名词时忽略的泛词", "Generic words ignored when matching nouns")),),
    examples=(
        Example("goals: {annual: 全年完成3个功能模块开发。}\nindicators: [{level1: 产出指标, level2: 数量指标, name: 功能模块数量, target: '≥3个'}]"),
        Example("project: {multi_year: true}\ngoals: {overall: 三年建成6个实验平台, annual: 本年建成2个实验平台}"),
        Example("goals: {annual: 全年完成3个功能模块开发。}\nindicators: [{level1: 产出指标, level2: 数量指标, name: 功能模块数量, target: '≥2个'}]",
                ("/indicators/0/target",)),
        Example("goals: {overall: 建成2个实验平台, annual: 建成3个实验平台}", ("/goals/annual",)),
    ),
)
def check(decl, opts):
    goals = decl.get("goals")
    if not isinstance(goals, dict):
        return
    stop = words(opts["stop_words"])
    overall = quantities(goals.get("overall")) if isinstance(goals.get("overall"), str) else ()
    annual = quantities(goals.get("annual")) if isinstance(goals.get("annual"), str) else ()
    total, annual_amount = decl.amount("budget", "total"), decl.amount("budget", "annual")
    split = total is not None and annual_amount is not None and total > annual_amount
    single_year = not (is_multi_year(decl) or split)
    for a in annual:
        for o in overall:
            if a.unit != o.unit or not shared_noun(a.noun, o.noun, stop):
                continue
            if a.value > o.value or (single_year and a.value != o.value and not (a.floor or o.floor)):
                why_zh = "单年度项目的年度目标即总目标" if single_year else "年度目标不能超过总目标"
                why_en = "for a single-year project the annual goal is the overall goal" if single_year \
                    else "the annual goal cannot exceed the overall goal"
                yield finding(
                    "/goals/annual",
                    f"年度绩效目标写“{a.text}”，项目总目标却写“{o.text}”：两处数量须一致（{why_zh}）。",
                    f"The annual goal says \"{a.text}\" but the overall goal says \"{o.text}\": make them agree ({why_en}).",
                )
                break
    promised = annual + (overall if single_year else ())
    counted = [ind for ind in decl.indicators
               if ind.target.kind == "number" and ind.target.value is not None and ind.target.unit]
    for q in promised:
        # compare a promise only with the indicators that match it best: 完成1次网络安全等级保护测评
        # is about 网络安全等级保护测评次数, not about 数据安全事故发生次数, though both share 安全
        matches = [(len(shared_noun(q.noun, ind.name, stop) or ""), ind) for ind in counted if ind.target.unit == q.unit]
        best = max((n for n, _ in matches), default=0)
        if best < 2:
            continue
        for ind in (ind for n, ind in matches if n == best and _conflicts(q, ind.target.value, ind.target.op)):
            t = ind.target
            yield finding(
                ind.at("target"),
                f"目标写“{q.text}”，指标“{ind.name}”却是“{t.raw}”：指标值应与目标一致（如 ≥{q.written}），或修改目标。",
                f"The goal says \"{q.text}\" but the indicator \"{ind.name}\" targets \"{t.raw}\": make the target "
                f"agree with the goal (e.g. \"≥{q.written}\") or change the goal.",
            )
