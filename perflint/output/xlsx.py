"""The reviewer workbook (`--format xlsx=FILE`): a summary per project, every finding on one row
(the same findings, in the same order, as `--format json`) with an autofilter and a frozen header,
the rules found, and each declaration on a sheet of its own in its era's form layout, every finding
as a comment on its cell and the cell filled by severity.

Every value from the linted files is written as text or a number, never as a formula.
"""
from __future__ import annotations

import io
import re

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.worksheet.hyperlink import Hyperlink

from perflint.engine.registry import all_rules
from perflint.excel.cells import put
from perflint.excel.sheet import Styler, add_sheet, coordinates, draw, styles
from perflint.forms.reviewed import review
from perflint.forms.values import display
from perflint.loading.sourcemap import get_at, split
from perflint.output.escape import visible as escaped

BINARY = True  # the CLI writes bytes, and only to a file

_TEXT = {
    "zh": {
        "summary": "汇总", "findings": "问题", "rules": "规则",
        "summary_heads": ("部门", "项目", "年度", "文件", "表样", "预算（元）", "错误", "警告", "提示", "合计"),
        "finding_heads": ("文件", "项目", "指标", "字段", "行", "列", "规则", "级别", "说明", "修复", "JSON 指针"),
        "rule_heads": ("规则", "默认级别", "问题数", "说明", "检查什么", "为什么"),
        "error": "错误", "warning": "警告", "info": "提示", "total": "总计", "unnamed": "（未命名项目）",
        "fix": "建议改为", "no_form": "（无法按表单显示）", "recomputed": "perflint 重算：",
    },
    "en": {
        "summary": "Summary", "findings": "Findings", "rules": "Rules",
        "summary_heads": ("Department", "Project", "Year", "File", "Form", "Budget (元)", "Errors", "Warnings",
                          "Info", "Total"),
        "finding_heads": ("File", "Project", "Indicator", "Field", "Line", "Column", "Rule", "Severity", "Message",
                          "Fix", "JSON Pointer"),
        "rule_heads": ("Rule", "Default severity", "Findings", "Summary", "What it checks", "Why"),
        "error": "error", "warning": "warning", "info": "info", "total": "Total", "unnamed": "(unnamed project)",
        "fix": "replace with", "no_form": "(cannot be shown as a form)", "recomputed": "perflint recomputes:",
    },
}
_SEVERITIES = ("error", "warning", "info")
# what Excel refuses in a sheet name, and controls, bidi overrides and invisible characters (a tab
# named by a pull request must read as it is stored)
_SHEET_BAD = re.compile("[\\[\\]:*?/\\\\\x00-\x1f'\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ud800-\udfff]")


def render(report) -> bytes:
    """Written in one pass over the files, one form at a time: the summary, findings and rules
    sheets come first in the workbook and take their rows as each file is drawn."""
    T = _TEXT["en" if report.lang == "en" else "zh"]
    wb = Workbook(write_only=True)  # rows are streamed: memory and time stay linear
    styles(wb)
    summary = _Table(wb.create_sheet(T["summary"]), T["summary_heads"], (30, 36, 8, 48, 12, 16, 8, 8, 8, 8))
    findings = _Table(wb.create_sheet(T["findings"]), T["finding_heads"], (44, 30, 40, 22, 6, 6, 26, 8, 80, 16, 30))
    rule_rows = _rules(wb.create_sheet(T["rules"]), report, T)
    names = _SheetNames(T)
    styler = Styler()
    totals = dict.fromkeys(_SEVERITIES, 0)
    for i, rv in enumerate(review(report), 1):
        name = names.next(i, rv)
        coords, by_cell = {}, {}
        if rv.form is not None:
            by_cell = rv.form.attach(rv.result.active)  # first: it splits merges where findings sit
            coords = coordinates(rv.form)
            draw(add_sheet(wb, name), rv.form, by_cell, lambda ds: _comment(ds, report.lang, T), styler=styler,
                 reveal=True, notes=_recomputed(rv, report.lang, T))
        counts = _summary_row(summary, rv, name if rv.form is not None else None, T)
        for s in _SEVERITIES:
            totals[s] += counts[s]
        for d in rv.result.active:  # report.diagnostics, file by file: the order of --format json
            _finding_row(findings, d, rv, name, coords, rule_rows, report.lang, T)
    _summary_total(summary, totals, T)
    findings.filter("K")
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


class _SheetNames:
    """A unique sheet name per file, from its project name (Excel allows 31 characters and no []:*?/\\)."""

    def __init__(self, T):
        self.taken = {T["summary"].lower(), T["findings"].lower(), T["rules"].lower()}

    def next(self, i: int, rv) -> str:
        project = rv.result.meta.get("project") or rv.path.rsplit("/", 1)[-1]
        base = _SHEET_BAD.sub("_", f"{i} {project}").strip()[:31].rstrip() or str(i)
        name, n = base, 2
        while name.lower() in self.taken:
            suffix = f" ({n})"
            name, n = base[: 31 - len(suffix)] + suffix, n + 1
        self.taken.add(name.lower())
        return name


class _Table:
    """A write-only sheet of rows under a frozen header, every value through cells.put (text can
    never become a formula)."""

    def __init__(self, ws, heads, widths):
        self.ws, self.last, self.styler = ws, 1, Styler()
        for col, width in zip("ABCDEFGHIJKLMNOP", widths, strict=False):
            ws.column_dimensions[col].width = width
        ws.freeze_panes = "A2"  # before the first row: a write-only sheet writes its views first
        ws.append(self.append(heads, style="pl-header"))
        self.last = 1

    def append(self, values, kinds=(), style="pl-cell", styles=None) -> list:
        cells = []
        for i, value in enumerate(values):
            cell = WriteOnlyCell(self.ws)
            self.styler.apply(cell, (styles or {}).get(i, style))
            put(cell, value, kinds[i] if i < len(kinds) else "text", reveal=True)
            cells.append(cell)
        self.last += 1
        return cells

    def row(self, values, kinds=(), style="pl-cell", styles=None, links=None) -> int:
        cells = self.append(values, kinds, style, styles)
        for i, location in (links or {}).items():
            cells[i].hyperlink = Hyperlink(ref="A1", location=location)
        self.ws.append(cells)
        return self.last

    def filter(self, last_column: str) -> None:
        self.ws.auto_filter.ref = f"A1:{last_column}{self.last}"


def _summary_row(table: _Table, rv, sheet: str | None, T) -> dict[str, int]:
    meta = rv.result.meta
    counts = dict.fromkeys(_SEVERITIES, 0)
    for d in rv.result.active:
        counts[str(d.severity)] += 1
    table.row([meta.get("department") or "", meta.get("project") or T["unnamed"], meta.get("fiscal_year"),
               rv.path, rv.form.era if rv.form else T["no_form"], rv.budget,
               *[counts[s] for s in _SEVERITIES], sum(counts.values())],
              kinds=("text", "text", "int", "text", "text", "money"),
              links={1: f"'{sheet}'!A1"} if sheet else None)
    return counts


def _summary_total(table: _Table, totals: dict, T) -> None:
    last = table.last
    table.filter("J")
    cells = table.append([T["total"], "", "", "", "", None, *[totals[s] for s in _SEVERITIES], sum(totals.values())],
                         style="pl-bold")
    if last > 1:
        cells[5].value = f"=SUM(F2:F{last})"  # our own formula over the budget column
        cells[5].number_format = "#,##0.00"
    table.ws.append(cells)


def _finding_row(table: _Table, d, rv, sheet: str, coords: dict, rule_rows: dict, lang: str, T) -> None:
    form = rv.form
    cell = form.locate(d.pointer) if form is not None else None
    field = (cell.label or d.pointer) if cell is not None else d.pointer
    links = {}
    target = coords.get(id(cell)) if cell is not None else None
    if target:
        links[3] = f"'{sheet}'!{target}"
    if d.rule in rule_rows:
        links[6] = f"'{T['rules']}'!A{rule_rows[d.rule]}"
    table.row([d.file, rv.result.meta.get("project") or "", _indicator(rv.data, d.pointer), field,
               d.line, d.column, d.rule, T[str(d.severity)], d.message.text(lang),
               "" if d.fix is None else display(d.fix), d.pointer],
              kinds=("text", "text", "text", "text", "int", "int"),
              styles={7: f"pl-sev-{d.severity!s}", 8: "pl-wrap"}, links=links)


def _indicator(data, pointer: str) -> str:
    """一级 › 二级 › 三级 of the indicator a pointer is in, or ""."""
    tokens = split(pointer)
    if data is None or len(tokens) < 2 or tokens[0] != "indicators" or not tokens[1].isdigit():
        return ""
    item = get_at(data, f"/indicators/{tokens[1]}")
    if not isinstance(item, dict):
        return ""
    return " › ".join(str(item[k]) for k in ("level1", "level2", "name") if item.get(k) not in (None, ""))


def _rules(ws, report, T) -> dict[str, int]:
    """The rules found, one row each; their rows, for the findings' links."""
    table = _Table(ws, T["rule_heads"], (26, 10, 8, 40, 80, 80))
    lang = report.lang
    counts = report.by_rule()
    rules = all_rules()
    rows = {}
    for rule_id in sorted(counts):
        rule = rules.get(rule_id)
        rows[rule_id] = table.row([rule_id, T[str(rule.severity)] if rule else "", counts[rule_id],
                                   rule.summary.text(lang) if rule else "", rule.description.text(lang) if rule else "",
                                   rule.rationale.text(lang) if rule else ""], style="pl-wrap")
    return rows


def _recomputed(rv, lang: str, T) -> dict[int, str]:
    """A self-evaluation's printed scores that differ from the recomputed ones: a comment line each."""
    out = {}
    for pointer, row in rv.scores.items():
        cell = rv.form.cells.get(pointer)
        if cell is not None and row.differs:
            how = f"（{row.how.text(lang)}）" if row.how is not None and lang != "en" else (
                f" ({row.how.text(lang)})" if row.how is not None else "")
            out[id(cell)] = escaped(f"{T['recomputed']} {display(row.recomputed)}{how}")
    return out


def _comment(diags, lang: str, T) -> str:
    lines = []
    for d in diags:
        line = f"[{T[str(d.severity)]}] {d.rule}: {d.message.text(lang)}"
        if d.fix is not None:
            line += f"（{T['fix']} {display(d.fix)}）" if lang != "en" else f" ({T['fix']} {display(d.fix)})"
        lines.append(line)
    return "\n".join(escaped(line) for line in lines)[:30_000]
