"""The self-evaluation format: every bundled self-evaluation and the annotated example validate, and
a target printed over several cells (or completed by a name's fill-in hint) is read as one target."""
import re

import pytest

from conftest import DECLARATIONS, ROOT, is_self_evaluation, lint_text
from perflint.model.cells import fill_in_hint, hint_cells
from perflint.model.declaration import Declaration

SELF_EVALUATIONS = sorted(p for p in DECLARATIONS.rglob("*.yaml") if is_self_evaluation(p))
INPUT_RULES = ["schema", "yaml-*"]


def test_there_are_five_bundled_self_evaluations():
    assert [p.relative_to(DECLARATIONS).as_posix() for p in SELF_EVALUATIONS] == [
        "anhui-tangxi/2022/commissioned-services-self-evaluation.yaml",
        "shanghai-stic-office/2021/future-park-exhibition-hall-self-evaluation.yaml",
        "shanghai-stic-office/2021/stic-work-funds-self-evaluation.yaml",
        "sichuan-qingshen/2023/salary-expenditure-self-evaluation.yaml",
        "yunnan-changning/2022/pig-farm-construction-self-evaluation.yaml",
    ]


@pytest.mark.parametrize("path", SELF_EVALUATIONS, ids=lambda p: p.name)
def test_bundled_self_evaluation_matches_the_format(path):
    text = path.read_text(encoding="utf-8")
    assert re.match(r"# yaml-language-server: \$schema=\S+\n# Source: shared/(seeds|corpus)/\S+ l\.\d+-\d+ \(form [0-9A-Z-]+\)\n", text)
    assert [(d.rule, d.line, d.message.en) for d in lint_text(text, select=INPUT_RULES)] == []


def test_the_annotated_example_in_the_docs_matches_the_format():
    doc = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    example = doc[doc.index("## Self-evaluations"):].split("```yaml\n", 1)[1].split("```", 1)[0]
    assert "kind: self-evaluation" in example
    assert lint_text(example, select=INPUT_RULES) == []


def test_wrong_types_in_the_selfeval_block_are_schema_findings_not_crashes():
    text = ("kind: self-evaluation\nfiscal_year: 2021\nproject: {name: x}\nindicators: []\n"
            "selfeval:\n  execution: {rate: [1], sources: {appropriation: 5}, unit: 千元}\n  total: 3\n  grade: {a: 1}\n")
    found = lint_text(text)
    assert {d.rule for d in found} == {"schema"}
    assert {d.pointer for d in found} == {"/selfeval/execution/rate", "/selfeval/execution/sources/appropriation",
                                          "/selfeval/execution/unit", "/selfeval/total", "/selfeval/grade"}


@pytest.mark.parametrize("cells,whole", [
    ({"operator": "=", "target": "100", "unit": "%", "name": "发放(缴纳)覆盖率"}, "=100%"),  # 四川: 指标性质 / 指标值 / 度量单位
    ({"operator": "", "target": "95", "unit": "%", "name": "完成率"}, "95%"),
    ({"target": "22.8", "name": "公猪舍(≥**平方米)"}, "≥22.8平方米"),  # a template's fill-in hint left in the name
    ({"target": "50", "name": "排污沟(≥米)"}, "≥50米"),
    ({"target": "1", "name": "粉碎拌合机(11kw)(≥台)"}, "≥1台"),
    ({"target": "≥1台", "name": "粉碎拌合机(≥台)"}, "≥1台"),  # a hint never overrides the target
    ({"target": ">=3", "name": "新建基础设施数量( ≥**个 )"}, ">=3个"),  # only what the number lacks
    ({"target": "3-5", "name": "场次(≥**场)"}, "3-5"),  # a range says what it means
    ({"target": "20", "name": "完成率（%）"}, "20"),  # a unit in brackets is no fill-in hint
    ({"target": "22.8", "unit": "平方米", "name": "公猪舍(≥**平方米)"}, "22.8平方米"),  # a unit cell outranks the hint
])
def test_a_target_over_several_cells_is_read_as_one(cells, whole):
    ind = Declaration({"indicators": [{"level1": "产出指标", "level2": "数量指标", **cells}]}).indicators[0]
    assert ind.target_raw == whole and ind.target_cell == cells["target"]


def test_fill_in_hints():
    assert hint_cells("22.8", "公猪舍(≥**平方米)") == ("≥", "平方米") and hint_cells("约22", "公猪舍(≥**平方米)") == ("", "")
    assert fill_in_hint("( ≥**个 )") == ("≥", "个")
    assert fill_in_hint("达标率(≥**%)") == ("≥", "%")
    assert fill_in_hint("完成率（%）") is None
    assert fill_in_hint("受益建档立卡贫困人口数≥**人") == ("≥", "人") and fill_in_hint("满意度≥95%") is None
    assert fill_in_hint("满意度(≥90%)") is None  # a value of its own, not a hint


def test_operator_and_unit_columns_complete_the_target_for_every_rule():
    """corpus-defects 04, deliberately not flagged: `=` / `100` / `%` in three cells is a complete target."""
    text = ("kind: self-evaluation\nfiscal_year: 2023\nproject: {name: x}\nindicators:\n"
            "  - {level1: 产出指标, level2: 数量指标, name: 发放覆盖率, operator: '=', target: '100', unit: '%'}\n")
    assert lint_text(text, select=["operator-required", "unit-required", "percent-range"]) == []
    ind = Declaration({"indicators": [{"level1": "产出指标", "level2": "数量指标", "name": "发放覆盖率",
                                       "operator": "=", "target": "100", "unit": "%"}]}).indicators[0]
    assert (ind.target.op, ind.target.value, ind.target.unit, ind.target_cell) == ("=", 100, "%", "100")


def test_weights_in_level_labels_and_word_units_are_read():
    text = ("kind: self-evaluation\nfiscal_year: 2022\nproject: {name: x}\nindicators:\n"
            "  - {level1: 产出指标(50分), level2: 质量指标, name: 报告合格率, target: '≥98百分比'}\n"
            "  - {level1: 满意度指标（10分）, level2: 满意度指标, name: 公众满意度, target: '≥90%'}\n")
    assert lint_text(text, select=["unknown-category", "unit-matches-name", "level2-under-level1"]) == []
    decl = Declaration({"indicators": [{"level1": "产出指标(50分)", "level2": "质量指标", "name": "报告合格率",
                                        "target": "≥98百分比"}]})
    assert (decl.indicators[0].level1, decl.indicators[0].target.unit) == ("output", "%")
