"""template-placeholder: a template's fill-in hint left in an indicator name."""
from snippets import OUT_Q, OUT_QUAL, SAT, check_fails, ind


def test_hints_left_in_names():
    check_fails("template-placeholder", [
        ind(*OUT_Q, "公猪舍(≥**平方米)", "22.8"),
        ind(*OUT_Q, "排污沟(≥米)", "230"),
        ind(*OUT_Q, "贫困地区旅游景点开发数量( ≥**个 )", ">=1个"),
        ind(*OUT_Q, "受益建档立卡贫困人口数≥**人", ">=500人"),
        ind(*SAT, "游客满意度(≥**%)", ">=90%"),
        ind(*OUT_Q, "设备采购（≥台）", "3"),
        ind(*OUT_QUAL, "*贫困地区旅游基础设施建设质量达标率", ">=98%"),
        ind(*OUT_QUAL, "项目(工程)验收合格率", "100%"),
        ind(*OUT_QUAL, "足额保障率(参保率)", "=100%"),
        ind(*OUT_QUAL, "系统故障率(%)", "≤3%"),
        ind(*OUT_QUAL, "完成率（≥95%）", "≥95%"),
    ], [0, 1, 2, 3, 4, 5], key="name")


def test_the_rule_and_the_reading_share_one_definition_of_a_hint():
    # a hint the rule reports is the hint the model completes the target with: full-width ＞＝ included
    from conftest import lint_text
    from snippets import block

    found = lint_text(block(ind(*OUT_Q, "达标率（＞＝**%）", "95")),
                      select=["template-placeholder", "operator-required", "unit-required"])
    assert [(d.rule, d.line, d.column) for d in found] == [("template-placeholder", 4, 11)]
    assert "＞＝**%" in found[0].message.en or ">=**%" in found[0].message.en


def test_the_hint_as_the_model_reads_it():
    from perflint.model.cells import placeholder

    assert placeholder("公猪舍(≥**平方米)").text == "(≥**平方米)"
    assert placeholder("受益建档立卡贫困人口数≥**人").text == "≥**人"
    assert placeholder("项目名称XX工程").text == "XX"
    assert placeholder("*建设质量达标率") is None and placeholder("系统故障率(%)") is None
    assert placeholder("X射线机数量(台)") is None
