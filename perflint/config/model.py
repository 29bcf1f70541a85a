"""The effective configuration: which rules run, at what severity, with which options."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from perflint.config.patterns import matches
from perflint.core.diagnostic import Severity


class ConfigError(Exception):
    """A configuration mistake: reported with the offending key, exit code 2."""


@dataclass(frozen=True)
class RuleSetting:
    severity: Severity
    options: dict


@dataclass
class Override:
    files: tuple[str, ...] = ()
    eras: tuple[str, ...] = ()
    rules: dict = field(default_factory=dict)  # id → Severity | None (off) | (Severity|None, options)

    def applies(self, relpath: str, era: str) -> bool:
        if self.files and not matches(relpath, self.files):
            return False
        return not self.eras or era in self.eras


def glob_match(path: str, pattern: str) -> bool:
    """One pattern with .gitignore semantics (see config.patterns), ``path`` relative to its folder."""
    return matches(path.replace("\\", "/"), (pattern,))


@dataclass
class Config:
    profile: str = "default"
    settings: dict[str, RuleSetting] = field(default_factory=dict)
    overrides: list[Override] = field(default_factory=list)
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    fail_on: Severity = Severity.ERROR
    lang: str | None = None
    require_reason: bool = False
    exclude: tuple[str, ...] = ()  # .gitignore-style patterns, relative to root
    include: tuple[str, ...] = ()  # files checked even without a `kind:` perflint knows
    root: Path = Path(".")
    source: str | None = None  # the file the configuration came from
    ignored: frozenset = frozenset()  # rules the user switched off by name
    aliases: dict = field(default_factory=dict)  # {"projects": {name: name}, "departments": {…}}: cross-file keys
    _cache: dict = field(default_factory=dict, repr=False)

    def relative(self, path: str) -> str:
        """A path as globs, fingerprints and baselines see it: relative to the configuration's folder
        (the same whichever folder perflint runs from); the path as given when it lies outside."""
        absolute = os.path.abspath(path)
        root = self._cache.get("root")
        if root is None:
            root = self._cache["root"] = os.path.join(os.path.abspath(self.root), "")
        if absolute.startswith(root):  # the common case, without building Path objects
            return absolute[len(root):].replace(os.sep, "/")
        try:
            return Path(absolute).relative_to(self.root).as_posix()
        except ValueError:
            pass
        try:  # the root is resolved: a path through a symbolic link to it
            return Path(absolute).resolve().relative_to(self.root).as_posix()
        except (ValueError, OSError):
            return Path(path).as_posix()

    def for_file(self, relpath: str, era: str) -> dict[str, RuleSetting]:
        """The rules for one file: overrides and per-file ignores applied (memoised by what matched)."""
        matched = tuple(i for i, o in enumerate(self.overrides) if o.applies(relpath, era))
        ignored = tuple(sorted({r for g, rs in self.per_file_ignores.items() if glob_match(relpath, g) for r in rs}))
        key = (matched, ignored)
        if key not in self._cache:
            settings = dict(self.settings)
            for i in matched:
                apply_rule_table(settings, self.overrides[i].rules)
            for rid in ignored:
                settings.pop(rid, None)
            self._cache[key] = settings
        return self._cache[key]

    def fingerprint(self) -> str:
        """Stable text of everything that changes results: part of the cache key."""
        parts = [self.profile, str(self.require_reason), ",".join(sorted(self.ignored))]
        parts += [f"{k}:{v.severity}:{sorted(v.options.items())}" for k, v in sorted(self.settings.items())]
        parts += [repr((o.files, o.eras, sorted(o.rules.items(), key=repr))) for o in self.overrides]
        parts += [repr(sorted(self.per_file_ignores.items()))]
        return "|".join(parts)


def apply_rule_table(settings: dict[str, RuleSetting], table: dict) -> None:
    """Apply already-validated {id: None | (severity|None, options)} entries."""
    from perflint.engine.registry import all_rules

    rules = all_rules()
    for rid, entry in table.items():
        severity, options = entry
        current = settings.get(rid)
        base_sev = current.severity if current else rules[rid].severity
        base_opts = current.options if current else rules[rid].option_defaults()
        if severity == "off":
            settings.pop(rid, None)
            continue
        settings[rid] = RuleSetting(severity or base_sev, {**base_opts, **options})
