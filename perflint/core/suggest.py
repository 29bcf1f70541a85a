""""Did you mean …?": the closest known name to a misspelt one, wherever a name is accepted."""
from __future__ import annotations

import difflib


def closest(name, choices) -> str | None:
    near = difflib.get_close_matches(str(name), [str(c) for c in choices], n=1)
    return near[0] if near else None


def did_you_mean(name, choices) -> str:
    """` (did you mean X?)` for the closest of ``choices``, or nothing."""
    near = closest(name, choices)
    return f" (did you mean {near}?)" if near else ""
