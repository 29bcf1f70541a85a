"""What `perflint export` records beside the form, on a hidden sheet named ``perflint``: for each
cell whose value reading it back by its field's kind would not give exactly (a null or a blank
text where a blank cell reads as no key, a list of one, 是 in a text field), the field's JSON
Pointer, what the cell held and the exact value it stood for. Import uses a record only while the
cell still holds what export wrote; an edited cell is read as it now reads. Records never add a
value no cell shows, except the few fields a printed form has no cell for (kind, schema_version,
era).

The sheet is data like any other: a forged one can only choose between readings of what the
visible cells already say.
"""
from __future__ import annotations

import datetime
import json
from decimal import Decimal, InvalidOperation

from perflint.excel.cells import put, written
from perflint.forms.form import Form
from perflint.forms.values import MISSING

SHEET = "perflint"
HEADS = ("sheet", "pointer", "cell", "value")
NOTE = "perflint export：记录每个单元格原来的数据类型，用于导入时还原；请勿编辑。/ Records what each cell stood for; do not edit."
META = ("/kind", "/schema_version", "/era")


class Absent:
    def __repr__(self) -> str:
        return "ABSENT"


ABSENT = Absent()


def encode(value) -> str:
    return json.dumps(_enc(value), ensure_ascii=False)


def _enc(value):
    if value is MISSING:
        return {"$absent": True}
    if isinstance(value, Decimal):
        return {"$decimal": str(value)}
    if isinstance(value, datetime.datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, datetime.date):
        return {"$date": value.isoformat()}
    if isinstance(value, dict):
        return {"$map": {str(k): _enc(v) for k, v in value.items()}}
    if isinstance(value, list):
        return [_enc(v) for v in value]
    if value is None or isinstance(value, (str, int, bool)):
        return value
    return str(value)


def decode(text: str):
    """The value a record holds; ValueError for anything that is not a record perflint writes."""
    return _dec(json.loads(text))


def _dec(node):
    if isinstance(node, dict):
        if node == {"$absent": True}:
            return ABSENT
        if set(node) == {"$decimal"} and isinstance(node["$decimal"], str):
            try:
                return Decimal(node["$decimal"])
            except InvalidOperation:
                raise ValueError("bad decimal") from None
        if set(node) == {"$datetime"} and isinstance(node["$datetime"], str):
            return datetime.datetime.fromisoformat(node["$datetime"])
        if set(node) == {"$date"} and isinstance(node["$date"], str):
            return datetime.date.fromisoformat(node["$date"])
        if set(node) == {"$map"} and isinstance(node["$map"], dict):
            return {k: _dec(v) for k, v in node["$map"].items()}
        raise ValueError("unknown record")
    if isinstance(node, list):
        return [_dec(v) for v in node]
    if isinstance(node, float):
        raise ValueError("floats are recorded as decimals")
    return node


def records(form: Form, data: dict) -> list[tuple[str, str | None, object]]:
    """(pointer, what its cell holds or None when no cell shows it, value) for a drawn form: only
    where reading the cell by its field's kind would not give the value back exactly (a null, a
    blank text, a list of one, 是 in a text field …), so that most forms need a handful."""
    out = []
    for pointer, cell in form.cells.items():
        if pointer == "" or cell.role not in ("value", "title", "year") or cell.pointer != pointer:
            continue
        if cell.role == "value" and (cell.placeholder or cell.names_row):
            # the name of a row of funds (or the default shown for it): import finds the row by it
            out.append((pointer, written(cell.text) if cell.placeholder else written(cell.value), cell.value))
        elif cell.role == "value":
            if not reads_back(cell.value, cell.kind):
                out.append((pointer, written(cell.value), cell.value))
        elif cell.value is MISSING and cell.role == "title":
            out.append((pointer, cell.text, cell.value))  # the form's default title: no form_title
    for pointer in META:
        out.append((pointer, None, data.get(pointer[1:], MISSING)))
    if form.unit is not None and "/budget/unit" not in form.cells:
        out.append(("/budget/unit", form.unit, form.unit))  # printed in the labels: 项目总预算（元）
    for table in _tables(form):
        rows = data
        for tok in table.strip("/").split("/"):
            rows = rows.get(tok, MISSING) if isinstance(rows, dict) else MISSING
        if rows is MISSING or (isinstance(rows, list) and not any(isinstance(r, dict) for r in rows)):
            out.append((table, "", rows))
    return out


def reads_back(value, kind: str) -> bool:
    """Whether import, reading the cell export writes for ``value`` by the field's ``kind``, gets
    ``value`` back exactly (type and digits included)."""
    from perflint.excel.cells import MAX_DIGITS
    from perflint.excel.reading import SKIP, convert
    from perflint.excel.workbook import RawCell

    if value is MISSING:
        return True  # a blank cell reads as no key
    if value is None or isinstance(value, (bool, dict)) or (isinstance(value, list) and len(value) < 2):
        return False
    if isinstance(value, str) and (not value.strip() or value.startswith("/")):
        return False  # a blank cell, or text that could be taken for a label
    if isinstance(value, (int, Decimal)) and len(str(abs(value)).replace(".", "")) > MAX_DIGITS:
        return False
    if isinstance(value, Decimal):
        places = max(0, -value.as_tuple().exponent)
        raw = RawCell(float(value), "n", "#,##0" + ("." + "0" * places if places else ""), 1, 1)
    elif isinstance(value, int):
        raw = RawCell(value, "n", "#,##0", 1, 1)
    elif isinstance(value, datetime.datetime):
        return False
    elif isinstance(value, datetime.date):
        raw = RawCell(datetime.datetime(value.year, value.month, value.day), "d", "yyyy-mm-dd", 1, 1)
    elif isinstance(value, list):
        if not all(isinstance(v, str) and v.strip() == v and v and "\n" not in v for v in value):
            return False
        raw = RawCell("\n".join(value), "s", "General", 1, 1)
    elif isinstance(value, str):
        raw = RawCell(written(value), "s", "General", 1, 1)
    else:
        return False
    back, _note = convert(raw, kind)
    if back is SKIP or type(back) is not type(value):
        return False
    return str(back) == str(value) if isinstance(value, Decimal) else back == value


def _tables(form: Form) -> list[str]:
    from perflint.forms.layouts import tables_of

    return [t.pointer for t in tables_of(form.layout)]


def write(wb, sheet_name: str, entries) -> None:
    """The records of one sheet (one form per workbook: export writes one), on a write-only sheet."""
    from openpyxl.cell import WriteOnlyCell

    ws = wb.create_sheet(SHEET)
    ws.sheet_state = "hidden"

    def row(*values, strict=False):
        cells = []
        for value in values:
            cell = WriteOnlyCell(ws)
            if value is not None:
                put(cell, value, strict=strict)
            cells.append(cell)
        ws.append(cells)

    row(NOTE)
    row(*HEADS)
    for pointer, shown, value in entries:
        # the cell's content as JSON, so that a blank cell ("") is told from no cell (None)
        row(sheet_name, pointer, None if shown is None else json.dumps(shown, ensure_ascii=False), encode(value),
            strict=True)
