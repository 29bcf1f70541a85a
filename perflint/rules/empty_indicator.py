import re

from perflint.engine.rule import Example, finding, msg, rule
from perflint.model.fields import is_blank

_NUMBERS_ONLY = re.compile(r"^[\d\s.%]+$")


@rule(
    id="empty-indicator",
    severity="error",
    group="A",
    basis="V",
    summary=msg("三级指标须有名称和指标值", "Every indicator needs a name and a target"),
    description=msg(
        "每个三级指标都要有名称和指标值（空白、“无”“/”“—”视为未填）；只有数字的名称（如“88”，表格错位的典型结果）"
        "也视为没有名称。",
        "Every third-level indicator needs a name and a target (blank, \"无\", \"/\" and \"—\" count as empty). A name "
        "made only of digits (such as 88, typical of a shifted table) counts as no name.",
    ),
    rationale=msg(
        "没有名称或指标值的指标无法审核也无法考核；公开的申报表中出现过每行只有“88 100”、没有任何内容的指标表"
        "（宁乡市 2021 项目绩效目标表）。审核首先检查形式完整性（2024 年中央预算公开答记者问）。",
        "An indicator without a name or a target can be neither reviewed nor assessed; published tables have "
        "shown rows holding only \"88 100\" (a 2021 county project table). Review starts with formal completeness "
        "(MOF answers at the 2024 central-budget publication).",
    ),
    sources=msg("财政部 2024 年中央预算公开答记者问；宁乡市坝塘镇 2021 项目绩效目标表", "MOF answers, 2024; a 2021 county project table"),
    examples=(
        Example("indicators: [{level1: 产出指标, level2: 数量指标, name: 业务模块优化, target: '≥3.00(个)'}]"),
        Example("indicators: [{level1: 产出指标, level2: 数量指标, name: '88', target: '100'}]", ("/indicators/0/name",)),
        Example("indicators: [{level1: 产出指标, level2: 质量指标, name: 系统故障率, target: —}]", ("/indicators/0/target",)),
        Example("indicators: [{level1: 产出指标, level2: 质量指标, name: '', target: '≤3%'}]", ("/indicators/0/name",)),
    ),
)
def check(decl, opts):
    for ind in decl.indicators:
        name = ind.data.get("name")
        if is_blank(name):
            yield finding(ind.at("name"), f"“{ind.level2_raw or ind.level1_raw}”下有一个指标没有名称：写明考核的对象，如“培训人次”、“设施完好率”。",
                          f"An indicator under \"{ind.level2_raw or ind.level1_raw}\" has no name: say what is measured, e.g. \"培训人次\" (people trained).",
                          on_key=name is None)
        elif _NUMBERS_ONLY.match(ind.name):
            yield finding(ind.at("name"), f"指标名称“{ind.name}”只有数字：表格可能错位，写明考核的对象，数值填在 target。",
                          f"The indicator name \"{ind.name}\" is only digits (a shifted table?): name what is measured and put the number in target.")
        if is_blank(ind.data.get("target")) and ind.target.value is None:  # 无 as a target: none happens (=0)
            yield finding(ind.at("target"), f"指标“{ind.name}”没有指标值：填写可考核的目标值，如 ≥95%、=5(人)。",
                          f"Indicator \"{ind.name}\" has no target: give a measurable value such as \"≥95%\" or \"=5(人)\".",
                          on_key=ind.data.get("target") is None)
