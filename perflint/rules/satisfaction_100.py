from decimal import Decimal

from perflint.engine.rule import Example, finding, msg, rule


@rule(
    id="satisfaction-100",
    severity="info",
    group="D",
    basis="C",
    summary=msg("满意度目标设为 =100% 不切实际", "A =100% satisfaction target is unrealistic"),
    description=msg(
        "满意度指标的目标写成 =100% 时提示。“≥100%”由 percent-range 报告，没有符号的“100%”由 operator-required 报告，"
        "这里不重复。",
        "A satisfaction target of =100% is reported. \"≥100%\" is left to percent-range and a bare \"100%\" to "
        "operator-required, so the same indicator is not reported twice for one reason.",
    ),
    rationale=msg(
        "满意度 = 满意人数 ÷ 有效样本数；只要有一份不满意的问卷，100% 就无法达成，目标失去区分度。"
        "这是本项目的约定，并非文件规定。",
        "Satisfaction is satisfied respondents ÷ valid respondents; a single dissatisfied answer makes 100% "
        "unreachable, so the target tells nothing. This is a project convention, not a quoted regulation.",
    ),
    examples=(
        Example("indicators: [{level1: 满意度指标, level2: 服务对象满意度指标, name: 参观者满意度, target: '≥95%'}]"),
        Example("indicators: [{level1: 满意度指标, level2: 服务对象满意度指标, name: 参观者满意度, target: '=100.00(%)'}]",
                ("/indicators/0/target",)),
    ),
    kinds=("declaration", "self-evaluation"),
)
def check(decl, opts):
    for ind in decl.indicators:
        t = ind.target
        if not ind.reading.scores_satisfaction:
            continue
        if t.kind != "number" or t.op != "=" or t.unit != "%" or t.value != Decimal(100):
            continue
        yield finding(
            ind.at("target"),
            f"满意度指标“{ind.name}”的目标 {t.raw} 要求人人满意，难以达成也无区分度：设一个可达成的下限，如 ≥95%。",
            f"Satisfaction indicator \"{ind.name}\" targets \"{t.raw}\", which needs every respondent satisfied: set an "
            f"achievable floor such as ≥95%.",
        )
