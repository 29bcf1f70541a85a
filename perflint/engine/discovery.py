"""Which files to lint: files named on the command line, and *.yaml / *.yml found in folders
(hidden files and folders skipped). `exclude` globs apply to both, relative to the config's folder,
so a pre-commit hook that passes file names honours them too.

A pull request controls every entry of the tree, symbolic links included. A link is followed only
when its target lies inside the linted tree (the folder being walked; for a file named on the
command line, the working directory), and is then linted once, as its target. Any other link, and
anything that is not a regular file (device, FIFO, socket), is handed on as it is: reading refuses
it with a finding (perflint.loading.files), so it is reported, never opened.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path

from perflint.config.model import glob_match
from perflint.loading.files import escapes

SUFFIXES = (".yaml", ".yml")
_SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox", ".perflint_cache"}


def display_path(path: Path, cwd: Path) -> str:
    try:
        return path.resolve().relative_to(cwd.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _inside(target: str, tree: str) -> bool:
    return target == tree or target.startswith(tree.rstrip(os.sep) + os.sep)


def _link_target(link: str, tree: str, cwd: Path) -> str | None:
    """The display path of a link's target when it is a file inside ``tree`` (resolved), else None."""
    target = os.path.realpath(link)
    if not _inside(target, tree):
        return None
    try:
        if not stat.S_ISREG(os.stat(target).st_mode):
            return None
    except OSError:
        return None
    return display_path(Path(target), cwd)


def _walk(top: str, prefix: str, tree: str, cwd: Path, out: list[str]) -> None:
    """Files below ``top`` as display paths (``prefix`` + the path below top), a folder's files before
    its subfolders, both sorted; a folder that cannot be listed is skipped. Iterative: a pull request
    may nest folders thousands deep."""
    stack = [(top, prefix)]
    while stack:
        folder, shown = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError:
            continue
        below = []
        for e in entries:
            name = e.name
            if name.startswith("."):
                continue
            if e.is_dir(follow_symlinks=False):
                if name not in _SKIP_DIRS:
                    below.append((e.path, f"{shown}{name}/"))
                continue
            if not name.endswith(SUFFIXES):
                continue
            if e.is_symlink():
                target = _link_target(e.path, tree, cwd)
                out.append(target if target is not None else shown + name)
            else:  # a regular file, or a device, FIFO or socket that reading will refuse
                out.append(shown + name)
        stack += reversed(below)  # a link to a folder is never descended: its files, if inside, are met anyway


def discover(paths, cwd: Path, exclude=(), relative=None) -> tuple[list[str], list[str]]:
    """(files to lint as display paths, paths that do not exist). ``relative`` maps a display path to
    the path the ``exclude`` globs are written against."""
    files: list[str] = []
    missing: list[str] = []
    seen = set()
    here = os.path.realpath(cwd)
    for raw in paths:
        raw = str(raw)
        shown_files = []
        try:
            st = os.lstat(raw)
        except OSError:
            missing.append(raw)
            continue
        if escapes(raw):
            # `declarations/` named by the CI job, but the pull request made it (or a folder on the
            # way) a link out of the repository: reported as the path named, never followed
            shown_files = [Path(raw).as_posix()]
        elif stat.S_ISLNK(st.st_mode) and os.path.isdir(raw):
            st = os.stat(raw)
        if shown_files:
            pass
        elif stat.S_ISDIR(st.st_mode):
            # resolve the folder once; paths below it are joined as strings (resolving 10,000 files
            # one by one costs more than linting a hundred)
            top = display_path(Path(raw), cwd)
            prefix = "" if top == "." else top.rstrip("/") + "/"
            shown_files: list[str] = []
            _walk(raw, prefix, os.path.realpath(raw), cwd, shown_files)
        elif stat.S_ISLNK(st.st_mode):
            target = _link_target(raw, here, cwd)
            shown_files = [target if target is not None else Path(raw).as_posix()]
        elif stat.S_ISREG(st.st_mode):
            shown_files = [display_path(Path(raw), cwd)]
        else:
            shown_files = [Path(raw).as_posix()]  # reading refuses it, with a finding
        for shown in shown_files:
            if shown in seen or (exclude and any(glob_match(relative(shown) if relative else shown, g) for g in exclude)):
                continue
            seen.add(shown)
            files.append(shown)
    return files, missing
