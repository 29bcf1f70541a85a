from perflint.core.diagnostic import Severity
from perflint.engine.rule import Example, finding, msg, rule
from perflint.model import categories as C
from perflint.model.fields import is_blank


def has_output(decl) -> bool:
    return any(i.is_output for i in decl.indicators)


def has_benefit(decl) -> bool:
    """An indicator filed as a benefit: 效益 (效果目标 and 影响力目标 on 2019/2020 forms), other than the
    satisfaction row those older trees file there. A satisfaction score misfiled under 社会效益 still fills
    the benefit block: the misfiling is benefit-type-mismatch's finding, not a missing block."""
    return any(i.reading.filed_tier == "benefit" and i.level2 != C.SATISFACTION for i in decl.indicators)


def has_satisfaction(decl) -> bool:
    return any(i.is_satisfaction for i in decl.indicators)


@rule(
    id="required-level1",
    severity="error",
    group="A",
    basis="V",
    summary=msg("须设置产出、效益指标，原则上设置满意度指标", "Output and benefit indicators are required; satisfaction normally too"),
    description=msg(
        "至少一个产出指标和一个效益指标（2019/2020 表为产出目标、效果目标），缺少为错误；至少一个满意度指标（2024 表为"
        "一级指标，2019/2020 表为效果目标或影响力目标下的二级指标），缺少为警告，project.satisfaction_exempt 写明理由"
        "（如无服务对象）时不报告。投入和管理类指标不计入。",
        "At least one output and one benefit indicator, on 2019/2020 forms outputs (产出目标) and effects (效果目标): "
        "missing is an error. At least one satisfaction indicator (a first level on 2024 forms, a second level under "
        "effects (效果目标) or influence (影响力目标) on 2019/2020 forms): missing is a warning, unless project.satisfaction_exempt gives a "
        "reason (e.g. no service recipients). Management indicators do not count.",
    ),
    rationale=msg(
        "绩效目标须覆盖产出、效益和服务对象满意度（中发〔2018〕34号）；填表要求同样列出产出、效益、满意度三类一级指标。"
        "法定缴费等没有服务对象的项目可以说明理由后免设满意度。",
        "Performance targets must cover outputs, benefits and service-recipient satisfaction (CPC/State Council "
        "2018 No. 34); form instructions list the same three first levels. A project with no service recipients "
        "(a statutory levy, say) may state why satisfaction does not apply.",
    ),
    sources=msg("中发〔2018〕34号；绩效目标申报表填写要求", "CPC/State Council 2018 No. 34; declaration form instructions"),
    examples=(
        Example("indicators:\n  - {level1: 产出指标, level2: 数量指标, name: 接待批次, target: '≥200(批次)'}\n"
                "  - {level1: 效益指标, level2: 社会效益指标, name: 展厅正常运营天数, target: '≥250(天)'}\n"
                "  - {level1: 满意度指标, level2: 服务对象满意度指标, name: 参观者满意度, target: '≥95%'}"),
        Example("project: {name: 缴纳残疾人就业保障金, satisfaction_exempt: 法定缴费，无服务对象}\nindicators:\n"
                "  - {level1: 产出指标, level2: 数量指标, name: 缴纳次数, target: '=1(次)'}\n"
                "  - {level1: 效益指标, level2: 社会效益指标, name: 政策知晓率, target: '=100%'}"),
        Example("indicators:\n  - {level1: 产出指标, level2: 数量指标, name: 缴纳次数, target: '=1(次)'}\n"
                "  - {level1: 效益指标, level2: 社会效益指标, name: 政策知晓率, target: '=100%'}", ("/indicators",)),
        Example("indicators:\n  - {level1: 效益指标, level2: 社会效益指标, name: 展厅正常运营天数, target: '≥250(天)'}\n"
                "  - {level1: 满意度指标, level2: 服务对象满意度指标, name: 参观者满意度, target: '≥95%'}", ("/indicators",)),
    ),
)
def check(decl, opts):
    if not isinstance(decl.data.get("indicators"), list) or not decl.indicators:
        return  # no indicators at all: required-fields; a wrong type: schema
    template = decl.template
    if not has_output(decl):
        label = template.level1_label(C.OUTPUT)
        yield finding("/indicators", f"没有产出指标：增加“{label}”下的数量、质量、时效指标。",
                      f"There is no output indicator: add quantity, quality and timeliness indicators under outputs ({label}).",
                      on_key=True, value=C.OUTPUT)
    if not has_benefit(decl):
        label = template.level1_label(C.BENEFIT)
        yield finding("/indicators", f"没有效益指标：增加“{label}”下的社会效益等指标。",
                      f"There is no benefit indicator: add social (or economic, ecological, sustainable) benefit indicators "
                      f"under benefits ({label}).",
                      on_key=True, value=C.BENEFIT)
    if not has_satisfaction(decl) and is_blank(decl.get("project", "satisfaction_exempt")):
        place = template.place(C.SATISFACTION)
        yield finding("/indicators", f"没有满意度指标：在“{place}”下增加服务对象满意度（如 ≥90%）；确无服务对象时在 project.satisfaction_exempt 写明理由。",
                      f"There is no satisfaction indicator: add service-recipient satisfaction (e.g. ≥90%) under the "
                      f"satisfaction indicators ({place}), "
                      "or give the reason in project.satisfaction_exempt when there are no service recipients.",
                      on_key=True, value=C.SATISFACTION, severity=Severity.WARNING)
