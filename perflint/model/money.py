"""Money in 元 and 万元 → exact Decimal 元. Ambiguous text is reported, never guessed."""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from perflint.model import vocabulary as V

FACTORS = V.MONEY_FACTORS
_AMOUNT = re.compile(r"^\s*([-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[-+]?\d+(?:\.\d+)?)\s*(元|万元|亿元|千元)?\s*$")


def parse_amount(value, unit: str = "元") -> tuple[Decimal | None, str | None]:
    """(amount in 元, problem): problem is None, "text" (written as text) or "invalid"."""
    if value is None or isinstance(value, bool):
        return None, None if value is None else "invalid"
    factor = FACTORS.get(unit or "元", Decimal(1))
    if isinstance(value, (int, Decimal)):
        return Decimal(value) * factor, None
    if isinstance(value, float):  # never produced by the loader; tolerate API users
        return Decimal(str(value)) * factor, None
    m = _AMOUNT.match(str(value).translate(_FULLWIDTH))
    if not m:
        return None, "invalid"
    try:
        number = Decimal(m.group(1).replace(",", ""))
    except InvalidOperation:
        return None, "invalid"
    written_unit = m.group(2)
    return number * FACTORS[written_unit or unit or "元"], "text"


def format_yuan(amount: Decimal) -> str:
    try:
        q = amount.quantize(Decimal("0.01"))
    except InvalidOperation:  # more digits than the decimal context holds
        return f"{amount:,}"
    text = f"{q:,.2f}"
    return text[:-3] if text.endswith(".00") else text


_FULLWIDTH = str.maketrans("０１２３４５６７８９，．", "0123456789,.")
