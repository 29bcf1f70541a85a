"""The JSON contract: {"version", "files", "diagnostics": [...], "summary"}. Keys are stable."""
from __future__ import annotations

import json

from perflint import __version__


def render(report) -> str:
    """One diagnostic per line: readable, and encoded by the C encoder (indent= is pure Python and
    costs more than the warm run it would be part of)."""
    dump = lambda value: json.dumps(value, ensure_ascii=False)  # noqa: E731
    files = ",\n    ".join(dump(f.path) for f in report.files)
    diags = ",\n    ".join(dump(d.to_json(report.lang)) for d in report.diagnostics)
    return (f'{{\n  "version": {dump(__version__)},\n  "files": [\n    {files}\n  ],\n'
            f'  "diagnostics": [\n    {diags}\n  ],\n  "summary": {dump(report.summary())}\n}}\n')
