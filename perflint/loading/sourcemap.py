"""JSON Pointer → source span, for every node of a document, keys included."""
from __future__ import annotations

from perflint.core.diagnostic import UNKNOWN_SPAN, Span


def escape(token) -> str:
    return str(token).replace("~", "~0").replace("/", "~1")


def join(pointer: str, token) -> str:
    return f"{pointer}/{escape(token)}"


def split(pointer: str) -> list[str]:
    if not pointer:
        return []
    return [t.replace("~1", "/").replace("~0", "~") for t in pointer.split("/")[1:]]


class SourceMap:
    def __init__(self):
        self.values: dict[str, Span] = {}
        self.keys: dict[str, Span] = {}

    def span(self, pointer: str, on_key: bool = False) -> Span:
        """The span of the node at ``pointer``; for a missing node, its nearest existing ancestor."""
        table = self.keys if on_key else self.values
        if pointer in table:
            return table[pointer]
        if on_key and pointer in self.values:
            return self.values[pointer]
        while pointer:
            pointer = pointer.rsplit("/", 1)[0]
            if pointer in self.keys:
                return self.keys[pointer]
            if pointer in self.values:
                return self.values[pointer]
        return self.values.get("", UNKNOWN_SPAN)
