"""Path patterns with .gitignore semantics, through pathspec: the one reading of `include`,
`exclude`, `per-file-ignores` and `overrides.files`, and of the .gitignore files themselves.

`build` matches a file or folder named build at any depth, `build/` only a folder, `/build` only at
the top, `*` stays within one path segment and `**` crosses them, `!pattern` takes a match back.
Paths are relative to the folder of the file that wrote the patterns, with forward slashes.
"""
from __future__ import annotations

from functools import lru_cache

import pathspec
from pathspec.patterns.gitignore import GitIgnorePatternError


class PatternError(ValueError):
    """A pattern pathspec refuses; the message names it."""


@lru_cache(maxsize=1024)
def compile_patterns(lines: tuple[str, ...]) -> pathspec.GitIgnoreSpec:
    try:
        return pathspec.GitIgnoreSpec.from_lines(lines)
    except GitIgnorePatternError:
        for line in lines:  # name the pattern at fault
            try:
                pathspec.GitIgnoreSpec.from_lines([line])
            except GitIgnorePatternError:
                raise PatternError(f"invalid pattern {line!r}") from None
        raise PatternError(f"invalid patterns {list(lines)!r}") from None


def inside(relpath: str) -> bool:
    """Whether a relative path lies inside the patterns' folder (patterns never reach outside it)."""
    return bool(relpath) and not relpath.startswith(("../", "/")) and relpath != ".." and ":" not in relpath[:2]


def matches(relpath: str, lines: tuple[str, ...], is_dir: bool = False) -> bool:
    """Whether ``relpath`` (relative to the patterns' folder) is matched by ``lines``, the last
    matching line deciding as in .gitignore. A folder is tested with a trailing slash, so that
    `build/` matches the folder and what is below it."""
    if not lines or not inside(relpath):
        return False
    return compile_patterns(lines).match_file(relpath + "/" if is_dir else relpath)


def decision(relpath: str, lines: tuple[str, ...], is_dir: bool = False) -> bool | None:
    """True (matched), False (taken back by a `!` line) or None (no line matched): a deeper
    .gitignore only overrides the ones above it where it decides."""
    if not lines or not inside(relpath):
        return None
    return compile_patterns(lines).check_file(relpath + "/" if is_dir else relpath).include
