"""The self-evaluation scorecard and its rules on small forms: the arithmetic is exact, every message
states the recomputed figure, and hostile input (wrong types, huge numbers, zero budgets) is a finding,
never a crash."""
import json
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import DECLARATIONS, lint_text
from perflint.engine.registry import all_rules
from perflint.loading.loader import load
from perflint.model.declaration import Declaration
from perflint.model.selfeval import read_cell

SELFEVAL_RULES = sorted(r.id for r in all_rules().values() if "self-evaluation" in r.kinds and r.check)
HEAD = "kind: self-evaluation\nfiscal_year: 2021\nproject: {name: x}\n"


def scorecard(path):
    doc = load(str(path), path.read_bytes())
    return Declaration(doc.data).scorecard


def found(text, rule=None, **options):
    selected = [rule] if rule else SELFEVAL_RULES
    return [(d.rule, d.pointer, d.message.en) for d in lint_text(HEAD + text, select=selected,
                                                                   rules={rule: options} if options else None)
            if d.rule in selected]


def test_scorecard_of_seed_004_b_declared_next_to_recomputed():
    sc = scorecard(DECLARATIONS / "shanghai-stic-office/2021/future-park-exhibition-hall-self-evaluation.yaml")
    e = sc.execution
    assert (e.unit, e.figures().formula(), e.expected_score, e.total.score.value) == ("万元", "1120.52 ÷ 1121.92 = 99.88%",
                                                                                   Decimal("9.99"), Decimal("9.99"))
    assert [(ln.score.value, ln.expected) for ln in sc.lines] == [
        (18, Decimal("9.10")), (20, None), (10, Decimal("10.00")), (30, Decimal("30.00")), (9, Decimal("10.00"))]
    assert [ln.group for ln in sc.lines] == ["output", "output", "output", "benefit", "satisfaction"]
    assert sc.lines[1].attainment == "met" and sc.lines[3].achievement == Decimal("1.9")
    assert (sc.declared_sum(), sc.recomputed_sum(), sc.total_score.value) == (Decimal("96.99"), Decimal("89.09"), Decimal("96.99"))
    assert sc.weights["execution"] == 10 and sc.weights["output"] == 50 and sc.weights["benefit"] == 30


def test_scorecard_rows_for_reports():
    sc = scorecard(DECLARATIONS / "shanghai-stic-office/2021/future-park-exhibition-hall-self-evaluation.yaml")
    rows = sc.rows()
    assert [r.label.en for r in rows] == ["budget execution", "计划接待参观团组总数", "计划接待参观团组类型", "服务响应度",
                                          "计划参展商总数", "服务对象满意度指标", "total"]
    assert [(r.declared, r.recomputed, r.differs) for r in rows][1] == (18, Decimal("9.10"), True)
    assert rows[0].how.en == "min(99.88%, 100%) × 10 = 9.99 (rate 1120.52 ÷ 1121.92 = 99.88%)"
    assert (rows[-1].declared, rows[-1].recomputed, rows[-1].how.en) == (Decimal("96.99"), Decimal("89.09"),
                                                                        "9.99 + 9.10 + 20 + 10 + 30 + 10")
    assert rows[2].recomputed is None and not rows[2].differs  # qualitative: nothing to recompute


def test_execution_rate_is_taken_at_the_printed_precision():
    assert found("selfeval:\n  execution: {full_year: 1121.92, executed: 1120.52, rate: 99.88%}", "exec-rate") == []
    assert found("selfeval:\n  execution: {full_year: 1121.92, executed: 1120.52, rate: 99.9%}", "exec-rate") == []
    assert found("selfeval:\n  execution: {full_year: 1121.92, executed: 1120.52, rate: 100%}", "exec-rate") == []  # 0.5 allowed
    assert len(found("selfeval:\n  execution: {full_year: 1121.92, executed: 1120.52, rate: 99.86%}", "exec-rate")) == 1


def test_a_rate_on_the_initial_budget_is_named():
    [(_, _, text)] = found("selfeval:\n  execution: {initial: 3068.14, full_year: 2903.14, executed: 2847.98, rate: 92.82%}",
                           "exec-rate")
    assert "98.10%" in text and "divides by the initial budget 3068.14" in text


def test_a_fraction_for_a_rate_is_a_notation_warning():
    [(_, pointer, text)] = found("selfeval:\n  execution: {full_year: 50, executed: 10, rate: 0.2}", "exec-rate")
    assert pointer == "/selfeval/execution/rate" and "fraction 0.2" in text


def test_zero_budgets_and_zero_division_never_crash():
    zero = "selfeval:\n  execution: {initial: 0, full_year: 0, executed: 0, points: 10, rate: 0.00%, score: 0}\n"
    assert found(zero) == []  # 0 ÷ 0: no rate, no score to recompute
    spent = found("selfeval:\n  execution: {full_year: 0, executed: 5, points: 10, rate: 100%, score: 10}\n")
    assert [r for r, *_ in spent] == ["exec-within-budget"]
    targets = ("indicators:\n"
               "  - {level1: 产出指标, level2: 数量指标, name: 事故次数, target: '≤0次', actual: 2次, points: 10, score: 0, deviation_reason: x}\n"
               "  - {level1: 产出指标, level2: 数量指标, name: 培训人数, target: '≥0人', actual: 0人, points: 10, score: 10}\n"
               "  - {level1: 产出指标, level2: 数量指标, name: 故障次数, target: '≤2次', actual: 0次, points: 10, score: 10}\n"
               "  - {level1: 产出指标, level2: 数量指标, name: 培训人数, target: '≥10人', actual: 0人, points: 10, score: 0, deviation_reason: x}\n")
    assert [f for rule in ("score-rule", "deviation-reason", "overachievement-review", "score-bounds")
            for f in found(targets, rule)] == []


def test_a_ceiling_is_scored_target_over_actual():
    [(rule, pointer, text)] = found("indicators:\n  - {level1: 产出指标, level2: 成本指标, name: 项目总成本, target: '≤90万元',"
                                    " actual: 120万元, points: 10, score: 10, deviation_reason: 涨价}", "score-rule")
    assert pointer == "/indicators/0/score" and "10 × 90 ÷ 120 = 7.50" in text


def test_over_achievement_never_scores_above_the_points():
    sc = Declaration({"kind": "self-evaluation", "indicators": [
        {"level1": "产出指标", "level2": "数量指标", "name": "参展商总数", "target": "≥50家", "actual": "95家", "points": 30}]}).scorecard
    assert sc.lines[0].expected == 30 and sc.lines[0].meets is True


def test_qualitative_bands_accept_either_side_of_a_boundary():
    line = "indicators:\n  - {level1: 效益指标, level2: 社会效益指标, name: 制度健全性, target: 健全, actual: 基本完成, points: 10, score: %s, deviation_reason: x}"
    assert found(line % 8, "qual-score-band") == [] and found(line % 6, "qual-score-band") == []
    assert len(found(line % 9, "qual-score-band")) == 1
    assert found(line % 9, "qual-score-band", partial=[60, 90]) == []


def test_weights_follow_the_profile_and_a_reason_explains_a_split():
    text = ("selfeval: {execution: {points: 20}, total: {points: 100}%s}\nindicators:\n"
            "  - {level1: 产出指标, level2: 数量指标, name: a, target: '≥1个', points: 40}\n"
            "  - {level1: 效益指标, level2: 社会效益指标, name: b, target: '≥1个', points: 30}\n"
            "  - {level1: 满意度指标, level2: 满意度指标, name: c, target: '≥90%%', points: 10}\n")
    assert found(text % "", "selfeval-weights") == []  # 20/40/30/10 is in the default profile
    assert [p for _, p, _ in found(text % "", "selfeval-weights", splits=["10/50/30/10"])] == ["/selfeval/execution/points"]
    assert found(text % ", weight_reason: 建设类项目预算执行权重提高", "selfeval-weights", splits=["10/50/30/10"]) == []
    broken = found(text.replace("points: 40", "points: 45") % "", "selfeval-weights")
    assert [(p, "105" in m) for _, p, m in broken] == [("/selfeval/total/points", True)]


def test_not_applicable_indicators_rescale_the_total():
    text = ("selfeval: {execution: {points: 10, score: 10}, total: {points: 100, score: %s}}\nindicators:\n"
            "  - {level1: 产出指标, level2: 数量指标, name: a, target: '≥100人', actual: 90人, points: 50, score: 45, deviation_reason: x}\n"
            "  - {level1: 效益指标, level2: 社会效益指标, name: c, target: '≥10个', actual: 10个, points: 30, score: 30}\n"
            "  - {level1: 满意度指标, level2: 满意度指标, name: 学员满意度, target: '≥90%%', not_applicable: true, points: 10}\n")
    assert found(text % "94.44") == []  # (10 + 45 + 30) ÷ 90 × 100
    [(rule, _, message)] = found(text % "85")
    assert rule == "na-rescale" and "(10 + 45 + 30) ÷ 90 × 100 = 94.44" in message


def test_a_stated_grade_must_match_the_total():
    assert found("selfeval: {total: {points: 100, score: 89.99}, grade: 良}", "grade-band") == []
    assert [p for _, p, _ in found("selfeval: {total: {points: 100, score: 90}, grade: 良}", "grade-band")] == ["/selfeval/grade"]


def test_a_reason_is_owed_only_where_points_are_lost_or_the_target_is_missed():
    line = "indicators:\n  - {level1: 产出指标, level2: 数量指标, name: a, target: '≥100人', actual: %s, points: 10, score: %s}"
    assert found(line % ("120人", 10), "deviation-reason") == []
    assert len(found(line % ("120人", 9), "deviation-reason")) == 1  # points lost
    assert len(found(line % ("90人", 10), "deviation-reason")) == 1  # missed, yet full marks


def test_truncated_forms_assert_nothing_beyond_the_cut():
    text = ("truncated: true\nselfeval:\n  execution: {initial: 60, full_year: 50, executed: 10, points: 20, rate: 20%, score: 4}\n"
            "indicators:\n  - {level1: 产出指标(40分), level2: 数量指标, name: a, target: '≥20头', actual: null, points: 2}\n")
    assert found(text) == []


def test_cells_are_read_exactly_and_implausible_numbers_are_unreadable():
    assert read_cell("98.11%", "").value == Decimal("98.11") and read_cell("98.11%", "").percent
    assert read_cell("２０分", "").value == 20
    assert read_cell("—", "").blank and read_cell(None, "").blank and read_cell("/", "").blank
    for raw in ("NaN", "inf", "1e400", Decimal("1E+400"), Decimal("1E-400"), 10 ** 30, "≥95%", [1], True):
        cell = read_cell(raw, "")
        assert cell.value is None and (cell.problem == "text" or (raw is True and cell.blank)), raw


def test_hostile_values_are_findings_not_crashes():
    text = ("selfeval:\n  execution: {unit: 万元, initial: 1e999999, full_year: 1e-999999, executed: 99999999999999999999999,"
            " points: .inf, rate: .nan, score: -5, sources: {appropriation: {full_year: 1e400, executed: '1,000'}}}\n"
            "  total: {points: 1e400, score: 10000000000000000000000000}\n  grade: 优\n  goals: {actual: 5}\n"
            "indicators:\n  - {level1: 产出指标(1e9分), level2: 数量指标, name: a, target: '≥1e400个', actual: '999999999999999999999个',"
            " points: 1e300, score: -1, deviation_reason: [1]}\n"
            "  - {level1: [x], level2: {a: 1}, name: 7, target: 5, actual: true, points: {a: 1}, score: [1], not_applicable: 'yes'}\n")
    found_rules = {d.rule for d in lint_text(HEAD + text)}
    assert "internal-error" not in found_rules and "schema" in found_rules


def test_extreme_magnitudes_are_computed_or_left_alone_never_raised():
    text = ("selfeval:\n  execution: {unit: 万元, initial: 1e999999, full_year: 0.0000000001, executed: 999999999999999,"
            " points: 10, rate: 1%, score: 1}\nbudget: {unit: 万元, annual: 1e999999}\nindicators:\n"
            "  - {level1: 产出指标, level2: 数量指标, name: a, target: '≥0.0000000001个', actual: '999999999999999个',"
            " points: 999999999999999, score: 1}\n")
    found = lint_text(HEAD + text)
    assert "internal-error" not in {d.rule for d in found}
    rate = next(d for d in found if d.rule == "exec-rate")
    assert "999999999999999 ÷ 0.0000000001 = 999999999999999000000000000%" in rate.message.en


def test_a_wrong_shape_of_the_selfeval_block_is_only_a_schema_finding():
    for block in ("selfeval: yes", "selfeval: [1, 2]", "selfeval: {execution: 5, total: [1], goals: 3}",
                  "selfeval: {execution: {sources: [1]}}", "selfeval: {execution: {sources: {appropriation: 5}}}"):
        assert {d.rule for d in lint_text(HEAD + block + "\nindicators: []\n")} <= {"schema"}, block


_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-10 ** 6, 10 ** 6), st.text(max_size=8),
                     st.sampled_from(["98.11%", "—", "/", "1e400", "0", "0.00%", "≥95%", "20分", "-1"]))
_ROW = st.dictionaries(st.sampled_from(["initial", "full_year", "executed", "rate", "points", "score", "label", "reason", "unit"]),
                       _SCALARS, max_size=6)


@settings(max_examples=60, deadline=None)
@given(row=_ROW, sources=st.dictionaries(st.sampled_from(["appropriation", "carryover", "other"]), _ROW, max_size=3),
       indicator=st.dictionaries(st.sampled_from(["target", "actual", "points", "score", "operator", "unit", "attainment",
                                                  "not_applicable", "deviation_reason"]), _SCALARS, max_size=7),
       truncated=st.booleans())
def test_any_self_evaluation_lints_without_an_internal_error(row, sources, indicator, truncated):
    doc = {"kind": "self-evaluation", "fiscal_year": 2021, "project": {"name": "x"}, "truncated": truncated,
           "selfeval": {"execution": {**row, "sources": sources}, "total": {"points": row.get("points"), "score": row.get("score")}},
           "indicators": [{"level1": "产出指标(50分)", "level2": "数量指标", "name": "n", **indicator},
                          {"level1": "满意度指标", "level2": "满意度指标", "name": "m", **indicator}]}
    text = json.dumps(doc, ensure_ascii=False)  # JSON is YAML
    assert "internal-error" not in {d.rule for d in lint_text(text)}


def test_an_overspend_repeated_by_its_only_source_is_one_finding_naming_each_row():
    one = ("selfeval:\n  execution:\n    {full_year: 100, executed: 120,\n"
           "     sources: {appropriation: {full_year: 100, executed: 120}}}\n")
    [(rule, pointer, text)] = found(one, "exec-within-budget")
    assert pointer == "/selfeval/execution/executed" and text.startswith("The total row (年度资金总额): 120 yuan spent")
    # a source's own overspend is named by its kind of row when the label was not transcribed
    two = ("selfeval:\n  execution:\n    {full_year: 150, executed: 170,\n"
           "     sources: {appropriation: {full_year: 100, executed: 120}, other: {full_year: 50, executed: 50}}}\n")
    rows = found(two, "exec-within-budget")
    assert [(p, t.split(":")[0]) for _, p, t in rows] == [
        ("/selfeval/execution/executed", "The total row (年度资金总额)"),
        ("/selfeval/execution/sources/appropriation/executed", "This year's appropriation (当年财政拨款)")]


def test_a_qualitative_level_lowered_by_a_hedge_is_partly_or_not_met():
    row = ("indicators:\n  - {level1: 产出指标, level2: 质量指标, name: 管理制度, target: 健全, actual: %s, points: 10, score: %s,"
           " deviation_reason: 制度修订中}\n")
    assert len(found(row % ("基本健全", 10), "qual-score-band")) == 1  # partly met, full points
    assert found(row % ("基本健全", 7), "qual-score-band") == []
    assert len(found(row % ("未健全", 10), "qual-score-band")) == 1
    assert found(row % ("健全", 10), "qual-score-band") == []
    assert found(row % ("健全完善", 10), "qual-score-band") == []  # not a hedge: nothing assumed


def test_funds_from_a_higher_level_are_a_source_of_their_own():
    """County and district forms print 上级补助资金 beside their own appropriation: a source the sum
    counts, not a key the schema refuses."""
    text = ("selfeval:\n  execution:\n    {unit: 万元, full_year: 150, executed: 150, rate: 100%, points: 10, score: 10,\n"
            "     sources: {appropriation: {full_year: 100, executed: 100}, superior: {label: 上级补助资金, full_year: BUDGET, executed: 50}}}\n")
    assert found(text.replace("BUDGET", "50"), "exec-sources-sum") == []
    assert [d.rule for d in lint_text(HEAD + "indicators: []\n" + text.replace("BUDGET", "50"), select=["schema"])] == []
    [(_, pointer, message)] = found(text.replace("BUDGET", "60"), "exec-sources-sum")
    assert pointer == "/selfeval/execution/full_year" and '"上级补助资金"' in message
