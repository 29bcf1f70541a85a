from decimal import Decimal

from perflint.engine.rule import Example, Option, finding, msg, rule
from perflint.model import vocabulary as V
from perflint.model.names import find_word, words

_HUNDRED, _ZERO = Decimal(100), Decimal(0)
GROWTH_WORDS = V.GROWTH_WORDS


@rule(
    id="percent-range",
    severity="warning",
    group="B",
    basis="C",
    summary=msg("百分比取值须在 0–100% 之间", "A percentage lies within 0–100%"),
    description=msg(
        "以 % 计的比率不可能超过 100%（如 >100%、=120%、90-110%）。“≥100%”只能等于 100%，“≤0%”只能等于 0%，"
        "写法退化，应写成 =100% 或 =0%。两者默认均为警告（本规则依据算术约定，配置可调高）。名称含增长、提升、回报率等（选项 growth_words）的指标和相对变化值可超过 100%，不检查。",
        "A share measured in % cannot exceed 100% (>100%, =120%, 90-110%). \"≥100%\" can only mean 100% and "
        "\"≤0%\" only 0%: a degenerate target; write =100% or =0%. Both are warnings by default (the rule rests on "
        "arithmetic convention; a profile can raise it). Growth-type names (\"增长\", \"提升\", \"回报率\"…, "
        "option growth_words) and relative changes may exceed 100% and are not checked.",
    ),
    rationale=msg(
        "比率 = 分子 ÷ 分母，分子是分母的一部分，超过 100% 说明口径写错；“≥100%”实际就是“=100%”，"
        "写成下限会让人误以为还可以超额。这是算术约定而非文件规定。",
        "A share is a part divided by its whole, so above 100% means the definition is wrong; \"≥100%\" is in "
        "fact \"=100%\", and writing it as a floor suggests it could be exceeded. This is arithmetic, not a "
        "quoted regulation.",
    ),
    options=(Option("growth_words", GROWTH_WORDS, msg("名称含这些词时允许超过 100%", "Names with these words may exceed 100%")),),
    examples=(
        Example("indicators: [{level1: 产出指标, level2: 质量指标, name: 验收通过率, target: '≥95.00(%)'}]"),
        Example("indicators: [{level1: 效益指标, level2: 经济效益指标, name: 营业收入增长率, target: '≥120%'}]"),
        Example("indicators: [{level1: 产出指标, level2: 质量指标, name: 验收通过率, target: '=120%'}]", ("/indicators/0/target",)),
        Example("indicators: [{level1: 满意度指标, level2: 服务对象满意度指标, name: 项目管理人员满意度, target: '≥100.00(%)'}]",
                ("/indicators/0/target",)),
    ),
    kinds=("declaration", "self-evaluation"),
)
def check(decl, opts):
    growth_words = words(opts["growth_words"])
    for ind in decl.indicators:
        t = ind.target
        if t.kind not in ("number", "range") or t.unit != "%" or t.value is None:
            continue
        if find_word(ind.name, growth_words):
            continue
        top = max(t.value, t.value2) if t.value2 is not None else t.value
        low = min(t.value, t.value2) if t.value2 is not None else t.value
        if top > _HUNDRED or low < _ZERO or (t.op == ">" and t.value >= _HUNDRED) or (t.op == "<" and t.value <= _ZERO):
            yield finding(
                ind.at("target"),
                f"“{ind.name}”的指标值“{t.raw}”超出 0–100% 的范围：比率不可能达到，核对分子分母或改为 0–100% 之间的值。",
                f"\"{ind.name}\" has target \"{t.raw}\", outside 0–100%: a share cannot reach it; check what is "
                f"divided by what, or give a value between 0 and 100%.",
            )
        elif t.kind == "number" and ((t.op == "≥" and t.value == _HUNDRED) or (t.op == "≤" and t.value == _ZERO)):
            exact = "100" if t.value == _HUNDRED else "0"
            yield finding(
                ind.at("target"),
                f"“{ind.name}”的指标值“{t.raw}”只能等于 {exact}%：写成 ={exact}%（若 {exact}% 不现实，设一个可达成的值）。",
                f"\"{ind.name}\" has target \"{t.raw}\", which can only mean exactly {exact}%: write ={exact}% (or, "
                f"if {exact}% is unrealistic, a value that can be met).",
            )
