"""cost-quantified: a social or ecological cost is stated in words; money is asked of money only."""
from snippets import check_fails, ind

SOCIAL_COST = ("成本指标", "社会成本指标")
ECO_COST = ("成本指标", "生态环境成本指标")
ECONOMIC_COST = ("成本指标", "经济成本指标")


def test_a_worded_cost_named_as_its_level():
    check_fails("cost-quantified", [
        ind(*SOCIAL_COST, "社会成本", "无"),
        ind(*ECO_COST, "生态环境成本", "无负面影响"),
        ind(*SOCIAL_COST, "人均培训成本", "合理"),
        ind(*ECONOMIC_COST, "经济成本", "无"),
    ], [2, 3])
