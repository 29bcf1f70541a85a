"""How a value reads on a form: amounts with separators as the 2024 form prints them, 是/否, dates."""
from __future__ import annotations

import datetime
import json
from decimal import Decimal

MISSING = type("Missing", (), {"__repr__": lambda self: "MISSING", "__bool__": lambda self: False})()
"""A key the document does not have (``None`` is a key that is present and blank)."""

YES, NO = "是", "否"


def display(value, kind: str = "text", sep: str = "、") -> str:
    """The text a reader sees in the cell; "" for a missing or blank value."""
    if value is MISSING or value is None:
        return ""
    if isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, (int, Decimal)) and kind in ("money",):
        return _amount(value)
    if isinstance(value, (int, float, Decimal)):
        return str(value)
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return sep.join(value)
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def _amount(value) -> str:
    try:
        return f"{value:,}"
    except (ValueError, ArithmeticError):  # a Decimal too long for the context
        return str(value)
