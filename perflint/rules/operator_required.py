from perflint.core.diagnostic import Severity
from perflint.engine.rule import Example, Option, finding, msg, rule
from perflint.model import vocabulary as V
from perflint.model.names import words
from perflint.model.operators import bare


@rule(
    id="operator-required",
    severity="warning",
    group="B",
    basis="V",
    summary=msg("定量指标须标明指标性质（≥、≤、=）", "A quantitative target needs a comparison operator"),
    description=msg(
        "数值型指标值（如 2000人、100%、0）须以 ≥、≤、= 等符号（或“不低于”“以上”等文字）写明是下限、上限还是确切值。"
        "区间（90-95%）、乘积（7×24小时）和日期不要求符号。2019 年上海申报表样没有“指标性质”栏，"
        "这些表上的裸数值按 info 报告（选项 template_eras）。",
        "A numeric target (\"2000人\", \"100%\", \"0\") must say with ≥, ≤ or = (or words such as \"不低于\" or \"以上\") "
        "whether it is a floor, a ceiling or an exact value. Ranges (\"90-95%\"), products (\"7×24小时\") and dates need "
        "no operator. The 2019 Shanghai form had no operator (指标性质) column, so bare numbers on forms of that era are "
        "reported as info (option template_eras).",
    ),
    rationale=msg(
        "绩效目标表和自评表都有“指标性质”栏（=、≥、≤）；裸数值“2000人”既可读作至少 2000 人，也可读作恰好 2000 人，"
        "评分时正向指标与反向指标的算法不同，无法判断是否达成。",
        "Target and self-evaluation tables carry an operator (指标性质) column: =, ≥, ≤. A bare \"2000人\" reads as at least "
        "2000 or exactly 2000, and positive and reverse indicators are scored differently, so attainment "
        "cannot be judged.",
    ),
    sources=msg("四川省部门预算项目支出绩效自评表（指标性质栏）；项目支出绩效自评表（中央模板）",
                "Sichuan self-evaluation form, its operator (指标性质) column; central self-evaluation template"),
    options=(
        Option("template_eras", ("sh-2019",), msg(
            "表样本身没有指标性质栏的年代：这些表上的裸数值只按 info 报告",
            "Eras whose printed form has no operator column: bare numbers there are reported as info only")),
    ),
    examples=(
        Example("indicators: [{level1: 产出指标, level2: 数量指标, name: 参观人数, target: '≥2000人'}]"),
        Example("indicators: [{level1: 产出指标, level2: 时效指标, name: 服务时间, target: '7×24小时'}]"),
        Example("indicators: [{level1: 产出指标, level2: 数量指标, name: 参观人数, target: '2000人'}]", ("/indicators/0/target",)),
        Example("era: sh-2019\nindicators: [{level1: 效果目标, level2: 生态效益目标, name: 造成生态环境破坏, target: '0'}]",
                ("/indicators/0/target",)),
    ),
    kinds=("declaration", "self-evaluation"),
)
def check(decl, opts):
    lenient = decl.era in words(opts["template_eras"])
    for ind in decl.indicators:
        t = ind.target
        if t.kind != "number" or t.op is not None:
            continue
        shown = bare(t)
        if t.value == 0 or (t.value == 100 and t.unit == "%"):
            fix_zh, fix_en = f"写成 ={shown}", f"write \"={shown}\""  # ≥100% and ≤0 only mean = anyway
        else:
            fix_zh = f"写成 ≥{shown}（下限）、≤{shown}（上限）或 ={shown}（确切值）"
            fix_en = f"write \"≥{shown}\" (floor), \"≤{shown}\" (ceiling) or \"={shown}\" (exact)"
        era_zh = "（该年代表样无指标性质栏，故仅提示）" if lenient else ""
        era_en = " (this era's form has no operator column, so this is advisory)" if lenient else ""
        yield finding(
            ind.at("target"),
            f"“{ind.name}”的指标值“{t.raw}”没有指标性质：{fix_zh}{era_zh}。",
            f"\"{ind.name}\" has target \"{t.raw}\" with no operator: {fix_en}{era_en}.",
            # a schedule (1次/周, 每季度1次) is nearly always meant as written: a note, not a warning
            severity=Severity.INFO if lenient or (t.unit or "").endswith(V.PER_PERIOD) else None,
        )
