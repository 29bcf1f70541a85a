from perflint.engine.rule import Example, finding, msg, rule
from perflint.model.fields import is_blank
from perflint.model.selfeval import is_unwritten

_FIELDS = (
    (("goals", "expected"), "预期目标", "the expected goal"),
    (("goals", "actual"), "实际完成情况", "the account of what was achieved"),
    (("implementation",), "项目实施内容及过程概述", "the implementation summary"),
    (("conclusion",), "评价结论", "the conclusion"),
    (("problems",), "存在问题", "the problems found"),
    (("measures",), "改进措施", "the remedies"),
)
_DOC = "kind: self-evaluation\nselfeval:\n"


@rule(
    id="selfeval-narrative",
    severity="warning",
    group="H",
    basis="V",
    summary=msg("自评的文字栏须如实填写", "The self-evaluation's narrative cells are written"),
    description=msg(
        "表上有的文字栏——预期目标、实际完成情况、项目实施内容及过程概述、评价结论、存在问题、改进措施——不能空白，"
        "也不能只留着表样的填写说明（如“结合自评情况,分析存在的问题及原因。(200字以内)”）。表上没有的栏不要求。",
        "The narrative cells a form has — expected goal, what was achieved, implementation summary, conclusion, "
        "problems, remedies — are neither blank nor left holding the template's printed instruction (such as "
        "\"结合自评情况,分析存在的问题及原因。(200字以内)\"). Cells a form does not have are not required.",
    ),
    rationale=msg(
        "自评要说明项目自评总分和取得的成效、分析存在的问题并提出改进措施（四川表样各栏限 200 字以内）；"
        "留着填写说明提交，等于没有自评结论。",
        "A self-evaluation states its total and what was achieved, analyses its problems and proposes remedies (the "
        "Sichuan form allows 200 characters each); submitted with the instructions still in place, it has no conclusion at all.",
    ),
    sources=msg("四川省部门预算项目支出绩效自评表（评价结论、存在问题、改进措施）", "Sichuan self-evaluation form (conclusion, problems, remedies)"),
    examples=(
        Example(_DOC + "  conclusion: 项目自评得分95.5分，评价等级为优，按时足额发放工资。\n  problems: 无"),
        Example(_DOC + "  conclusion: 结合自评情况,说明项目自评总分,说明项目实施取得的成效或成果。(200字以内)", ("/selfeval/conclusion",)),
        Example(_DOC + "  implementation: null", ("/selfeval/implementation",)),
    ),
    kinds=("self-evaluation",),
)
def check(decl, opts):
    se = decl.get("selfeval")
    if not isinstance(se, dict):
        return
    for keys, zh, en in _FIELDS:
        parent = se.get(keys[0]) if len(keys) == 2 else se
        if not isinstance(parent, dict) or keys[-1] not in parent:
            continue
        value = parent[keys[-1]]
        if keys == ("problems",) and isinstance(value, str) and value.strip() == "无":
            continue  # "no problems" is an answer
        if not is_unwritten(value):
            continue
        pointer = "/selfeval/" + "/".join(keys)
        if is_blank(value):
            yield finding(pointer, f"{zh}一栏空白：如实填写。", f"The cell for {en} is blank: fill it in.")
        else:
            yield finding(pointer, f"{zh}一栏只有表样的填写说明“{str(value).strip()[:40]}”：按说明如实填写。",
                          f"The cell for {en} holds only the template's instruction \"{str(value).strip()[:40]}\": write it.")
