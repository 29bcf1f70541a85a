"""Lint one file: load, validate, run the enabled rules, locate and suppress. Pure of I/O beyond reading."""
from __future__ import annotations

import hashlib
import marshal
import operator
from decimal import Decimal

from perflint.config.model import Config
from perflint.core.diagnostic import Diagnostic, Finding, Message, Related, Severity, Span
from perflint.engine import crossfile, schema_check, suppression
from perflint.engine.registry import all_rules
from perflint.loading.files import shown_name
from perflint.loading.loader import load
from perflint.loading.sourcemap import get_at, tokens
from perflint.model.declaration import Declaration, text_of


class FileResult:
    """What linting one file found, and what reports and the checks across files need of it.

    A result that came from the cache or a worker stays packed (marshal bytes of plain tuples, see
    ``pack``) until something asks for it: its findings become Diagnostic objects only when a format
    or a step needs objects (``diagnostics``), the common formats read the packed rows (``rows``),
    and the summary for the checks across files is decoded only when that pass has to run."""

    __slots__ = ("path", "key", "source", "_diagnostics", "_rows", "_meta", "_blob", "_summary", "_summary_blob",
                 "_summary_digest")

    def __init__(self, path: str, diagnostics: list[Diagnostic] | None = None, meta: dict | None = None,
                 key: str = "", source: str = "", summary: dict | None = None):
        self.path = path  # as shown: relative to the working directory
        self.key = key  # relative to the configuration's folder: what globs, fingerprints and baselines see
        self.source = source  # the path to read the file at, when it differs from ``path`` (a name not in UTF-8)
        self._diagnostics = [] if diagnostics is None else diagnostics
        self._rows: list | None = None  # the findings, packed, while no one asked for objects
        self._meta = {} if meta is None else meta  # project, department, era … for reports
        self._blob: bytes | None = None  # marshal of (meta, rows), not decoded yet
        self._summary = summary  # what the checks across files read (engine.crossfile), plain data
        self._summary_blob: bytes | None = None  # marshal of the summary, not decoded yet
        self._summary_digest: str | None = None

    def __repr__(self) -> str:
        return f"FileResult({self.path!r}, {len(self.rows)} finding(s))"

    @property
    def source_path(self) -> str:
        return self.source or self.path

    @property
    def active(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if not d.suppressed]

    # --- the findings: objects on demand, packed rows otherwise -----------------------------------

    def _decode(self) -> None:
        if self._blob is not None:
            self._meta, self._rows = marshal.loads(self._blob)
            self._blob = None

    @property
    def diagnostics(self) -> list[Diagnostic]:
        if self._diagnostics is None:
            self._decode()
            self._diagnostics = _unpack_rows(self.path, self._rows)
            self._rows = None
        return self._diagnostics

    @diagnostics.setter
    def diagnostics(self, value: list[Diagnostic]) -> None:
        self._decode()  # the meta travels with the rows
        self._diagnostics, self._rows = value, None

    @property
    def packed(self) -> bool:
        """Whether the findings are still packed rows (no Diagnostic objects made)."""
        return self._diagnostics is None

    @property
    def rows(self) -> list[tuple]:
        """The findings as packed rows (see ``pack``), without making objects of them."""
        if self._diagnostics is None:
            self._decode()
            return self._rows
        return _pack_rows(self._diagnostics)

    def add_rows(self, rows: list[tuple]) -> None:
        """Add packed findings (of this file), keeping the order of Diagnostic.sort_key."""
        if self._diagnostics is None:
            self._decode()
            self._rows = sorted(self._rows + list(rows), key=_ROW_ORDER)
        else:
            self._diagnostics = sorted(self._diagnostics + _unpack_rows(self.path, rows), key=Diagnostic.sort_key)

    @property
    def meta(self) -> dict:
        self._decode()
        return self._meta

    @meta.setter
    def meta(self, value: dict) -> None:
        self._decode()
        self._meta = value

    # --- the summary for the checks across files ---------------------------------------------------

    @property
    def summary(self) -> dict | None:
        if self._summary_blob is not None:
            self._summary = marshal.loads(self._summary_blob)
            self._summary_blob = None
        return self._summary

    @summary.setter
    def summary(self, value: dict | None) -> None:
        self._summary, self._summary_blob, self._summary_digest = value, None, None

    @property
    def summary_digest(self) -> str:
        """A digest of the summary (what the cache of the pass across files is keyed by)."""
        if self._summary_digest is None:
            blob = self._summary_blob if self._summary_blob is not None else _summary_bytes(self._summary)
            self._summary_digest = hashlib.sha256(blob).hexdigest()
        return self._summary_digest

    # --- packing: for the cache (marshal) and the worker pool --------------------------------------

    def pack(self) -> dict:
        """Plain tuples and text, for the cache (marshal) and the worker pool (several times cheaper
        to pickle than the objects)."""
        return {"meta": self.meta, "key": self.key, "s": self.summary, "d": self.rows}

    @classmethod
    def unpack(cls, path: str, data: dict) -> FileResult:
        """The result for the file at ``path`` (as the file system names it) from ``pack``."""
        shown = shown_name(path)
        result = cls(shown, None, data["meta"], data["key"], path if shown != path else "", summary=data.get("s"))
        result._diagnostics, result._rows = None, list(data["d"])
        return result

    def blobs(self) -> tuple[bytes, bytes, str]:
        """(findings and meta, summary, the summary's digest) as marshal bytes: what a worker sends
        and the cache stores."""
        summary = self._summary_blob if self._summary_blob is not None else _summary_bytes(self._summary)
        if self._summary_digest is None:
            self._summary_digest = hashlib.sha256(summary).hexdigest()
        blob = self._blob if self._blob is not None else marshal.dumps((self._meta, self.rows))
        return blob, summary, self._summary_digest

    @classmethod
    def from_blobs(cls, path: str, key: str, blob: bytes, summary: bytes, summary_digest: str) -> FileResult:
        """The result for the file at ``path`` (as the file system names it) from ``blobs``: nothing
        is decoded until it is asked for."""
        shown = shown_name(path)
        result = cls(shown, None, None, key, path if shown != path else "")
        result._diagnostics, result._blob = None, blob
        result._summary_blob, result._summary_digest = summary, summary_digest
        return result


def _summary_bytes(summary: dict | None) -> bytes:
    """marshal's version 0 writes no back-references, whose use depends on how many references an
    object has: these bytes depend on the summary's data alone, so equal summaries have one digest."""
    return marshal.dumps(summary, 0)


def _pack_rows(diagnostics: list[Diagnostic]) -> list[tuple]:
    return [(d.rule, int(d.severity), d.span.line, d.span.column, d.span.end_line, d.span.end_column, d.pointer,
             d.message.zh, d.message.en, d.value, d.suppressed, d.fingerprint, _fix_out(d.fix), _related_out(d.related))
            for d in diagnostics]


def _unpack_rows(shown: str, rows) -> list[Diagnostic]:
    sev = _SEVERITIES
    return [Diagnostic(r, sev[s], shown, Span(ln, col, eln, ecol), p, Message(zh, en), v, sup, fp, _fix_in(fix),
                       _related_in(rel) if rel else ())
            for r, s, ln, col, eln, ecol, p, zh, en, v, sup, fp, fix, rel in rows]


# Diagnostic.sort_key on a packed row (every finding of a result is in its file): line, column, rule, pointer
_ROW_ORDER = operator.itemgetter(2, 3, 0, 6)
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
    node = data
    out = []
    for tok in tokens(pointer):
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
