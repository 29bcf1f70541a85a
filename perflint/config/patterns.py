"""Path patterns with .gitignore semantics, through pathspec: the one reading of `include`,
`exclude`, `per-file-ignores` and `overrides.files`, and of the .gitignore files themselves.

`build` matches a file or folder named build at any depth, `build/` only a folder, `/build` only at
the top, `*` stays within one path segment and `**` crosses them, `!pattern` takes a match back.
Paths are relative to the folder of the file that wrote the patterns, with forward slashes.

Patterns and file names may come from a pull request: pathspec matches them with RE2 (linear time,
all patterns of a list in one pass) when google-re2 is installed, as the package asks. Without it,
Python's backtracking regular expressions match one pattern at a time, so patterns that could take
exponential time (more than two `*` in a path segment, more than two `**`) are refused there.
A list holds at most MAX_PATTERNS patterns either way.
"""
from __future__ import annotations

from functools import lru_cache

import pathspec
from pathspec.patterns.gitignore import GitIgnorePatternError

MAX_PATTERNS = 2000  # in one list or one .gitignore file

try:
    import re2  # noqa: F401  (pathspec's "best" backend when it is importable)

    LINEAR = True
except ImportError:  # pragma: no cover - google-re2 is a dependency; this is the fallback
    LINEAR = False


class PatternError(ValueError):
    """A pattern pathspec refuses (or one too costly to match); the message names it."""


@lru_cache(maxsize=1024)
def compile_patterns(lines: tuple[str, ...]) -> pathspec.GitIgnoreSpec:
    if len(lines) > MAX_PATTERNS:
        raise PatternError(f"{len(lines)} patterns, more than {MAX_PATTERNS}")
    if not LINEAR:
        for line in lines:
            if _costly(line):
                raise PatternError(f"pattern {line!r} is too complex (at most two * per path segment and two **)")
    try:
        return pathspec.GitIgnoreSpec.from_lines(lines)
    except GitIgnorePatternError:
        for line in lines:  # name the pattern at fault
            try:
                pathspec.GitIgnoreSpec.from_lines([line])
            except GitIgnorePatternError:
                raise PatternError(f"invalid pattern {line!r}") from None
        raise PatternError(f"invalid patterns {list(lines)!r}") from None
    except Exception as exc:  # RE2 refusing a set it cannot hold in its memory bound
        raise PatternError(f"too many or too complex patterns ({exc})") from None


def _costly(line: str) -> bool:
    if line.count("**") > 2:
        return True
    return any(segment.replace("**", "").count("*") > 2 for segment in line.split("/"))


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
