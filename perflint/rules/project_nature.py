import difflib

from perflint.core.diagnostic import Severity
from perflint.engine.rule import Example, Option, finding, msg, rule
from perflint.model.names import words

NATURES = ("市委市政府已确定的新增项目", "结转项目", "其他一次性项目", "经常性专项业务费", "其他经常性项目")


@rule(
    id="project-nature",
    severity="error",
    group="A",
    basis="S",
    summary=msg("项目性质只能选一项", "A project has exactly one nature"),
    description=msg(
        "project.nature（2019 项目类型 / 2020 项目类别 / 2024 项目性质）只能有一个值；勾选多项（如同时勾选“其他一次性项目”"
        "和“经常性专项业务费”）为错误。上海表样的取值不在规定选项中时给出警告（选项可配置，设为空列表则不检查取值）。",
        "project.nature (项目类型 in 2019, 项目类别 in 2020, 项目性质 in 2024) takes one value; ticking several boxes "
        "(such as both 其他一次性项目 and 经常性专项业务费) is an error. On Shanghai forms a value outside the printed "
        "choices is a warning (the choices are an option; an empty list skips that check).",
    ),
    rationale=msg(
        "项目性质决定预算的安排方式：一次性项目与经常性项目互相排斥，同时勾选会让审核无法判断是否应当延续安排。"
        "选项取自上海 2019、2020、2024 年表样上印制的勾选框。",
        "The nature decides how the budget is arranged: one-off and recurring projects exclude each other, and a "
        "form that ticks both leaves the reviewer unable to tell whether funding continues. The choices are the "
        "boxes printed on the Shanghai 2019, 2020 and 2024 forms.",
    ),
    sources=msg("上海市财政支出项目绩效目标申报表（2019、2020、2024 表样）", "Shanghai declaration forms, 2019, 2020 and 2024"),
    options=(Option("values", NATURES, msg("上海表样的可选项目性质", "The natures a Shanghai form offers")),),
    examples=(
        Example("era: sh-2024\nproject: {name: x, nature: 其他经常性项目}"),
        Example("era: sh-2019\nproject: {name: x, nature: [其他一次性项目, 经常性专项业务费]}", ("/project/nature",)),
        Example("era: sh-2020\nproject: {name: x, nature: 经常性业务费}", ("/project/nature",)),
    ),
)
def check(decl, opts):
    nature = decl.get("project", "nature")
    if isinstance(nature, list):
        ticked = [str(n) for n in nature if n not in (None, "")]
        if len(ticked) > 1:
            yield finding("/project/nature",
                          f"项目性质勾选了 {len(ticked)} 项（{'、'.join(ticked)}）：只能选一项，一次性项目与经常性项目互斥。",
                          f"{len(ticked)} natures are ticked ({', '.join(ticked)}): choose one; one-off and recurring exclude each other.")
            return
        nature = ticked[0] if ticked else None
    values = words(opts["values"])
    if not isinstance(nature, str) or not values or not decl.era.startswith("sh-"):
        return
    if nature.strip() not in values:
        near = difflib.get_close_matches(nature.strip(), values, n=1)
        hint_zh = f"，是否应为“{near[0]}”？" if near else f"。可选：{'、'.join(values)}。"
        hint_en = f"; did you mean {near[0]}?" if near else f". Choices: {', '.join(values)}."
        yield finding("/project/nature", f"项目性质“{nature}”不是表样中的选项{hint_zh}",
                      f"The nature \"{nature}\" is not one of the form's choices{hint_en}", severity=Severity.WARNING)
