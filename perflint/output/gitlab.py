"""GitLab Code Quality report (a Code Climate subset) for `artifacts: reports: codequality:`."""
from __future__ import annotations

import json

from perflint.core.diagnostic import Severity
from perflint.output.common import RepoPaths, related_lines, repo_root
from perflint.output.escape import json_text

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def render(report) -> str:
    paths = RepoPaths(report, repo_root(report))
    seen: dict[str, int] = {}
    issues = []
    for d in report.diagnostics:
        # GitLab keeps only the first issue of a fingerprint: number the repeats to keep them all.
        n = seen[d.fingerprint] = seen.get(d.fingerprint, 0) + 1
        issues.append({
            "description": " ".join([d.message.text(report.lang),
                                     *related_lines(d, report.lang, lambda f: paths(f) or f)]),
            "check_name": d.rule,
            "fingerprint": d.fingerprint if n == 1 else f"{d.fingerprint}-{n}",
            "severity": SEVERITIES[d.severity],
            "location": {
                "path": paths(d.file) or d.file,
                "lines": {"begin": d.span.line, "end": d.span.end_line},
            },
        })
    # one C-encoded pass: indent= would switch to the pure-Python encoder (GitLab reads it either way)
    return json_text(json.dumps(issues, ensure_ascii=False)) + "\n"
