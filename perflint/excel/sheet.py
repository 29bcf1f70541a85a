"""A Form (perflint.forms) drawn on a worksheet: the era's labels, merged cells like the printed form,
A4 print settings, and — for reviewers — each cell's findings as a comment with a fill by severity."""
from __future__ import annotations

from dataclasses import dataclass, field

from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter

from perflint.excel.cells import put
from perflint.forms.form import Cell, Form

SEVERITY_FILLS = {"error": "FDECEB", "warning": "FFF4D6", "info": "E8F1FD"}
_ROLE_FILLS = {"label": "EEF1F5", "head": "EEF1F5", "heading": "E2E7EE", "total": "F7F8FA"}
_FONT = "Microsoft YaHei"  # what Chinese Excel offers; other systems substitute their CJK font
_MAX_FORMULA_REFS = 30


@dataclass
class Drawn:
    """Where each pointer's cell went, and what could not be written exactly."""

    coordinates: dict[str, str] = field(default_factory=dict)  # pointer → "B5" of value cells
    by_cell: dict[int, str] = field(default_factory=dict)  # id(cell) → "B5" of every cell drawn
    notes: list[tuple[str, str]] = field(default_factory=list)  # (pointer, note)


def styles(wb) -> None:
    """Register the named styles once per workbook (much cheaper than styling cells one by one)."""
    thin = Side(style="thin", color="5B6673")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="top")
    centre = Alignment(wrap_text=True, vertical="center", horizontal="center")
    specs = {
        "pl-title": (Font(name=_FONT, size=14, bold=True), None, None, centre),
        "pl-year": (Font(name=_FONT, size=11), None, None, centre),
        "pl-heading": (Font(name=_FONT, bold=True), _ROLE_FILLS["heading"], border, centre),
        "pl-head": (Font(name=_FONT, bold=True), _ROLE_FILLS["head"], border, centre),
        "pl-label": (Font(name=_FONT, bold=True), _ROLE_FILLS["label"], border, wrap),
        "pl-total": (Font(name=_FONT, italic=True), _ROLE_FILLS["total"], border, wrap),
        "pl-value": (Font(name=_FONT), None, border, wrap),
        **{f"pl-value-{s}": (Font(name=_FONT), fill, border, wrap) for s, fill in SEVERITY_FILLS.items()},
        "pl-table-head": (Font(name=_FONT, bold=True), _ROLE_FILLS["head"], border, wrap),
        "pl-table": (Font(name=_FONT), None, border, wrap),
    }
    for name, (font, fill, brd, align) in specs.items():
        if name in wb.named_styles:
            continue
        style = NamedStyle(name=name, font=font, alignment=align)
        if fill:
            style.fill = PatternFill("solid", fgColor=fill)
        if brd:
            style.border = brd
        wb.add_named_style(style)


def draw(ws, form: Form, findings=None, comment=None, strict: bool = False) -> Drawn:
    """Draw ``form`` from A1. ``findings`` maps id(cell) → diagnostics; ``comment(diags)`` words
    the comment of a cell. ``strict`` refuses text longer than a cell (export) instead of cutting it."""
    findings = findings or {}
    out = Drawn()
    for r, row in enumerate(form.rows, 1):
        for c in row:
            if c.covered:
                continue
            col = c.col + 1
            target = ws.cell(row=r, column=col)
            out.by_cell[id(c)] = target.coordinate
            diags = findings.get(id(c), ())
            target.style = _style(c, diags)  # first: a named style resets the number format
            _fill(ws, target, c, r, out, strict)
            if c.role == "value" and c.kind in ("money", "number", "int"):
                target.alignment = Alignment(horizontal="right", vertical="top", wrap_text=True)
            if diags and comment is not None:
                text = comment(diags)
                target.comment = Comment(text, "perflint", width=320, height=min(600, 40 + 18 * text.count("\n") + len(text) // 2))
            if c.span > 1 or c.rowspan > 1:
                ws.merge_cells(start_row=r, start_column=col, end_row=r + c.rowspan - 1, end_column=col + c.span - 1)
    for i in range(1, form.width + 1):
        ws.column_dimensions[get_column_letter(i)].width = 22
    setup_print(ws)
    return out


def _fill(ws, target, c: Cell, r: int, out: Drawn, strict: bool) -> None:
    if c.role == "value":
        note = put(target, c.value, c.kind, strict=strict)
        if c.pointer is not None:
            out.coordinates[c.pointer] = target.coordinate
            if note:
                out.notes.append((c.pointer, note))
    elif c.role == "total" and c.against:
        refs = [out.coordinates[p] for p in c.parts if p in out.coordinates]
        if refs and len(refs) <= _MAX_FORMULA_REFS:
            target.value = f"=SUM({','.join(refs)})"  # our own formula over our own cells
            target.number_format = "#,##0.00"
        elif c.value is not None:
            put(target, c.value, "money")
    else:
        put(target, c.text, "text", strict=strict)
        if c.pointer is not None and c.role in ("title", "year"):
            out.coordinates.setdefault(c.pointer, target.coordinate)


def _style(c: Cell, diags) -> str:
    if diags:
        worst = str(max(d.severity for d in diags))
        return f"pl-value-{worst}"
    if c.role in ("title", "year", "heading", "head", "label", "total"):
        return f"pl-{c.role}"
    return "pl-value"


def setup_print(ws) -> None:
    """A4 portrait, the width of the form on one page."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
