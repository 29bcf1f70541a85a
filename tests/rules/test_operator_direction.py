"""operator-direction: the 指标方向 column, where the form prints one, decides the direction."""
from snippets import OUT_Q, OUT_QUAL, check_fails, ind

RULE = "operator-direction"


def test_a_declared_positive_direction_with_a_ceiling_is_reported():
    check_fails(RULE, [ind(*OUT_Q, "参保率", "95", operator="≤", unit="%", direction="正向"),
                       ind(*OUT_Q, "参保率", "95", operator="≥", unit="%", direction="正向")], [0])


def test_a_declared_reverse_direction_with_a_floor_is_reported():
    check_fails(RULE, [ind(*OUT_QUAL, "差错率", "0.5", operator="≥", unit="%", direction="反向"),
                       ind(*OUT_QUAL, "差错率", "0.5", operator="≤", unit="%", direction="反向")], [0])


def test_the_declared_direction_wins_over_the_name():
    # 故障率 reads as reverse by its name; the form says 正向, and ≥ agrees with the form.
    check_fails(RULE, [ind(*OUT_QUAL, "系统故障率", "1", operator="≥", unit="%", direction="正向")], [])
