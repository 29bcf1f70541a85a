from decimal import Decimal, InvalidOperation

from perflint.core.diagnostic import Severity
from perflint.engine.rule import Example, Option, finding, msg, rule
from perflint.model.names import words
from perflint.model.selfeval import HUNDRED, is_unwritten, num

_PARTS = ("execution", "output", "benefit", "satisfaction")
_NAMES = {"execution": ("预算执行", "budget execution"), "output": ("产出", "outputs"), "benefit": ("效益", "benefits"),
          "satisfaction": ("满意度", "satisfaction")}
_DOC = "kind: self-evaluation\n"


def _splits(option) -> list[tuple[Decimal, ...]]:
    out = []
    for text in words(option):
        try:
            parts = tuple(Decimal(p) for p in text.split("/"))
        except InvalidOperation:
            continue
        if len(parts) == len(_PARTS):
            out.append(parts)
    return out


@rule(
    id="selfeval-weights",
    severity="error",
    group="H",
    basis="S",
    summary=msg("分值合计 100，权重符合规定的分配", "Points add up to 100 and follow the weight split"),
    description=msg(
        "自评表的分值须合计 100：预算执行分值 + 各指标分值（一级指标标签印有权重时，如“产出指标(50分)”，按标签计）。"
        "标签上的权重须等于其下各指标分值之和；“绩效指标(90分)”“年度绩效目标(80分)”须等于各一级指标权重之和；"
        "合计行的分值须等于这些之和（以上为错误）。预算执行 / 产出 / 效益 / 满意度 的分配须是选项 splits 中的一种"
        "（默认配置：10/50/30/10，即 10 + 90 的表样；以及县级 20 + 80 表样的 20/40/30/10），不同且未写明 weight_reason "
        "时为警告。产出下的成本指标计入产出；一级“成本指标”按选项 cost_group 计入（默认产出）。原文截断时，看不到的部分不判断。",
        "A self-evaluation's points add up to 100: execution points plus every indicator's points (or the weight a "
        "first-level label prints, such as \"产出指标(50分)\"). A label's weight equals the points under it; a block "
        "weight such as \"绩效指标(90分)\" equals its levels' weights; the total row's points equal the sum (these are "
        "errors). The split execution / outputs / benefits / satisfaction must be one of the `splits` option "
        "(the default configuration: 10/50/30/10, which is also the 10 + 90 layout, and 20/40/30/10 for the county "
        "20 + 80 layout); another split without a weight_reason is a warning. Cost under outputs counts as output; a "
        "first-level cost (成本指标) counts toward `cost_group` (output by default). On a truncated form, what is not "
        "visible is not judged.",
    ),
    rationale=msg(
        "财预〔2020〕10号：自评一级指标权重通常为预算执行率 10%、产出 50%、效益 30%、服务对象满意度 10%，"
        "特殊情况可以调整。合计不是 100，得分就无法按百分制和评价等级解读；调整了分配而不说明，产出和效益的分量就被改变了。",
        "MOF 2020 No. 10: self-evaluation weights are normally 10% execution, 50% outputs, 30% benefits and 10% "
        "satisfaction, adjustable in special cases. Points that do not add up to 100 cannot be read on the "
        "100-point scale and its grades; an unexplained split changes how much outputs and benefits count.",
    ),
    sources=msg("财预〔2020〕10号（通过二手资料核实）；池州 2022、上海 2021、四川 2023、云南昌宁 2022 自评表",
                "MOF 2020 No. 10 (via a secondary source); Chizhou, Shanghai, Sichuan and Yunnan self-evaluations"),
    options=(
        Option("splits", ("10/50/30/10",), msg("认可的 预算执行/产出/效益/满意度 分配", "Accepted splits execution/outputs/benefits/satisfaction")),
        Option("cost_group", "output", msg("一级“成本指标”的分值计入哪一项（output 或 benefit）", "Where a first-level cost (成本指标) counts (output or benefit)")),
    ),
    examples=(
        Example(_DOC + "selfeval: {execution: {points: 10}, total: {points: 100}}\nindicators:\n"
                "  - {level1: 产出指标(50分), level2: 数量指标, name: 项目数量, target: '≥50个', points: 30}\n"
                "  - {level1: 产出指标(50分), level2: 成本指标, name: 项目总成本, target: '≤90万元', points: 20}\n"
                "  - {level1: 效益指标, level2: 社会效益指标, name: 受益人数, target: '≥100人', points: 30}\n"
                "  - {level1: 满意度指标, level2: 满意度指标, name: 公众满意度, target: '≥90%', points: 10}"),
        Example(_DOC + "truncated: true\nselfeval: {execution: {points: 20}, indicator_points: 80}\nindicators:\n"
                "  - {level1: 产出指标(40分), level2: 数量指标, name: 公猪舍面积, target: '≥22.8平方米', score: 1}",
                options={"splits": ["10/50/30/10", "20/40/30/10"]}),
        Example(_DOC + "selfeval: {execution: {points: 10}, indicator_points: 90, total: {points: 100}}\nindicators:\n"
                "  - {level1: 产出指标, level2: 数量指标, name: 发放覆盖率, target: '=100%', points: 60}\n"
                "  - {level1: 效益指标, level2: 社会效益指标, name: 足额保障率, target: '=100%', points: 30}",
                ("/indicators/0/points",)),
        Example(_DOC + "selfeval: {execution: {points: 10}}\nindicators:\n"
                "  - {level1: 产出指标(50分), level2: 数量指标, name: 项目数量, target: '≥50个', points: 40}\n"
                "  - {level1: 效益指标, level2: 社会效益指标, name: 受益人数, target: '≥100人', points: 30}\n"
                "  - {level1: 满意度指标, level2: 满意度指标, name: 公众满意度, target: '≥90%', points: 10}",
                ("/indicators/0/level1",)),
    ),
    kinds=("self-evaluation",),
)
def check(decl, opts):
    sc = decl.scorecard
    if not sc.lines:
        return  # no indicator table: nothing to weigh
    yield from _labels(sc)
    w = dict(sc.weights)
    cost = w.pop("cost", None)
    target = "benefit" if opts["cost_group"] == "benefit" else "output"
    w[target] = None if w.get(target) is None or cost is None else w[target] + cost
    levels = [w.get(g) for g in ("output", "benefit", "satisfaction", "management", None)]
    indicators = None if any(v is None for v in levels) else sum(levels, Decimal(0))
    if indicators is not None and not sc.indicator_points.blank and sc.indicator_points.value is not None \
            and sc.indicator_points.value != indicators:
        yield finding(sc.indicator_points.pointer,
                      f"绩效指标的分值写作 {sc.indicator_points.shown}，但各一级指标合计 {num(indicators)}。",
                      f"The indicator block is worth \"{sc.indicator_points.shown}\", but its levels add up to {num(indicators)}.")
    if indicators is None and sc.indicator_points.value is not None:
        indicators = sc.indicator_points.value  # a truncated or unscored form still prints its block weight
    execution, sum_wrong = w.get("execution"), False
    if indicators is not None and execution is not None:
        total = execution + indicators
        if total != HUNDRED:
            sum_wrong = True
            pointer = sc.total_points.pointer if not sc.total_points.blank else (sc.execution.points.pointer if sc.execution else "/indicators")
            yield finding(pointer, f"分值合计 {num(total)}（预算执行 {num(execution)} + 绩效指标 {num(indicators)}），应为 100。",
                          f"The points add up to {num(total)} (execution {num(execution)} + indicators {num(indicators)}), not 100.")
        elif sc.total_points.value is not None and sc.total_points.value != total:
            yield finding(sc.total_points.pointer, f"合计行的分值 {sc.total_points.shown} 与各项分值之和 {num(total)} 不符。",
                          f"The total row's points \"{sc.total_points.shown}\" differ from the sum of the points, {num(total)}.")
    if sum_wrong or w.get("management") or w.get(None) or not is_unwritten(decl.get("selfeval", "weight_reason")):
        return  # points that do not add up, weights outside the four parts, or an explained adjustment
    got = [w.get(p) for p in _PARTS]
    accepted = _splits(opts["splits"])
    if not accepted or any(all(g is None or g == a for g, a in zip(got, split, strict=True)) for split in accepted):
        return
    shown = "/".join("?" if g is None else num(g) for g in got)
    allowed = "、".join("/".join(num(x) for x in s) for s in accepted)
    allowed_en = " or ".join("/".join(num(x) for x in s) for s in accepted)
    first = next((p for p, g, a in zip(_PARTS, got, accepted[0], strict=True) if g is not None and g != a), "execution")
    pointer = _pointer(sc, first)
    yield finding(
        pointer,
        f"权重分配（预算执行/产出/效益/满意度）为 {shown}，不是规定的 {allowed}，也未写明 weight_reason（权重调整理由）。",
        f"The split (execution/outputs/benefits/satisfaction) is {shown}, not {allowed_en}, and no weight_reason is given.",
        severity=Severity.WARNING,
    )


def _labels(sc):
    levels = sc.levels[:-1] if sc.truncated else sc.levels  # the last level of a cut-off form may go on
    for level in levels:
        if level.weight is None or level.points is None or level.points == level.weight:
            continue
        yield finding(level.pointer, f"“{level.label}”印有 {num(level.weight)} 分，但其下各指标分值合计 {num(level.points)}。",
                      f"\"{level.label}\" is worth {num(level.weight)}, but the points under it add up to {num(level.points)}.")


def _pointer(sc, part: str) -> str:
    if part == "execution" and sc.execution is not None:
        return sc.execution.points.pointer
    for ln in sc.lines:
        if (ln.group if ln.group != "cost" else "output") == part:
            return ln.at("points")
    return "/indicators"
