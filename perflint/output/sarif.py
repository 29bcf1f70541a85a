"""SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one run, paths from the repository root."""
from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

from perflint import __version__
from perflint.core.diagnostic import Severity
from perflint.engine.registry import all_rules, plugins
from perflint.output.common import RepoPaths, repo_root, rule_doc_url
from perflint.output.escape import json_text

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/perflint-cn/perflint"
FINGERPRINT_KEY = "perflint/v1"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def render(report) -> str:
    root = repo_root(report)
    found = [d for f in report.files for d in f.diagnostics]  # suppressed ones too, marked as such
    rule_ids = sorted({d.rule for d in found})
    index = {rid: i for i, rid in enumerate(rule_ids)}
    run = {
        "tool": {"driver": {
            "name": "perflint",
            "version": __version__,
            "semanticVersion": __version__,
            "informationUri": INFORMATION_URI,
            "rules": [_descriptor(rid, report.lang) for rid in rule_ids],
        }, "extensions": [{"name": p.name, "version": p.version, "properties": {"entryPoint": p.entry_point,
                                                                                 "rules": list(p.rules)}}
                          for p in plugins()]},
        "originalUriBaseIds": {"%SRCROOT%": {"uri": root.as_uri().rstrip("/") + "/"}},
        "columnKind": "unicodeCodePoints",
        "results": _results(found, index, report, root),
    }
    payload = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    # one C-encoded pass: indent= would switch to the pure-Python encoder, which cost more than the lint
    return json_text(json.dumps(payload, ensure_ascii=False)) + "\n"


def _descriptor(rule_id: str, lang: str) -> dict:
    rule = all_rules().get(rule_id)
    descriptor = {"id": rule_id, "name": "".join(p.capitalize() for p in rule_id.split("-")),
                  "helpUri": rule_doc_url(rule_id, lang)}
    if rule is None:  # a plugin rule that is no longer installed
        return descriptor
    descriptor.update({
        "shortDescription": {"text": rule.summary.text(lang)},
        "fullDescription": {"text": rule.description.text(lang)},
        "help": {"text": f"{rule.description.text(lang)}\n\n{rule.rationale.text(lang)}"},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": ["perflint", f"group-{rule.group}"]},
    })
    return descriptor


def _results(found, index, report, root) -> list[dict]:
    artifacts: dict[str, dict] = {}  # one artifactLocation per file, shared by its results
    paths = RepoPaths(report, root)
    lang = report.lang
    out = []
    for d in found:
        artifact = artifacts.get(d.file)
        if artifact is None:
            artifact = artifacts[d.file] = _artifact(report, paths(d.file), d.file)
        span = d.span
        result = {
            "ruleId": d.rule,
            "ruleIndex": index[d.rule],
            "level": LEVELS[d.severity],
            "message": {"text": d.message.text(lang)},
            "locations": [{"physicalLocation": {
                "artifactLocation": artifact,
                "region": {"startLine": span.line, "startColumn": span.column,
                           "endLine": span.end_line, "endColumn": span.end_column},
            }}],
            "partialFingerprints": {FINGERPRINT_KEY: d.fingerprint},
            "properties": {"pointer": d.pointer},
        }
        if d.related:
            result["relatedLocations"] = [_related(n, r, lang, paths, report) for n, r in enumerate(d.related, 1)]
        if d.suppressed:
            result["suppressions"] = [{"kind": "inSource", "justification": d.suppressed}]
        out.append(result)
    return out


def _artifact(report, path: str | None, file: str) -> dict:
    if path is not None:
        return {"uri": quote(path), "uriBaseId": "%SRCROOT%"}
    return {"uri": (Path(report.root) / file).resolve().as_uri()}  # outside the repository: code scanning ignores it


def _related(n: int, r, lang: str, paths, report) -> dict:
    """A related location (the declaration a self-evaluation departs from, last year's target)."""
    loc = {"id": n, "physicalLocation": {
        "artifactLocation": _artifact(report, paths(r.file), r.file),
        "region": {"startLine": r.span.line, "startColumn": r.span.column,
                   "endLine": r.span.end_line, "endColumn": r.span.end_column},
    }, "properties": {"pointer": r.pointer}}
    if r.message:
        loc["message"] = {"text": r.message.text(lang)}
    return loc
