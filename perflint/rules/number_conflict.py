from perflint.engine.rule import Example, finding, msg, rule
from perflint.model.names import numbers_in, same_value


@rule(
    id="number-conflict",
    severity="warning",
    group="B",
    basis="C",
    summary=msg("指标名称中的数值不得与指标值矛盾", "A number in the name agrees with the target"),
    description=msg(
        "指标名称里写了带单位的数值（“提升园区科创成果知名度20%”“接待5000人次”），而指标值以同一单位给出另一个数"
        "（>=10%），两者矛盾。年份（2024年）、届次（第7届）和单位不同的数（7×24小时 与 ≥99%）不比较。",
        "The name contains a number with a unit (\"提升园区科创成果知名度20%\", \"接待5000人次\") and the target gives "
        "a different number in the same unit (\">=10%\"): the two contradict each other. Years (\"2024年\"), ordinals "
        "(\"第7届\") and numbers in different units (\"7×24小时\" vs \"≥99%\") are not compared.",
    ),
    rationale=msg(
        "同一指标出现两个不同的目标值，评价时无法确定以哪个为准。数值应只写在指标值中，名称只说明度量什么。",
        "With two different target numbers on one indicator, nobody can tell which one will be assessed. The "
        "number belongs in the target; the name only says what is measured.",
    ),
    examples=(
        Example("indicators: [{level1: 效益指标, level2: 社会效益指标, name: 园区科创成果知晓率, target: '≥20%'}]"),
        Example("indicators: [{level1: 产出指标, level2: 数量指标, name: 接待5000人次参观, target: '≥5000人次'}]"),
        Example("indicators: [{level1: 效果目标, level2: 社会效益, name: 提升园区科创成果知名度20%, target: '>=10%'}]",
                ("/indicators/0/target",)),
    ),
    kinds=("declaration", "self-evaluation"),
)
def check(decl, opts):
    for ind in decl.indicators:
        t = ind.target
        if t.kind not in ("number", "range", "relative") or t.value is None or not t.unit:
            continue
        stated = [value for value, unit in numbers_in(ind.name) if unit == t.unit]
        if not stated or any(same_value(t, value) for value in stated):
            continue
        in_name = f"{stated[0]}{t.unit}"
        yield finding(
            ind.at("target"),
            f"“{ind.name}”的名称写的是 {in_name}，指标值却是“{t.raw}”：确定一个目标值写在指标值里，并从名称中删去数字。",
            f"The name \"{ind.name}\" says \"{in_name}\" but the target is \"{t.raw}\": settle on one value, put it in the "
            f"target and drop the number from the name.",
        )
