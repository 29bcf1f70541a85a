"""Apply fixes by replacing the exact characters of each scalar.

Every byte outside the replaced scalars stays as it was (comments, quoting, indentation, line
width, the final newline), which a YAML dump — even a round-trip one — cannot promise. The result
is parsed again and must equal the original data with only the fixed values changed. A fix that
cannot be made so is left out and reported; it never blocks the other fixes of the file.
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
_HEADER_COMMENT = re.compile(r"\s+#.*$")
_BLOCK_UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]")


class FixError(Exception):
    pass


def render_scalar(text, style: str | None) -> str:
    """A fix as a YAML scalar: a number plain; text in the original quoting style where that keeps it text."""
    if not isinstance(text, str):
        return format(text, "f") if isinstance(text, Decimal) else str(text)
    if style == "'" and "\n" not in text:
        return "'" + text.replace("'", "''") + "'"
    if style == '"' or not _plain_safe(text):
        return json.dumps(text, ensure_ascii=False)
    return text


def _plain_safe(text: str) -> bool:
    if not text or text != text.strip() or text[0] in _PLAIN_UNSAFE_START or ": " in text or " #" in text:
        return False
    if "\n" in text or _BLOCK_UNSAFE.search(text):
        return False
    return not any(regexp.match(text) for _tag, regexp in _IMPLICIT.get(text[:1], ()))


def _block_edit(text: str, start: int, end: int, style: str, old: str, new) -> tuple[int, int, str]:
    """Replace a block scalar (`|`, `>`): its header and content lines, never the line breaks and
    blank lines after it (the next line, a comment maybe, stays on its own line; a file ending in
    the scalar keeps its final newline). Text stays a literal block at the same indentation where
    YAML can carry it so; anything else becomes a flow scalar in its place."""
    span = text[start:end]
    newline = span.find("\n")
    header, body = (span, "") if newline < 0 else (span[:newline], span[newline + 1:])
    comment = _HEADER_COMMENT.search(header)
    keep = f"  {comment.group().strip()}" if comment else ""
    content_end = start + (len(header) if not body.strip() else newline + 1 + len(body.rstrip()))
    first = next((ln for ln in body.split("\n") if ln.strip()), "")
    first_value = next((ln for ln in old.split("\n") if ln.strip()), "")
    # the block's indentation: the first content line's, less the spaces that belong to the value
    indent = (len(first) - len(first.lstrip(" "))) - (len(first_value) - len(first_value.lstrip(" ")))
    breaks_after = text.startswith("\n", content_end)  # clip chomping keeps one line break only if there is one
    written = (header[:comment.start()] if comment else header).strip()
    digits = "".join(c for c in written if c.isdigit())  # an explicit indentation indicator stays valid
    if (isinstance(new, str) and indent and new.strip() and not new.endswith("\n\n") and (digits or not new[0].isspace())
            and not _BLOCK_UNSAFE.search(new) and (breaks_after or not new.endswith("\n"))):
        lines = new[:-1].split("\n") if new.endswith("\n") else new.split("\n")
        kind = style if style == "|" or len(lines) == 1 else "|"
        # at the end of the file, clip and strip read alike: keep what the author wrote
        head = kind + (written[1:] if not breaks_after else digits + ("" if new.endswith("\n") else "-")) + keep
        return start, content_end, head + "\n" + "\n".join(" " * indent + ln if ln else "" for ln in lines)
    return start, content_end, render_scalar(new, None) + keep


def _edit(text: str, node, new) -> tuple[tuple[int, int, str], object]:
    """(the edit, the value the edited scalar reads back as)."""
    start, end = node.start_mark.index, node.end_mark.index
    start += _PROPERTIES.match(text, start, end).end() - start  # keep an anchor or tag before the value
    if node.style in ("|", ">"):
        if isinstance(new, str) and node.value.endswith("\n") and not new.endswith("\n") and new.strip():
            new += "\n"  # rules read values stripped: the block keeps the line end its author gave it
        edit = _block_edit(text, start, end, node.style, node.value, new)
        return edit, new if edit[2][:1] in "|>" else _as_loaded(edit[2])
    edit = (start, end, render_scalar(new, node.style or None))
    return edit, _as_loaded(edit[2])


def _apply_all(path: str, text: str, fixes: dict) -> str:
    """All fixes at once, checked by reading the result back; FixError when any one fails."""
    doc = load(path, text.encode("utf-8"))
    if doc.data is None:
        raise FixError("the file does not parse")
    edits = []
    expected = copy.deepcopy(doc.data)
    for pointer, new in fixes.items():
        node = doc.source_map.node(pointer)
        if node is None or not hasattr(node.value, "lower"):
            raise FixError(f"{pointer} is not a scalar")
        edit, value = _edit(text, node, new)
        edits.append(edit)
        set_at(expected, pointer, value)
    out = text
    # an aliased scalar is one node reached by several pointers: edit its characters once
    for start, end, replacement in sorted(set(edits), reverse=True):
        out = out[:start] + replacement + out[end:]
    again = load(path, out.encode("utf-8"))
    if again.data != expected:
        raise FixError("the fixed file would not read back as intended")
    return out


def apply_fixes(path: str, text: str, fixes: list[tuple[str, object]]) -> tuple[str, list[tuple[str, str]]]:
    """(the new text, [(pointer, why) for each fix left out]). Every fix that can be made is made."""
    if text.startswith("\ufeff"):  # marks index the text after the byte-order mark
        out, skipped = apply_fixes(path, text[1:], fixes)
        return "\ufeff" + out, skipped
    wanted = dict(fixes)
    try:
        return _apply_all(path, text, wanted), []
    except FixError:
        pass
    skipped = []
    for pointer, new in wanted.items():  # one at a time: a fix that fails is left out, alone
        try:
            text = _apply_all(path, text, {pointer: new})
        except FixError as exc:
            skipped.append((pointer, str(exc)))
    return text, skipped


def apply(path: str, text: str, fixes: list[tuple[str, object]]) -> str:
    """The new text of a file after replacing the scalar at each pointer with its fix; FixError when
    any fix cannot be made."""
    out, skipped = apply_fixes(path, text, fixes)
    if skipped:
        raise FixError(f"{skipped[0][0]}: {skipped[0][1]}; nothing was written")
    return out


def _as_loaded(scalar: str):
    """What the loader makes of a flow scalar's text: the value the fixed file must read back."""
    return load("fix.yaml", f"v: {scalar}\n".encode()).data["v"]
