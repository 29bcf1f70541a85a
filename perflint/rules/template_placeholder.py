from perflint.engine.rule import Example, finding, msg, rule
from perflint.model.cells import placeholder


@rule(
    id="template-placeholder",
    severity="info",
    group="A",
    basis="S",
    summary=msg("名称中不得留有模板提示", "No template hint is left in a name"),
    description=msg(
        "指标名称里保留了模板的填写提示时报告：括号中只有比较符号和单位、没有数字（“公猪舍(≥**平方米)”“排污沟(≥米)”"
        "“景点开发数量( ≥**个 )”），或“≥**人”“XX”之类的占位符。名称开头单个“*”是模板标注的核心指标，不报告。",
        "Reports an indicator name that still carries the template's fill-in hint: brackets holding only an "
        "operator and a unit with no number (\"公猪舍(≥**平方米)\", \"排污沟(≥米)\", \"景点开发数量( ≥**个 )\"), or "
        "a placeholder such as \"≥**人\" or \"XX\". A single leading \"*\" is the template's mark of a core "
        "indicator and is not reported.",
    ),
    rationale=msg(
        "模板提示说明该处应填什么，保留下来说明名称是照抄模板的；提示里的比较符号只在名称中、不在指标值里，"
        "审核时无法判断目标究竟是下限还是确切值。",
        "A hint says what belongs there; left in, it shows the name was copied from the template, and an "
        "operator that lives only in the name, not in the target, leaves the reviewer unable to tell a floor "
        "from an exact value.",
    ),
    sources=msg("云南、湖南公开的绩效目标表与自评表（模板提示留在指标名称中的实例）",
                "Published Yunnan and Hunan forms (template hints left in names)"),
    examples=(
        Example("indicators: [{level1: 产出指标, level2: 数量指标, name: 公猪舍建设面积, target: '≥22.8平方米'}]"),
        Example("indicators: [{level1: 产出指标, level2: 质量指标, name: '*建设质量达标率', target: '>=98%'}]"),
        Example("indicators: [{level1: 产出指标, level2: 数量指标, name: '公猪舍(≥**平方米)', target: '22.8'}]",
                ("/indicators/0/name",)),
        Example("indicators: [{level1: 产出指标, level2: 数量指标, name: '排污沟(≥米)', target: '230'}]", ("/indicators/0/name",)),
    ),
    kinds=("declaration", "self-evaluation"),
)
def check(decl, opts):
    for ind in decl.indicators:
        found = placeholder(ind.name)
        if found:
            hint = found.text
            yield finding(ind.at("name"), f"名称“{ind.name}”留有模板的填写提示“{hint}”：删去提示，把比较符号和数值写进指标值。",
                          f"The name \"{ind.name}\" still carries the template's hint \"{hint}\": drop it and put the "
                          "operator and the number in the target.")
