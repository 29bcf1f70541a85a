"""One line per finding, `path:line:col: severity [rule-id] [*] message`, then the summary."""
from __future__ import annotations

from perflint.output.common import related_lines
from perflint.output.text import closing_lines, concise_line


def render(report, colour: bool = False, quiet: bool = False) -> str:
    lines = []
    for d in report.diagnostics:
        lines.append(concise_line(d, report.lang, colour))
        lines += [f"    {r}" for r in related_lines(d, report.lang)]
    if not quiet:
        lines += closing_lines(report, colour)
    return "\n".join(lines) + "\n" if lines else ""
