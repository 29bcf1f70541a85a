"""A cell's content as the value it stands for, read by the kind of field it is under (fields.py):
a text field keeps its text as shown (0.95 formatted 0% reads 95%), an amount the decimals its cell
shows, a date cell a date. Formulas are never evaluated."""
from __future__ import annotations

import datetime
import re
from decimal import Decimal

from perflint.excel.cells import MAX_DIGITS, to_decimal
from perflint.excel.workbook import RawCell
from perflint.forms.values import NO, YES

SKIP = object()
_TRUE = {YES, "true", "TRUE", "True", "y", "Y", "yes", "Yes", "√", "是的"}
_FALSE = {NO, "false", "FALSE", "False", "n", "N", "no", "No", "×"}
_PERCENT = re.compile(r"0(?:\.(0+))?%")
_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")


def convert(cell: RawCell, kind: str):
    """(the value a cell stands for, a note on how it was read), or (SKIP, why) when it cannot be."""
    value, t = cell.value, cell.type
    if t == "e":
        return SKIP, "an error value"
    if t == "f":
        if kind in ("money", "number", "int", "textnum"):
            if isinstance(cell.cached, (int, float)) and not isinstance(cell.cached, bool):
                number = to_decimal(cell.cached, cell.number_format)
                if number is not None:
                    return number, f"a formula {short(value)}: its value as last saved ({cell.cached}) imported"
            return SKIP, "a formula without a saved value"
        return str(value), "a formula: its text is imported as written"
    if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
        return SKIP, "not a finite number"
    if kind in ("text", "list"):
        return _as_text(cell, kind), None
    if kind == "bool":
        if isinstance(value, bool):
            return value, None
        text = _as_text(cell, "text")
        if text.strip() in _TRUE:
            return True, None
        if text.strip() in _FALSE:
            return False, None
        return text, None
    if kind == "date":
        if isinstance(value, datetime.datetime):
            return (value.date() if value.time() == datetime.time(0) and value.tzinfo is None else value), None
        if isinstance(value, datetime.date):
            return value, None
        return _as_text(cell, "text"), None
    if kind == "int":
        if isinstance(value, (int, float)) and not isinstance(value, bool) and float(value).is_integer():
            return int(value), None
        text = _as_text(cell, "text").strip().translate(_FULLWIDTH)
        # isascii: 2² and ① are digits to isdigit() but no int; past 15 digits no cell keeps it exactly
        whole = text.isascii() and text.isdigit() and len(text) <= MAX_DIGITS
        return (int(text) if whole else _as_text(cell, "text")), None
    if isinstance(value, bool):
        return value, None
    if isinstance(value, (int, float)):
        number = to_decimal(value, cell.number_format)
        return (number, None) if number is not None else (SKIP, "not a finite number")
    if isinstance(value, datetime.datetime):
        return (value.date() if value.time() == datetime.time(0) else value), None
    return str(value), None


def _as_text(cell: RawCell, kind: str):
    """A cell as the text it shows: 0.95 formatted 0% reads 95%, a whole number has no .0."""
    value = cell.value
    if isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, (int, float)):
        m = _PERCENT.search(cell.number_format or "")
        if m:
            places = len(m.group(1) or "")
            return f"{Decimal(repr(value)) * 100:.{places}f}%"
        number = to_decimal(value, cell.number_format)
        return str(number) if number is not None else str(value)
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time(0) else value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    text = str(value)
    if kind == "list" and "\n" in text.strip():
        return [line for line in text.strip().split("\n") if line.strip()]
    return text


def short(value) -> str:
    """A cell's content for a message: at most 80 characters."""
    text = str(value)
    return text if len(text) <= 80 else text[:77] + "…"
