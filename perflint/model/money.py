"""Money in 元 and 万元 → exact Decimal 元. Ambiguous text is reported, never guessed."""
from __future__ import annotations

import operator
import re
from dataclasses import dataclass
from decimal import MAX_EMAX, MIN_EMIN, Decimal, InvalidOperation, localcontext

from perflint.model import vocabulary as V

FACTORS = V.MONEY_FACTORS
_NUMBER = r"[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[-+]?\d+(?:\.\d+)?"
_UNITS = "|".join(sorted(list(FACTORS) + list(V.NUMBER_MULTIPLIERS), key=len, reverse=True))
# An amount as a form prints it: 7505576, 41,098,620, 250万, 6491700.00元, and a breakdown in brackets after
# it: 854万(高标准农田建设400万元,示范建设295万元,畅通工程159万元).
_AMOUNT = re.compile(rf"^\s*({_NUMBER})\s*({_UNITS})?\s*(?:[（(](?P<parts>[^（）()]*)[)）])?\s*$")
_PART = re.compile(rf"({_NUMBER})\s*({_UNITS})")


@dataclass(frozen=True)
class Amount:
    value: Decimal | None  # in 元; None when blank or unreadable
    problem: str | None  # None, "text" (a plain number written as text) or "invalid"
    parts: tuple[Decimal, ...] = ()  # a breakdown printed in brackets after the amount, in 元


def exact(op, a: Decimal, b: Decimal) -> Decimal:
    """``op(a, b)`` with enough precision to be exact for amounts of any length (the default decimal
    context rounds to 28 significant digits); scaling by 元/万元 factors is always exact."""
    digits = len(a.as_tuple().digits) + len(b.as_tuple().digits) + 2
    if digits <= 28 and -99 < a.adjusted() < 99 and -99 < b.adjusted() < 99:
        return op(a, b)  # the default context is exact here: no need to switch contexts
    with localcontext() as ctx:
        ctx.prec, ctx.Emax, ctx.Emin = max(28, digits), MAX_EMAX, MIN_EMIN
        return op(a, b)


def read_amount(value, unit: str = "元") -> Amount:
    """An amount in 元. A number is in the table's ``unit``; a text may carry its own unit (250万 is 250 万元).
    A text that repeats the table's unit (250万 in a 万元 table) has no problem; a text that is only a
    number, has thousands separators or another unit is "text"; a blank cell is no amount; anything
    else is "invalid"."""
    if value is None or isinstance(value, bool):
        return Amount(None, None if value is None else "invalid")
    factor = FACTORS.get(unit or "元", Decimal(1))
    if isinstance(value, (int, Decimal)):
        return Amount(exact(operator.mul, Decimal(value), factor), None)
    if isinstance(value, float):  # never produced by the loader; tolerate API users
        return Amount(exact(operator.mul, Decimal(str(value)), factor), None)
    text = str(value).translate(_FULLWIDTH).strip()
    if text in V.BLANK_MARKS:
        return Amount(None, None)
    m = _AMOUNT.match(text)
    if not m:
        return Amount(None, "invalid")
    number = _decimal(m.group(1))
    if number is None:
        return Amount(None, "invalid")
    written = m.group(2)
    parts = tuple(p for p in (_part(n, u) for n, u in _PART.findall(m.group("parts") or "")) if p is not None)
    # 250万 in a 万元 table says what the table says; 4109.86万元 in a 元 table, or a plain number as text, is
    # text to rewrite as the table's plain number.
    same_unit = written is not None and _factor(written, unit) == factor
    problem = None if same_unit and "," not in m.group(1) else "text"
    return Amount(exact(operator.mul, number, _factor(written, unit)), problem, parts)


def parse_amount(value, unit: str = "元") -> tuple[Decimal | None, str | None]:
    """(amount in 元, problem): problem is None, "text" (written as text) or "invalid"."""
    amount = read_amount(value, unit)
    return amount.value, amount.problem


def _factor(written: str | None, unit: str | None) -> Decimal:
    if written in V.NUMBER_MULTIPLIERS:  # 250万: 万元
        return V.NUMBER_MULTIPLIERS[written]
    return FACTORS[written or unit or "元"]


def _part(number: str, written: str) -> Decimal | None:
    value = _decimal(number)
    return None if value is None else exact(operator.mul, value, _factor(written, None))


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None


def format_yuan(amount: Decimal) -> str:
    try:
        q = amount.quantize(Decimal("0.01"))
    except InvalidOperation:  # more digits than the decimal context holds
        return f"{amount:,}"
    text = f"{q:,.2f}"
    return text[:-3] if text.endswith(".00") else text


_FULLWIDTH = str.maketrans("０１２３４５６７８９，．", "0123456789,.")
