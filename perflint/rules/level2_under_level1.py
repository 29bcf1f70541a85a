from perflint.engine.rule import Example, finding, msg, rule
from perflint.model import categories as C

_FORWARD = {(C.COST, C.COST)}  # a first-level 成本指标 (newer guides) is accepted on every tree


@rule(
    id="level2-under-level1",
    severity="error",
    group="A",
    basis="S",
    summary=msg("二级指标须归属正确的一级指标", "A second level must sit under its first level"),
    description=msg(
        "按申报表自身的表样年代（era，缺省时推断）检查二级指标是否放在允许的一级指标下：如 2024 表"
        "“产出指标 › 社会效益指标”是错的。满意度的位置随年代变化：2024 及中央表为“满意度指标 › 服务对象满意度指标”，"
        "2020 表为“效果目标 › 满意度”，2019 表为效果目标或影响力目标下的“满意度目标”。两级名称中有一个无法识别时"
        "由 unknown-category 报告。",
        "Checks against the declaration's own era (era:, or inferred) that each second level sits under a first "
        "level that allows it: \"产出指标 › 社会效益指标\" on a 2024 form is wrong. Satisfaction moves between eras: "
        "\"满意度指标 › 服务对象满意度指标\" on 2024 and central forms, \"效果目标 › 满意度\" on 2020 forms, "
        "\"满意度目标\" under \"效果目标\" or \"影响力目标\" on 2019 forms. Names that cannot be recognised are "
        "unknown-category's finding.",
    ),
    rationale=msg(
        "一级指标决定指标的性质和自评时的权重（通常产出 50、效益 30、满意度 10，财预〔2020〕10号）；放错一级，产出、效益是否齐全的判断和"
        "自评计分都会错。各年代允许的组合取自公开的填报要求和上海 2019/2020/2024 真实表样。",
        "The first level decides what an indicator is and how it is weighted at self-evaluation (normally outputs 50, "
        "benefits 30, satisfaction 10, MOF 2020 No. 10); filed under the wrong one, both the completeness checks and the scoring "
        "go wrong. The allowed pairs per era come from published filing requirements and the real Shanghai forms.",
    ),
    sources=msg("扶贫项目资金绩效目标设定要求（二级指标清单）；上海 2019/2020/2024 申报表样",
                "Poverty-relief target requirements (second-level list); Shanghai 2019/2020/2024 forms"),
    examples=(
        Example("era: sh-2020\nindicators: [{level1: 效果目标, level2: 满意度, name: 参观人员满意度, target: '>=95%'}]"),
        Example("era: sh-2019\nindicators: [{level1: 影响力目标, level2: 满意度目标, name: 参观受众满意度, target: '≧95%'}]"),
        Example("era: sh-2024\nindicators: [{level1: 产出指标, level2: 社会效益指标, name: 参观人数, target: '≥2000(人)'}]", ("/indicators/0/level2",)),
        Example("era: sh-2024\nindicators: [{level1: 效益指标, level2: 满意度, name: 参观者满意度, target: '≥95%'}]", ("/indicators/0/level2",)),
        Example("era: sh-2020\nindicators: [{level1: 影响力目标, level2: 满意度, name: 参观人员满意度, target: '>=95%'}]", ("/indicators/0/level2",)),
    ),
    kinds=("declaration", "self-evaluation"),
)
def check(decl, opts):
    template = decl.template
    era, tree = template.id, template.tree
    for ind in decl.indicators:
        l1, l2 = ind.level1_labelled, ind.level2
        if l1 is None or l2 is None or l1 not in tree or (l1, l2) in _FORWARD or l2 in tree[l1]:
            continue
        homes = template.homes(l2)
        if homes:
            right = "或".join(f"“{h} › {template.level2_label(l2)}”" for h in homes)
            right_en = " or ".join(f"\"{h} › {template.level2_label(l2)}\"" for h in homes)
            fix_zh, fix_en = f"{era} 表样中应放在{right}下", f"{era} forms file it as {right_en}"
        else:
            allowed = "、".join(template.allowed_level2_labels(l1))
            allowed_en = ", ".join(f"\"{label}\"" for label in template.allowed_level2_labels(l1))
            fix_zh, fix_en = f"{era} 表样没有这个二级指标；“{ind.level1_raw}”下可用 {allowed}", \
                f"{era} forms have no such second level; under \"{ind.level1_raw}\" use {allowed_en}"
        yield finding(ind.at("level2"), f"二级指标“{ind.level2_raw}”不应放在一级指标“{ind.level1_raw}”下：{fix_zh}。",
                      f"\"{ind.level2_raw}\" does not belong under \"{ind.level1_raw}\": {fix_en}.")
