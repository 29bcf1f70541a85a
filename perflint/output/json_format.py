"""The JSON contract: {"version", "files", "diagnostics": [...], "summary"}. Keys are stable.

Written straight from the results' packed rows (engine.runner.FileResult.pack), each string encoded
by the C encoder that json.dumps uses: the text is exactly json.dumps(payload, ensure_ascii=False) of
the payload Diagnostic.to_json describes, without making a Diagnostic or a dict per finding (a warm
run of a large tree is mostly this rendering).
"""
from __future__ import annotations

import json
from json.encoder import encode_basestring as _string

from perflint import __version__
from perflint.output.escape import json_text

_SEVERITY = {1: "info", 2: "warning", 3: "error"}
_FINDING = ('{"rule": %s, "severity": "%s", "file": %s, "line": %d, "column": %d, "end_line": %d, '
            '"end_column": %d, "pointer": %s, "message": %s%s}')
_RELATED = '{"file": %s, "line": %d, "column": %d, "end_line": %d, "end_column": %d, "pointer": %s, "message": %s}'


def render(report) -> str:
    en = report.lang == "en"
    findings = []
    add = findings.append
    for f in report.files:
        file = _string(f.path)
        for rule, sev, line, col, end_line, end_col, pointer, zh, msg_en, _v, sup, _fp, _fix, related in f.rows:
            if sup:
                continue
            add(_FINDING % (_string(rule), _SEVERITY[sev], file, line, col, end_line, end_col, _string(pointer),
                            _string(msg_en if en else zh), _related(related, en) if related else ""))
    version, files, body = _string(__version__), ", ".join(_string(f.path) for f in report.files), ", ".join(findings)
    summary = json.dumps(report.summary(), ensure_ascii=False)
    text = f'{{"version": {version}, "files": [{files}], "diagnostics": [{body}], "summary": {summary}}}'
    # one pass over the whole text for what json.dumps leaves raw and a CI log could act on
    return json_text(text) + "\n"


def _related(related, en: bool) -> str:
    items = ", ".join(_RELATED % (_string(file), line, col, end_line, end_col, _string(pointer),
                                  _string((en_text if en else zh) if zh is not None else ""))
                      for file, line, col, end_line, end_col, pointer, zh, en_text in related)
    return f', "related": [{items}]'
