"""`--statistics`: how many findings each rule made and how many `perflint fix` can fix, most first."""
from __future__ import annotations

from collections import Counter

import click

from perflint.engine.registry import all_rules
from perflint.output.text import closing_lines


def render(report, colour: bool = False) -> str:
    count = Counter(d.rule for d in report.diagnostics)
    fixable = Counter(d.rule for d in report.diagnostics if d.fix is not None)
    if not count:
        return "\n".join(closing_lines(report, colour)) + "\n"
    rules = all_rules()
    rows = sorted(count.items(), key=lambda kv: (-kv[1], kv[0]))
    n_width = max(len(str(n)) for _, n in rows)
    id_width = max(len(rid) for rid, _ in rows)
    lines = []
    for rid, n in rows:
        rule = rules.get(rid)
        summary = rule.summary.text(report.lang) if rule else ""
        mark = "[*]" if fixable[rid] else "   "
        if colour and fixable[rid]:
            mark = click.style(mark, fg="cyan")
        fixes = f" ({fixable[rid]} fixable)" if report.lang == "en" else f"（{fixable[rid]} 个可修复）"
        lines.append(f"{n:>{n_width}}  {rid:<{id_width}}  {mark} {summary}{fixes if 0 < fixable[rid] < n else ''}")
    return "\n".join(lines + [""] + closing_lines(report, colour)) + "\n"
