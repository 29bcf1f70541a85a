"""Lint one file: load, validate, run the enabled rules, locate and suppress. Pure of I/O beyond reading."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from decimal import Decimal

from perflint.config.model import Config
from perflint.core.diagnostic import Diagnostic, Finding, Message, Related, Severity, Span
from perflint.engine import crossfile, schema_check, suppression
from perflint.engine.registry import all_rules
from perflint.loading.files import shown_name
from perflint.loading.loader import load
from perflint.loading.sourcemap import get_at, split
from perflint.model.declaration import Declaration, text_of


@dataclass
class FileResult:
    path: str  # as shown: relative to the working directory
    diagnostics: list[Diagnostic] = field(default_factory=list)
    meta: dict = field(default_factory=dict)  # project, department, era … for reports
    key: str = ""  # relative to the configuration's folder: what globs, fingerprints and baselines see
    source: str = ""  # the path to read the file at, when it differs from ``path`` (a name not in UTF-8)
    summary: dict | None = None  # what the checks across files read (engine.crossfile), plain data

    @property
    def source_path(self) -> str:
        return self.source or self.path

    @property
    def active(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if not d.suppressed]

    def pack(self) -> dict:
        """Plain tuples and text, for the cache (marshal) and the worker pool (several times cheaper
        to pickle than the objects)."""
        return {"meta": self.meta, "key": self.key, "s": self.summary, "d": [
            (d.rule, int(d.severity), d.span.line, d.span.column, d.span.end_line, d.span.end_column, d.pointer,
             d.message.zh, d.message.en, d.value, d.suppressed, d.fingerprint, _fix_out(d.fix), _related_out(d.related))
            for d in self.diagnostics]}

    @classmethod
    def unpack(cls, path: str, data: dict) -> FileResult:
        """The result for the file at ``path`` (as the file system names it) from ``pack``."""
        sev = _SEVERITIES
        shown = shown_name(path)
        diags = [Diagnostic(r, sev[s], shown, Span(ln, col, eln, ecol), p, Message(zh, en), v, sup, fp, _fix_in(fix),
                            _related_in(rel))
                 for r, s, ln, col, eln, ecol, p, zh, en, v, sup, fp, fix, rel in data["d"]]
        return cls(shown, diags, data["meta"], data["key"], path if shown != path else "", summary=data.get("s"))


_SEVERITIES = {int(s): s for s in Severity}


def _fix_out(fix):
    """marshal stores text and plain numbers, not Decimal: a number fix travels as tagged text."""
    return fix if fix is None or isinstance(fix, (str, int)) else ("decimal", str(fix))


def _fix_in(fix):
    return Decimal(fix[1]) if isinstance(fix, tuple) else fix


def _related_out(related) -> tuple:
    return tuple((r.file, r.span.line, r.span.column, r.span.end_line, r.span.end_column, r.pointer,
                  r.message.zh if r.message else None, r.message.en if r.message else None) for r in related)


def _related_in(packed) -> tuple:
    return tuple(Related(f, Span(ln, col, eln, ecol), p, Message(zh, en) if zh is not None else None)
                 for f, ln, col, eln, ecol, p, zh, en in packed or ())


def fingerprint(rule: str, path: str, pointer: str, value: str | None) -> str:
    """Stable across line moves: rule + file + JSON pointer + the offending value, never line numbers."""
    digest = hashlib.sha256(f"{rule}\0{path}\0{pointer}\0{value or ''}".encode()).hexdigest()
    return digest[:20]


_NAMED_LISTS = ("indicators", "items")


def stable_pointer(data, pointer: str) -> str:
    """The pointer with list indices of named entries replaced by their names, so inserting an
    indicator above another does not change the other's identity: /indicators/[参观人数]/target."""
    tokens = split(pointer)
    node = data
    out = []
    for tok in tokens:
        if isinstance(node, list) and tok.isdigit() and int(tok) < len(node):
            item = node[int(tok)]
            name = item.get("name") if isinstance(item, dict) else None
            out.append(f"[{name}]" if out and out[-1] in _NAMED_LISTS and isinstance(name, str) else tok)
            node = item
        else:
            out.append(tok)
            node = node.get(tok) if isinstance(node, dict) else None
    return "/" + "/".join(out) if out else ""


def _value_at(data, pointer: str) -> str | None:
    """The offending scalar as text (for baselines); None for a collection or nothing."""
    node = get_at(data, pointer)
    return None if node is None or isinstance(node, (dict, list)) else str(node)


def lint_bytes(path: str, raw: bytes, config: Config) -> FileResult:
    rules = all_rules()
    doc = load(path, raw)
    key = config.relative(path)  # what globs, fingerprints and baselines see
    result = FileResult(path, key=key)
    found: list[tuple[str, Finding, object]] = [(p.rule, p.finding, p.span) for p in doc.problems]
    era = "unknown"
    if isinstance(doc.data, dict):
        # the text the author wrote goes back into any text field YAML typed (target: yes stays "yes")
        coerced = schema_check.coercions(doc.data, doc.scalars)
        decl = Declaration(doc.data, path)
        era = decl.era
        settings = config.for_file(key, era)
        if "yaml-coercion" in settings:
            found += [("yaml-coercion", f, None) for f in coerced]
        if "schema" in settings:
            found += [("schema", f, None) for f in schema_check.check(doc.data)]
        for rid, check, options in _checks(config, settings, rules, decl.kind):
            try:
                found += [(rid, f, None) for f in check(decl, options)]
            except Exception as exc:  # one broken rule must not hide the others
                found.append(("internal-error", Finding("", _internal(rid, exc)), None))
        if crossfile.enabled(config):
            try:
                result.summary = crossfile.summarize(decl, doc)
            except Exception as exc:  # the file still lints; it only takes no part in the checks across files
                found.append(("internal-error", Finding("", _internal("cross-file summary", exc)), None))
        result.meta = {
            "project": text_of(decl.get("project", "name")),
            "department": text_of(decl.get("department") or decl.get("declaring_unit")),
            "fiscal_year": decl.fiscal_year,
            "era": era,
            "kind": decl.kind,  # a report shows a self-evaluation's scorecard, a declaration none
        }
    else:
        settings = config.for_file(key, era)
        if doc.data is not None:
            found.append(("schema", Finding("", Message("申报表顶层必须是字段映射（键: 值）。",
                                                         "A declaration must be a mapping (key: value) at the top level.")), None))
    unreadable = not isinstance(doc.data, dict)
    found = _drop_deferred(found, rules)
    for rid, f, span in found:
        severity = _severity(rid, f, settings.get(rid), rules, unreadable and rid not in config.ignored)
        if severity is None:
            continue
        value = f.value if f.value is not None else _value_at(doc.data, f.pointer)
        result.diagnostics.append(Diagnostic(
            rule=rid, severity=severity, file=path,
            span=span or doc.source_map.span(f.pointer, f.on_key), pointer=f.pointer, message=f.message,
            value=value, fingerprint=fingerprint(rid, key, stable_pointer(doc.data, f.pointer), value), fix=f.fix,
            related=f.related,
        ))
    _suppress(doc.text, result, settings, config)
    result.diagnostics.sort(key=Diagnostic.sort_key)
    return result


def _checks(config: Config, settings: dict, rules, kind: str) -> list:
    """(rule id, check, options) of the enabled rules that read this document kind: worked out once per
    set of settings (a file's overrides and ignores) and kind, not per file."""
    key = ("checks", id(settings), kind)
    known = config._cache.get(key)
    if known is None or known[0] is not settings:
        checks = [(rid, rules[rid].check, s.options) for rid, s in settings.items()
                  if rules[rid].check is not None and kind in rules[rid].kinds]
        known = config._cache[key] = (settings, checks)
    return known[1]


def _drop_deferred(found: list, rules) -> list:
    """Drop a finding whose rule defers to another rule that reported at the same pointer."""
    if not any(rules[rid].defers_to for rid, _f, _s in found if rid in rules):
        return found
    reported = {(rid, f.pointer) for rid, f, _s in found}
    return [(rid, f, span) for rid, f, span in found
            if rid not in rules or not any((owner, f.pointer) in reported for owner in rules[rid].defers_to)]


def _severity(rid: str, f: Finding, setting, rules, always: bool):
    """The severity a finding is reported at, or None when its rule is off.

    A rule's own variants (an error and a warning case) keep their difference at the default
    severity; a configured severity applies to every variant. A file that could not be read at all
    is reported whatever the selection, unless its rule was switched off by name (``always``)."""
    if setting is None:
        if rid == "internal-error" or always:
            return f.severity or rules[rid].severity
        return None
    if setting.severity != rules[rid].severity:
        return setting.severity
    return f.severity or setting.severity


def _suppress(text: str, result: FileResult, settings, config: Config) -> None:
    if not text or "perflint:" not in text:
        return
    sups, invalid = suppression.parse(text, all_rules(), config.require_reason)
    suppression.apply(result.diagnostics, sups)
    problems = [("suppression-invalid", p) for p in invalid]
    across = crossfile.rule_ids()  # their findings come later, in the pass across files
    problems += [("suppression-unused", p) for p in suppression.unused(sups, {r: s for r, s in settings.items() if r not in across})]
    if result.summary is not None:
        result.summary["sups"] = [[s.line, [r for r in s.rules if r in across], s.reason] for s in sups
                                  if any(r in across for r in s.rules)]
    lines = text.splitlines()
    for rid, (span, message) in problems:
        setting = settings.get(rid)
        if setting:
            comment = lines[span.line - 1][span.column - 1:].strip()  # identity by the comment, not its line
            result.diagnostics.append(Diagnostic(rid, setting.severity, result.path, span, "", message,
                                                 fingerprint=fingerprint(rid, result.key, comment, message.en)))


def file_diagnostic(path: str, rid: str, message: Message, config: Config) -> Diagnostic | None:
    """A finding on a whole file (it was not read, or its name is not UTF-8): reported whatever the
    selection, like any file that cannot be read, unless its rule was switched off by name."""
    if rid in config.ignored:
        return None
    key = config.relative(path)
    setting = config.for_file(key, "unknown").get(rid)
    severity = setting.severity if setting else all_rules()[rid].severity
    return Diagnostic(rid, severity, path, Span(1, 1, 1, 1), "", message, fingerprint=fingerprint(rid, key, "", None))


def _internal(rid: str, exc: Exception) -> Message:
    return Message(f"规则 {rid} 在此文件上出错（{type(exc).__name__}: {exc}）：请报告此问题。",
                   f"Rule {rid} failed on this file ({type(exc).__name__}: {exc}): please report it.")
