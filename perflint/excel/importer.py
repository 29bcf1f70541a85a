"""A workbook back to declarations, read by its labels the way a person reads a form.

Three layouts are read by the same reader: a form written by `perflint export` (edited or not), the
plain published layout (one value per labelled cell: the value right of its label, or under a label
that heads a column), and a sheet with one row per indicator (the header fields as columns,
one declaration per project). A table's 一级/二级 cell left blank is the one above, as on the
printed form. A sheet may hold several forms: a title or a label met a second time starts the next.

Whatever cannot be placed — a cell under no label, an error value, a formula with no saved value —
is reported with its address and kept as a comment in the YAML; nothing is dropped silently.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from perflint.excel import manifest
from perflint.excel.cells import read_back
from perflint.excel.paths import Unplaceable, put, remove
from perflint.excel.reading import SKIP, convert, short
from perflint.excel.workbook import RawCell, Sheet, read_workbook
from perflint.forms import fields as F
from perflint.forms import labels as L


@dataclass
class Imported:
    """One declaration read from a sheet."""

    sheet: str
    first_row: int
    data: dict = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)  # pointer → cell address
    seen: dict[str, str] = field(default_factory=dict)  # pointer → the cell's content as read (cells.read_back)
    unplaced: list[tuple[str, str]] = field(default_factory=list)  # (address, what is in it and why)
    notes: list[tuple[str, str]] = field(default_factory=list)  # (address, how a value was read)
    title: RawCell | None = None
    year: RawCell | None = None
    unit: str | None = None
    rows: dict[str, int] = field(default_factory=dict)  # table pointer → rows read

    @property
    def empty(self) -> bool:
        return not self.sources and self.title is None

    def has(self, pointer: str) -> bool:
        return pointer in self.seen


@dataclass
class ImportResult:
    documents: list[Imported]
    problems: list[tuple[str, str]]  # (sheet or address, message) about the workbook as a whole


def import_workbook(path: Path) -> ImportResult:
    """Raises workbook.WorkbookError when the file cannot be read at all."""
    sheets = read_workbook(Path(path))
    records = _records(next((s for s in sheets if s.name == manifest.SHEET), None))
    documents, problems = [], []
    for sheet in sheets:
        if sheet.name == manifest.SHEET:
            continue
        if sheet.refused:
            problems.append((sheet.name, f"not read: {sheet.refused}"))
            continue
        if sheet.hidden:
            if sheet.cells:
                problems.append((sheet.name, f"a hidden sheet with {len(sheet.cells)} cell(s): not read"))
            continue
        if _report_sheet(sheet):
            continue  # the summary, findings and rules of a reviewer workbook: its forms are read
        found = _SheetReader(sheet, exported=sheet.name in records, records=records.get(sheet.name, ())).read()
        for doc in found:
            _derive(doc)
        if len(found) == 1 and sheet.name in records:
            _apply(found[0], records[sheet.name])
        nothing = [d for d in found if not d.data.keys() - {"kind", "schema_version"}]
        for doc in nothing:
            for address, text in doc.unplaced:
                problems.append((f"{sheet.name}!{address}", text))
        documents += [d for d in found if d not in nothing]
    return ImportResult(documents, problems)


# -- reading one sheet ----------------------------------------------------------------------------

class _SheetReader:
    """``exported``: the sheet is one `perflint export` drew (its record sheet names it), where a
    value is always the cell right of its label — even a value that reads like a label."""

    def __init__(self, sheet: Sheet, exported: bool = False, records=()):
        self.sheet = sheet
        self.exported = exported
        # the rows of funds export drew, by the name their first cell shows (in order)
        self.row_names: dict[str, list[str]] = {}
        for pointer, shown, _value in records:
            if shown is not None and pointer.endswith("/label") and pointer.startswith(FUNDS + "/"):
                self.row_names.setdefault(shown, []).append(pointer[: -len("/label")])
        self.used: set[tuple[int, int]] = set()
        self.docs: list[Imported] = []
        self.context = {L.normalise(c.value)[0] for c in sheet.cells.values() if c.type == "s"}
        self.cur = self._new(sheet.rows()[0] if sheet.cells else 1)

    def _new(self, row: int) -> Imported:
        doc = Imported(self.sheet.name, row)
        self.docs.append(doc)
        return doc

    def _split(self, row: int) -> None:
        if not self.cur.empty:
            self.cur = self._new(row)

    def read(self) -> list[Imported]:
        rows = self.sheet.rows()
        i = 0
        while i < len(rows):
            r = rows[i]
            cells = [c for c in self.sheet.row(r) if not c.blank and (r, c.column) not in self.used]
            if not cells:
                i += 1
                continue
            if self._title_or_year(cells):
                i += 1
                continue
            funds = _funds_row(cells)
            if funds is not None:
                i = self._funds(funds, cells, rows, i + 1)
                continue
            head = _head_row(cells, self.context)
            if head is not None:
                i = self._table(head, cells, rows, i + 1)
                continue
            self._labels(r, cells)
            i += 1
        self._leftovers()
        return [d for d in self.docs if not d.empty or d.unplaced]

    def _title_or_year(self, cells: list[RawCell]) -> bool:
        first = cells[0]
        if len(cells) != 1 or first.type != "s":
            return False
        text = str(first.value).strip()
        norm = L.normalise(text)[0]
        if L.YEAR_LINE.match(norm):
            self.cur.year = first
            self.used.add((first.row, first.column))
            return True
        if L.TITLE.search(norm) and L.resolve(norm, self.context) is None:
            self._split(first.row)
            self.cur.title = first
            self.used.add((first.row, first.column))
            return True
        return False

    def _labels(self, r: int, cells: list[RawCell]) -> None:
        j = 0
        while j < len(cells):
            c = cells[j]
            j += 1
            if c.type != "s" or (r, c.column) in self.used:
                continue
            text = str(c.value)
            norm, unit = L.normalise(text)
            if unit:
                self._unit(unit, c)
            if L.is_total(norm):
                self.used.update((r, x.column) for x in cells)  # a computed row: perflint adds it up itself
                return
            if L.is_heading(norm):
                self.used.add((r, c.column))
                continue
            pointer = L.resolve(norm, self.context)
            if pointer is not None and norm.startswith("/") and j > 1:
                continue  # a pointer labels a row from its first cell; elsewhere it is text
            inline = None
            if pointer is None:
                label, sep, rest = re.sub(r"[\s\u3000]", "", text).partition("：") if "：" in text else text.partition(":")
                pointer = L.resolve(L.normalise(label)[0], self.context) if sep and rest.strip() else None
                if pointer is None:
                    continue
                inline = RawCell(text.split(sep, 1)[1].strip(), "s", "General", c.row, c.column)
            self.used.add((r, c.column))
            value = inline if inline is not None else self._value_of(c, cells[j:], pointer)
            if value is _SAME_LABEL:
                continue
            if self.cur.has(pointer):
                self._split(r)  # a label met again: the next form on the sheet
            self._set(pointer, value, c, insert=norm.startswith("/"))

    def _value_of(self, label: RawCell, rest: list[RawCell], pointer: str):
        if self.exported:
            cell = self.sheet.cells.get((label.row, label.column + 1))
            if cell is None or cell.blank or (cell.row, cell.column) in self.used:
                return None
            self.used.add((cell.row, cell.column))
            return cell
        free = [x for x in rest if (x.row, x.column) not in self.used]
        nxt = free[0] if free else None
        if nxt is not None and nxt.type == "s":
            norm = L.normalise(str(nxt.value))[0]
            other = L.resolve(norm, self.context) if not norm.startswith("/") else None
            if other == pointer:
                return _SAME_LABEL  # the label printed twice (其他资金 其他资金 0.00)
            if (other is not None or L.is_heading(norm) or L.is_total(norm)) and not self._value_like(label, nxt, free[1:]):
                nxt = None
        if nxt is not None:
            self.used.add((nxt.row, nxt.column))
            return nxt
        below = self.sheet.cells.get((label.row + 1, label.column))
        if below is not None and not below.blank and (below.row, below.column) not in self.used and not _is_label(below, self.context):
            self.used.add((below.row, below.column))
            return below
        return None

    def _value_like(self, label: RawCell, cell: RawCell, after: list[RawCell]) -> bool:
        """A text that reads like a label but is the value of the label right before it: it sits in
        the next column and has no value of its own, neither beside it nor under it."""
        if cell.column != label.column + 1:
            return False
        if after and not _is_label(after[0], self.context):
            return False
        below = self.sheet.cells.get((cell.row + 1, cell.column))
        if below is None or below.blank or _is_label(below, self.context):
            return True
        beside = self.sheet.cells.get((below.row, below.column - 1))
        return beside is not None and _is_label(beside, self.context)  # the value of the next row's label

    def _unit(self, unit: str, cell: RawCell) -> None:
        if self.cur.unit is None:
            self.cur.unit = unit
            self.cur.sources.setdefault("/budget/unit", cell.address)
        elif self.cur.unit != unit:
            self.cur.notes.append((cell.address, f"the unit {unit} differs from {self.cur.unit} printed above: {self.cur.unit} kept"))

    def _set(self, pointer: str, value: RawCell | None, label: RawCell, blank_at: str | None = None,
             insert: bool = False) -> None:
        """Record ``value`` (None: the label's cell is blank) at ``pointer``. ``blank_at`` is the blank
        cell that takes its value from the one above (a merged 一级/二级 cell)."""
        doc = self.cur
        if value is None:
            doc.seen[pointer] = ""
            doc.sources[pointer] = label.address
            return
        doc.seen[pointer] = "" if blank_at else read_back(value.value)
        converted, note = convert(value, F.kind_of(pointer))
        address = value.address if not blank_at else f"{blank_at} (= {value.address})"
        if converted is SKIP:
            doc.unplaced.append((value.address, f"{short(value.value)} ({note})"))
            return
        try:
            put(doc.data, pointer, converted, insert=insert)
        except Unplaceable as exc:
            doc.unplaced.append((value.address, f"{short(value.value)} ({exc})"))
            return
        if note:
            doc.notes.append((value.address, note))
        doc.sources[pointer] = address

    # -- tables ------------------------------------------------------------------------------
    def _table(self, head, head_cells: list[RawCell], rows: list[int], i: int) -> int:
        """Rows under a head row, until a blank row, a label, a heading or a 合计 row. With header
        fields among the heads (one row per indicator), each project's rows make a declaration."""
        spec, columns, groups = head
        for c in head_cells:
            norm, unit = L.normalise(str(c.value)) if c.type == "s" else ("", None)
            if unit:
                self._unit(unit, c)
            if c.column in columns or c.column in groups or L.is_heading(norm):
                self.used.add((c.row, c.column))
        merged = ["/" + m for m in spec.merge]
        last: dict[str, RawCell] = {}
        base, by_project = self.cur, {}
        read = 0
        while i < len(rows):
            r = rows[i]
            cells = [c for c in self.sheet.row(r) if not c.blank and (r, c.column) not in self.used]
            if cells and self._total_row(spec, columns, cells):
                i += 1
                break
            if not cells or self._ends_table(cells):
                break
            here = {}
            for c in cells:
                path = columns.get(c.column) or groups.get(c.column)
                if path is not None:
                    here[path] = c
                    self.used.add((r, c.column))
            i += 1
            if not here:
                continue  # cells beside the table: reported as not placed
            inherited = _inherit(here, last, list(groups.values()) + merged)
            last.update(here)
            last.update(inherited)
            if groups:
                key = tuple(str((here.get(p) or inherited.get(p)).value) if (here.get(p) or inherited.get(p)) else ""
                            for p in groups.values())
                if key not in by_project:
                    by_project[key] = base if not by_project and base.empty else self._new(r)
                self.cur = by_project[key]
                for p in groups.values():
                    cell = here.get(p) or inherited.get(p)
                    if cell is not None and not self.cur.has(p):
                        self._set(p, cell, cell)
            doc = self.cur
            index = doc.rows.get(spec.pointer, 0)
            doc.rows[spec.pointer] = index + 1
            row_pointer = f"{spec.pointer}/{index}"
            doc.sources.setdefault(row_pointer, cells[0].address)
            for path in columns.values():
                if path in here:
                    self._set(row_pointer + path, here[path], here[path])
                elif path in inherited:
                    self._set(row_pointer + path, inherited[path], inherited[path],
                              blank_at=f"{_letter(_column_of(columns, path))}{r}")
                else:
                    doc.seen[row_pointer + path] = ""  # a blank cell: what export recorded tells null from absent
            read += 1
        if read == 0 and spec.pointer not in self.cur.seen:
            self.cur.seen[spec.pointer] = ""
            try:
                put(self.cur.data, spec.pointer, [])
            except Unplaceable:
                pass
        if groups:
            self.cur = self.docs[-1]
        return i

    def _total_row(self, spec, columns: dict, cells: list[RawCell]) -> bool:
        """总分 (or 合计) under an indicator grid that has a 得分 column: the printed totals, read from
        the 分值 and 得分 columns; anything else in the row is left to be reported."""
        first = cells[0]
        if spec.pointer != "/indicators" or first.type != "s" or "/score" not in columns.values():
            return False
        if L.normalise(str(first.value))[0] not in ("总分", "合计"):
            return False
        self.used.add((first.row, first.column))
        for key in ("points", "score"):
            self.cur.seen.setdefault(f"{TOTAL}/{key}", "")  # blank unless a cell says otherwise
        for c in cells[1:]:
            key = {"/points": "points", "/score": "score"}.get(columns.get(c.column, ""))
            if key:
                self.used.add((c.row, c.column))
                self._set(f"{TOTAL}/{key}", c, first)
        return True

    def _funds(self, head: dict, head_cells: list[RawCell], rows: list[int], i: int) -> int:
        """A self-evaluation's funds table: the heading as printed left of the column heads, then a row
        per line of funds, found by its name (年度资金总额, 其中：当年财政拨款 …; the first row is the
        total) — or, on a sheet perflint exported, by the names it recorded."""
        label_col = min(head) - 1
        heading = next((c for c in reversed(head_cells) if c.column <= label_col and c.type == "s"), None)
        for c in head_cells:
            if c.column in head or c is heading:
                self.used.add((c.row, c.column))
        if heading is not None:
            self._set(f"{FUNDS}/heading", heading, heading)
            unit = L.normalise(str(heading.value))[1]
            if unit and not self.exported and unit in ("元", "万元"):
                put(self.cur.data, f"{FUNDS}/unit", unit)  # 项目资金（万元）: the unit of the table
                self.cur.sources[f"{FUNDS}/unit"] = heading.address
        names = {k: list(v) for k, v in self.row_names.items()}
        first = True
        while i < len(rows):
            r = rows[i]
            cells = [c for c in self.sheet.row(r) if not c.blank and (r, c.column) not in self.used]
            label = self.sheet.cells.get((r, label_col)) if label_col >= 1 else None
            label = label if label is not None and not label.blank and (r, label_col) not in self.used else None
            values = {head[c.column]: c for c in cells if c.column in head}
            if not cells or (label is None and not values):
                break
            text = str(label.value) if label is not None else ""
            norm = L.normalise(text)[0]
            row = None
            if names.get(text):
                row = names[text].pop(0)
            elif text and L.fund_row(text) is not None:
                key = L.fund_row(text)
                row = FUNDS if key == "" else f"{FUNDS}/sources/{key}"
            elif first and label is not None:
                row = FUNDS
            elif L.resolve(norm, self.context) or L.is_heading(norm) or L.TITLE.search(norm) or label is None:
                break  # the next part of the form
            first = False
            i += 1
            if row is None:
                continue  # a row of no known source: its cells are reported as not placed
            if label is not None:
                self.used.add((label.row, label.column))
                self._set(f"{row}/label", label, label)
            for key in head.values():
                cell = values.get(key)
                if cell is None:
                    self.cur.seen[f"{row}/{key}"] = ""  # a blank cell: what export recorded tells null from absent
                    continue
                self.used.add((cell.row, cell.column))
                self._set(f"{row}/{key}", cell, cell)
        return i

    def _ends_table(self, cells: list[RawCell]) -> bool:
        first = cells[0]
        if first.type != "s":
            return False
        norm = L.normalise(str(first.value))[0]
        if L.is_total(norm):
            self.used.update((first.row, x.column) for x in cells)  # computed: perflint adds it up itself
            return True
        return (L.resolve(norm, self.context) is not None or L.is_heading(norm) or bool(L.TITLE.search(norm))
                or _head_row(cells, self.context) is not None)

    def _leftovers(self) -> None:
        starts = [(d.first_row, d) for d in self.docs]
        for (r, col), cell in sorted(self.sheet.cells.items()):
            if cell.blank or (r, col) in self.used:
                continue
            doc = next((d for start, d in reversed(starts) if start <= r), self.docs[0])
            why = "under no label" if cell.type != "f" else "a formula under no label"
            doc.unplaced.append((cell.address, f"{short(cell.value)} ({why})"))


_SAME_LABEL = object()


def _report_sheet(sheet: Sheet) -> bool:
    """A summary, findings or rules sheet of `--format xlsx`, recognised by its header row."""
    from perflint.output.xlsx import _TEXT

    heads = tuple(str(c.value) for c in sheet.row(1)) if sheet.cells else ()
    return any(heads == t[k] for t in _TEXT.values() for k in ("summary_heads", "finding_heads", "rule_heads"))


def _inherit(here: dict, last: dict, merged: list[str]) -> dict:
    """The blank merged cells of a row and the cells above they repeat: a level repeats only while
    the levels before it do (a new 一级 starts its own 二级)."""
    out = {}
    for path in merged:
        if path in here:
            break
        if path in last:
            out[path] = last[path]
    return out


def _letter(column: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(column)


def _column_of(columns: dict, path: str) -> int:
    return next(c for c, p in columns.items() if p == path)


def _is_label(cell: RawCell, context) -> bool:
    if cell.type != "s":
        return False
    norm = L.normalise(str(cell.value))[0]
    return L.resolve(norm, context) is not None or L.is_heading(norm) or L.is_total(norm)


FUNDS = "/selfeval/execution"
TOTAL = "/selfeval/total"


def _funds_row(cells: list[RawCell]) -> dict | None:
    """column → key when the row heads a funds table (年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分)."""
    heads = {}
    for c in cells:
        if c.type == "s":
            key = L.FUND_HEADS.get(L.normalise(str(c.value))[0])
            if key:
                heads[c.column] = key
    keys = set(heads.values())
    return heads if len(heads) >= 3 and keys & {"full_year", "executed"} else None


def _head_row(cells: list[RawCell], context):
    """(table spec, column → path, column → header field pointer) when the row heads a table."""
    texts = {c.column: L.normalise(str(c.value))[0] for c in cells if c.type == "s"}
    for spec in L.tables():
        columns = {col: spec.heads[t] for col, t in texts.items() if t in spec.heads}
        if spec.key in columns.values() and len(columns) >= 2:
            groups = {}
            for col, t in texts.items():
                if col not in columns:
                    pointer = L.resolve(t, context)
                    if pointer is not None and not pointer.startswith(spec.pointer + "/"):
                        groups[col] = pointer
            return spec, columns, groups
    return None



# -- the record export kept, and what a form says without a cell ----------------------------------

def _records(sheet: Sheet | None) -> dict[str, list[tuple[str, str | None, object]]]:
    out: dict[str, list] = {}
    if sheet is None or sheet.refused:
        return out
    for r in sheet.rows():
        row = {c.column: c for c in sheet.row(r)}
        name, pointer, shown, value = (row.get(i) for i in (1, 2, 3, 4))
        if not (name and pointer and value) or any(c.type not in ("s",) for c in (name, pointer, value)):
            continue
        if shown is not None and shown.type != "s":
            continue
        try:
            decoded = manifest.decode(str(value.value))
            seen = None if shown is None else json.loads(str(shown.value))
        except (ValueError, TypeError, RecursionError):
            continue
        if seen is not None and not isinstance(seen, str):
            continue
        out.setdefault(str(name.value), []).append((str(pointer.value), seen, decoded))
    return out


def _apply(doc: Imported, records) -> None:
    """Where a cell still holds what export wrote, the value it stood for, exactly; and the fields
    a form has no cell for (kind, schema_version, era) as the exported file had them."""
    for pointer, shown, value in records:
        if not pointer.startswith("/"):
            continue
        if shown is None:
            if pointer in manifest.META:
                remove(doc.data, pointer) if value is manifest.ABSENT else put(doc.data, pointer, value)
            continue
        if doc.seen.get(pointer) != shown:
            continue  # edited since export: read as it now reads
        if value is manifest.ABSENT:
            remove(doc.data, pointer)
        else:
            try:
                put(doc.data, pointer, value)
            except Unplaceable:
                continue  # the sheet no longer has the shape the record describes


def _derive(doc: Imported) -> None:
    """What the form says without a cell of its own: the title and year lines, the unit in the
    labels, the kind of form; and the format version."""
    data = doc.data
    if doc.title is not None:
        title = str(doc.title.value).strip()
        doc.seen["/form_title"] = title
        doc.sources["/form_title"] = doc.title.address
        data.setdefault("form_title", title)
    for cell in (doc.year, doc.title):
        m = L.YEAR.search(str(cell.value)) if cell is not None else None
        if m:
            data.setdefault("fiscal_year", int(m.group(1)))
            doc.sources["/fiscal_year"] = cell.address
            break
    if doc.year is not None:
        doc.seen["/fiscal_year"] = str(doc.year.value)
    if doc.unit is not None:
        budget = data.setdefault("budget", {})
        if isinstance(budget, dict):
            budget.setdefault("unit", doc.unit)
            doc.seen["/budget/unit"] = doc.unit
    title = str(doc.title.value) if doc.title is not None else ""
    data.setdefault("kind", "self-evaluation" if "自评" in title or "selfeval" in data else "declaration")
    data.setdefault("schema_version", 1)
