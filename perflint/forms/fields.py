"""Every field the format knows, read from the JSON Schema: its kind (how a form shows it and how a
spreadsheet cell reads back) and its Chinese title. A field added to the schema appears in the form
view, the workbook and import without code here.

Patterns use ``*`` for a list index: ``/indicators/*/target``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from perflint.engine.schema_check import schema

# Kinds: text, textnum (text or a number, as written), int, number, bool, money, date, list (a text or
# a list of texts), table (a list of rows), object (fields of its own), free (a mapping the schema does
# not describe).
_INDEX = re.compile(r"/\d+(?=/|$)")


@dataclass(frozen=True)
class FieldInfo:
    pattern: str
    kind: str
    title: str
    order: int  # position in the schema: the key order of a written document
    enum: tuple = ()


def _types(node) -> set[str]:
    t = node.get("type")
    return set(t) if isinstance(t, list) else {t} if t else set()


def _kind(node, types: set[str]) -> str:
    if types & {"string"} and types & {"number", "integer"}:
        return "textnum"
    if "array" in types and "string" in types:
        return "list"
    for t, kind in (("string", "text"), ("boolean", "bool"), ("integer", "int"), ("number", "number")):
        if t in types:
            return kind
    return "text" if "enum" in node or "const" in node else "free"


@lru_cache(maxsize=1)
def catalogue() -> dict[str, FieldInfo]:
    """pattern → FieldInfo for every field, tables and objects included, in schema order."""
    root = schema()
    defs = root.get("$defs", {})
    out: dict[str, FieldInfo] = {}

    def walk(node: dict, pattern: str, title: str | None):
        ref = node.get("$ref", "")
        if ref.startswith("#/$defs/"):
            name = ref.rsplit("/", 1)[1]
            if name in ("money", "date"):
                out[pattern] = FieldInfo(pattern, name, title or node.get("title") or pattern, len(out))
                return
            node = {**defs.get(name, {}), **{k: v for k, v in node.items() if k != "$ref"}}
        title = node.get("title") or title or pattern.rsplit("/", 1)[-1]
        types = _types(node)
        enum = tuple(node.get("enum", ()))
        if "properties" in node:
            out[pattern] = FieldInfo(pattern, "object", title, len(out))
            for key, child in node["properties"].items():
                walk(child, f"{pattern}/{key}", None)
        elif "array" in types and isinstance(node.get("items"), dict) and (
                "properties" in node["items"] or node["items"].get("$ref", "") not in ("", "#/$defs/money", "#/$defs/date")):
            out[pattern] = FieldInfo(pattern, "table", title, len(out))
            walk(node["items"], f"{pattern}/*", None)
        else:
            out[pattern] = FieldInfo(pattern, _kind(node, types), title, len(out), enum)

    for key, child in root.get("properties", {}).items():
        walk(child, f"/{key}", None)
    return out


def pattern_of(pointer: str) -> str:
    return _INDEX.sub("/*", pointer)


def info(pointer: str) -> FieldInfo | None:
    return catalogue().get(pattern_of(pointer))


def kind_of(pointer: str) -> str:
    """The field's kind; a field the schema does not know is read as it is written."""
    found = info(pointer)
    return found.kind if found else "free"


def children(pattern: str) -> list[FieldInfo]:
    """The direct fields of an object or of a table's rows, in schema order."""
    prefix = pattern + "/"
    return [f for p, f in catalogue().items() if p.startswith(prefix) and "/" not in p[len(prefix):]]


def order_key(pointer_key_parent: str, key: str) -> tuple[int, str]:
    """Sort key of ``key`` inside the mapping at ``pointer_key_parent``: schema order, unknown keys last."""
    found = catalogue().get(pattern_of(f"{pointer_key_parent}/{key}"))
    return (found.order, "") if found else (1 << 30, key)
