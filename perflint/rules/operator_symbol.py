from perflint.engine.rule import Example, finding, msg, rule
from perflint.model.operators import canonical, is_lookalike, written_operator


@rule(
    id="operator-symbol",
    severity="warning",
    group="B",
    basis="C",
    summary=msg("指标性质须用标准符号 ≥ ≤ =", "Operators use the standard symbols ≥ ≤ ="),
    description=msg(
        "指标值开头的比较符号须为 ≥、≤、=（或 >、<）。形近字符（≧ U+2267、≦、⩾、⩽）、全角符号（＞、＜、＝、＞＝）"
        "和 =>、== 之类的拼写均报告。ASCII 的 >= 与 <= 按 ≥、≤ 读取，不报告。",
        "The comparison symbol a target starts with must be ≥, ≤ or = (or > and <). Look-alike characters "
        "(≧ U+2267, ≦, ⩾, ⩽), full-width symbols (\"＞\", \"＜\", \"＝\", \"＞＝\") and spellings such as => or == are "
        "reported. "
        "ASCII >= and <= are read as ≥ and ≤ and pass.",
    ),
    rationale=msg(
        "表样的“指标性质”栏只有 =、≥、≤。≧ 等形近字符在检索、汇总和自动评分时不等于 ≥，"
        "在财政系统中常被当作文本；这是本项目的约定，并非文件原文。",
        "The operator (指标性质) column of the templates holds =, ≥ and ≤ only. Look-alikes such as ≧ do not equal ≥ "
        "when forms are searched, summed or scored automatically. This is a project convention, not a "
        "quoted regulation.",
    ),
    sources=msg("四川省部门预算项目支出绩效自评表（指标性质栏：=、≥、≤）", "Sichuan self-evaluation form, its operator (指标性质) column: =, ≥, ≤"),
    examples=(
        Example("indicators: [{level1: 满意度指标, level2: 服务对象满意度指标, name: 参观者满意度, target: '≥95%'}]"),
        Example("indicators: [{level1: 效果目标, level2: 满意度, name: 参观人员满意度, target: '>=95%'}]"),
        Example("indicators: [{level1: 满意度目标, level2: 满意度目标, name: 参观受众满意度, target: '≧95%'}]", ("/indicators/0/target",)),
        Example("indicators: [{level1: 产出指标, level2: 数量指标, name: 培训人数, target: '⩾200人'}]", ("/indicators/0/target",)),
    ),
    kinds=("declaration", "self-evaluation"),
)
def check(decl, opts):
    for ind in decl.indicators:
        written = written_operator(ind.target_raw)
        if not is_lookalike(written):
            continue
        op = canonical(written)
        rest = ind.target_raw.lstrip()[len(written):].lstrip()
        codes = " ".join(f"U+{ord(c):04X}" for c in written)
        if op:
            yield finding(
                ind.at("target"),
                f"“{ind.name}”的指标值“{ind.target_raw}”用了非标准符号“{written}”（{codes}）：改为 {op}{rest}。",
                f"\"{ind.name}\" has target \"{ind.target_raw}\" written with the non-standard symbol \"{written}\" "
                f"({codes}): write \"{op}{rest}\".",
                fix=ind.target_raw.replace(written, op, 1),
            )
        else:
            yield finding(
                ind.at("target"),
                f"“{ind.name}”的指标值“{ind.target_raw}”开头的“{written}”不是可识别的比较符号：用 ≥、≤ 或 =。",
                f"\"{ind.name}\" has target \"{ind.target_raw}\" starting with \"{written}\", which is not a "
                f"recognised operator: use ≥, ≤ or =.",
            )
