"""The JSON contract: {"version", "files", "diagnostics": [...], "summary"}. Keys are stable."""
from __future__ import annotations

import json

from perflint import __version__
from perflint.output.escape import json_text


def render(report) -> str:
    payload = {
        "version": __version__,
        "files": [f.path for f in report.files],
        "diagnostics": [d.to_json(report.lang) for d in report.diagnostics],
        "summary": report.summary(),
    }
    # one C-encoded pass: indent= would switch to the pure-Python encoder, slower than a warm run
    return json_text(json.dumps(payload, ensure_ascii=False)) + "\n"
