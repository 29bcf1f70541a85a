"""score-rule: a score above its points is score-bounds' finding, not repeated as a rescoring."""
from conftest import lint_text

RULE = "score-rule"
TEXT = """kind: self-evaluation
indicators:
  - level1: 产出指标
    level2: 质量指标
    name: 验收合格率
    target: '=100%'
    actual: 100%
    points: 10
    score: 12
"""


def _found(*rules):
    return [(d.rule, d.line, d.column) for d in lint_text(TEXT, select=list(rules))]


def test_a_score_over_its_points_is_reported_once():
    assert _found(RULE, "score-bounds") == [("score-bounds", 9, 12)]
    assert _found(RULE) == [(RULE, 9, 12)]
