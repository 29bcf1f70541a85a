"""Apply fixes by replacing the exact characters of each scalar.

Every byte outside the replaced scalars stays as it was (comments, quoting, indentation, line
width), which a YAML dump — even a round-trip one — cannot promise. The result is parsed again and
must equal the original data with only the fixed values changed; otherwise nothing is written.
"""
from __future__ import annotations

import copy
import json
import re
from decimal import Decimal

from perflint.loading.loader import _IMPLICIT, load
from perflint.loading.sourcemap import set_at

_PLAIN_UNSAFE_START = set("-?:,[]{}#&*!|>'\"%@`")
_PROPERTIES = re.compile(r"(?:[&!]\S*\s+)*")  # `&anchor` and `!tag` that a node's marks include


class FixError(Exception):
    pass


def render_scalar(text, style: str | None) -> str:
    """A fix as a YAML scalar: a number plain; text in the original quoting style where that keeps it text."""
    if not isinstance(text, str):
        return format(text, "f") if isinstance(text, Decimal) else str(text)
    if style == "'":
        return "'" + text.replace("'", "''") + "'"
    if style == '"' or not _plain_safe(text):
        return json.dumps(text, ensure_ascii=False)
    return text


def _plain_safe(text: str) -> bool:
    if not text or text != text.strip() or text[0] in _PLAIN_UNSAFE_START or ": " in text or " #" in text:
        return False
    if "\n" in text:
        return False
    return not any(regexp.match(text) for _tag, regexp in _IMPLICIT.get(text[:1], ()))


def apply(path: str, text: str, fixes: list[tuple[str, str]]) -> str:
    """The new text of a file after replacing the scalar at each pointer with its fix."""
    if text.startswith("\ufeff"):  # marks index the text after the byte-order mark
        return "\ufeff" + apply(path, text[1:], fixes)
    doc = load(path, text.encode("utf-8"))
    if doc.data is None:
        raise FixError("the file does not parse")
    edits = []
    expected = copy.deepcopy(doc.data)
    for pointer, new in dict(fixes).items():
        node = doc.source_map.node(pointer)
        if node is None or not hasattr(node.value, "lower"):
            raise FixError(f"{pointer} is not a scalar")
        rendered = render_scalar(new, node.style or None)
        start, end = node.start_mark.index, node.end_mark.index
        start += _PROPERTIES.match(text, start, end).end() - start  # keep an anchor or tag before the value
        edits.append((start, end, rendered))
        set_at(expected, pointer, _as_loaded(rendered))
    out = text
    # an aliased scalar is one node reached by several pointers: edit its characters once
    for start, end, replacement in sorted(set(edits), reverse=True):
        out = out[:start] + replacement + out[end:]
    again = load(path, out.encode("utf-8"))
    if again.data != expected:
        raise FixError("the fixed file would not read back as intended; nothing was written")
    return out


def _as_loaded(scalar: str):
    """What the loader makes of a scalar's text: the value the fixed file must read back."""
    return load("fix.yaml", f"v: {scalar}\n".encode()).data["v"]
