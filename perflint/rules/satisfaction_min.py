from decimal import Decimal

from perflint.engine.rule import Example, Option, finding, msg, rule


@rule(
    id="satisfaction-min",
    severity="warning",
    group="D",
    basis="C",
    summary=msg("满意度目标值不低于阈值", "Satisfaction targets meet the threshold"),
    description=msg(
        "满意度指标（名称含“满意度”或位于满意度类别下）须为百分比数值，且下限不低于阈值（默认 90%）。"
        "“满意”“良好以上”等定性表述、≤ 方向或低于阈值均报告。",
        "A satisfaction indicator (\"满意度\" in its name or filed under a satisfaction category) needs a "
        "percentage target whose floor is at least the threshold (default 90%). Qualitative values "
        "(\"满意\", \"良好以上\"), a ≤ direction or a lower value are reported.",
    ),
    rationale=msg(
        "满意度按“满意人数 ÷ 有效样本数”计算，是一个百分比；定性表述无法与调查结果比较。"
        "90% 是本项目的默认约定，并非全国统一规定（各地实践有 85%、90%、95%），可在配置中调整。",
        "Satisfaction is measured as satisfied respondents ÷ valid respondents, a percentage; a word cannot "
        "be compared with a survey result. The 90% floor is this project's default convention, not a national "
        "rule (practice ranges from 85% to 95%): set `min` in the profile.",
    ),
    options=(Option("min", Decimal(90), msg("最低满意度百分比", "Minimum satisfaction percentage"), minimum=0, maximum=100),),
    examples=(
        Example("indicators: [{level1: 满意度指标, level2: 服务对象满意度指标, name: 参观者满意度, target: '≥95%'}]"),
        Example("indicators: [{level1: 产出指标, level2: 数量指标, name: 满意度调查次数, target: '≥2次'}]"),
        Example("indicators: [{level1: 效果目标, level2: 满意度, name: 项目执行者满意度, target: '>=80%'}]", ("/indicators/0/target",)),
        Example("indicators: [{level1: 影响力目标, level2: 满意度目标, name: 用户满意度, target: '“良好”以上'}]", ("/indicators/0/target",)),
    ),
)
def check(decl, opts):
    floor = opts["min"]
    for ind in decl.indicators:
        if not ind.reading.scores_satisfaction:
            continue
        t = ind.target
        if t.kind in ("empty", "relative"):
            continue
        if t.kind not in ("number", "range") or t.value is None:
            yield finding(
                ind.at("target"),
                f"满意度指标“{ind.name}”的目标“{t.raw}”不是百分比：写成如 ≥{floor}%。",
                f"Satisfaction indicator \"{ind.name}\" has target \"{t.raw}\", which is not a percentage: write e.g. ≥{floor}%.",
            )
        elif t.op in ("≤", "<"):
            yield finding(
                ind.at("target"),
                f"满意度指标“{ind.name}”用了上限 {t.raw}：满意度应设下限，如 ≥{floor}%。",
                f"Satisfaction indicator \"{ind.name}\" sets an upper bound \"{t.raw}\": set a floor such as ≥{floor}%.",
            )
        elif t.unit not in (None, "%"):
            yield finding(
                ind.at("target"),
                f"满意度指标“{ind.name}”的单位是“{t.unit}”，应为 %。",
                f"Satisfaction indicator \"{ind.name}\" is measured in \"{t.unit}\"; it should be a percentage.",
            )
        elif t.value < floor:
            yield finding(
                ind.at("target"),
                f"满意度指标“{ind.name}”的目标 {t.raw} 低于 {floor}%。",
                f"Satisfaction indicator \"{ind.name}\" targets \"{t.raw}\", below {floor}%.",
            )
