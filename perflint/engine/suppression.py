"""Inline suppression: `# perflint: disable=<rule>[,<rule>] -- <reason>` on the line or the line above,
and `# perflint: disable-file=<rule>[,<rule>] -- <reason>` anywhere for the whole file."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from perflint.core.diagnostic import Diagnostic, Message, Span
from perflint.core.suggest import closest

_MARK = "perflint:"
_DIRECTIVE = re.compile(r"#\s*perflint:\s*(?P<body>.*)$")
# the rule list ends at `--` or at the end: no lazy group followed by optional whitespace, which
# backtracked quadratically on a long run of spaces
_FORM = re.compile(r"^(?P<verb>disable|disable-file)\s*=\s*(?P<rules>[^-]*(?:-(?!-)[^-]*)*)(?:--\s*(?P<reason>.*))?$")
_RULES = re.compile(r"[A-Za-z0-9_*,\s-]*")


@dataclass
class Suppression:
    line: int  # the line whose diagnostics it covers (0: the whole file)
    rules: tuple[str, ...]
    reason: str
    span: Span
    used: set = field(default_factory=set)


def _comment_start(line: str) -> int:
    """Index of a `#` that starts a comment (outside quotes), or -1."""
    quote = None
    for i, ch in enumerate(line):
        if quote:
            if ch == quote:
                quote = None
        elif ch in "\"'":
            quote = ch
        elif ch == "#" and (i == 0 or line[i - 1] in " \t"):
            return i
    return -1


def parse(text: str, known_rules, require_reason: bool) -> tuple[list[Suppression], list[tuple[Span, Message]]]:
    found: list[Suppression] = []
    problems: list[tuple[Span, Message]] = []
    if _MARK not in text:
        return found, problems
    for number, line in enumerate(text.splitlines(), start=1):
        if _MARK not in line:
            continue
        start = _comment_start(line)
        if start < 0:
            continue
        m = _DIRECTIVE.match(line[start:])
        if not m:
            continue
        span = Span(number, start + 1, number, len(line) + 1)
        form = _FORM.match(m.group("body").strip())
        if not form or not form.group("rules").strip() or not _RULES.fullmatch(form.group("rules")):
            problems.append((span, Message(
                "抑制注释无法识别：写作 # perflint: disable=规则id -- 理由",
                "Unrecognised suppression: write # perflint: disable=rule-id -- reason")))
            continue
        rules = tuple(r.strip() for r in form.group("rules").split(",") if r.strip())
        unknown = [r for r in rules if r not in known_rules]
        if unknown:
            near = closest(unknown[0], known_rules)
            problems.append((span, Message(
                f"抑制注释中的规则 `{unknown[0]}` 不存在" + (f"，是否应为 `{near}`？" if near else "。"),
                f"Unknown rule `{unknown[0]}` in suppression" + (f"; did you mean `{near}`?" if near else "."))))
            continue
        reason = (form.group("reason") or "").strip()
        if require_reason and not reason:
            problems.append((span, Message("抑制注释须写明理由：在规则后加 -- 理由。",
                                           "A suppression needs a reason: add -- reason after the rules.")))
            continue
        standalone = not line[:start].strip()
        target = 0 if form.group("verb") == "disable-file" else (number + 1 if standalone else number)
        found.append(Suppression(target, rules, reason, span))
    return found, problems


def apply(diagnostics: list[Diagnostic], suppressions: list[Suppression]) -> None:
    """Each diagnostic is suppressed by the first suppression (in file order) naming its rule on its
    line or for the whole file: found by lookup, not by trying every suppression on every finding."""
    first: dict[tuple[int, str], int] = {}  # (line or 0, rule) → index of the first suppression
    for i, s in enumerate(suppressions):
        for rule in s.rules:
            first.setdefault((s.line, rule), i)
    if not first:
        return
    for d in diagnostics:
        here, whole = first.get((d.span.line, d.rule)), first.get((0, d.rule))
        if here is None and whole is None:
            continue
        s = suppressions[min(i for i in (here, whole) if i is not None)]
        d.suppressed = s.reason or "suppressed inline"
        s.used.add(d.rule)


def unused(suppressions: list[Suppression], enabled) -> list[tuple[Span, Message]]:
    out = []
    for s in suppressions:
        idle = [r for r in s.rules if r not in s.used and r in enabled]
        if idle:
            out.append((s.span, Message(f"抑制注释未抑制任何 `{idle[0]}` 问题：删除它。",
                                        f"The suppression of `{idle[0]}` suppresses nothing: remove it.")))
    return out


