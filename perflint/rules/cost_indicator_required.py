from perflint.engine.rule import Example, finding, msg, rule
from perflint.model import categories as C
from perflint.model.money_fields import budget_limit


def _where(template) -> tuple[str, str]:
    if C.COST in template.tree:
        return "成本指标 › 经济成本指标", "cost › economic cost (成本指标 › 经济成本指标), a first level"
    return "产出指标 › 成本指标（或 2025 年起的一级指标 成本指标）", "outputs › cost (产出指标 › 成本指标), or from 2025 the first-level cost (成本指标)"


@rule(
    id="cost-indicator-required",
    severity="warning",
    group="A",
    basis="V",
    summary=msg("按规定设置成本指标", "A cost indicator is required"),
    description=msg(
        "至少一个成本指标：一级指标“成本指标”（上海 2025 指引；中央部门 2022 年起的表样），或旧表样中“产出指标 › 成本指标”。"
        "是否要求取决于表样年代和规则集：默认规则集对 sh-2019、sh-2020、central-2015 关闭，sh-2024 为警告，"
        "central-2022、sh-2025 为错误；central-2022 与 sh-2025 规则集对所有现行表样都按错误处理。",
        "At least one cost indicator: the first level cost (成本指标), as in the Shanghai 2025 guide and central forms "
        "from 2022, or, on older forms, outputs › cost (产出指标 › 成本指标). Whether it is required depends on the form era and the profile: the default "
        "profile turns it off for sh-2019, sh-2020 and central-2015, makes it a warning for sh-2024 and an error "
        "for central-2022 and sh-2025; the central-2022 and sh-2025 profiles make it an error for every "
        "current form.",
    ),
    rationale=msg(
        "上海市财政局 2025 年指引要求原则上每个项目都设置成本指标（经济成本分为总成本、单位成本、分项成本），中发"
        "〔2018〕34号也要求绩效目标覆盖成本；中央部门的财预〔2021〕101号据回忆把成本指标列为一级指标（尚未逐字核对）。"
        "2019、2020 年表样没有成本栏，故不要求；2024 年表早于该指引，仅作提示。",
        "The 2025 Shanghai guide requires, in principle, a cost indicator on every project (economic cost split "
        "into total, unit and itemised cost), and CPC/State Council 2018 No. 34 says targets cover cost; for central "
        "departments MOF 2021 No. 101 is recalled (not yet re-verified) to make cost a first level. The 2019 and "
        "2020 forms print no cost row, so it is not required there; 2024 forms predate the guide: advisory.",
    ),
    sources=msg("上海市市级部门项目支出核心绩效目标和指标设置及取值指引（试行）（2025）；中发〔2018〕34号",
                "Shanghai core performance indicator guide (trial, 2025); CPC/State Council 2018 No. 34"),
    examples=(
        Example("era: sh-2025\nindicators:\n  - {level1: 成本指标, level2: 经济成本指标, name: 项目总成本, target: '≤649.17万元'}\n"
                "  - {level1: 产出指标, level2: 数量指标, name: 接待批次, target: '≥200(批次)'}"),
        Example("era: sh-2024\nindicators:\n  - {level1: 产出指标, level2: 数量指标, name: 接待批次, target: '≥200(批次)'}", ("/indicators",)),
        Example("era: sh-2019\nindicators:\n  - {level1: 产出目标, level2: 数量目标, name: 参展人数, target: 2000人}"),
    ),
)
def check(decl, opts):
    if not decl.indicators or any(i.is_cost for i in decl.indicators):
        return
    zh, en = _where(decl.template)
    limit = budget_limit(decl)
    example = f"项目总成本 ≤{limit[0] / 10000:.2f}万元" if limit else "项目总成本 ≤XX万元"  # this form's own budget
    yield finding("/indicators", f"没有成本指标：在“{zh}”下设置总成本、单位成本或分项成本，如“{example}”。",
                  f"There is no cost indicator: add a total, unit or itemised cost under {en}, e.g. \"{example}\".",
                  on_key=True)
