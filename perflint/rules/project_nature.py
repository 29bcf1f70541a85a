import difflib

from perflint.core.diagnostic import Severity
from perflint.engine.rule import Example, Option, finding, msg, rule
from perflint.model import vocabulary as V
from perflint.model.boxes import ticked as ticked_boxes
from perflint.model.names import words


def _exclusive(ticked: list[str], choices) -> bool:
    """Whether the ticked natures exclude each other: any two of a template's own boxes do, and so does a
    pair the vocabulary knows to exclude each other (一次性 / 经常性, 新增性 / 持续性 …) on any template."""
    if choices and sum(1 for n in ticked if n.strip() in choices) > 1:
        return True
    return any(any(a in x for x in ticked) and any(b in y for y in ticked) for a, b in V.EXCLUSIVE_NATURES)


@rule(
    id="project-nature",
    severity="error",
    group="A",
    basis="S",
    summary=msg("项目性质只能选一项", "A project has exactly one nature"),
    description=msg(
        "project.nature（2019 项目类型 / 2020 项目类别 / 2024 项目性质 / 其他表样的项目属性）只能有一个值：勾选了表样中两个"
        "选项，或勾选了互相排斥的两项（一次性与经常性、新增性与持续性…），为错误。用 era 写明表样时，取值不在该表样"
        "（templates/ 的 natures）印制的选项中给出警告；按内容识别的表样可能是印着其他选项的地方表样，不检查取值。"
        "选项 values 可指定所有表样的可选值。",
        "project.nature (\"项目类型\" in 2019, \"项目类别\" in 2020, \"项目性质\" in 2024, \"项目属性\" on other templates) takes one "
        "value: ticking two of the template's boxes, or two natures that exclude each other (one-off and "
        "recurring, new and continuing…), is an error. When a document names its template in era, a value "
        "outside the boxes that template prints (templates/: natures) is a warning; a template recognised from "
        "the content may be a local variant with other boxes, so its values are not checked. The values option "
        "sets the choices for every template.",
    ),
    rationale=msg(
        "项目性质决定预算的安排方式：一次性项目与经常性项目互相排斥，同时勾选会让审核无法判断是否应当延续安排。"
        "选项取自上海 2019、2020、2024 年表样上印制的勾选框。",
        "The nature decides how the budget is arranged: one-off and recurring projects exclude each other, and a "
        "form that ticks both leaves the reviewer unable to tell whether funding continues. The choices are the "
        "boxes printed on the Shanghai 2019, 2020 and 2024 forms.",
    ),
    sources=msg("上海市财政支出项目绩效目标申报表（2019、2020、2024 表样）", "Shanghai declaration forms, 2019, 2020 and 2024"),
    options=(Option("values", (), msg("可选的项目性质；为空时用表样（templates/）自己的选项", "The natures a form offers; empty: the template's own boxes (templates/)")),),
    examples=(
        Example("era: sh-2024\nproject: {name: x, nature: 其他经常性项目}"),
        Example("era: sh-2019\nproject: {name: x, nature: [其他一次性项目, 经常性专项业务费]}", ("/project/nature",)),
        Example("era: sh-2020\nproject: {name: x, nature: 经常性业务费}", ("/project/nature",)),
        Example("department: 县供销社\nproject: {name: x, nature: 持续性项目}"),
        Example("department: 县供销社\nproject: {name: x, nature: [持续性项目, 新增性项目]}", ("/project/nature",)),
    ),
)
def check(decl, opts):
    template = decl.template
    values = words(opts["values"]) or template.natures
    nature = decl.get("project", "nature")
    if isinstance(nature, list):
        ticked = ticked_boxes(nature)
        if len(ticked) > 1 and _exclusive(ticked, values):
            listed = ", ".join(f'"{t}"' for t in ticked)
            yield finding("/project/nature",
                          f"项目性质勾选了 {len(ticked)} 项（{'、'.join(ticked)}）：只能选一项，这些选项互相排斥。",
                          f"{len(ticked)} natures are ticked ({listed}): choose one; they exclude each other.")
            return
        nature = ticked[0] if len(ticked) == 1 else None
    # The printed choices are known for a template the document names; a recognised one may be a local
    # variant printing other boxes (经常性项目 / 一次性项目, 持续性 / 新增性), whose words are not defects.
    if not isinstance(nature, str) or not values or not (decl.template_declared or words(opts["values"])):
        return
    if nature.strip() not in values:
        near = difflib.get_close_matches(nature.strip(), values, n=1)
        hint_zh = f"，是否应为“{near[0]}”？" if near else f"。可选：{'、'.join(values)}。"
        choices = ", ".join(f'"{v}"' for v in values)
        hint_en = f"; did you mean \"{near[0]}\"?" if near else f". Choices: {choices}."
        yield finding("/project/nature", f"项目性质“{nature}”不是表样中的选项{hint_zh}",
                      f"The nature \"{nature}\" is not one of the form's choices{hint_en}", severity=Severity.WARNING)
