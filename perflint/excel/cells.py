"""One cell at a time: a document's value into a cell that shows it and can never run, and a cell's
content back into the value it stands for.

Text is always a text cell (never a formula, whatever it starts with) with Excel's quote prefix, so
that editing it in Excel keeps it text too; control characters, which a workbook cannot hold, are
shown as their control pictures (␁).
"""
from __future__ import annotations

import datetime
import re
from decimal import Decimal, InvalidOperation

from perflint.forms.values import MISSING, NO, YES

MAX_TEXT = 32_767  # the characters one Excel cell holds
MAX_DIGITS = 15  # the significant digits an Excel number keeps
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_DATE_FORMAT = "yyyy-mm-dd"


class CellTooLong(ValueError):
    pass


def visible(text: str) -> str:
    return _CONTROL.sub(lambda m: chr(0x2400 + ord(m.group(0))), text)


def put(cell, value, kind: str = "text", strict: bool = False, reveal: bool = False) -> str | None:
    """Write ``value`` into ``cell``. Returns a note when the cell cannot hold the value exactly
    (too many digits, a date with a time zone): the value is then written as text. ``strict``
    raises CellTooLong for text longer than a cell holds instead of cutting it. ``reveal`` (for
    reports) shows bidi controls and separators as escapes (output/escape.py), line breaks kept."""
    note = None
    if reveal and isinstance(value, str):
        from perflint.output.escape import visible as escaped

        value = "\n".join(escaped(line) for line in value.split("\n"))
    if value is MISSING or value is None:
        return None
    if isinstance(value, bool):
        return _text(cell, YES if value else NO, strict)
    if isinstance(value, int):
        if abs(value) >= 10 ** MAX_DIGITS:
            return _text(cell, str(value), strict) or "digits"
        cell.value = value
        cell.number_format = "#,##0" if kind == "money" else "0"
        return None
    if isinstance(value, Decimal):
        if not value.is_finite() or len(value.as_tuple().digits) > MAX_DIGITS:
            return _text(cell, str(value), strict) or "digits"
        cell.value = float(value)
        places = max(0, -value.as_tuple().exponent)
        decimals = "." + "0" * places if places else ""
        cell.number_format = ("#,##0" if kind == "money" else "0") + decimals
        return None
    if isinstance(value, float):
        cell.value = value
        return None
    if isinstance(value, datetime.datetime):
        if value.tzinfo is not None:
            return _text(cell, value.isoformat(), strict) or "timezone"
        cell.value = value
        cell.number_format = "yyyy-mm-dd hh:mm:ss"
        return None
    if isinstance(value, datetime.date):
        cell.value = value
        cell.number_format = _DATE_FORMAT
        return None
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return _text(cell, "\n".join(value), strict)
    from perflint.forms.values import display

    return _text(cell, display(value), strict) or note


def _text(cell, text: str, strict: bool) -> str | None:
    text = visible(text)
    note = None
    if len(text) > MAX_TEXT:
        if strict:
            raise CellTooLong(len(text))
        text, note = text[: MAX_TEXT - 1] + "…", "cut"
    cell.value = text
    cell.data_type = "s"  # never a formula, whatever the text starts with
    cell.quotePrefix = True
    return note


def written(value) -> str:
    """What a cell holds after ``put(value)``, in the form ``read_back`` reports it: export records
    it so that import can tell an unchanged cell from an edited one."""
    if value is MISSING or value is None:
        return ""
    if isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, int):
        return f"n:{float(value)!r}" if abs(value) < 10 ** MAX_DIGITS else str(value)
    if isinstance(value, Decimal):
        if value.is_finite() and len(value.as_tuple().digits) <= MAX_DIGITS:
            return f"n:{float(value)!r}"
        return str(value)
    if isinstance(value, float):
        return f"n:{value!r}"
    if isinstance(value, datetime.datetime):
        return f"d:{value.isoformat()}" if value.tzinfo is None else value.isoformat()
    if isinstance(value, datetime.date):
        return f"d:{value.isoformat()}"
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return visible("\n".join(value))
    from perflint.forms.values import display

    return visible(display(value))


def read_back(value) -> str:
    """A cell's value as read from a workbook, in the form ``written`` records."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, (int, float)):
        return f"n:{float(value)!r}"
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time(0) and value.tzinfo is None:
            return f"d:{value.date().isoformat()}"
        return f"d:{value.isoformat()}"
    if isinstance(value, datetime.date):
        return f"d:{value.isoformat()}"
    return str(value)


def number_places(number_format: str) -> int | None:
    """Decimal places a number format shows (``#,##0.00`` → 2), None for a general format."""
    fmt = (number_format or "").split(";")[0]
    if not fmt or fmt.lower() == "general":
        return None
    m = re.search(r"0\.(0+)", fmt)
    return len(m.group(1)) if m else 0


def to_decimal(number, number_format: str) -> int | Decimal | None:
    """A number cell as an exact amount: the decimals its format shows (683890 in ``#,##0.00`` is
    683890.00), an int when it shows none and the number is whole."""
    if isinstance(number, bool) or not isinstance(number, (int, float)):
        return None
    if isinstance(number, float) and (number != number or number in (float("inf"), float("-inf"))):
        return None
    places = number_places(number_format)
    if isinstance(number, int):
        return number if not places else Decimal(number).quantize(Decimal(1).scaleb(-places))
    try:
        exact = Decimal(repr(number))
    except InvalidOperation:
        return None
    if places is None:
        return int(exact) if exact == exact.to_integral_value() else exact
    if places == 0 and exact == exact.to_integral_value():
        return int(exact)
    return exact.quantize(Decimal(1).scaleb(-places)) if places else exact
