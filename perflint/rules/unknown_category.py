from perflint.engine.rule import Example, finding, msg, rule
from perflint.model import categories as C
from perflint.model.templates import get as template_named
from perflint.model.templates import suggest

# A first-level 成本指标 is accepted on the pre-2025 trees too: adding it follows the newer guides.
_FORWARD = {C.COST}


def _unknown(label: str, template, level: int, known: list[str], what_zh: str, what_en: str):
    near = suggest(label, template, level)
    ask_zh, ask_en = (f"是否应为“{near}”？", f"did you mean \"{near}\"? ") if near else ("", "")
    listed = "、".join(known)
    listed_en = ", ".join(f"\"{k}\"" for k in known)
    return (f"{what_zh}“{label}”不是规定名称：{ask_zh}可用的名称为 {listed}。",
            f"\"{label}\" is not a known {what_en}: {ask_en}use one of {listed_en}.")


@rule(
    id="unknown-category",
    severity="error",
    group="A",
    basis="S",
    summary=msg("一级、二级指标须为规定名称", "Category names must be known"),
    description=msg(
        "一级、二级指标名称须能归入规定的指标体系（含各年代写法：产出指标/产出目标，数量指标/数量目标/数量，"
        "效果目标，影响力目标，投入和管理目标……），并尽量给出最接近的规定名称。一级指标须是该表样年代使用的"
        "（如 2024 表没有“投入和管理目标”）；投入和管理类下的二级指标是自由填写的，不检查。名称为空也报告。",
        "First- and second-level names must map onto the indicator tree (any era's spelling: \"产出指标/产出目标\", "
        "\"数量指标/数量目标/数量\", \"效果目标\", \"影响力目标\", \"投入和管理目标\"…); the nearest known name is "
        "suggested. A first level must be one the form's era uses (a 2024 form has no \"投入和管理目标\"). Second levels under "
        "management are free labels and are not checked. A blank name is reported too.",
    ),
    rationale=msg(
        "规则按一级、二级指标判断产出、效益、满意度和成本是否齐全、是否量化；无法识别的名称会让这些检查失效。"
        "名称表取自公开的填报要求（产出：数量、质量、时效、成本；效益：经济、社会、生态、可持续影响）和上海 2019/2020/2024 真实表样。",
        "The other rules decide from the first and second levels whether outputs, benefits, satisfaction and "
        "cost are present and quantified; a name that cannot be recognised defeats them. The names come from "
        "published filing requirements (outputs: quantity, quality, timeliness, cost; benefits: economic, social, "
        "ecological, sustainable) and the real Shanghai 2019/2020/2024 forms.",
    ),
    sources=msg("扶贫项目资金绩效目标设定要求（二级指标清单）；上海 2019/2020/2024 申报表样",
                "Poverty-relief target requirements (second-level list); Shanghai 2019/2020/2024 forms"),
    examples=(
        Example("era: sh-2020\nindicators: [{level1: 效果目标, level2: 环境效益, name: 造成园区生态环境破坏, target: '=0'}]"),
        Example("era: sh-2024\nindicators: [{level1: 产出指示, level2: 数量指标, name: 接待批次, target: '≥200(批次)'}]", ("/indicators/0/level1",)),
        Example("era: sh-2024\nindicators: [{level1: 效益指标, level2: 社会效应指标, name: 参观人数, target: '≥2000(人)'}]", ("/indicators/0/level2",)),
        Example("era: sh-2024\nindicators: [{level1: 投入和管理目标, level2: 财务管理, name: 资金到位率, target: '100%'}]", ("/indicators/0/level1",)),
    ),
    kinds=("declaration", "self-evaluation"),
)
def check(decl, opts):
    template = decl.template
    era = template.id
    era_level1 = set(template.tree) | _FORWARD
    level1_names = list(template.level1_labels.values())
    for ind in decl.indicators:
        l1 = ind.level1_labelled
        if not ind.level1_raw:
            yield finding(ind.at("level1"), f"指标“{ind.name}”没有一级指标：填写如“{template.level1_label(C.OUTPUT)}”。",
                          f"Indicator \"{ind.name}\" has no first level: fill in e.g. \"{template.level1_label(C.OUTPUT)}\".",
                          on_key=True)
            continue
        if l1 is None:
            yield finding(ind.at("level1"), *_unknown(ind.level1_raw, template, 1, level1_names, "一级指标", f"first level for {era} forms"))
            continue
        if l1 not in era_level1:
            names = "、".join(level1_names)
            names_en = ", ".join(f"\"{n}\"" for n in level1_names)
            yield finding(ind.at("level1"), f"{era} 表样没有一级指标“{ind.level1_raw}”：改用 {names} 之一，或在 era 中写明实际使用的表样。",
                          f"{era} forms have no first level \"{ind.level1_raw}\": use one of {names_en}, or declare the form "
                          "actually used in era.")
            continue
        if l1 == C.MANAGEMENT:
            continue  # free second-level labels
        if not ind.level2_raw:
            yield finding(ind.at("level2"), f"指标“{ind.name}”没有二级指标：按表样填写。",
                          f"Indicator \"{ind.name}\" has no second level: fill it in as the form prints it.", on_key=True)
        elif ind.level2 is None:
            known = template.allowed_level2_labels(l1) or template_named("national").allowed_level2_labels(C.OUTPUT)
            yield finding(ind.at("level2"), *_unknown(ind.level2_raw, template, 2, known, "二级指标", f"second level under \"{ind.level1_raw}\""))
