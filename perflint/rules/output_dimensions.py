from perflint.engine.rule import Example, Option, finding, msg, rule
from perflint.model import categories as C
from perflint.model import vocabulary as V
from perflint.model.names import words

_EXAMPLE = {C.QUANTITY: V.DIMENSION_EXAMPLES["quantity"], C.QUALITY: V.DIMENSION_EXAMPLES["quality"],
            C.TIMELINESS: V.DIMENSION_EXAMPLES["timeliness"]}


@rule(
    id="output-dimensions",
    severity="warning",
    group="A",
    basis="V",
    summary=msg("产出指标应覆盖数量、质量、时效", "Outputs should cover quantity, quality and timeliness"),
    description=msg(
        "有产出指标时，数量、质量、时效三个二级指标各至少一个（各年代写法均可：数量指标、数量目标、数量）。"
        "时效类指标放在效益指标下不算。没有任何产出指标时由 required-level1 报告。",
        "When there are output indicators, each of the second levels quantity, quality and timeliness has at "
        "least one (any era's spelling: \"数量指标\", \"数量目标\", \"数量\"). A timeliness measure filed under benefits does "
        "not count. A form with no output indicator at all is required-level1's finding.",
    ),
    rationale=msg(
        "目标应从数量、质量、成本和时效等方面细化（财政支出绩效评价管理暂行办法）；各地申报表的产出指标都按数量、质量、"
        "时效（、成本）分列。成本另由 cost-indicator-required 检查。",
        "Targets are refined by quantity, quality, cost and time (MOF interim measures on expenditure performance "
        "evaluation); every form splits outputs into quantity, quality and timeliness (and cost). Cost is "
        "checked separately by cost-indicator-required.",
    ),
    sources=msg("财政支出绩效评价管理暂行办法；扶贫项目资金绩效目标设定要求", "MOF interim measures; poverty-relief target requirements"),
    options=(Option("dimensions", (C.QUANTITY, C.QUALITY, C.TIMELINESS),
                    msg("必须出现的产出二级指标（quantity、quality、timeliness）", "Output second levels that must appear (quantity, quality, timeliness)")),),
    examples=(
        Example("indicators:\n  - {level1: 产出目标, level2: 数量, name: 参观人数, target: '>=2000人'}\n"
                "  - {level1: 产出目标, level2: 质量, name: 接待工作质量, target: '>=95%'}\n"
                "  - {level1: 产出目标, level2: 时效, name: 完成接待任务及时性, target: '=100%'}"),
        Example("indicators:\n  - {level1: 产出指标, level2: 数量指标, name: 业务模块优化, target: '≥3.00(个)'}\n"
                "  - {level1: 产出指标, level2: 质量指标, name: 系统故障率, target: '≤3.00(%)'}\n"
                "  - {level1: 效益指标, level2: 社会效益指标, name: 系统更新响应时间, target: '≤24.00(小时)'}", ("/indicators",)),
    ),
)
def check(decl, opts):
    outputs = [i for i in decl.indicators if i.is_output and i.level1 in (C.OUTPUT, None)]
    if not outputs:
        return
    present = {i.level2 for i in outputs}
    for wanted in words(opts["dimensions"]):
        dim = wanted if wanted in _EXAMPLE else C.level2_of(wanted)
        if dim in present or dim not in _EXAMPLE:
            continue
        l1, l2 = decl.template.level1_label(C.OUTPUT), decl.template.level2_label(dim)
        target, name = _EXAMPLE[dim]
        yield finding("/indicators", f"产出指标缺少“{l2}”：在“{l1} › {l2}”下增加一项，如“{name} {target}”。",
                      f"The outputs have no {dim} indicator ({l2}): add one under \"{l1} › {l2}\", e.g. \"{name} {target}\".",
                      on_key=True, value=dim)
