"""score-bounds: scores over a level's printed weight, and who owns the finding."""
from conftest import lint_text

DOC = ("kind: self-evaluation\nfiscal_year: 2023\nproject: {name: x}\nindicators:\n"
       "  - {level1: 产出指标(40分), level2: 数量指标, name: 发放人数, target: '≥4000人', actual: 4120人, points: 40, score: 40}\n"
       "  - {level1: 满意度指标(10分), level2: 服务对象满意度指标, name: 对象满意度, target: '≥90%', actual: 95%, points: POINTS, score: 15}\n")


def _found(points, select):
    return [(d.rule, d.pointer) for d in lint_text(DOC.replace("POINTS", points), select=select)]


def test_scores_over_a_level_weight_whose_points_already_exceed_it_are_the_weights_finding():
    both = _found("15", ["score-bounds", "selfeval-weights"])
    assert ("selfeval-weights", "/indicators/1/level1") in both
    assert ("score-bounds", "/indicators/1/level1") not in both


def test_without_the_weights_rule_score_bounds_still_reports_the_level():
    assert ("score-bounds", "/indicators/1/level1") in _found("15", ["score-bounds"])


def test_scores_over_a_weight_the_points_respect_stay_score_bounds():
    found = _found("10", ["score-bounds", "selfeval-weights"])
    assert ("score-bounds", "/indicators/1/level1") in found
