"""A Form (perflint.forms) drawn on a write-only worksheet: the era's labels, merged cells like the
printed form, A4 print settings, and — for reviewers — each cell's findings as a comment with a
fill by severity."""
from __future__ import annotations

from copy import copy
from dataclasses import dataclass, field

from openpyxl.cell import WriteOnlyCell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import CellRange, MultiCellRange

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
    right = Alignment(wrap_text=True, vertical="top", horizontal="right")
    specs = {
        "pl-title": (Font(name=_FONT, size=14, bold=True), None, None, centre),
        "pl-year": (Font(name=_FONT, size=11), None, None, centre),
        "pl-heading": (Font(name=_FONT, bold=True), _ROLE_FILLS["heading"], border, centre),
        "pl-head": (Font(name=_FONT, bold=True), _ROLE_FILLS["head"], border, centre),
        "pl-label": (Font(name=_FONT, bold=True), _ROLE_FILLS["label"], border, wrap),
        "pl-total": (Font(name=_FONT, italic=True), _ROLE_FILLS["total"], border, wrap),
        "pl-value": (Font(name=_FONT), None, border, wrap),
        **{f"pl-value-{s}": (Font(name=_FONT), fill, border, wrap) for s, fill in SEVERITY_FILLS.items()},
        "pl-number": (Font(name=_FONT), None, border, right),
        **{f"pl-number-{s}": (Font(name=_FONT), fill, border, right) for s, fill in SEVERITY_FILLS.items()},
        "pl-header": (Font(name=_FONT, bold=True, color="FFFFFF"), "1D4E89", None, wrap),
        "pl-cell": (Font(name=_FONT), None, None, Alignment(vertical="top")),
        "pl-wrap": (Font(name=_FONT), None, None, wrap),
        "pl-bold": (Font(name=_FONT, bold=True), None, None, Alignment(vertical="top")),
        **{f"pl-sev-{s}": (Font(name=_FONT, bold=True), fill, None, Alignment(vertical="top"))
           for s, fill in SEVERITY_FILLS.items()},
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


def add_sheet(wb, title: str):
    """wb.create_sheet(title) for a title already valid and unique: openpyxl compares a new title
    with every sheet's, which made a workbook of thousands of forms quadratic. (openpyxl 3.1's
    _WorkbookChild: a sheet made without a parent skips the check; pinned in pyproject.toml.)"""
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

    ws = WriteOnlyWorksheet(parent=None, title=None)
    ws._parent = wb
    ws._WorkbookChild__title = title
    wb._add_sheet(ws)
    return ws


class Styler:
    """Named styles by name, looked up once per workbook: openpyxl finds a named style by scanning the
    list of names for every cell it is set on."""

    def __init__(self):
        self.arrays: dict[str, object] = {}

    def apply(self, cell, name: str) -> None:
        found = self.arrays.get(name)
        if found is None:
            cell.style = name
            self.arrays[name] = copy(cell._style)
        else:
            cell._style = copy(found)


_BORDERLESS = {"pl-title", "pl-year"}


def coordinates(form: Form) -> dict[int, str]:
    """id(cell) → where draw() puts it ("B5"), known before anything is written."""
    return {id(c): f"{get_column_letter(c.col + 1)}{r}" for r, row in enumerate(form.rows, 1) for c in row}


def draw(ws, form: Form, findings=None, comment=None, strict: bool = False, styler: Styler | None = None,
         reveal: bool = False, notes: dict | None = None) -> Drawn:
    """Draw ``form`` from A1 on a write-only sheet (rows are streamed, never held). ``findings`` maps
    id(cell) → diagnostics; ``comment(diags)`` words the comment of a cell. ``strict`` refuses text
    longer than a cell (export) instead of cutting it."""
    findings = findings or {}
    notes = notes or {}  # id(cell) → a line for its comment that is no finding (a recomputed score)
    styler = styler or Styler()
    out = Drawn()
    for i in range(1, form.width + 1):
        ws.column_dimensions[get_column_letter(i)].width = 22
    setup_print(ws)
    merges: list[CellRange] = []
    below: dict[int, str] = {}  # column → the style of a merged cell reaching down into this row
    ends: dict[int, int] = {}  # column → the last row that merged cell covers
    for r, row in enumerate(form.rows, 1):
        line = [None] * form.width
        for col, until in list(ends.items()):
            if until < r:
                del ends[col], below[col]
        for c in row:
            col = c.col + 1
            if c.covered:
                continue
            cell = WriteOnlyCell(ws)
            out.by_cell[id(c)] = f"{get_column_letter(col)}{r}"
            diags = findings.get(id(c), ())
            style = _style(c, diags)
            styler.apply(cell, style)  # first: a named style resets the number format
            _fill(cell, c, out, strict, reveal)
            lines = ([comment(diags)] if diags and comment is not None else []) + ([notes[id(c)]] if id(c) in notes else [])
            if lines:
                text = "\n".join(lines)
                cell.comment = Comment(text, "perflint", width=320, height=min(600, 40 + 18 * text.count("\n") + len(text) // 2))
            line[c.col] = cell
            if c.span > 1 or c.rowspan > 1:
                merges.append(CellRange(min_col=col, min_row=r, max_col=col + c.span - 1, max_row=r + c.rowspan - 1))
                if style in _BORDERLESS:
                    continue
                for extra in range(col + 1, col + c.span):
                    line[extra - 1] = _blank(ws, style, styler)  # the merged area keeps its borders
                if c.rowspan > 1:
                    for extra in range(col, col + c.span):
                        below[extra], ends[extra] = style, r + c.rowspan - 1
        for col, style in below.items():
            if line[col - 1] is None and ends[col] >= r:
                line[col - 1] = _blank(ws, style, styler)
        ws.append(line)
    # all at once: MultiCellRange.add compares each new range with every range before it
    ws.merged_cells = MultiCellRange(merges)
    return out


def _blank(ws, style: str, styler: Styler):
    cell = WriteOnlyCell(ws)
    styler.apply(cell, style)
    return cell


def _fill(cell, c: Cell, out: Drawn, strict: bool, reveal: bool) -> None:
    if c.role == "value" and c.placeholder:
        put(cell, c.text, "text", strict=strict, reveal=reveal)  # the form's default text: no value
        if c.pointer is not None:
            out.coordinates[c.pointer] = out.by_cell[id(c)]
    elif c.role == "value":
        note = put(cell, c.value, c.kind, strict=strict, reveal=reveal)
        if c.pointer is not None:
            out.coordinates[c.pointer] = out.by_cell[id(c)]
            if note:
                out.notes.append((c.pointer, note))
    elif c.role == "total" and c.against:
        refs = [out.coordinates[p] for p in c.parts if p in out.coordinates]
        if refs and len(refs) <= _MAX_FORMULA_REFS:
            cell.value = f"=SUM({','.join(refs)})"  # our own formula over our own cells
            cell.number_format = "#,##0.00"
        elif c.value is not None:
            put(cell, c.value, "money")
    else:
        put(cell, c.text, "text", strict=strict, reveal=reveal)


def _style(c: Cell, diags) -> str:
    number = c.role == "value" and c.kind in ("money", "number", "int")
    base = "pl-number" if number else "pl-value"
    if diags:
        return f"{base}-{max(d.severity for d in diags)!s}"
    if c.role in ("title", "year", "heading", "head", "label", "total"):
        return f"pl-{c.role}"
    return base


def setup_print(ws) -> None:
    """A4 portrait, the width of the form on one page."""
    ws.page_setup.paperSize = 9  # A4
    ws.page_setup.orientation = "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
