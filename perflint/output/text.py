"""The text output, like ruff's full format: each finding with its source lines, a caret under the
span and the fix when a rule offers one (`[*]`), then a summary and how many `perflint fix` can fix.

    path:line:col: severity [rule-id] [*] message
       |
    45 |     name: 功能化模块数量
    46 |     target: 满足需求
       |             ^^^^^^^^ rule-id
       |
       = fix: …

Everything from the input (file names, messages, source lines, fixes) goes through the one escaping
function (output/escape.py): characters that could move the cursor, reorder the line or start a
workflow command are shown as escapes. Carets are placed by the display width of the escaped text
(an escape such as \\t takes its own columns, a Chinese character two).
"""
from __future__ import annotations

import re
import unicodedata

import click

from perflint.output.common import related_lines
from perflint.output.escape import line_start, visible

_COLOURS = {"error": "red", "warning": "yellow", "info": "blue"}
_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")  # the line breaks libyaml counts
_CONTEXT = 2  # lines shown before and after the span, as ruff does


def render(report, colour: bool = False, quiet: bool = False) -> str:
    out = []
    sources = _Sources(report)
    for d in report.diagnostics:
        out.append(_head(d, report.lang, colour))
        out += [f"    {r}" for r in related_lines(d, report.lang)]
        out += _excerpt(d, sources.lines(d.file), report.lang, colour)
        out.append("")
    if not quiet:
        out += closing_lines(report, colour)
    return "\n".join(out) + "\n" if out else ""


def concise_line(d, lang: str, colour: bool = False) -> str:
    return _head(d, lang, colour)


def closing_lines(report, colour: bool = False) -> list[str]:
    lines = [summary_line(report)]
    fixable = sum(1 for d in report.diagnostics if d.fix is not None)
    if fixable:
        mark = click.style("[*]", fg="cyan") if colour else "[*]"
        lines.append(f"{mark} {fixable} fixable with `perflint fix`." if report.lang == "en"
                     else f"{mark} 其中 {fixable} 个可用 `perflint fix` 自动修复。")
    return lines


def _head(d, lang: str, colour: bool) -> str:
    sev = str(d.severity)
    loc = f"{line_start(d.file)}:{d.line}:{d.column}:"
    rule = f"[{visible(d.rule)}]"
    fix = " [*]" if d.fix is not None else ""
    if colour:
        loc = click.style(loc, bold=True)
        sev = click.style(sev, fg=_COLOURS[sev], bold=True)
        fix = " " + click.style("[*]", fg="cyan") if fix else ""
    return f"{loc} {sev} {rule}{fix} {visible(d.message.text(lang))}"


class _Sources:
    """The lines of the file being rendered (findings come file by file: one file read at a time)."""

    def __init__(self, report):
        self.report = report
        self.path = None
        self.cached: list[str] | None = None

    def lines(self, path: str) -> list[str] | None:
        if path != self.path:
            text = self.report.source(path)
            self.path = path
            self.cached = None if text is None else _lines(text.removeprefix("\ufeff"))
        return self.cached


def _lines(text: str) -> list[str]:
    if "\r" in text or "\x85" in text or "\u2028" in text or "\u2029" in text:
        return _BREAK.split(text)
    return text.split("\n")  # the common case, several times faster than the pattern


def _excerpt(d, lines: list[str] | None, lang: str, colour: bool) -> list[str]:
    """The span's first line with the lines around it, carets under the span (to the end of that
    line when it goes on: the label then says where it ends), and the fix."""
    span = d.span
    if not lines or span.line > len(lines):
        return []
    first, end_line, end_col = span.line, span.end_line, span.end_column
    if end_line > first and end_col == 1:  # a block node ends where the next token starts
        end_line -= 1
        end_col = len(lines[end_line - 1]) + 1
    end_line = min(end_line, len(lines))
    start = max(1, first - _CONTEXT)
    stop = min(len(lines), first + _CONTEXT)
    while stop > first and not lines[stop - 1].strip():  # no trailing blank context
        stop -= 1
    width = len(str(stop))
    paint = (lambda s, **kw: click.style(s, **kw)) if colour else (lambda s, **kw: s)
    gutter = paint(" " * width + " |", fg="blue")
    text = lines[first - 1]
    b = end_col if end_line == first else len(text) + 1
    # measured on the escaped text, as shown: what is before the span, then the span (the line up to
    # its end, less what is before it, so that an escape never splits between the two)
    lead = _width(text[: span.column - 1])
    marked = max(1, _width(text[: b - 1]) - lead)
    label = visible(d.rule) if end_line == first else f"{visible(d.rule)} (to line {end_line})"
    carets = paint("^" * marked + " " + label, fg=_COLOURS[str(d.severity)], bold=True)
    out = [gutter]
    for number in range(start, stop + 1):
        out.append(f"{paint(f'{number:>{width}} |', fg='blue')} {visible(lines[number - 1])}".rstrip())
        if number == first:
            out.append(f"{gutter} {' ' * lead}{carets}")
    out.append(gutter)
    if d.fix is not None:
        old = text[span.column - 1: end_col - 1] if end_line == first else ""
        new = visible(_fix_text(d.fix, old[:1]))
        if lang == "en":
            fix = f"replace {visible(old)} with {new}" if old else f"write {new}"
        else:
            fix = f"将 {visible(old)} 改为 {new}" if old else f"改为 {new}"
        out.append(f"{' ' * width} {paint('=', fg='blue')} fix: {fix}")
    return out


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _fix_text(fix, quote: str) -> str:
    """The fix as `perflint fix` writes it: in the value's own quoting style."""
    from perflint.engine.fixes import render_scalar

    return render_scalar(fix, quote if quote in ("'", '"') else None)


def _columns(ch: str) -> int:
    """The columns one character of escaped text takes (escapes are ASCII: one each)."""
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


class _Widths(dict):
    """Columns per character, worked out once per character seen."""

    def __missing__(self, ch: str) -> int:
        width = self[ch] = _columns(ch)
        return width


_WIDTHS = _Widths()


def _width(text: str) -> int:
    """Columns ``text`` takes once shown, escapes included (a tab shows as \\t, two columns; a
    Chinese character takes two): only carets need it, for the few characters before and under a span."""
    shown = visible(text)
    if shown.isascii():
        return len(shown)
    return sum(map(_WIDTHS.__getitem__, shown))


def summary_line(report) -> str:
    s = report.summary()
    if report.lang == "en":
        if not s["files"]:
            text = "Nothing checked: no declaration found."
        elif not s["problems"]:
            text = f"All clear: {s['files']} file(s) checked, no problems."
        else:
            text = (f"Found {s['problems']} problem(s) in {s['files']} file(s): "
                    f"{s['error']} error(s), {s['warning']} warning(s), {s['info']} info.")
        if s["suppressed"]:
            text += f" {s['suppressed']} suppressed."
        if s["skipped"]:
            text += f" {s['skipped']} other YAML file(s) skipped: not declarations (-v lists them)."
        if report.stale_baseline:
            text += f" {len(report.stale_baseline)} baseline entr(ies) are fixed and can be removed."
        return text
    if not s["files"]:
        text = "未检查任何文件：没有找到申报表。"
    elif not s["problems"]:
        text = f"检查了 {s['files']} 个文件，未发现问题。"
    else:
        text = f"在 {s['files']} 个文件中发现 {s['problems']} 个问题：错误 {s['error']}，警告 {s['warning']}，提示 {s['info']}。"
    if s["suppressed"]:
        text += f"已抑制 {s['suppressed']} 个。"
    if s["skipped"]:
        text += f"跳过了 {s['skipped']} 个不是申报表的 YAML 文件（-v 列出）。"
    if report.stale_baseline:
        text += f"基线中有 {len(report.stale_baseline)} 条已修复，可以删除。"
    return text
