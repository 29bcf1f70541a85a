"""Issue 9, item 4: every rule and the suppression pass stay linear (or n log n) on hostile input.

Each test times the same work on a small and an eight times larger generated input and allows up
to four times the linear growth (32x): a quadratic pass grows 64x. Relative, not absolute, so a
slow machine does not make it flaky; the best of a few runs with the garbage collector paused (its
full collections grow with the heap, not with the work), so neither does a busy one.
"""
import gc
import time

from conftest import ROOT
from perflint.config.loader import load_config
from perflint.engine.runner import lint_bytes
from perflint.engine.suppression import parse
from perflint.rules.duplicate_indicator import self_repeat

SCALE = 8


_salt = iter(range(10**9))


def best_time(fn, make, n, runs=3) -> float:
    """The best of ``runs`` timings, each on a fresh input: the model's memo tables (names, targets)
    must not make the smaller input look cheaper than it is."""
    times = []
    for _ in range(runs):
        arg = make(n, next(_salt))
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            fn(arg)
            times.append(time.perf_counter() - start)
        finally:
            gc.enable()
    return min(times)


def assert_linear(make, fn, small: int) -> None:
    fn(make(small, next(_salt)))  # warm up: imports
    t_small, t_large = best_time(fn, make, small), best_time(fn, make, small * SCALE)
    assert t_large < 4 * SCALE * t_small + 0.02, f"{t_small:.4f}s -> {t_large:.4f}s for {SCALE}x the input"


def lint_with(rule):
    config = load_config(cli={"select": (rule,)}, cwd=ROOT / "tests")
    return lambda text: lint_bytes("t.yaml", text.encode("utf-8"), config)


def declaration(rows) -> str:
    return "kind: declaration\nfiscal_year: 2024\nbudget: {unit: 元, annual: 900000000000}\nindicators:\n" + "".join(rows)


def test_self_repeat_of_a_long_name():
    def call(name):
        self_repeat.cache_clear()
        return self_repeat(name)

    assert_linear(lambda n, salt: "甲乙" * n, call, 4000)
    assert_linear(lambda n, salt: "测试" + "名称甲乙" * n + "甲乙", call, 2000)


def test_output_versus_benefit_counts():
    def make(n, salt=0):
        outputs = [f"  - {{level1: 产出指标, level2: 数量指标, name: 到岗人数{salt}x{i}, target: '={i + 2}(人)'}}\n" for i in range(n)]
        benefits = [f"  - {{level1: 效益指标, level2: 社会效益指标, name: 就业人数{salt}x{i}, target: '={n + i + 2}(人)'}}\n"
                    for i in range(n)]
        return declaration(outputs + benefits)

    assert not lint_with("duplicate-indicator")(make(50)).active
    assert_linear(make, lint_with("duplicate-indicator"), 400)


def test_unit_cost_times_quantity():
    def make(n, salt=0):
        quantities = [f"  - {{level1: 产出指标, level2: 数量指标, name: 培训人数{salt}x{i}, target: '≥{i + 1}人'}}\n" for i in range(n)]
        costs = [f"  - {{level1: 成本指标, level2: 经济成本指标, name: 人均成本{salt}x{i}, target: '≤{800 + salt}元/人'}}\n"
                 for i in range(n)]
        return declaration(quantities + costs)

    assert not lint_with("unit-cost-times-quantity")(make(50)).active
    assert_linear(make, lint_with("unit-cost-times-quantity"), 400)


def test_suppression_of_many_findings():
    def make(n, salt=0):
        return declaration(f"  - {{level1: 产出指标, level2: 数量指标, name: 模块{salt}x{i}, target: 满足需求}}"
                           f"  # perflint: disable=output-quantified -- 需求未定\n" for i in range(n))

    result = lint_with("output-quantified")(make(100))
    assert len(result.diagnostics) == 100 and not result.active
    assert_linear(make, lint_with("output-quantified"), 500)


def test_suppression_comment_with_a_long_run_of_spaces():
    def make(n, salt=0):
        return "# perflint: disable=output-quantified" + " " * n + "!\n"

    assert parse(make(10), {"output-quantified"}, False)[1]  # still malformed
    assert_linear(make, lambda text: parse(text, {"output-quantified"}, False), 20_000)
