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
from perflint.excel.cells import put, visible
from perflint.excel.sheet import Styler, coordinates, draw, styles
from perflint.forms.reviewed import review
from perflint.forms.values import display
from perflint.loading.sourcemap import get_at, split

BINARY = True  # the CLI writes bytes, and only to a file

_TEXT = {
    "zh": {
        "summary": "汇总", "findings": "问题", "rules": "规则",
        "summary_heads": ("部门", "项目", "年度", "文件", "表样", "预算（元）", "错误", "警告", "提示", "合计"),
        "finding_heads": ("文件", "项目", "指标", "字段", "行", "列", "规则", "级别", "说明", "修复", "JSON 指针"),
        "rule_heads": ("规则", "默认级别", "问题数", "说明", "检查什么", "为什么"),
        "error": "错误", "warning": "警告", "info": "提示", "total": "总计", "unnamed": "（未命名项目）",
        "fix": "建议改为", "no_form": "（无法按表单显示）",
    },
    "en": {
        "summary": "Summary", "findings": "Findings", "rules": "Rules",
        "summary_heads": ("Department", "Project", "Year", "File", "Form", "Budget (元)", "Errors", "Warnings",
                          "Info", "Total"),
        "finding_heads": ("File", "Project", "Indicator", "Field", "Line", "Column", "Rule", "Severity", "Message",
                          "Fix", "JSON Pointer"),
        "rule_heads": ("Rule", "Default severity", "Findings", "Summary", "What it checks", "Why"),
        "error": "error", "warning": "warning", "info": "info", "total": "Total", "unnamed": "(unnamed project)",
        "fix": "replace with", "no_form": "(cannot be shown as a form)",
    },
}
_SEVERITIES = ("error", "warning", "info")
_SHEET_BAD = re.compile(r"[\[\]:*?/\\\x00-\x1f']")


def render(report) -> bytes:
    T = _TEXT["en" if report.lang == "en" else "zh"]
    wb = Workbook(write_only=True)  # rows are streamed: memory and time stay linear
    styles(wb)
    reviewed = review(report)
    names = _sheet_names(reviewed, T)
    places: dict[str, tuple[str, dict, dict]] = {}  # file → (sheet, id(cell) → coordinate, findings by cell)
    for rv, name in zip(reviewed, names, strict=True):
        if rv.form is not None:
            by_cell = rv.form.attach(rv.result.active)  # first: it splits merges where findings sit
            places[rv.path] = (name, coordinates(rv.form), by_cell)
    _summary(wb.create_sheet(T["summary"]), reviewed, names, places, T)
    findings = wb.create_sheet(T["findings"])
    rule_rows = _rules(wb.create_sheet(T["rules"]), report, T)
    _findings(findings, report, places, {rv.path: rv for rv in reviewed}, rule_rows, T)
    styler = Styler()
    for rv, name in zip(reviewed, names, strict=True):
        if rv.path in places:
            draw(wb.create_sheet(name), rv.form, places[rv.path][2], lambda ds: _comment(ds, report.lang, T), styler=styler)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _sheet_names(reviewed, T) -> list[str]:
    """A unique sheet name per file, from its project name (Excel allows 31 characters and no []:*?/\\)."""
    taken = {T["summary"].lower(), T["findings"].lower(), T["rules"].lower()}
    out = []
    for i, rv in enumerate(reviewed, 1):
        project = rv.result.meta.get("project") or rv.path.rsplit("/", 1)[-1]
        base = _SHEET_BAD.sub("_", f"{i} {project}").strip()[:31].rstrip() or str(i)
        name, n = base, 2
        while name.lower() in taken:
            suffix = f" ({n})"
            name, n = base[: 31 - len(suffix)] + suffix, n + 1
        taken.add(name.lower())
        out.append(name)
    return out


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
            put(cell, value, kinds[i] if i < len(kinds) else "text")
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


def _summary(ws, reviewed, names, places, T) -> None:
    table = _Table(ws, T["summary_heads"], (30, 36, 8, 48, 12, 16, 8, 8, 8, 8))
    totals = dict.fromkeys(_SEVERITIES, 0)
    for rv, name in zip(reviewed, names, strict=True):
        meta = rv.result.meta
        counts = dict.fromkeys(_SEVERITIES, 0)
        for d in rv.result.active:
            counts[str(d.severity)] += 1
        for s in _SEVERITIES:
            totals[s] += counts[s]
        table.row([meta.get("department") or "", meta.get("project") or T["unnamed"], meta.get("fiscal_year"),
                   rv.path, rv.form.era if rv.form else T["no_form"], rv.budget,
                   *[counts[s] for s in _SEVERITIES], sum(counts.values())],
                  kinds=("text", "text", "int", "text", "text", "money"),
                  links={1: f"'{name}'!A1"} if rv.path in places else None)
    last = table.last
    table.filter("J")
    cells = table.append([T["total"], "", "", "", "", None, *[totals[s] for s in _SEVERITIES], sum(totals.values())],
                         style="pl-bold")
    if last > 1:
        cells[5].value = f"=SUM(F2:F{last})"  # our own formula over the budget column
        cells[5].number_format = "#,##0.00"
    ws.append(cells)


def _findings(ws, report, places, reviewed, rule_rows, T) -> None:
    table = _Table(ws, T["finding_heads"], (44, 30, 40, 22, 6, 6, 26, 8, 80, 16, 30))
    lang = report.lang
    for d in report.diagnostics:
        rv = reviewed.get(d.file)
        meta = rv.result.meta if rv else {}
        sheet, coords, _ = places.get(d.file, (None, {}, None))
        form = rv.form if rv else None
        cell = form.locate(d.pointer) if form else None
        field = (cell.label or d.pointer) if cell is not None else d.pointer
        links = {}
        target = coords.get(id(cell)) if cell is not None else None
        if sheet and target:
            links[3] = f"'{sheet}'!{target}"
        if d.rule in rule_rows:
            links[6] = f"'{T['rules']}'!A{rule_rows[d.rule]}"
        table.row([d.file, meta.get("project") or "", _indicator(rv.data if rv else None, d.pointer), field,
                   d.line, d.column, d.rule, T[str(d.severity)], d.message.text(lang),
                   "" if d.fix is None else display(d.fix), d.pointer],
                  kinds=("text", "text", "text", "text", "int", "int"),
                  styles={7: f"pl-sev-{d.severity!s}", 8: "pl-wrap"}, links=links)
    table.filter("K")


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


def _comment(diags, lang: str, T) -> str:
    lines = []
    for d in diags:
        line = f"[{T[str(d.severity)]}] {d.rule}: {d.message.text(lang)}"
        if d.fix is not None:
            line += f"（{T['fix']} {display(d.fix)}）" if lang != "en" else f" ({T['fix']} {display(d.fix)})"
        lines.append(line)
    return visible("\n".join(lines))[:30_000]
