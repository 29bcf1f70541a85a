"""unit-required: a pure number (coefficient, index, multiple) needs no unit; a count does."""
from snippets import OUT_Q, SOCIAL, check_fails, ind

RULE = "unit-required"


def test_coefficients_indices_and_multiples_need_no_unit():
    check_fails(RULE, [
        ind("效益指标", "生态效益指标", "农田灌溉水有效利用系数", "≥0.6"),
        ind("效益指标", "生态效益指标", "空气质量指数", "≤100"),
        ind("效益指标", "经济效益指标", "项目收益覆盖债券本息倍数", "≥1.2"),
        ind(*OUT_Q, "全年免费开放天数", "≥300"),
        ind(*SOCIAL, "受益人数", "≥500"),
    ], [3, 4])
