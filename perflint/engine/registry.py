"""Built-in rules plus those installed packages register under the `perflint.rules` entry point."""
from __future__ import annotations

from functools import lru_cache

from perflint.engine.rule import Rule

ENTRY_POINT_GROUP = "perflint.rules"


class PluginError(Exception):
    pass


@lru_cache(maxsize=1)
def all_rules() -> dict[str, Rule]:
    from perflint.rules import BUILTIN

    rules = dict(BUILTIN)
    for rule in _plugin_rules():
        if rule.id in rules:
            raise PluginError(f"plugin rule id {rule.id!r} clashes with an existing rule")
        rules[rule.id] = rule
    return rules


def _plugin_rules():
    """Each entry point loads a Rule or an iterable of Rules. Only installed distributions count:
    nothing is ever imported from the repository being linted."""
    from importlib.metadata import entry_points

    for ep in entry_points(group=ENTRY_POINT_GROUP):
        try:
            obj = ep.load()
        except Exception as exc:  # a broken plugin is a configuration error, not a traceback
            raise PluginError(f"cannot load rule plugin {ep.name!r}: {exc}") from None
        items = [obj] if isinstance(obj, Rule) else list(obj)
        for item in items:
            if not isinstance(item, Rule):
                raise PluginError(f"plugin {ep.name!r} provided {item!r}, not a perflint Rule")
            yield item
