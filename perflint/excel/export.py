"""A declaration as a workbook in its era's form layout: what a department prints or submits, and
what `perflint import` reads back to the same data."""
from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from perflint.excel import manifest
from perflint.excel.cells import CellTooLong
from perflint.excel.sheet import draw, styles
from perflint.forms.form import build

SHEET_TITLES = {"declaration": "申报表", "self-evaluation": "自评表"}


class ExportError(ValueError):
    pass


def export_workbook(data: dict) -> tuple[bytes, list[tuple[str, str]]]:
    """(the .xlsx bytes, notes on values a cell cannot hold exactly, which are written as text)."""
    form = build(data)
    wb = Workbook(write_only=True)
    styles(wb)
    ws = wb.create_sheet(SHEET_TITLES.get(form.kind, "申报表"))
    try:
        drawn = draw(ws, form, strict=True)
        manifest.write(wb, ws.title, manifest.records(form, data))
    except CellTooLong as exc:
        raise ExportError(f"a text of {exc.args[0]} characters is longer than an Excel cell holds (32,767)") from None
    ws.print_area = f"A1:{get_column_letter(form.width)}{len(form.rows)}"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue(), drawn.notes
