"""Tick boxes transcribed as printed: ``[经常性项目 ☑, 一次性项目 □]`` is the choice 经常性项目."""
from __future__ import annotations

import re

from perflint.model import vocabulary as V

_TICKED = re.compile("|".join(map(re.escape, V.TICKED)))
_MARK = re.compile(r"\s*(?:" + "|".join(map(re.escape, V.TICKED + V.UNTICKED)) + r")\s*")


def ticked(choices: list) -> list[str]:
    """The chosen entries of a list, marks stripped. A list none of whose entries carries a tick-box
    mark is a list of chosen values as it stands; once any entry carries one, only ticked ones count."""
    texts = [str(c) for c in choices if c not in (None, "")]
    if not any(_MARK.search(t) for t in texts):
        return texts
    return [_MARK.sub("", t) for t in texts if _TICKED.search(t)]
