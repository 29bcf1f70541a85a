"""Which files to lint.

In a folder: *.yaml / *.yml files that are declarations or self-evaluations (a top-level `kind:`
perflint knows, read without parsing the file: see loading.kind) or that match the configuration's
`include` patterns; other YAML files are skipped and counted. Hidden files and folders, the
configuration's `exclude` patterns and, unless told otherwise, .gitignore are honoured. Each file is
governed by its nearest configuration (config.resolve), whose patterns are relative to its folder.

Files named on the command line are always checked, unless ``force_exclude`` (what the pre-commit
hook passes, since pre-commit names every staged YAML file): then they are selected like the files
found in a folder.

A pull request controls every entry of the tree, symbolic links included. A link is followed only
when its target lies inside the linted tree (the folder being walked; for a file named on the
command line, the working directory), and is then linted once, as its target (under the target's
configuration); a link to a folder is never descended. Any other link, and anything that is not a
regular file (device, FIFO, socket), is handed on as it is, never opened here: reading refuses it
with a finding (perflint.loading.files), so it is reported. So is a file too large to be read: what
it is cannot be told without reading it.
"""
from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from perflint.config.model import Config
from perflint.config.patterns import MAX_PATTERNS, PatternError, compile_patterns, decision, matches
from perflint.config.resolve import Configs
from perflint.loading.files import MAX_BYTES, Refused, escapes, read_source, read_within
from perflint.loading.kind import document_kinds, known_kind, top_level_kind

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
        try:
            lines = _read_patterns(path)
        except Refused as exc:
            self.notes.append(f"{_shown(path)}: not honoured: {exc.message.en}")
            return ()
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
    """The lines of an ignore file: a regular file of at most 1 MiB, reached by no link out of its
    folder (Refused otherwise); () when there is none."""
    try:
        raw = read_within(path, [os.getcwd(), os.path.dirname(path)], 1024 * 1024)
    except OSError:  # none there (or unreadable)
        return ()
    return tuple(line for line in raw.decode("utf-8", "replace").splitlines() if line.strip())


def discover(paths, cwd: Path, configs: Configs, respect_gitignore: bool = True,
             force_exclude: bool = False, cached_kind=None) -> Selection:
    """``cached_kind(path, config)``: (True, the top-level `kind:` — text or None) that a cache recorded
    for a file that has not changed since, else (False, None); such a file is not read to tell."""
    sel = Selection()
    kinds = _Kinds(document_kinds(), cached_kind)
    seen: set[str] = set()
    ignores = GitIgnores(respect_gitignore)
    here = os.path.realpath(cwd)
    for raw in paths:
        raw = str(raw)
        try:
            st = os.lstat(raw)
        except OSError:
            sel.missing.append(raw)
            continue
        if escapes(raw):
            # `declarations/` named by the CI job, but the pull request made it (or a folder on the
            # way) a link out of the repository: reported as the path named, never followed, and
            # governed by the configuration of the nearest folder that is really inside
            _named(Path(raw).as_posix(), raw, configs.for_dir(_inside_ancestor(raw)), ignores, kinds, sel, seen,
                   force_exclude)
            continue
        if stat.S_ISLNK(st.st_mode) and os.path.isdir(raw):
            st = os.stat(raw)  # a link to a folder inside the tree: walked as that folder
        if stat.S_ISDIR(st.st_mode):
            _walk(raw, cwd, configs, ignores, kinds, sel, seen)
        elif stat.S_ISLNK(st.st_mode):
            target = _link_target(raw, here)
            if target is None:  # out of the tree, dangling, or not a regular file: reading reports it
                _named(Path(raw).as_posix(), raw, configs.for_file(raw), ignores, kinds, sel, seen, force_exclude)
            else:
                _named(display_path(Path(target), cwd), target, configs.for_file(target), ignores, kinds, sel, seen,
                       force_exclude)
        elif stat.S_ISREG(st.st_mode):
            _named(display_path(Path(raw), cwd), raw, configs.for_file(raw), ignores, kinds, sel, seen, force_exclude)
        else:  # a device, FIFO or socket: reading refuses it, with a finding
            _named(Path(raw).as_posix(), raw, configs.for_file(raw), ignores, kinds, sel, seen, force_exclude)
    sel.notes = ignores.notes
    return sel


def _named(shown: str, path: str, config: Config, ignores: GitIgnores, kinds, sel: Selection, seen: set,
           force_exclude: bool) -> None:
    """A file named on the command line: checked, unless ``force_exclude`` and excluded or not a
    declaration."""
    if shown in seen:
        return
    seen.add(shown)
    if not force_exclude:
        sel.files.append((shown, config))
        return
    absolute = os.path.abspath(path)
    why = exclusion(absolute, config, ignores.stack(os.path.dirname(absolute)))
    if why:
        sel.excluded.append((shown, why))
    else:
        _select(shown, path, config, kinds, sel)


def _inside_ancestor(path: str) -> str:
    """The nearest folder above ``path`` that does not lead out of the working directory."""
    folder = os.path.dirname(os.path.abspath(path))
    while escapes(folder) and os.path.dirname(folder) != folder:
        folder = os.path.dirname(folder)
    return folder


def _inside(target: str, tree: str) -> bool:
    return target == tree or target.startswith(tree.rstrip(os.sep) + os.sep)


def _link_target(link: str, tree: str) -> str | None:
    """The resolved target of a link when it is a regular file inside ``tree`` (resolved), else None."""
    target = os.path.realpath(link)
    if not _inside(target, tree):
        return None
    try:
        if not stat.S_ISREG(os.stat(target).st_mode):
            return None
    except OSError:
        return None
    return target


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


def _walk(top: str, cwd: Path, configs: Configs, ignores: GitIgnores, kinds, sel: Selection, seen: set) -> None:
    """The files below ``top``, a folder's files before its subfolders, both sorted; a folder that
    cannot be listed is skipped. Iterative: a pull request may nest folders thousands deep."""
    # the folder is resolved once; paths below it are joined as strings (resolving 10,000 files one
    # by one costs more than linting a hundred)
    shown_top = display_path(Path(top), cwd)
    prefix = "" if shown_top == "." else shown_top.rstrip("/") + "/"
    tree = os.path.realpath(top)  # a link below is followed only to a file inside it
    # A folder named on the command line is checked even where `exclude` or a .gitignore above it
    # leaves it out (patterns match what is below a folder they match): those patterns are lifted
    # inside it; the .gitignore files and configurations inside it still apply.
    top_abs = os.path.abspath(top)
    outer = os.path.dirname(top_abs)
    lifted = {id(c) for c in (configs.for_dir(outer),) if c.exclude and matches(c.relative(top_abs), c.exclude, True)}
    inner_only = bool(GitIgnores.ignored(top_abs, ignores.stack(outer), True))
    stack_of_folders = [(top, top_abs, prefix)]
    while stack_of_folders:
        root, absolute_root, folder = stack_of_folders.pop()
        try:
            with os.scandir(root) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError:
            continue
        names = {e.name for e in entries}
        config = configs.for_dir(root, names)
        patterns = id(config) not in lifted
        stack = ignores.stack(absolute_root, names)
        if inner_only:
            stack = tuple((f, p) for f, p in stack if f == top_abs or f.startswith(os.path.join(top_abs, "")))
        below = []
        for e in entries:
            name = e.name
            if name.startswith("."):
                continue
            absolute = os.path.join(absolute_root, name)
            if e.is_dir(follow_symlinks=False):
                if name in _SKIP_DIRS:
                    continue
                # the configuration of the folder that lists it decides (a folder with its own
                # configuration is governed by it only below)
                why = exclusion(absolute, config, stack, True, patterns)
                if why:
                    sel.excluded.append((folder + name + "/", why))
                else:
                    below.append((e.path, absolute, f"{folder}{name}/"))
                continue
            candidate = name.endswith(SUFFIXES)
            if not candidate and not (config.include and matches(config.relative(absolute), config.include)):
                continue
            shown, path, governing = folder + name, e.path, config
            if e.is_symlink():
                # (a link to a folder is never descended: its files, if inside, are met anyway)
                target = _link_target(e.path, tree)
                if target is not None:  # read once, as its target
                    shown, path, governing = display_path(Path(target), cwd), target, configs.for_file(target)
            if shown in seen:
                continue
            seen.add(shown)
            why = exclusion(absolute, config, stack, False, patterns)
            if why:
                sel.excluded.append((folder + name, why))
            else:
                _select(shown, path, governing, kinds, sel)
        stack_of_folders += reversed(below)


def _select(shown: str, path: str, config: Config, kinds, sel: Selection) -> None:
    """Check a declaration, or a file the configuration includes; skip (and count) other YAML."""
    if config.include and matches(config.relative(os.path.abspath(path)), config.include):
        sel.files.append((shown, config))
        return
    told, kind = kinds.cached(path, config)
    if not told:
        try:
            head = read_source(path, MAX_BYTES)
        except (Refused, OSError):  # not a regular file, a link out, too large, unreadable: the lint step reports it
            sel.files.append((shown, config))
            return
        kind = top_level_kind(head)
    if kinds.known(kind):
        sel.files.append((shown, config))
    elif kind:
        sel.skipped.append((shown, f"`kind: {kind}` is not a kind perflint checks"))
    else:
        sel.skipped.append((shown, "no top-level `kind:` (declaration or self-evaluation)"))


class _Kinds:
    """The kinds perflint checks, and what a cache can tell of a file's kind without reading it.

    The cache answers only for a regular file (lstat) whose size and mtime are those it recorded when
    it last read the file, from bytes it authenticated: what reading would find."""

    def __init__(self, kinds: frozenset[str], cached_kind=None):
        self.kinds = kinds
        self._cached = cached_kind
        self._known: dict = {}

    def cached(self, path: str, config: Config):
        return (False, None) if self._cached is None else self._cached(path, config)

    def known(self, kind: str | None) -> bool:
        verdict = self._known.get(kind)
        if verdict is None:
            verdict = self._known[kind] = known_kind(kind, self.kinds)
        return verdict
