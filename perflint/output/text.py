"""`path:line:col: severity [rule-id] message` and a one-line summary."""
from __future__ import annotations

import click

from perflint.output.escape import line_start, visible

_COLOURS = {"error": "red", "warning": "yellow", "info": "blue"}


def render(report, colour: bool = False) -> str:
    lines = []
    for d in report.diagnostics:
        sev = str(d.severity)
        loc = f"{line_start(d.file)}:{d.line}:{d.column}:"
        if colour:
            loc = click.style(loc, bold=True)
            sev = click.style(sev, fg=_COLOURS[sev])
        lines.append(f"{loc} {sev} [{visible(d.rule)}] {visible(d.message.text(report.lang))}")
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"


def summary_line(report) -> str:
    s = report.summary()
    if report.lang == "en":
        if not s["problems"]:
            text = f"All clear: {s['files']} file(s) checked, no problems."
        else:
            text = (f"Found {s['problems']} problem(s) in {s['files']} file(s): "
                    f"{s['error']} error(s), {s['warning']} warning(s), {s['info']} info.")
        if s["suppressed"]:
            text += f" {s['suppressed']} suppressed."
        if report.stale_baseline:
            text += f" {len(report.stale_baseline)} baseline entr(ies) are fixed and can be removed."
        return text
    if not s["problems"]:
        text = f"检查了 {s['files']} 个文件，未发现问题。"
    else:
        text = f"在 {s['files']} 个文件中发现 {s['problems']} 个问题：错误 {s['error']}，警告 {s['warning']}，提示 {s['info']}。"
    if s["suppressed"]:
        text += f"已抑制 {s['suppressed']} 个。"
    if report.stale_baseline:
        text += f"基线中有 {len(report.stale_baseline)} 条已修复，可以删除。"
    return text
