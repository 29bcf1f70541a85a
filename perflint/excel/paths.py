"""Placing a value at a JSON Pointer in the plain data being imported: creating the mappings and
lists on the way, never growing a list past its end, never replacing a mapping or list with a value
or the other way round — what cannot be placed raises Unplaceable and is reported."""
from __future__ import annotations

from perflint.forms import fields as F
from perflint.loading.sourcemap import split


class Unplaceable(ValueError):
    pass


def put(data: dict, pointer: str, value, insert: bool = False) -> None:
    """Set ``pointer`` in ``data``, creating the mappings and lists on the way. A list grows only at
    its end; a value never replaces a mapping or a list, nor one of them a value (Unplaceable).
    ``insert`` puts a list entry before the one at its index (a table row that is no mapping,
    which export shows by its pointer after the table)."""
    tokens = split(pointer)
    if not tokens:
        raise Unplaceable("no field")
    _check_path(data, tokens)
    node = data
    for n, tok in enumerate(tokens[:-1]):
        index_next = tokens[n + 1].isdigit() and F.kind_of("/" + "/".join(tokens[: n + 1])) in ("table", "free", "list")
        if isinstance(node, list):
            node = _child_of_list(node, tok, index_next)
            continue
        child = node.get(tok)
        if child is None:
            child = node[tok] = [] if index_next else {}
        elif not isinstance(child, (dict, list)):
            raise Unplaceable(f"{'/'.join(tokens[: n + 1])} already holds a value")
        node = child
    last = tokens[-1]
    if isinstance(node, list):
        if not last.isdigit() or int(last) > len(node):
            raise Unplaceable("beyond the end of its table")
        i = int(last)
        if i == len(node) or insert:
            node.insert(i, value)
        else:
            node[i] = value
    else:
        if isinstance(node.get(last), (dict, list)) and not isinstance(value, type(node[last])):
            raise Unplaceable(f"{pointer} already holds a table or group of fields")
        node[last] = value


def _check_path(data: dict, tokens: list[str]) -> None:
    """Raise Unplaceable before anything is created when the path cannot be placed: every list index
    must name an entry or the end, and a new list starts at 0."""
    node = data
    for n, tok in enumerate(tokens):
        if node is None:  # created fresh from here on
            index_next = n > 0 and F.kind_of("/" + "/".join(tokens[:n])) in ("table", "free", "list")
            if index_next and tokens[n].isdigit() and tokens[n] != "0":
                raise Unplaceable("beyond the end of its table")
            continue
        if isinstance(node, list):
            if not tok.isdigit() or int(tok) > len(node):
                raise Unplaceable("beyond the end of its table")
            node = node[int(tok)] if int(tok) < len(node) else None
        elif isinstance(node, dict):
            node = node.get(tok)
        elif n < len(tokens):
            raise Unplaceable(f"{'/'.join(tokens[:n])} already holds a value")


def _child_of_list(node: list, tok: str, index_next: bool):
    if not tok.isdigit() or int(tok) > len(node):
        raise Unplaceable("beyond the end of its table")
    i = int(tok)
    if i == len(node):
        node.append([] if index_next else {})
    if not isinstance(node[i], (dict, list)):
        raise Unplaceable("a table row that is no mapping")
    return node[i]


def remove(data: dict, pointer: str) -> None:
    tokens = split(pointer)
    node = data
    for tok in tokens[:-1]:
        if isinstance(node, dict):
            node = node.get(tok)
        elif isinstance(node, list) and tok.isdigit() and int(tok) < len(node):
            node = node[int(tok)]
        else:
            return
    if isinstance(node, dict):
        node.pop(tokens[-1], None)


