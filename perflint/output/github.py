"""GitHub Actions workflow commands (`::error file=…,line=…::message`): annotations on the pull request.

GitHub shows at most ten annotations of each type per step, so errors come first and each type is
capped; a plain line says how many were left out and points to the SARIF upload for the full list.
"""
from __future__ import annotations

from perflint.core.diagnostic import Severity
from perflint.output.common import related_lines, repo_path, repo_root, worst_first
from perflint.output.escape import workflow_data, workflow_property
from perflint.output.text import summary_line

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
PER_TYPE = 10


escape_data = workflow_data
escape_property = workflow_property


def render(report) -> str:
    root = repo_root(report)
    shown: dict[Severity, int] = {}
    lines = []
    for d in worst_first(report.diagnostics):
        if shown.get(d.severity, 0) < PER_TYPE:
            shown[d.severity] = shown.get(d.severity, 0) + 1
            lines.append(_command(d, report, root))
    left_out = len(report.diagnostics) - len(lines)
    if left_out:
        if report.lang == "en":
            lines.append(f"{left_out} more problem(s) not annotated (GitHub shows {PER_TYPE} per type per step): "
                         "upload --format sarif with github/codeql-action/upload-sarif for the full list.")
        else:
            lines.append(f"另有 {left_out} 个问题未标注（GitHub 每个步骤每种类型只显示 {PER_TYPE} 条）："
                         "用 --format sarif 生成报告并通过 github/codeql-action/upload-sarif 上传以查看完整列表。")
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"


def _command(d, report, root) -> str:
    span = d.span
    props = [("file", repo_path(report, root, d.file) or d.file), ("line", span.line)]
    if span.end_line == span.line:  # GitHub accepts columns only on a single-line annotation
        props += [("col", span.column), ("endColumn", span.end_column)]
    props += [("endLine", span.end_line), ("title", f"perflint {d.rule}")]
    head = ",".join(f"{k}={escape_property(str(v))}" for k, v in props)
    text = "\n".join([d.message.text(report.lang), *related_lines(d, report.lang, lambda f: repo_path(report, root, f) or f)])
    return f"::{COMMANDS[d.severity]} {head}::{escape_data(text)}"
