from perflint.engine.rule import Example, Option, finding, msg, rule


@rule(
    id="unit-required",
    severity="warning",
    group="B",
    basis="V",
    summary=msg("定量指标须有度量单位", "A quantitative target needs a unit"),
    description=msg(
        "数值或区间型指标值须带度量单位（%、人、人次、次、个、批次、场、天、小时、元、万元、台、套…）。"
        "默认不要求 0 带单位（“造成生态环境破坏 =0”没有歧义，选项 allow_zero）。系数、指数、倍数、比值本身没有单位（“灌溉水有效利用系数 ≥0.6”），不报告。",
        "A numeric or range target needs a unit of measure (\"%\", \"人\", \"人次\", \"次\", \"个\", \"批次\", \"场\", "
        "\"天\", \"小时\", \"元\", \"万元\", \"台\", \"套\"…). A zero is exempt by default (\"造成生态环境破坏 =0\" is unambiguous; option allow_zero). "
        "Coefficients, indices, multiples and ratios are pure numbers (\"灌溉水有效利用系数 ≥0.6\") and need none.",
    ),
    rationale=msg(
        "绩效目标表和自评表设有“度量单位/计量单位”栏；“1”可能是 1 个、1 套或 1 期，无法与实际完成值比较。",
        "Target and self-evaluation tables have a unit of measure (度量单位 / 计量单位) column; \"1\" may be one item, one set or "
        "one phase and cannot be compared with the actual value.",
    ),
    sources=msg("四川省部门预算项目支出绩效自评表（度量单位栏）；岳阳楼区整体绩效目标表（计量单位栏）",
                "Sichuan self-evaluation form, its unit (度量单位) column; Yueyanglou district target table, its unit "
                "(计量单位) column"),
    options=(Option("allow_zero", True, msg("0 可以不带单位", "A zero needs no unit")),),
    examples=(
        Example("indicators: [{level1: 产出指标, level2: 数量指标, name: 开发系统数量, target: '=1(套)'}]"),
        Example("indicators: [{level1: 效果目标, level2: 生态效益目标, name: 造成生态环境破坏, target: '=0'}]"),
        Example("indicators: [{level1: 产出目标, level2: 数量目标, name: 完成火炬统计系统开发, target: '1'}]", ("/indicators/0/target",)),
        Example("indicators: [{level1: 效果目标, level2: 生态效益目标, name: 造成生态环境破坏, target: '=0'}]",
                ("/indicators/0/target",), {"allow_zero": False}),
    ),
    kinds=("declaration", "self-evaluation"),
)
def check(decl, opts):
    for ind in decl.indicators:
        t = ind.target
        if t.kind not in ("number", "range") or t.unit is not None or t.value is None or ind.reading.dimensionless:
            continue
        if opts["allow_zero"] and t.value == 0 and (t.value2 is None or t.value2 == 0):
            continue
        yield finding(
            ind.at("target"),
            f"“{ind.name}”的指标值“{t.raw}”没有度量单位：写明单位，如 {t.raw}个、{t.raw}套、{t.raw}次。",
            f"\"{ind.name}\" has target \"{t.raw}\" with no unit: add one, e.g. \"{t.raw}个\", \"{t.raw}套\" or \"{t.raw}次\".",
        )
