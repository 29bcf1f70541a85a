from perflint.engine.rule import Example, finding, msg, rule
from perflint.model.cells import fill_in_hint


@rule(
    id="template-placeholder",
    severity="info",
    group="B",
    basis="S",
    summary=msg("指标名称中不留表样的填写提示", "No template fill-in hint left in an indicator's name"),
    description=msg(
        "三级指标名称末尾留着表样的填写提示，如“公猪舍(≥**平方米)”“排污沟(≥米)”“保育栏(≥套)”：提示中的比较符号和单位"
        "应写进指标值（≥22.8平方米），名称只写所衡量的对象。perflint 按提示补全指标值来读（不会再报缺少符号或单位），"
        "这里只提示一次名称的问题。",
        "A third-level name ending in the template's fill-in hint, such as \"公猪舍(≥**平方米)\", \"排污沟(≥米)\" or "
        "\"保育栏(≥套)\": the hint's operator and unit belong in the target (≥22.8平方米), and the name should name "
        "what is measured. perflint reads the target completed by the hint (no missing operator or unit is "
        "reported for it); this notes the name once.",
    ),
    rationale=msg(
        "表样用“≥**”提示填写人写出目标值；提示留在名称里、目标栏只写裸数，目标要靠名称才读得懂，汇总和比对时容易出错。",
        "A template prints \"≥**\" to prompt for the value; left in the name with a bare number in the target "
        "cell, the target can only be read through the name, and summaries and comparisons go wrong.",
    ),
    sources=msg("云南昌宁 2022 自评表；湖南南岳 2018 申报表", "Yunnan Changning 2022 self-evaluation; Hunan Nanyue 2018 declaration"),
    examples=(
        Example("indicators: [{level1: 产出指标, level2: 数量指标, name: 公猪舍面积, target: '≥22.8平方米'}]"),
        Example("indicators: [{level1: 产出指标, level2: 数量指标, name: 完成率（%）, target: '≥95%'}]"),
        Example("indicators: [{level1: 产出指标, level2: 数量指标, name: 公猪舍(≥**平方米), target: '22.8'}]", ("/indicators/0/name",)),
    ),
    kinds=("declaration", "self-evaluation"),
)
def check(decl, opts):
    for ind in decl.indicators:
        hint = fill_in_hint(ind.name)
        if hint is None:
            continue
        op, unit = hint
        example = ind.target_raw if ind.target_cell else f"{op}X{unit}"  # the target as the hint completes it
        yield finding(
            ind.at("name"),
            f"指标名称“{ind.name}”末尾留着表样的填写提示：把“{op}…{unit}”写进指标值（如 {example}），名称只写衡量对象。",
            f"The name \"{ind.name}\" still ends in the template's fill-in hint: put \"{op}…{unit}\" into the target "
            f"(e.g. {example}) and let the name say what is measured.",
        )
