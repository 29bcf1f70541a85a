"""One line per finding, `path:line:col: severity [rule-id] [*] message`, then the summary."""
from __future__ import annotations

from perflint.output.text import closing_lines, concise_line


def render(report, colour: bool = False, quiet: bool = False) -> str:
    lines = [concise_line(d, report.lang, colour) for d in report.diagnostics]
    if not quiet:
        lines += closing_lines(report, colour)
    return "\n".join(lines) + "\n" if lines else ""
