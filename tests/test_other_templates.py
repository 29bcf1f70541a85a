"""The false-alarm classes of forms from other provinces' templates (issue 7), each pinned silent, with
the defect it must still catch beside it."""
from conftest import lint_text, problems
from snippets import OUT_Q, OUT_QUAL, OUT_T, SAT, SOCIAL, block, ind

GOOD = block(ind(*OUT_Q, "补助资金发放企业数", "≥50家"), ind(*SOCIAL, "带动就业人数", "≥100人"),
             ind(*SAT, "企业满意度", "≥90%"))


def _rules(text, select=None):
    return {(d.rule, d.pointer) for d in lint_text(text, select=select)}


def test_a_county_template_is_no_defective_shanghai_form():
    """Natures of other templates, tick boxes with other choices, no expense class, no dates, no overall goal."""
    head = ("fiscal_year: 2023\ndepartment: 县农业农村局\nproject:\n  name: 县级农田建设\n"
            "  nature: 经常性项目\n  category: [部门预算项目]\nbudget: {unit: 万元, annual: 50}\n"
            "goals: {annual: 完成农田建设500亩}\n")
    found = _rules(head + GOOD, select=["required-fields", "project-nature", "annual-goal-required", "fiscal-year-dates",
                                          "plan-dates", "year-consistency"])
    assert found == set()
    # the same cells, present and left blank, are still reported
    blank = head.replace("department: 县农业农村局", "department: ''")
    assert ("required-fields", "/department") in _rules(blank + GOOD, select=["required-fields"])


def test_natures_of_any_template_that_exclude_each_other():
    text = "project: {name: x, nature: [持续性项目, 新增性项目]}\n" + GOOD
    assert ("project-nature", "/project/nature") in _rules(text, select=["project-nature"])


def test_grant_programmes_deliver_funded_projects_and_money_paid_out():
    text = "project: {name: 科技型中小企业创新补助专项资金}\n" + block(
        ind(*OUT_Q, "补助资金发放企业数", "≥50家"), ind(*OUT_T, "补助资金拨付及时率", "=100%"),
        ind(*OUT_Q, "资助项目数", "≥20个"))
    assert problems(text, "input-as-output") == []
    rent = "project: {name: 展厅运营}\n" + block(ind(*OUT_Q, "房租租赁计划完成率", "=100%"))
    assert problems(rent, "input-as-output") != []


def test_respondents_named_as_organisations_or_representatives():
    text = block(*(ind(*SAT, f"{who}满意度", "≥90%") for who in ("人大代表", "参展企业", "合作机构", "使用单位", "区财政局", "市发改委",
                                                              "旅游行业经营主体", "受益脱贫户")))
    assert problems(text, "satisfaction-respondent") == []
    assert problems(block(ind(*SAT, "满意度", "≥90%")), "satisfaction-respondent") != []


def test_targets_the_parser_used_to_misread():
    text = block(
        ind(*OUT_QUAL, "工作排名", "全市前八"),  # a rank
        ind(*OUT_Q, "督查频次", "一次/周"),  # a Chinese numeral, a frequency
        ind(*OUT_Q, "建设内容", "共计3类"),  # a total
        ind("产出指标", "成本指标", "设备购置成本", "=20 万"),  # 万 is 万元 on a money line
        ind(*OUT_QUAL, "巡查频率", "≥2次/周"),  # 频率 is no rate
    )
    found = _rules(text)
    # read as measured values: nothing says "no number", "no unit" or "not a rate" (a bare number without an
    # operator is still operator-required's, as reviewers flag it)
    for i in range(5):
        assert not {r for r, p in found if p == f"/indicators/{i}/target"} - {"operator-required"}, (i, found)


def test_a_year_used_as_an_attribute_is_no_plan_date():
    text = ("fiscal_year: 2023\nproject: {name: x, start: 2023-01-01, end: 2023-12-31, "
            "plan: 承接2022年度项目的后续工作，2023年6月完成验收}\n" + GOOD)
    assert problems(text, "plan-dates") == []
    late = text.replace("2023年6月完成验收", "2024年3月完成验收")
    assert problems(late, "plan-dates") != []


def test_a_multi_year_items_total_is_held_against_the_project_total():
    text = ("fiscal_year: 2024\nproject: {name: x, start: 2024-01-01, end: 2024-12-31}\n"
            "budget:\n  unit: 元\n  total: 3000000\n  annual: 1000000\n  items:\n"
            "    - {name: 一期, amount: 3000000, start: 2024-01-01, end: 2026-12-31}\n" + GOOD)
    assert problems(text, "budget-sum") == []
    wrong = text.replace("total: 3000000", "total: 2000000")
    assert problems(wrong, "budget-sum") == [(5, 10, "/budget/total")]
