"""Which files to lint: files named on the command line, and *.yaml / *.yml found in folders
(hidden files and folders skipped). `exclude` globs apply to both, relative to the config's folder,
so a pre-commit hook that passes file names honours them too."""
from __future__ import annotations

import os
from pathlib import Path

from perflint.config.model import glob_match

SUFFIXES = (".yaml", ".yml")
_SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox", ".perflint_cache"}


def display_path(path: Path, cwd: Path) -> str:
    try:
        return path.resolve().relative_to(cwd.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def discover(paths, cwd: Path, exclude=(), relative=None) -> tuple[list[str], list[str]]:
    """(files to lint as display paths, paths that do not exist). ``relative`` maps a display path to
    the path the ``exclude`` globs are written against."""
    files: list[str] = []
    missing: list[str] = []
    seen = set()
    for raw in paths:
        p = Path(raw)
        if p.is_file():
            shown_files = [display_path(p, cwd)]
        elif p.is_dir():
            # resolve the folder once; paths below it are joined as strings (resolving 10,000 files
            # one by one costs more than linting a hundred)
            top = display_path(p, cwd)
            prefix = "" if top == "." else top.rstrip("/") + "/"
            base = len(os.path.join(str(p), ""))
            shown_files = []
            for root, dirs, names in os.walk(p):
                dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS and not d.startswith("."))
                rel = root[base:].replace(os.sep, "/")
                folder = prefix + (rel + "/" if rel else "")
                shown_files += [folder + n for n in sorted(names) if n.endswith(SUFFIXES) and not n.startswith(".")]
        else:
            missing.append(str(raw))
            continue
        for shown in shown_files:
            if shown in seen or (exclude and any(glob_match(relative(shown) if relative else shown, g) for g in exclude)):
                continue
            seen.add(shown)
            files.append(shown)
    return files, missing
