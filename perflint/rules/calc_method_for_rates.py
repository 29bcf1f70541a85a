from perflint.engine.rule import Example, finding, msg, rule
from perflint.model.declaration import text_of
from perflint.model.names import is_rate


@rule(
    id="calc-method-for-rates",
    severity="info",
    group="C",
    basis="C",
    enabled=False,
    summary=msg("比率类指标应说明计算口径", "A rate states how it is computed"),
    description=msg(
        "名称为比率（…率、占比、比例）且指标值为数值的指标，应在 explanation（指标解释/计算口径）中写明分子和分母。"
        "默认关闭（几乎每个比率都会提示），用 --extend-select calc-method-for-rates 开启。",
        "An indicator named as a rate (\"…率\", \"占比\", \"比例\") with a numeric target should say in explanation (指标解释 / "
        "计算口径) what is divided by what. Off by default (it fires on nearly every rate); turn it on with "
        "--extend-select calc-method-for-rates.",
    ),
    rationale=msg(
        "同一个“完成率”可以按项目数、资金或工作量计算，口径不同结果不同。部分目标表设“指标解释”栏，"
        "有地方办法要求定量指标写明计算公式（所见文本不完整）；本规则仅作提示。",
        "The same completion rate (完成率) can be counted by projects, money or workload, with different results. Some "
        "target tables have an indicator explanation (指标解释) column and a local measure asks quantitative indicators "
        "to state their formula (the text "
        "seen was fragmentary); this rule is advisory.",
    ),
    sources=msg("岳阳楼区 2023 整体绩效目标表（指标解释栏）；地方绩效评价办法摘录（定量指标须说明计算公式，片段）",
                "Yueyanglou 2023 target table, its indicator explanation (指标解释) column; a local evaluation measure "
                "(state the formula; fragment)"),
    examples=(
        Example("indicators: [{level1: 产出指标, level2: 质量指标, name: 验收通过率, target: '≥95%', explanation: 验收通过的服务批次÷验收批次}]"),
        Example("indicators: [{level1: 产出指标, level2: 质量指标, name: 验收通过率, target: '≥95%'}]", ("/indicators/0",)),
    ),
    kinds=("declaration", "self-evaluation"),
)
def check(decl, opts):
    for ind in decl.indicators:
        if not is_rate(ind.name) or not ind.target.numeric or text_of(ind.data.get("explanation")):
            continue
        yield finding(
            ind.pointer,
            f"比率指标“{ind.name}”没有计算口径：在 explanation 中写明分子与分母（如 验收通过批次 ÷ 验收批次）。",
            f"The rate \"{ind.name}\" does not say how it is computed: give the numerator and denominator in "
            f"explanation (e.g. batches accepted ÷ batches inspected).",
        )
