from perflint.engine.rule import Example, Option, finding, msg, rule
from perflint.model import vocabulary as V
from perflint.model.names import find_word, words

INPUT_WORDS, EXEMPT_WORDS = V.INPUT_WORDS, V.INPUT_EXEMPT_WORDS


@rule(
    id="input-as-output",
    severity="warning",
    group="B",
    basis="C",
    summary=msg("投入不得作为产出或效益指标", "Inputs are not outputs or benefits"),
    description=msg(
        "产出或效益指标的名称是关于花钱或取得投入的（经费拨付、资金到位、预算执行、房屋租赁、支付租金…，选项 input_words）时报告；带来或节约的资金（带动社会资金投入、节约资金，选项 exempt_words）是结果，不报告。"
        "2019/2020 年上海表样的“投入和管理目标 / 投入与管理”下的预算执行率、资金到位率是合规的管理指标，不检查；成本指标也不检查。"
        "补助、资助类项目（项目名称含补助、补贴、资助、专项资金…，选项 grant_programme_words）资助的项目数和资金发放就是产出，"
        "名称含资助、补助、发放、兑现等（选项 grant_output_words）的产出指标不报告；指标名称本身说明这笔钱是补助、资助（资助资金拨付）时也一样。",
        "An output or benefit indicator whose name is about spending money or acquiring inputs (\"经费拨付\", "
        "\"资金到位\", \"预算执行\", \"房屋租赁\", \"支付租金\"…, option input_words) is reported, unless the money is a "
        "result (\"带动社会资金投入\", \"节约资金\"; option exempt_words). Budget execution and funds-in-place rates "
        "under the 2019/2020 Shanghai inputs and management block (投入和管理目标 / 投入与管理) are legitimate "
        "management indicators and are not checked; neither are cost indicators. In a grant or subsidy programme "
        "(project name with \"补助\", \"补贴\", \"资助\", \"专项资金\"…; option grant_programme_words) the projects "
        "funded and the money paid out are the outputs: output names with \"资助\", \"补助\", \"发放\", \"兑现\"… "
        "(option grant_output_words) pass, as they do wherever the indicator's own name calls the money a grant "
        "(\"资助资金拨付及时率\").",
    ),
    rationale=msg(
        "产出是项目提供的产品和服务，效益是它带来的变化；付房租、拨经费是投入，完成了也不说明项目做成了什么。"
        "有地方评价办法明确投入（资金、人力、物力）不得作为绩效目标（所见文本不完整）；关键词判断是本项目的启发式约定。",
        "Outputs are the goods and services a project delivers and benefits the change they bring; paying rent "
        "or transferring funds is an input and says nothing about what was achieved. A local evaluation measure "
        "says inputs (money, people, materials) may not be used as performance targets (the text seen was "
        "fragmentary); the keyword match is this project's heuristic.",
    ),
    sources=msg("地方专项资金绩效评价办法摘录（投入不得作为绩效目标，片段）；岳阳楼区 2023 整体绩效目标表（以投入金额作数量指标的实例）",
                "A local evaluation measure (inputs are not targets; fragment); "
                "Yueyanglou 2023 target table (an input amount as a quantity indicator)"),
    options=(
        Option("input_words", INPUT_WORDS, msg("表示投入的名称关键词", "Name keywords that denote an input")),
        Option("exempt_words", EXEMPT_WORDS, msg("含这些词的名称是结果（带动社会资金、节约资金），不报告",
                                                 "Names with these words are results (money attracted or saved)")),
        Option("grant_programme_words", V.GRANT_PROGRAMME_WORDS, msg(
            "项目名称含这些词时是补助、资助类项目：资助的项目数和资金发放是它的产出",
            "Project names with these words are grant or subsidy programmes, whose outputs are the projects funded "
            "and the money paid out")),
        Option("grant_output_words", V.GRANT_OUTPUT_WORDS, msg(
            "补助类项目中，名称含这些词的产出指标（资助、补助、发放、兑现…）不报告",
            "In such a programme, output names with these words (\"资助\", \"补助\", \"发放\", \"兑现\"…) pass")),
    ),
    examples=(
        Example("indicators: [{level1: 投入与管理, level2: 投入管理, name: 预算资金到位率, target: '=100%'}]"),
        Example("indicators: [{level1: 产出指标, level2: 数量指标, name: 展厅开放天数, target: '≥250天'}]"),
        Example("project: {name: 中小企业技术创新补助资金}\nindicators: [{level1: 产出指标, level2: 数量指标, name: 补助资金发放企业数, target: '≥50家'}]"),
        Example("project: {name: 科技型中小企业技术创新资金}\nindicators: [{level1: 产出指标, level2: 时效指标, name: 资助资金拨付及时率, target: '≥95%'}]"),
        Example("indicators: [{level1: 产出指标, level2: 数量指标, name: 房租租赁计划完成率, target: '=100.00(%)'}]",
                ("/indicators/0/target",)),
        Example("indicators: [{level1: 产出指标, level2: 时效指标, name: 辅助人员经费拨付及时性, target: '=100(%)'}]",
                ("/indicators/0/target",)),
    ),
    kinds=("declaration", "self-evaluation"),
)
def check(decl, opts):
    input_words, exempt_words = words(opts["input_words"]), words(opts["exempt_words"])
    project = str(decl.get("project", "name") or "")
    programme_words = words(opts["grant_programme_words"])
    grants = find_word(project, programme_words) is not None
    grant_outputs = words(opts["grant_output_words"])
    for ind in decl.indicators:
        level = ind.reading.tier
        word = find_word(ind.name, input_words) if level else None
        if not word or find_word(ind.name, exempt_words):
            continue
        if level == "output" and (grants or find_word(ind.name, programme_words)) and find_word(ind.name, grant_outputs):
            # a grant programme delivers funded projects and money paid out; a name that calls the money a
            # grant (资助资金, 补贴资金) says so even when the project's name does not
            continue
        yield finding(
            ind.at("target"),
            f"{'产出' if level == 'output' else '效益'}指标“{ind.name}”衡量的是投入（{word}），不是项目的结果："
            f"改为这笔投入带来的产出或效果（如 设施开放天数、服务人次、保障事项完成率），资金安排留给预算栏。",
            f"The {level} indicator \"{ind.name}\" measures an input (\"{word}\"), not "
            f"a result: measure what the input delivers instead (e.g. days open, people served, tasks completed) "
            f"and leave the money to the budget lines.",
        )
