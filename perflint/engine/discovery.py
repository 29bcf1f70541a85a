"""Which files to lint: explicit files always, folders walked for *.yaml / *.yml."""
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


def discover(paths, cwd: Path, exclude=()) -> tuple[list[str], list[str]]:
    """(files to lint as display paths, paths that do not exist)."""
    files: list[str] = []
    missing: list[str] = []
    seen = set()
    for raw in paths:
        p = Path(raw)
        if p.is_file():
            shown_files = [display_path(p, cwd)]
            explicit = True
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
                shown_files += [folder + n for n in sorted(names) if n.endswith(SUFFIXES)]
            explicit = False
        else:
            missing.append(str(raw))
            continue
        for shown in shown_files:
            if shown in seen or (not explicit and any(glob_match(shown, g) for g in exclude)):
                continue
            seen.add(shown)
            files.append(shown)
    return files, missing
