"""Blank-field tests shared by the completeness rules (required-fields, annual-goal-required, empty-indicator)."""
from __future__ import annotations

from perflint.model import vocabulary as V
from perflint.model.declaration import text_of

BLANK_MARKS = V.BLANK_MARKS


def is_blank(value) -> bool:
    """None, an empty list or mapping, or text that is only a placeholder such as 无 or —."""
    if value is None:
        return True
    if isinstance(value, (list, tuple, dict)):
        return len(value) == 0
    return text_of(value) in BLANK_MARKS


def lookup(data, keys: tuple) -> tuple[bool, object]:
    """(reachable, value) for a key path: reachable is False when a parent is not a mapping
    (a wrong type is the schema rule's finding, not a missing field)."""
    node = data
    for key in keys:
        if node is None:
            return True, None
        if not isinstance(node, dict):
            return False, None
        node = node.get(key)
    return True, node
