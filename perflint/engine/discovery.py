"""Which files to lint.

In a folder: *.yaml / *.yml files that are declarations or self-evaluations (a top-level `kind:`
perflint knows, read without parsing the file: see loading.kind) or that match the configuration's
`include` patterns; other YAML files are skipped and counted. Hidden files and folders, the
configuration's `exclude` patterns and, unless told otherwise, .gitignore are honoured. Each file is
governed by its nearest configuration (config.resolve), whose patterns are relative to its folder.

Files named on the command line are always checked, unless ``force_exclude`` (what the pre-commit
hook passes, since pre-commit names every staged YAML file): then they are selected like the files
found in a folder.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from perflint.config.model import Config
from perflint.config.patterns import MAX_PATTERNS, PatternError, compile_patterns, decision, matches
from perflint.config.resolve import Configs
from perflint.core.reading import read_regular
from perflint.loading.kind import document_kinds, known_kind, top_level_kind
from perflint.loading.loader import MAX_BYTES

SUFFIXES = (".yaml", ".yml")
_SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox", ".perflint_cache"}


@dataclass
class Selection:
    files: list[tuple[str, Config]] = field(default_factory=list)  # (display path, its configuration)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (display path, why): YAML not checked
    excluded: list[tuple[str, str]] = field(default_factory=list)  # (display path, why): by exclude or .gitignore
    notes: list[str] = field(default_factory=list)  # what the person running perflint should know
    missing: list[str] = field(default_factory=list)


def display_path(path: Path, cwd: Path) -> str:
    try:
        return path.resolve().relative_to(cwd.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


class GitIgnores:
    """The .gitignore files (and .git/info/exclude) that apply in each folder, innermost last, read
    once per folder. As in git, they count only inside a repository."""

    BUDGET = 20_000  # patterns compiled in one run: each .gitignore beyond it is not honoured

    def __init__(self, enabled: bool):
        self.enabled = enabled
        self._stacks: dict[str, tuple | None] = {}
        self.notes: list[str] = []  # .gitignore files not (or not wholly) honoured, and why
        self._compiled = 0

    def stack(self, folder: str, names=None) -> tuple:
        """((folder, patterns), …) for ``folder`` (absolute), from its repository's top down."""
        return (self._stack(folder, names) or ()) if self.enabled else ()

    def _stack(self, folder: str, names=None) -> tuple | None:
        if folder in self._stacks:
            return self._stacks[folder]
        git = os.path.join(folder, ".git")
        top = (".git" in names) if names is not None else os.path.exists(git)
        parent = os.path.dirname(folder)
        above = () if top else None if parent == folder else self._stack(parent)
        if above is not None:
            own = [os.path.join(git, "info", "exclude")] if top else []
            if names is None or ".gitignore" in names:
                own.append(os.path.join(folder, ".gitignore"))
            above += tuple((folder, p) for p in map(self._patterns, own) if p)
        self._stacks[folder] = above
        return above

    def _patterns(self, path: str) -> tuple[str, ...]:
        """The patterns of one ignore file, compiled now so that a bad or costly one is said once."""
        lines = _read_patterns(path)
        if not lines:
            return ()
        if len(lines) > MAX_PATTERNS:
            self.notes.append(f"{_shown(path)}: only its first {MAX_PATTERNS} of {len(lines)} patterns are honoured")
            lines = lines[:MAX_PATTERNS]
        if self._compiled + len(lines) > self.BUDGET:
            self.notes.append(f"{_shown(path)}: not honoured (more than {self.BUDGET} .gitignore patterns in this run)")
            return ()
        self._compiled += len(lines)
        try:
            compile_patterns(lines)
        except PatternError as exc:
            self.notes.append(f"{_shown(path)}: not honoured: {exc}")
            return ()
        return lines

    @staticmethod
    def ignored(path: str, stack: tuple, is_dir: bool = False) -> str | None:
        """The folder whose .gitignore ignores ``path`` (absolute), or None: the innermost file
        with a pattern that decides wins, as in git."""
        for folder, patterns in reversed(stack):
            rel = os.path.relpath(path, folder).replace(os.sep, "/")
            verdict = decision(rel, patterns, is_dir)
            if verdict is not None:
                return folder if verdict else None
        return None


def _read_patterns(path: str) -> tuple[str, ...]:
    raw = read_regular(path, 1024 * 1024)
    if not raw:
        return ()
    return tuple(line for line in raw.decode("utf-8", "replace").splitlines() if line.strip())


def discover(paths, cwd: Path, configs: Configs, respect_gitignore: bool = True,
             force_exclude: bool = False) -> Selection:
    sel = Selection()
    seen: set[str] = set()
    ignores = GitIgnores(respect_gitignore)
    kinds = document_kinds()
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            _walk(p, cwd, configs, ignores, kinds, sel, seen)
        elif p.is_file():
            shown = display_path(p, cwd)
            if shown in seen:
                continue
            seen.add(shown)
            config = configs.for_file(str(p))
            if not force_exclude:
                sel.files.append((shown, config))
                continue
            absolute = os.path.abspath(p)
            why = exclusion(absolute, config, ignores.stack(os.path.dirname(absolute)))
            if why:
                sel.excluded.append((shown, why))
            else:
                _select(shown, str(p), config, kinds, sel)
        else:
            sel.missing.append(str(raw))
    sel.notes = ignores.notes
    return sel


def exclusion(absolute: str, config: Config, stack: tuple, is_dir: bool = False, use_exclude: bool = True) -> str | None:
    """Why ``absolute`` is not checked (the configuration's `exclude`, a .gitignore), or None."""
    if use_exclude and config.exclude and matches(config.relative(absolute), config.exclude, is_dir):
        return f"excluded by {_shown(config.source) if config.source else 'the configuration'}"
    ignored_by = GitIgnores.ignored(absolute, stack, is_dir)
    return f"ignored by {_shown(os.path.join(ignored_by, '.gitignore'))}" if ignored_by else None


def _shown(path: str) -> str:
    try:
        return os.path.relpath(path).replace(os.sep, "/")
    except ValueError:  # another drive
        return path


def _walk(top: Path, cwd: Path, configs: Configs, ignores: GitIgnores, kinds, sel: Selection, seen: set) -> None:
    # the folder is resolved once; paths below it are joined as strings (resolving 10,000 files one
    # by one costs more than linting a hundred)
    shown_top = display_path(top, cwd)
    prefix = "" if shown_top == "." else shown_top.rstrip("/") + "/"
    base = len(os.path.join(str(top), ""))
    # A folder named on the command line is checked even where `exclude` or a .gitignore above it
    # leaves it out (patterns match what is below a folder they match): those patterns are lifted
    # inside it; the .gitignore files and configurations inside it still apply.
    top_abs = os.path.abspath(top)
    outer = os.path.dirname(top_abs)
    lifted = {id(c) for c in (configs.for_dir(outer),) if c.exclude and matches(c.relative(top_abs), c.exclude, True)}
    inner_only = bool(GitIgnores.ignored(top_abs, ignores.stack(outer), True))
    for root, dirs, names in os.walk(top):
        absolute_root = os.path.abspath(root)
        entries = set(dirs) | set(names)
        config = configs.for_dir(root, entries)
        patterns = id(config) not in lifted
        stack = ignores.stack(absolute_root, entries)
        if inner_only:
            stack = tuple((f, p) for f, p in stack if f == top_abs or f.startswith(os.path.join(top_abs, "")))
        rel = root[base:].replace(os.sep, "/")
        folder = prefix + (rel + "/" if rel else "")
        kept = []
        for d in sorted(dirs):
            if d in _SKIP_DIRS or d.startswith("."):
                continue
            # the configuration of the folder that lists it decides (a folder with its own
            # configuration is governed by it only below)
            why = exclusion(os.path.join(absolute_root, d), config, stack, True, patterns)
            if why:
                sel.excluded.append((folder + d + "/", why))
            else:
                kept.append(d)
        dirs[:] = kept
        for name in sorted(names):
            if name.startswith("."):
                continue
            candidate = name.endswith(SUFFIXES)
            if not candidate and not config.include:
                continue
            shown = folder + name
            if shown in seen:
                continue
            absolute = os.path.join(absolute_root, name)
            if not candidate and not matches(config.relative(absolute), config.include):
                continue
            seen.add(shown)
            why = exclusion(absolute, config, stack, False, patterns)
            if why:
                sel.excluded.append((shown, why))
            else:
                _select(shown, os.path.join(root, name), config, kinds, sel)


def _select(shown: str, path: str, config: Config, kinds, sel: Selection) -> None:
    """Check a declaration, or a file the configuration includes; skip (and count) other YAML."""
    if config.include and matches(config.relative(os.path.abspath(path)), config.include):
        sel.files.append((shown, config))
        return
    head = read_regular(path, MAX_BYTES)
    if head is None:  # unreadable or not a regular file: the lint step reports it
        sel.files.append((shown, config))
        return
    kind = top_level_kind(head)
    if known_kind(kind, kinds):
        sel.files.append((shown, config))
    elif kind:
        sel.skipped.append((shown, f"`kind: {kind}` is not a kind perflint checks"))
    else:
        sel.skipped.append((shown, "no top-level `kind:` (declaration or self-evaluation)"))

