"""How far perflint agrees with a strict reviewer on the bundled real declarations.

    python bench/agreement.py [--json] [--profile NAME] [DECLARATION …]

Every declaration with a reviewer list (tests/reviewer/<the same path>.yaml, see its README) is
linted in-process with the default configuration, as the tests do. A finding is *matched* when its
rule is one of a reviewer row's rules and its pointer equals or lies under one of that row's
pointers; every other finding is *unmatched* (a false alarm). A finding whose rule a `silent`
entry names ("*": any rule) at or under one of its pointers is a *silent violation*, whether or not
it also matches a row. Precision = matched ÷ findings; recall = rows with at least one matched
finding ÷ rows, by the reviewer's confidence.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
LISTS = ROOT / "tests" / "reviewer"
PROPOSED = LISTS / "proposed-rules.yaml"
CONFIDENCES = ("high", "medium", "low")
ANY = "*"
SOURCE_HEADER = re.compile(r"^# Source: (?P<source>\S+) l\.(?P<first>\d+)-(?P<last>\d+) \(form (?P<form>[^)]+)\)$", re.M)


# ------------------------------------------------------------------ reviewer lists


def lies_under(pointer: str, base: str) -> bool:
    """``pointer`` equals ``base`` or lies inside it; "/" is the whole document."""
    return base == "/" or pointer == base or pointer.startswith(base + "/")


@dataclass(frozen=True)
class Matcher:
    at: tuple[str, ...]  # pointers that resolve in the declaration
    absent: tuple[str, ...]  # pointers to cells the template does not print
    rules: frozenset[str]

    @property
    def pointers(self) -> tuple[str, ...]:
        return self.at + self.absent

    def covers(self, rule: str, pointer: str) -> bool:
        return (ANY in self.rules or rule in self.rules) and any(lies_under(pointer, p) for p in self.pointers)


@dataclass
class Entry:
    """A reviewer row (a defect) or a silent entry (a place where a rule must not fire)."""

    label: str  # the row id, or the silent entry's `what`
    matchers: tuple[Matcher, ...]
    raw: dict

    @property
    def rules(self) -> frozenset[str]:
        return frozenset().union(*(m.rules for m in self.matchers)) if self.matchers else frozenset()

    def covers(self, rule: str, pointer: str) -> bool:
        return any(m.covers(rule, pointer) for m in self.matchers)


@dataclass
class ReviewerList:
    path: Path
    declaration: str
    source: str
    form: str
    reference: str
    rows: list[Entry]
    silent: list[Entry]


def _strings(value, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{where}: expected a list of strings, got {value!r}")
    return tuple(value)


def _matchers(raw: dict, where: str) -> tuple[Matcher, ...]:
    parts = raw.get("match")
    if parts is None:
        parts = [raw] if any(k in raw for k in ("at", "absent", "rules")) else []
    elif any(k in raw for k in ("at", "absent", "rules")):
        raise ValueError(f"{where}: give either match or at/absent/rules, not both")
    out = []
    for i, part in enumerate(parts):
        if not isinstance(part, dict):
            raise ValueError(f"{where}: match/{i} must be a mapping")
        out.append(Matcher(_strings(part.get("at"), f"{where} at"), _strings(part.get("absent"), f"{where} absent"),
                           frozenset(_strings(part.get("rules"), f"{where} rules"))))
    return tuple(out)


def load_list(path: Path) -> ReviewerList:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path}: a reviewer list is a mapping")
    rows = [Entry(str(r.get("id")), _matchers(r, f"{path} row {r.get('id')}"), r) for r in data.get("rows") or []]
    silent = [Entry(str(s.get("what")), _matchers(s, f"{path} silent {s.get('what')!r}"), s)
              for s in data.get("silent") or []]
    return ReviewerList(path, str(data.get("declaration", "")), str(data.get("source", "")),
                        str(data.get("form", "")), str(data.get("reference", "")), rows, silent)


def load_lists(paths: list[str] | None = None) -> list[ReviewerList]:
    lists = [load_list(p) for p in sorted(LISTS.rglob("*.yaml")) if p != PROPOSED]
    if paths:
        wanted = {Path(p).resolve() for p in paths}
        lists = [rl for rl in lists if (ROOT / rl.declaration).resolve() in wanted]
    return lists


def proposed_rules() -> dict[str, str]:
    return yaml.safe_load(PROPOSED.read_text(encoding="utf-8")) or {}


# ------------------------------------------------------------------ consistency of a list


_MISSING = object()


def resolve(data, pointer: str):
    """The value at ``pointer`` (None is a value), or _MISSING."""
    if pointer == "/":
        return data
    node = data
    for token in pointer.split("/")[1:]:
        token = token.replace("~1", "/").replace("~0", "~")
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            return _MISSING
    return node


def source_header(declaration: Path) -> dict | None:
    m = SOURCE_HEADER.search(declaration.read_text(encoding="utf-8"))
    return m.groupdict() if m else None


def problems(rl: ReviewerList, registered: set[str], proposed: set[str]) -> list[str]:
    """Everything that makes a reviewer list inconsistent with its declaration or the rule catalogue."""
    out = []
    decl_path = ROOT / rl.declaration
    if not decl_path.is_file():
        return [f"declaration {rl.declaration} does not exist"]
    expected = LISTS / Path(rl.declaration).relative_to("declarations")
    if rl.path.resolve() != expected.resolve():
        out.append(f"the list of {rl.declaration} belongs at {expected.relative_to(ROOT)}")
    header = source_header(decl_path)
    if header is None:
        out.append(f"{rl.declaration} has no '# Source: … l.a-b (form X)' header")
    elif (header["source"], header["form"]) != (rl.source, rl.form):
        out.append(f"source/form {rl.source} ({rl.form}) differ from the declaration's header "
                   f"{header['source']} ({header['form']})")
    data = yaml.safe_load(decl_path.read_text(encoding="utf-8"))
    ids = [e.label for e in rl.rows]
    out += [f"row id {i} appears {n} times" for i, n in Counter(ids).items() if n > 1]
    for row in rl.rows:
        where = f"row {row.label}"
        if not row.label.startswith(rl.form + "-"):
            out.append(f"{where}: the id does not start with the form id {rl.form}-")
        if row.raw.get("confidence") not in CONFIDENCES:
            out.append(f"{where}: confidence must be one of {', '.join(CONFIDENCES)}")
        if not row.raw.get("category"):
            out.append(f"{where}: no category")
        if ANY in row.rules:
            out.append(f"{where}: a row names the rules that report it, not '*'")
        known = row.rules & registered
        if row.rules and not known and row.raw.get("missing") is not True:
            out.append(f"{where}: no rule of {sorted(row.rules)} exists: mark it missing: true")
        if known and row.raw.get("missing"):
            out.append(f"{where}: {sorted(known)} exist(s): drop missing")
        out += _entry_problems(row, where, data, registered | proposed)
    for entry in rl.silent:
        where = f"silent {entry.label!r}"
        if entry.raw.get("from") not in ("not-flagged", "passed", "not-counted", "inferred"):
            out.append(f"{where}: from must be not-flagged, passed, not-counted or inferred")
        if entry.raw.get("from") == "inferred" and not entry.raw.get("note"):
            out.append(f"{where}: an inferred entry (not in the reference) says why in a note")
        if entry.raw.get("untranscribed"):
            if any(m.pointers for m in entry.matchers) or not entry.raw.get("note"):
                out.append(f"{where}: an untranscribed point has no pointers and says why in a note")
            continue
        out += _entry_problems(entry, where, data, registered | proposed | {ANY})
    out += _overlaps(rl)
    return out


def _entry_problems(entry: Entry, where: str, data, allowed: set[str]) -> list[str]:
    out = []
    if not entry.matchers or not all(m.rules and m.pointers for m in entry.matchers):
        out.append(f"{where}: every part needs pointers (at/absent) and rules")
    for m in entry.matchers:
        out += [f"{where}: unknown rule {r} (neither registered nor in proposed-rules.yaml)"
                for r in sorted(m.rules - allowed)]
        out += [f"{where}: {p} does not resolve in the declaration" for p in m.at if resolve(data, p) is _MISSING]
        for p in m.absent:
            parent = p.rsplit("/", 1)[0] or "/"
            if resolve(data, p) is not _MISSING:
                out.append(f"{where}: {p} is present; list it under at, not absent")
            elif resolve(data, parent) is _MISSING:
                out.append(f"{where}: the parent of absent {p} does not resolve")
    return out


def _overlaps(rl: ReviewerList) -> list[str]:
    """A row whose own place lies inside a place declared silent for one of its rules contradicts itself."""
    out = []
    for row in rl.rows:
        for rm in row.matchers:
            for entry in rl.silent:
                for sm in entry.matchers:
                    shared = rm.rules if ANY in sm.rules else rm.rules & sm.rules
                    if shared and any(lies_under(p, q) for p in rm.pointers for q in sm.pointers):
                        out.append(f"row {row.label} and silent {entry.label!r} claim the same place for {sorted(shared)}")
    return out


# ------------------------------------------------------------------ scoring


@dataclass
class FileScore:
    declaration: str
    findings: list[dict] = field(default_factory=list)
    matched: list[tuple[dict, list[str]]] = field(default_factory=list)
    unmatched: list[dict] = field(default_factory=list)
    silent_violations: list[tuple[dict, str]] = field(default_factory=list)
    found: dict[str, bool] = field(default_factory=dict)  # row id → found
    rows: dict[str, Entry] = field(default_factory=dict)

    def recall(self) -> dict[str, tuple[int, int]]:
        out = {}
        for conf in (*CONFIDENCES, "all"):
            ids = [i for i, r in self.rows.items() if conf == "all" or r.raw.get("confidence") == conf]
            out[conf] = (sum(self.found[i] for i in ids), len(ids))
        return out

    def missed(self) -> list[Entry]:
        return [self.rows[i] for i, ok in self.found.items() if not ok]


def score(rl: ReviewerList, findings: list[dict]) -> FileScore:
    fs = FileScore(rl.declaration, findings, rows={r.label: r for r in rl.rows})
    fs.found = {r.label: False for r in rl.rows}
    for f in findings:
        hits = [r.label for r in rl.rows if r.covers(f["rule"], f["pointer"])]
        if hits:
            fs.matched.append((f, hits))
            for label in hits:
                fs.found[label] = True
        else:
            fs.unmatched.append(f)
        fs.silent_violations += [(f, s.label) for s in rl.silent if s.covers(f["rule"], f["pointer"])]
    return fs


def lint(declaration: str, profile: str | None = None) -> list[dict]:
    from perflint.config.loader import load_config
    from perflint.engine.runner import lint_bytes

    config = load_config(cli={"profile": profile}, cwd=ROOT / "tests")
    result = lint_bytes(declaration, (ROOT / declaration).read_bytes(), config)
    return [{"rule": d.rule, "severity": str(d.severity), "line": d.span.line, "column": d.span.column,
             "pointer": d.pointer, "message": d.message.text("en")} for d in result.active]


def run(paths: list[str] | None = None, profile: str | None = None) -> list[FileScore]:
    return [score(rl, lint(rl.declaration, profile)) for rl in load_lists(paths)]


# ------------------------------------------------------------------ reporting


def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 3) if den else None


def totals(scores: list[FileScore]) -> dict:
    findings = sum(len(s.findings) for s in scores)
    matched = sum(len(s.matched) for s in scores)
    recall = {}
    for conf in (*CONFIDENCES, "all"):
        got = sum(s.recall()[conf][0] for s in scores)
        total = sum(s.recall()[conf][1] for s in scores)
        recall[conf] = {"found": got, "total": total, "recall": _ratio(got, total)}
    missed = [(s, r) for s in scores for r in s.missed()]
    return {
        "files": len(scores),
        "findings": findings,
        "matched": matched,
        "unmatched": findings - matched,
        "precision": _ratio(matched, findings),
        "silent_violations": sum(len(s.silent_violations) for s in scores),
        "recall": recall,
        "unmatched_by_rule": dict(Counter(f["rule"] for s in scores for f in s.unmatched).most_common()),
        "silent_violations_by_rule": dict(Counter(f["rule"] for s in scores for f, _ in s.silent_violations).most_common()),
        "missed_by_category": dict(Counter(str(r.raw.get("category")).split(":")[0] for _, r in missed).most_common()),
        "missed_without_rule": sum(1 for _, r in missed if r.raw.get("missing")),
    }


def _finding_json(f: dict) -> dict:
    return {k: f[k] for k in ("rule", "severity", "line", "column", "pointer", "message")}


def as_json(scores: list[FileScore]) -> dict:
    files = []
    for s in scores:
        files.append({
            "declaration": s.declaration,
            "findings": len(s.findings),
            "matched": len(s.matched),
            "unmatched": [_finding_json(f) for f in s.unmatched],
            "silent_violations": [{**_finding_json(f), "silent": what} for f, what in s.silent_violations],
            "precision": _ratio(len(s.matched), len(s.findings)),
            "recall": {c: {"found": a, "total": b} for c, (a, b) in s.recall().items()},
            "missed": [{"id": r.label, "confidence": r.raw.get("confidence"), "category": r.raw.get("category"),
                        "rules": sorted(r.rules), "missing": bool(r.raw.get("missing"))} for r in s.missed()],
        })
    return {"files": files, "total": totals(scores)}


def _recall_line(recall: dict) -> str:
    parts = []
    for conf in (*CONFIDENCES, "all"):
        got, total = recall[conf]
        parts.append(f"{conf} {got}/{total}")
    return ", ".join(parts)


def _finding_line(f: dict) -> str:
    return f"{f['rule']} {f['line']}:{f['column']} {f['pointer'] or '/'}  {f['message']}"


def render_text(scores: list[FileScore], profile: str | None) -> str:
    out = [f"perflint against the reviewer lists ({profile or 'default'} profile), {len(scores)} declarations", ""]
    for s in scores:
        out.append(s.declaration)
        out.append(f"  findings {len(s.findings)}, matched {len(s.matched)}, unmatched {len(s.unmatched)}, "
                   f"silent violations {len(s.silent_violations)}")
        out.append(f"  recall: {_recall_line(s.recall())}")
        if s.unmatched:
            out.append("  unmatched (false alarms):")
            out += [f"    {_finding_line(f)}" for f in s.unmatched]
        if s.silent_violations:
            out.append("  silent violations:")
            out += [f"    {f['rule']} {f['line']}:{f['column']} {f['pointer'] or '/'}  (silent: {what})"
                    for f, what in s.silent_violations]
        if s.missed():
            out.append("  missed:")
            out += [f"    {r.label} {r.raw.get('confidence')} {r.raw.get('category')} [{', '.join(sorted(r.rules))}]"
                    + ("  (no rule yet)" if r.raw.get("missing") else "") for r in s.missed()]
        out.append("")
    t = totals(scores)
    out.append("Total")
    out.append(f"  findings {t['findings']}, matched {t['matched']}, unmatched {t['unmatched']}: "
               f"precision {t['precision']}")
    out.append("  recall: " + ", ".join(
        f"{c} {v['found']}/{v['total']} ({v['recall']})" for c, v in t["recall"].items()))
    out.append(f"  silent violations: {t['silent_violations']}")
    for key, title in (("unmatched_by_rule", "unmatched by rule"), ("silent_violations_by_rule", "silent violations by rule"),
                       ("missed_by_category", "missed rows by category")):
        if t[key]:
            out.append(f"  {title}: " + ", ".join(f"{k} {n}" for k, n in t[key].items()))
    out.append(f"  missed rows no current rule could report: {t['missed_without_rule']}")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("declarations", nargs="*", help="only these declarations (default: every one with a list)")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--profile", help="lint with this profile instead of the default")
    args = parser.parse_args(argv)
    scores = run(args.declarations, args.profile)
    if not scores:
        print("no reviewer list matches", file=sys.stderr)
        return 2
    if args.json:
        json.dump(as_json(scores), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(render_text(scores, args.profile))
    return 0


if __name__ == "__main__":
    sys.exit(main())
