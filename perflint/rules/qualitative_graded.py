from perflint.engine.rule import Example, Option, finding, msg, rule
from perflint.model import vocabulary as V
from perflint.model.names import core, words
from perflint.model.reading import graded_property, names_property, plain_level

SCALES, PROPERTIES, VAGUE = V.GRADED_SCALES, V.GRADED_PROPERTIES, V.VAGUE_WORDS


def _levels(scales) -> set[str]:
    return {level for scale in scales for level in str(scale).split("/") if level}


def _rename(name: str, prop: str) -> str:
    """长效管理制度建设 + 健全 → 长效管理制度健全性."""
    text = core(name)
    for tail in V.RENAME_DROPPED_TAILS:
        if text.endswith(tail) and len(text) > len(tail):
            text = text[: -len(tail)]
            break
    return f"{text}{prop}性"


@rule(
    id="qualitative-graded",
    severity="warning",
    group="C",
    basis="V",
    summary=msg("定性指标须采用分级分档表述", "A qualitative target uses a graded scale"),
    description=msg(
        "文字型指标值须是某个分级量表中的一档：选项 scales 中的量表（好/较好/一般/较差/差、达到/基本达到/未达到、是/否…），"
        "或“X / 基本X / 不X”型量表中的一档且名称写明了所评的属性（“财务管理制度健全性：健全”）。"
        "“健全”只有在名称指明所评属性（…健全性、…健全程度、是否健全，或以该属性结尾，如“服务规范达标：达标”）时才通过：它是 健全/基本健全/不健全 量表的一档；"
        "“长效管理工作：健全”没有说评的是什么，报告。制度建设类指标（名称含制度、机制、体系等）的状态"
        "（健全、建立健全、健全有效、规范、完善…，选项 institution_states）本身就是分档，通过。时效指标写明确定的期间或频次（全年、日产日清、每月）也通过。有效、正常、规范、满足需求 "
        "等笼统表述单独提示；文字与数字混写（专款专用100%）也报告。产出指标没有数值（output-quantified）、满意度"
        "（satisfaction-min）和比率的文字值（unit-matches-name）由各自的规则报告，这里不重复。",
        "A worded target must be one level of a graded scale: a scale from the scales option (\"好/较好/一般/较差/差\", "
        "\"达到/基本达到/未达到\", \"是/否\"…), or one level of an \"X / 基本X / 不X\" scale when the name states the "
        "property being graded (\"财务管理制度健全性: 健全\"). \"健全\" (sound) passes only when the name names what it "
        "grades (\"…健全性\", \"…健全程度\", \"是否健全\", or ends with it, as in \"服务规范达标: 达标\"): it is then a level of the \"健全/基本健全/不健全\" scale; "
        "\"长效管理工作: 健全\" does not say what is graded and is reported. An institution-building indicator (\"制度\", "
        "\"机制\", \"体系\"… in its name) takes the institution's own states as its levels (\"健全\", \"建立健全\", "
        "\"健全有效\", \"规范\", \"完善\"…; option institution_states) and passes, and so does a timeliness target naming a definite period or "
        "cadence (\"全年\", \"日产日清\", \"每月\"). Vague wording (\"有效\", \"正常\", "
        "\"规范\", \"满足需求\") gets its own message, and so does a value mixing words and a number (\"专款专用100%\"). "
        "An output with no number (output-quantified), "
        "satisfaction (satisfaction-min) and words on rates (unit-matches-name) are their own rules' findings.",
    ),
    rationale=msg(
        "《财政支出绩效评价管理暂行办法》要求绩效目标尽量量化，难以量化的“采用定性的分级分档形式表述”。"
        "“全年正常运营”“有效”无法与实际情况逐档比较，评价时只能凭印象打分。",
        "The MOF interim evaluation measures ask for quantified targets and, where that is impossible, a "
        "qualitative statement \"in graded levels\" (分级分档). \"全年正常运营\" or \"有效\" cannot be compared "
        "level by level with what happened, so the evaluator scores by impression.",
    ),
    sources=msg("财政支出绩效评价管理暂行办法（具体细化：定性的分级分档形式）", "MOF interim measures on expenditure performance evaluation"),
    options=(
        Option("scales", SCALES, msg("认可的分级量表，各档以 / 分隔", "Accepted graded scales, levels separated by /")),
        Option("properties", PROPERTIES, msg("可按 X/基本X/不X 分档的属性词", "Properties graded as \"X / 基本X / 不X\"")),
        Option("vague_words", VAGUE, msg("笼统表述（单独提示）", "Vague words (own message)")),
        Option("institution_states", V.INSTITUTION_STATES, msg(
            "制度建设类指标（名称含制度、机制、体系…）可用的状态（健全、建立健全、健全有效、规范…）",
            "The states an institution-building indicator (\"制度\", \"机制\", \"体系\"… in its name) may take "
            "(\"健全\", \"建立健全\", \"规范\"…)")),
    ),
    examples=(
        Example("indicators: [{level1: 投入与管理, level2: 财务管理, name: 财务管理制度健全性, target: 健全}]"),
        Example("indicators: [{level1: 效益指标, level2: 可持续影响指标, name: 长效机制建立情况, target: 达到}]"),
        Example("indicators: [{level1: 效益指标, level2: 社会效益指标, name: 展厅正常运营情况, target: 全年正常运营}]",
                ("/indicators/0/target",)),
        Example("indicators: [{level1: 影响力目标, level2: 可持续目标, name: 长效管理制度建设, target: 健全}]"),
        Example("indicators: [{level1: 产出指标, level2: 质量指标, name: 内部控制机制, target: 建立健全}]"),
        Example("indicators: [{level1: 影响力目标, level2: 可持续目标, name: 长效管理工作, target: 健全}]", ("/indicators/0/target",)),
        Example("indicators: [{level1: 投入和管理目标, level2: 财务管理, name: 项目资金使用情况, target: 专款专用100%}]",
                ("/indicators/0/target",)),
    ),
    kinds=("declaration", "self-evaluation"),
    defers_to=("output-quantified", "unit-matches-name", "satisfaction-min", "cost-quantified", "kind-mismatch",
               "target-contradiction"),
)
def check(decl, opts):
    levels = _levels(words(opts["scales"]))
    properties, vague_words = words(opts["properties"]), words(opts["vague_words"])
    institution_states = set(words(opts["institution_states"]))
    for ind in decl.indicators:
        t = ind.target
        if t.kind not in ("qualitative", "mixed"):
            continue
        if t.kind == "mixed" and t.unit == "%" and not t.vague:
            yield finding(
                ind.at("target"),
                f"“{ind.name}”的指标值“{t.raw}”把文字和数字混在一起：数字留在指标值（如 ={t.value}%），"
                f"文字写进名称并说明百分比的分子分母（如“{t.text}率”）。",
                f"\"{ind.name}\" mixes words and a number in \"{t.raw}\": keep the number as the target "
                f"(e.g. \"={t.value}%\") and move the words into the name with what the percentage counts "
                f"(e.g. \"{t.text}率\").",
            )
            continue
        word = plain_level(t.text if t.kind == "qualitative" else t.raw)
        if word in levels or (ind.reading.institution and word in institution_states) or ind.reading.period_target:
            continue
        prop = graded_property(word, properties)
        if prop and names_property(ind.name, prop):
            continue
        vague = next((v for v in vague_words if v in word), None)
        if prop:
            rename = _rename(ind.name, prop)
            fix_zh = f"改名为“{rename}”按 {prop}/基本{prop}/不{prop} 分档，或给出可计量的指标值"
            fix_en = f"rename it \"{rename}\" and grade it \"{prop}\" / \"基本{prop}\" / \"不{prop}\", or give a measurable target"
        else:
            fix_zh = "给出可计量的指标值（如 ≥95%、≥250天），或采用分级量表中的一档（如 达到/基本达到/未达到）"
            fix_en = "give a measurable target (e.g. \"≥95%\", \"≥250天\") or one level of a graded scale (e.g. \"达到/基本达到/未达到\")"
        if vague:
            hint_zh, hint_en = ("", "") if vague == word else (f"（“{vague}”）", f" (\"{vague}\")")
            yield finding(
                ind.at("target"),
                f"“{ind.name}”的指标值“{t.raw}”是笼统表述{hint_zh}，无法考核：{fix_zh}。",
                f"\"{ind.name}\" has the vague target \"{t.raw}\"{hint_en}, which cannot be assessed: {fix_en}.",
            )
        else:
            yield finding(
                ind.at("target"),
                f"“{ind.name}”的指标值“{t.raw}”不属于任何分级量表：{fix_zh}。",
                f"\"{ind.name}\" has the target \"{t.raw}\", which is not a level of any graded scale: {fix_en}.",
            )
