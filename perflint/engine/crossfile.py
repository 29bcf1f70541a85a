"""Checks across files. The per-file lint stores a small plain summary of each file (its project key,
indicators, amounts and where each is: ``summarize``), which the cache and the worker pool carry in
the packed FileResult; this pass builds an index of the run's files by department + project + year
from those summaries — a cached file is never read again — and runs the cross-file rules on the pairs
it finds: a self-evaluation and the declaration of the same project and year, a declaration and the
same project's declaration of the year before, two files claiming the same project and year.

Linear in the number of files: each file is one dictionary insert and at most two lookups, and a
pair's indicators are matched by name through a dictionary.
"""
from __future__ import annotations

import hashlib
from collections import defaultdict

from yaml import MappingNode

from perflint.core.diagnostic import Diagnostic, Severity
from perflint.engine.registry import all_rules
from perflint.loading.sourcemap import node_span
from perflint.model.project import SUMMARY_VERSION, Pair, ProjectFile, normal_name

PREFIX = "cross-file:"  # the `kinds` of a cross-file rule: cross-file:declaration, …:previous-year, …:duplicate


def rule_ids() -> frozenset:
    return frozenset(r.id for r in all_rules().values() if any(k.startswith(PREFIX) for k in r.kinds))


def enabled(config) -> bool:
    """Whether any cross-file rule can run under ``config`` (anywhere: per-file settings decide later)."""
    cached = config._cache.get("crossfile")
    if cached is None:
        ids = rule_ids()
        cached = any(r in config.settings for r in ids) or any(
            rid in ids and entry[0] != "off" for o in config.overrides for rid, entry in o.rules.items())
        config._cache["crossfile"] = cached
    return cached


# --- the per-file summary ---------------------------------------------------------------------------


def summarize(decl, doc) -> dict:
    """What the cross-file rules read of one file, as plain data (marshal and pickle safe)."""
    root = doc.source_map.root
    spans: dict[str, list[int]] = {}

    def mark(pointer: str, node) -> None:
        if node is not None:
            s = node_span(node)
            spans[pointer] = [s.line, s.column, s.end_line, s.end_column]

    mark("/project/name", _child(_child(root, "project"), "name"))
    key, seq = _entry(root, "indicators")
    mark("/indicators", key)
    items = seq.value if seq is not None and isinstance(seq.value, list) else []
    rows = []
    for ind in decl.indicators:
        t = ind.target
        stable = f"/indicators/[{ind.name}]" if ind.name else ind.pointer
        node = items[ind.index] if ind.index < len(items) else None
        rows.append([ind.name, ind.level1, ind.level2, ind.target_raw, t.op, None if t.value is None else str(t.value),
                     t.unit, t.kind, stable, ind.index, *_name_and_target(node),
                     normal_name(ind.name)])  # worked out here, in parallel, not by the pass
    out = {"v": SUMMARY_VERSION, "kind": decl.kind, "year": decl.fiscal_year, "era": decl.era,
           "dept": _text(decl.get("department")) or _text(decl.get("declaring_unit")),
           "project": _text(decl.get("project", "name")), "ind": rows, "spans": spans, "sups": []}
    annual = decl.amount("budget", "annual")
    if annual is not None:
        out["annual"] = str(annual)
        mark("/budget/annual", _child(_child(root, "budget"), "annual"))
    if decl.kind == "self-evaluation":
        _execution_summary(decl, out, lambda pointer: mark(pointer, doc.source_map.node(pointer)))
    return out


def _entry(node, key: str):
    """(key node, value node) of ``key`` in a composed mapping node, or (None, None)."""
    value = getattr(node, "value", None)
    if isinstance(value, list):
        for pair in value:
            if isinstance(pair, tuple) and getattr(pair[0], "value", None) == key:
                return pair
    return None, None


def _child(node, key: str):
    return _entry(node, key)[1]


_NO_SPAN = (0, 0, 0, 0)


def _name_and_target(node) -> tuple[int, ...]:
    """The spans of an indicator's name and target value nodes, as eight ints (zeros where absent):
    one pass over the item's keys, no pointer built (most files never need them)."""
    name = target = _NO_SPAN
    for key, value in node.value if isinstance(node, MappingNode) else ():
        which = key.value
        if which == "name" or which == "target":
            s, e = value.start_mark, value.end_mark
            span = (s.line + 1, s.column + 1, e.line + 1, e.column + 1)
            if which == "name":
                name = span
            else:
                target = span
    return (*name, *target)


def _execution_summary(decl, out: dict, mark) -> None:
    e = decl.scorecard.execution
    if e is None:
        return
    out["unit"] = e.unit
    cell = e.total.initial
    if cell.value is None or (cell.value == 0 and e.source_sum("initial")):
        cell = next((r.initial for r in e.sources if r.initial.value is not None), cell)  # a total row of zeros
    if cell.value is not None:
        from perflint.model.selfeval import money

        out["initial"] = str(money(cell, e.unit))
        out["initial_places"] = cell.places
        out["initial_at"] = cell.pointer
        mark(cell.pointer)


def _text(value) -> str:
    return value.strip() if isinstance(value, str) else ""


# --- the index and the pass ---------------------------------------------------------------------


class Index:
    """The run's files by (department, project) → kind → year, names normalised and aliased."""

    def __init__(self, files: list[ProjectFile], aliases: dict | None = None):
        aliases = aliases or {}
        self.projects = {normal_name(k): normal_name(v) for k, v in (aliases.get("projects") or {}).items()}
        self.departments = {normal_name(k): normal_name(v) for k, v in (aliases.get("departments") or {}).items()}
        self.by_key: dict = defaultdict(lambda: defaultdict(lambda: defaultdict(list)))
        for f in files:
            key = self.key(f)
            if key is not None and f.year is not None and f.kind in ("declaration", "self-evaluation"):
                self.by_key[key][f.kind][f.year].append(f)

    def key(self, f: ProjectFile) -> tuple[str, str] | None:
        """(department, project), each normalised and aliased once (an alias of an alias is not followed,
        so aliases cannot loop); None for a file that names no project or no department."""
        project, dept = normal_name(f.project), normal_name(f.department)
        if not project or not dept:
            return None  # two offices' 机关服务 without a department are not one project
        return self.departments.get(dept, dept), self.projects.get(project, project)

    def pairs(self):
        """(kind of comparison, Pair) for every comparison the run's files allow."""
        for kinds in self.by_key.values():
            declarations = kinds.get("declaration", {})
            for kind, years in kinds.items():
                for year, files in years.items():
                    ordered = sorted(files, key=lambda f: f.path)
                    for dup in ordered[1:]:
                        yield "duplicate", Pair(dup, ordered[0])
                    if len(files) != 1:
                        continue  # which of the duplicates to compare with is ambiguous
                    if kind == "self-evaluation" and len(declarations.get(year, ())) == 1:
                        yield "declaration", Pair(files[0], declarations[year][0])
                    if kind == "declaration" and len(declarations.get(year - 1, ())) == 1:
                        yield "previous-year", Pair(files[0], declarations[year - 1][0])


def apply(results: list, config, only: set[str] | None = None, cache=None) -> list:
    """Run the cross-file rules over ``results`` (FileResult, in run order) and add their findings to
    the subject files. With ``only`` (the files --diff asks about), keep each file's own findings only
    for those files, and a cross-file finding only when one of its two files is among them.

    With ``cache`` (engine.cache.PassCache), the findings the pass adds are reused when nothing it
    reads changed: every file's path, key and summary (by digest), the configuration, the rules and
    ``only``; perflint's version and code name the cache file."""
    from perflint.engine.cache import gc_paused

    if only is not None:  # the files as results show them (a name that is not UTF-8 is shown escaped)
        only = {r.path for r in results if r.path in only or r.source_path in only}
    digest = _digest(results, config, only) if cache is not None and cache.usable else None
    added = cache.get(digest) if digest else None
    if added is None:
        with gc_paused():  # the pass makes many small objects and no cycles
            added = _added(results, config, only)
        if digest:
            cache.put(digest, added)
    out = []
    for r in results:
        extra = added.get(r.path)
        if only is not None and r.path not in only:
            if not extra:
                continue
            r.diagnostics = []
        if extra:
            r.add_rows(extra)
        out.append(r)
    return out


def _digest(results: list, config, only: set[str] | None) -> str:
    """A digest of everything the pass reads."""
    h = hashlib.sha256(repr((config.fingerprint(), sorted(_pairs_of(getattr(config, "aliases", None))),
                             sorted(all_rules()), None if only is None else sorted(only))).encode())
    for r in results:
        h.update(repr((r.path, r.key, r.summary_digest)).encode())
    return h.hexdigest()


def _pairs_of(aliases) -> list:
    return [(group, sorted(names.items())) for group, names in (aliases or {}).items() if isinstance(names, dict)]


def _added(results: list, config, only: set[str] | None) -> dict[str, list[tuple]]:
    """{file as shown: the findings the pass adds to it, packed, inline suppressions applied}."""
    from perflint.engine.runner import _pack_rows, fingerprint

    rules = all_rules()
    by_kind: dict[str, list] = defaultdict(list)
    for r in rules.values():
        for k in r.kinds:
            if k.startswith(PREFIX):
                by_kind[k[len(PREFIX):]].append(r)
    files = []
    sups = {}
    for r in results:
        summary = r.summary
        if isinstance(summary, dict) and summary.get("v") == SUMMARY_VERSION:
            files.append(ProjectFile(r.path, r.key or r.path, summary))
            sups[r.path] = summary.get("sups")
    index = Index(files, getattr(config, "aliases", None))
    added: dict[str, list[Diagnostic]] = defaultdict(list)
    for kind, pair in index.pairs():
        involved = only is None or pair.subject.path in only or pair.other.path in only
        if not involved or not by_kind.get(kind):
            continue
        settings = config.for_file(pair.subject.key, pair.subject.era)
        for rule in by_kind[kind]:
            setting = settings.get(rule.id)
            if setting is None:
                continue
            try:
                findings = list(rule.check(pair, setting.options))
            except Exception as exc:  # one broken rule must not hide the others
                from perflint.engine.runner import _internal

                added[pair.subject.path].append(Diagnostic("internal-error", Severity.ERROR, pair.subject.path,
                                                           pair.subject.span(""), "", _internal(rule.id, exc)))
                continue
            for f in findings:
                severity = setting.severity if setting.severity != rule.severity else (f.severity or setting.severity)
                stable = _stable(pair.subject, f.pointer)
                added[pair.subject.path].append(Diagnostic(
                    rule.id, severity, pair.subject.path, pair.subject.span(f.pointer), f.pointer, f.message,
                    value=f.value, fingerprint=fingerprint(rule.id, pair.subject.key, stable, f.value), related=f.related))
    out = {}
    for path, diagnostics in added.items():
        _suppress(diagnostics, sups.get(path))
        out[path] = _pack_rows(diagnostics)
    return out


def _stable(f: ProjectFile, pointer: str) -> str:
    """/indicators/3/target → /indicators/[参观人数]/target: a finding keeps its identity when rows move."""
    parts = pointer.split("/")
    if len(parts) > 2 and parts[1] == "indicators" and parts[2].isdigit():
        match = f._by_index.get(int(parts[2]))
        if match is not None:
            return "/".join([match.stable, *parts[3:]])
    return pointer


def _suppress(diagnostics: list[Diagnostic], sups) -> None:
    """Inline suppressions of cross-file rules, recorded in the file's summary. They are never reported
    as unused: whether one is used depends on which files a run includes."""
    if not sups or not diagnostics:
        return
    for d in diagnostics:
        for line, rules, reason in sups:
            if d.rule in rules and (line == 0 or line == d.span.line):
                d.suppressed = reason or "suppressed inline"
                break
