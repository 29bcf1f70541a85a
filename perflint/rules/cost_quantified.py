from perflint.engine.rule import Example, finding, msg, rule
from perflint.model import categories as C
from perflint.model import vocabulary as V
from perflint.model.money_fields import target_in_yuan
from perflint.model.names import core, ending


@rule(
    id="cost-quantified",
    severity="error",
    group="E",
    basis="V",
    summary=msg("成本指标须为金额", "A cost indicator must be a money amount"),
    description=msg(
        "成本指标（一级“成本指标”或“产出指标 › 成本指标”）的指标值须是带金额单位的数值：总成本、分项成本写 ≤X元 或 "
        "≤X万元，单位成本写 ≤X元/人 等。百分比（成本控制率）、“不超预算”“符合相关规定”都不算。产出指标下完全没有"
        "数值的成本目标由 output-quantified 报告。",
        "A cost indicator, at the first level cost (成本指标) or under outputs › cost (产出指标 › 成本指标), needs a "
        "numeric target in a money unit: \"≤X元\" or \"≤X万元\" for a total or itemised cost, \"≤X元/人\" (and the like) for a "
        "unit cost. A percentage (a cost-control rate), \"不超预算\" or \"符合相关规定\" does not count. A cost target "
        "with no number at all under "
        "outputs is output-quantified's finding.",
    ),
    rationale=msg(
        "上海 2025 指引把经济成本分为总成本、单位成本和分项成本，单位成本参照成本定额或支出标准，这些都是金额；"
        "公开的目标表里“成本控制率 — 不超预算”一类写法无法与预算核对。",
        "The 2025 Shanghai guide splits economic cost into total, unit and itemised cost, unit costs following "
        "cost quotas or spending standards: all money amounts. Published tables show \"成本控制率 — 不超预算\", "
        "which cannot be checked against the budget.",
    ),
    sources=msg("上海市市级部门项目支出核心绩效目标和指标设置及取值指引（试行）（2025）；鄂州市 2022 项目支出绩效目标表",
                "Shanghai core performance indicator guide (trial, 2025); Ezhou 2022 target tables"),
    examples=(
        Example("indicators:\n  - {level1: 成本指标, level2: 经济成本指标, name: 项目总成本, target: '≤649.17万元'}\n"
                "  - {level1: 成本指标, level2: 经济成本指标, name: 人均培训成本, target: '≤800元/人'}"),
        Example("indicators: [{level1: 成本指标, level2: 经济成本指标, name: 成本控制率, target: '≤100%'}]", ("/indicators/0/target",)),
        Example("indicators: [{level1: 成本指标, level2: 经济成本指标, name: 成本控制, target: 不超预算}]", ("/indicators/0/target",)),
    ),
    kinds=("declaration", "self-evaluation"),
    defers_to=("output-quantified",),
)
def check(decl, opts):
    for ind in decl.indicators:
        worded = C.stem(ind.level2_raw) in V.WORDED_COSTS
        if not ind.is_cost or (worded and (not ending(ind.name, V.COST_ENDINGS) or core(ind.name) in V.WORDED_COSTS)):
            continue  # 社会成本 / 生态环境成本 are stated in words (对周边居民的不利影响: 无), unless the name is money
        t = ind.target
        if t.kind == "empty" or target_in_yuan(t)[0] is not None:
            continue
        yield finding(ind.at("target"), f"成本指标“{ind.name}”的指标值“{t.raw}”不是金额：写成 ≤X元、≤X万元（总成本、分项成本）或 ≤X元/人（单位成本）。",
                      f"Cost indicator \"{ind.name}\" has target \"{t.raw}\", which is not a money amount: write \"≤X元\" or "
                      "\"≤X万元\" (total or itemised cost) or \"≤X元/人\" (unit cost).")
