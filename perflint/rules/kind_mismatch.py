from perflint.engine.rule import Example, finding, msg, rule
from perflint.model.declaration import text_of

_NUMERIC = ("number", "range", "product")


@rule(
    id="kind-mismatch",
    severity="error",
    group="B",
    basis="V",
    summary=msg("指标值类型须与取值一致", "The declared kind matches the target"),
    description=msg(
        "指标注明 kind: 定量 时，指标值须含数值（≥95%、=400场、90-95%）；注明 kind: 定性 时，指标值不得是带单位的数值。"
        "未注明 kind 的指标不检查。",
        "An indicator marked quantitative (`kind: 定量`) needs a numeric target (\"≥95%\", \"=400场\", \"90-95%\"); one "
        "marked qualitative (`kind: 定性`) must not carry a number with a unit. Indicators without kind are not checked.",
    ),
    rationale=msg(
        "指标值类型决定评分方法：定量按完成比例计分，定性按档次计分。已公开的目标表中就有“定量”指标填“按月安排”、"
        "“定性”指标“应保尽保”却带 % 单位的实例。",
        "The kind decides how an indicator is scored: quantitative ones by the attained ratio, qualitative ones "
        "by grade. Published target tables contain a quantitative (定量) indicator valued \"按月安排\" and a "
        "qualitative (定性) indicator "
        "\"应保尽保\" carrying the unit %.",
    ),
    sources=msg("岳阳楼区 2023 整体绩效目标表（指标值类型栏）", "Yueyanglou district 2023 target table, its kind of value (指标值类型) column"),
    examples=(
        Example("indicators: [{level1: 产出指标, level2: 数量指标, name: 参观人数, kind: 定量, target: '≥2000人'}]"),
        Example("indicators: [{level1: 效益指标, level2: 可持续影响指标, name: 长效机制健全性, kind: 定性, target: 健全}]"),
        Example("indicators: [{level1: 产出指标, level2: 时效指标, name: 工作安排, kind: 定量, target: 按月安排}]", ("/indicators/0/target",)),
        Example("indicators: [{level1: 效益指标, level2: 社会效益指标, name: 应保尽保, kind: 定性, target: '100%'}]", ("/indicators/0/target",)),
    ),
    kinds=("declaration", "self-evaluation"),
)
def check(decl, opts):
    for ind in decl.indicators:
        kind, t = text_of(ind.data.get("kind")), ind.target
        if t.kind == "empty":
            continue
        if kind == "定量" and (t.kind == "qualitative" or (t.kind == "relative" and t.value is None)):
            yield finding(
                ind.at("target"),
                f"“{ind.name}”标为定量，指标值“{t.raw}”却没有数值：给出数值目标（如 ≥95%），或改标为定性并采用分级表述。",
                f"\"{ind.name}\" is marked quantitative (定量) but its target \"{t.raw}\" has no number: give a numeric "
                f"target (e.g. ≥95%), or mark it qualitative (定性) and use a graded scale.",
            )
        elif kind == "定性" and t.kind in _NUMERIC and t.unit:
            yield finding(
                ind.at("target"),
                f"“{ind.name}”标为定性，指标值“{t.raw}”却是带单位的数值：改标为定量，或改用分级表述（如 达到/基本达到/未达到）。",
                f"\"{ind.name}\" is marked qualitative (定性) but its target \"{t.raw}\" is a number with a unit: mark it "
                f"quantitative (定量), or use a graded scale (e.g. \"达到/基本达到/未达到\").",
            )
