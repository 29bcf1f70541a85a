"""YAML snippets of indicators for rule tests, and where a finding on them must land."""
from __future__ import annotations

from conftest import problems


def _q(value) -> str:
    return "'" + str(value).replace("'", "''") + "'"


def block(*indicators, head: str = "") -> str:
    """Block-style YAML: one `- key: 'value'` line per field, in the order given."""
    lines = [head] if head else []
    lines.append("indicators:")
    for ind in indicators:
        for n, (key, value) in enumerate(ind.items()):
            lines.append(("  - " if n == 0 else "    ") + f"{key}: {_q(value)}")
    return "\n".join(lines) + "\n"


def at(text: str, index: int, key: str):
    """(line, column, pointer) of ``key`` in the index-th indicator of a ``block`` snippet."""
    seen = -1
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith("  - "):
            seen += 1
        if seen == index and line.lstrip(" -").startswith(f"{key}:"):
            return number, len(line) - len(line.lstrip(" -")) + len(key) + 3, f"/indicators/{index}/{key}"
    raise AssertionError(f"{key} of indicator {index} not in snippet")


def ind(level1, level2, name, target, **extra):
    return {"level1": level1, "level2": level2, "name": name, "target": target, **extra}


OUT_Q = ("产出指标", "数量指标")
OUT_QUAL = ("产出指标", "质量指标")
OUT_T = ("产出指标", "时效指标")
SOCIAL = ("效益指标", "社会效益指标")
SAT = ("满意度指标", "服务对象满意度指标")


def check_fails(rule, indicators, failing, key="target", head="", **options):
    """Exactly the indicators at positions ``failing`` are reported, at their ``key``."""
    text = block(*indicators, head=head)
    assert problems(text, rule, **options) == [at(text, i, key) for i in failing]
