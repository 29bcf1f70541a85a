"""Built-in rules plus those installed packages register under the `perflint.rules` entry point.

Loading a plugin runs its code, so only distributions that were installed count: one found in the
working directory or in a linted path (a committed `evil-1.0.dist-info/`, reached through the
`sys.path` entry that `python -m` adds, or a PYTHONPATH into the checkout) is skipped, unless it
lies in one of this interpreter's own site directories (where `pip install` puts what the user
installed). `--no-plugins` (or PERFLINT_NO_PLUGINS=1) loads none at all.
"""
from __future__ import annotations

import os
import site
import sysconfig
from dataclasses import dataclass
from functools import lru_cache

from perflint.engine.rule import Rule

ENTRY_POINT_GROUP = "perflint.rules"
NO_PLUGINS_ENV = "PERFLINT_NO_PLUGINS"


class PluginError(Exception):
    pass


@dataclass(frozen=True)
class Plugin:
    """A distribution whose entry point contributed rules: shown by `perflint rules` and in SARIF."""

    name: str
    version: str
    entry_point: str
    rules: tuple[str, ...]


_untrusted: list[str] = []  # folders no plugin may come from, besides the working directory
_loaded: list[Plugin] = []
_skipped: list[str] = []


def distrust(paths) -> None:
    """Never load a plugin from these folders (the paths being linted). Call before the first all_rules()."""
    _untrusted[:] = [os.path.realpath(p) for p in paths]
    all_rules.cache_clear()


def disable_plugins() -> None:
    os.environ[NO_PLUGINS_ENV] = "1"  # inherited by worker processes, however they are started
    all_rules.cache_clear()


def plugins() -> list[Plugin]:
    all_rules()
    return list(_loaded)


def skipped_plugins() -> list[str]:
    """Distributions offering rules that were not loaded because they live in the linted tree."""
    all_rules()
    return list(_skipped)


@lru_cache(maxsize=1)
def all_rules() -> dict[str, Rule]:
    from perflint.rules import BUILTIN

    rules = dict(BUILTIN)
    _loaded.clear()
    _skipped.clear()
    if os.environ.get(NO_PLUGINS_ENV, "") not in ("", "0"):
        return rules
    for plugin, items in _plugin_rules():
        for rule in items:
            if rule.id in rules:
                raise PluginError(f"plugin rule id {rule.id!r} clashes with an existing rule")
            rules[rule.id] = rule
        _loaded.append(plugin)
    return rules


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _site_dirs() -> set[str]:
    dirs = set(getattr(site, "getsitepackages", list)())
    dirs.add(site.getusersitepackages() if hasattr(site, "getusersitepackages") else "")
    for key in ("purelib", "platlib"):
        dirs.add(sysconfig.get_paths().get(key, ""))
    return {os.path.realpath(d) for d in dirs if d}


def trusted(location: str) -> bool:
    """Whether a distribution found at this sys.path entry may be loaded."""
    location = os.path.realpath(location)
    if location in _site_dirs():
        return True
    untrusted = [os.path.realpath(os.getcwd()), *_untrusted]
    return not any(_inside(location, u) or _inside(u, location) for u in untrusted)


def _distributions():
    from importlib.metadata import distributions

    return distributions()


def _plugin_rules():
    """Each entry point loads a Rule or an iterable of Rules; the first distribution of a name on
    sys.path wins, as in importlib.metadata.entry_points()."""
    seen = set()
    for dist in _distributions():
        try:
            eps = [ep for ep in dist.entry_points if ep.group == ENTRY_POINT_GROUP]
            name = dist.metadata["Name"] or "?"
        except Exception:  # a damaged distribution: not a plugin of ours
            continue
        if not eps:
            continue
        key = name.lower().replace("_", "-")
        if key in seen:
            continue
        if not trusted(str(dist.locate_file(""))):
            _skipped.append(name)
            continue
        seen.add(key)
        for ep in eps:
            yield _load(ep, name, dist.version or "")


def _load(ep, dist_name: str, version: str) -> tuple[Plugin, list[Rule]]:
    try:
        obj = ep.load()
    except Exception as exc:  # a broken plugin is a configuration error, not a traceback
        raise PluginError(f"cannot load rule plugin {ep.name!r}: {exc}") from None
    items = [obj] if isinstance(obj, Rule) else list(obj)
    for item in items:
        if not isinstance(item, Rule):
            raise PluginError(f"plugin {ep.name!r} provided {item!r}, not a perflint Rule")
    return Plugin(dist_name, version, ep.name, tuple(r.id for r in items)), items

