"""JSON Pointers: building, reading and writing them in plain data, and mapping them to source spans."""
from __future__ import annotations

from functools import lru_cache

from perflint.core.diagnostic import UNKNOWN_SPAN, Span


def escape(token) -> str:
    token = str(token)
    if "~" in token or "/" in token:
        return token.replace("~", "~0").replace("/", "~1")
    return token


def join(pointer: str, token) -> str:
    return f"{pointer}/{escape(token)}"


def split(pointer: str) -> list[str]:
    return list(tokens(pointer))


@lru_cache(maxsize=4096)
def tokens(pointer: str) -> tuple[str, ...]:
    """The pointer's tokens, unescaped; memoised: the same pointers (/indicators/3/target) come back in
    every file and for every step that places a finding (its span, its stable identity, its value)."""
    if not pointer:
        return ()
    return tuple(t.replace("~1", "/").replace("~0", "~") for t in pointer.split("/")[1:])


def get_at(data, pointer: str):
    """The value at ``pointer`` in plain data, or None when the path does not exist."""
    node = data
    for tok in tokens(pointer):
        if isinstance(node, dict):
            node = node.get(tok)
        elif isinstance(node, list) and tok.isdigit() and int(tok) < len(node):
            node = node[int(tok)]
        else:
            return None
    return node


def set_at(data, pointer: str, value) -> None:
    """Replace the value at an existing ``pointer`` in plain data."""
    *parents, last = split(pointer)
    for tok in parents:
        data = data[int(tok)] if isinstance(data, list) else data[tok]
    if isinstance(data, list):
        data[int(last)] = value
    else:
        data[last] = value


class SourceMap:
    """Spans are looked up on demand by walking the composed node tree: building a table for every
    node of every file would cost more than parsing, and only files with findings need spans."""

    def __init__(self, root=None):
        self.root = root

    def _walk(self, pointer: str):
        """(key node, value node) at ``pointer``, stopping at the deepest node that exists."""
        key, node = None, self.root
        for tok in tokens(pointer):
            if node is None:
                break
            value = node.value
            if isinstance(value, list) and value and isinstance(value[0], tuple):  # mapping
                found = next(((k, v) for k, v in value if getattr(k, "value", None) == tok), None)
                if found is None:
                    return key, node, False
                key, node = found
            elif isinstance(value, list) and tok.isdigit() and int(tok) < len(value):  # sequence
                key, node = None, value[int(tok)]
            else:
                return key, node, False
        return key, node, True

    def node(self, pointer: str):
        """The composed node at ``pointer``, or None when it does not exist."""
        if self.root is None:
            return None
        _key, node, exact = self._walk(pointer)
        return node if exact else None

    def span(self, pointer: str, on_key: bool = False) -> Span:
        """The span of the node at ``pointer``; for a missing node, its nearest existing ancestor
        (the key of that ancestor when there is one: `project:` for a missing /project/start)."""
        if self.root is None:
            return UNKNOWN_SPAN
        key, node, exact = self._walk(pointer)
        target = key if (key is not None and (on_key or not exact)) else node
        return node_span(target) if target is not None else UNKNOWN_SPAN


def node_span(node) -> Span:
    s, e = node.start_mark, node.end_mark
    return Span(s.line + 1, s.column + 1, e.line + 1, e.column + 1)
