from perflint.core.diagnostic import Severity
from perflint.engine.rule import Example, Option, finding, msg, rule
from perflint.model.names import words
from perflint.model.selfeval import grade_of, num
from perflint.model.vocabulary import GRADES

_DOC = "kind: self-evaluation\n"


def _grades(names, floors):
    floors = [f for f in floors if isinstance(f, int)]
    if len(names) != len(floors) + 1:
        return GRADES
    return tuple(zip(names, floors, strict=False)) + ((names[-1], 0),)


@rule(
    id="grade-band",
    severity="error",
    group="H",
    basis="V",
    summary=msg("评价等级与总分相符", "The grade matches the total"),
    description=msg(
        "评价等级按总分：优 ≥90，良 80–90，中 60–80，差 <60（选项 floors）。写明的等级与表上总分不符为错误。"
        "按各项评分规则重算的总分落在另一档时（如得分多给使 96.99 分“优”按规则只有 89.09 分“良”），提示一次。",
        "The grade follows the total: excellent (优) ≥90, good (良) 80–90, fair (中) 60–80, poor (差) <60 (option "
        "floors). A stated grade that disagrees with the printed total is an error. When the total the scoring rules "
        "give falls in another band (an over-generous score turning 96.99, \"优\", into 89.09, \"良\"), it is noted once.",
    ),
    rationale=msg(
        "中央部门自评采用四档：优 90–100、良 80–89、中 60–79、差 0–59。等级是自评结果最常被引用的部分，必须与分数一致。",
        "Central departments grade self-evaluations in four bands: excellent (优) 90–100, good (良) 80–89, fair (中) "
        "60–79, poor (差) 0–59. The "
        "grade is the most quoted part of the result and must agree with the score.",
    ),
    sources=msg("财政部预算司评价等级标准（转引）；财预〔2020〕10号", "MOF budget department grading standard (quoted); MOF 2020 No. 10"),
    options=(
        Option("floors", tuple(floor for _, floor in GRADES[:-1]), msg("优、良、中的最低分", "Lowest total of excellent (优), good (良) and fair (中)")),
        Option("names", tuple(name for name, _ in GRADES), msg("等级名称，由高到低", "Grade names, best first")),
    ),
    examples=(
        Example(_DOC + "selfeval: {total: {points: 100, score: 92.5}, grade: 优}"),
        Example(_DOC + "selfeval: {total: {points: 100, score: 88}, grade: 优}", ("/selfeval/grade",)),
        Example(_DOC + "selfeval: {execution: {full_year: 100, executed: 100, points: 10, score: 10}, total: {points: 100, score: 96}}\n"
                "indicators:\n  - {level1: 产出指标, level2: 数量指标, name: 接待场次, target: '=400场', actual: 182场, points: 90, score: 86}",
                ("/selfeval/total/score",)),
    ),
    kinds=("self-evaluation",),
)
def check(decl, opts):
    sc = decl.scorecard
    grades = _grades(words(opts["names"]), list(opts["floors"]))
    total = sc.total_score.value
    stated = decl.get("selfeval", "grade")
    if isinstance(stated, str) and stated.strip() and total is not None:
        expected = grade_of(total, grades)
        if stated.strip() != expected:
            yield finding("/selfeval/grade", f"评价等级写作“{stated.strip()}”，但总分 {num(total)} 对应“{expected}”。",
                          f"The grade is \"{stated.strip()}\", but a total of {num(total)} is \"{expected}\".")
    recomputed, declared = sc.recomputed_sum(), sc.declared_sum()
    if recomputed is None or declared is None or sc.truncated or not sc.has_total:
        return
    before, after = grade_of(declared, grades), grade_of(recomputed, grades)
    if before != after:  # an addition error is total-score's: compare with what the printed scores add up to
        yield finding(sc.total_score.pointer,
                      f"按各项评分规则重算，总分为 {sc.total_how(recomputed=True)} = {num(recomputed)}（“{after}”），"
                      f"而不是各项所填得分合计的 {num(declared)}（“{before}”）。",
                      f"Rescored by the rules, the total is {sc.total_how(recomputed=True)} = {num(recomputed)} (\"{after}\"), "
                      f"not the {num(declared)} (\"{before}\") the printed scores add up to.", severity=Severity.INFO)
