"""`--diff REF`: the files changed since REF (committed, staged, unstaged or new), via git.

Failures are said in plain words (no git command lines, no `fatal:`): git missing, not a
repository, or a REF this clone does not have (a shallow CI checkout often lacks the base branch).
"""
from __future__ import annotations

import subprocess
from pathlib import Path


class GitError(Exception):
    pass


def _git(args, cwd: Path) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False,
                              errors="replace")
    except OSError:
        raise GitError("git is not installed (or not on PATH); --diff needs it") from None


def _plain(stderr: str) -> str:
    line = next((ln for ln in stderr.splitlines() if ln.strip()), "")
    return line.removeprefix("fatal: ").removeprefix("error: ").strip() or "git failed"


def changed_files(ref: str, cwd: Path) -> set[Path]:
    top = _git(["rev-parse", "--show-toplevel"], cwd)
    if top.returncode != 0:
        raise GitError(f"{cwd} is not inside a git repository; --diff compares with a commit of one")
    root = Path(top.stdout.strip())
    if ref.startswith("-") or _git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}"],
                                   cwd).returncode != 0:
        raise GitError(f"this repository has no commit, branch or tag named {ref!r} (in CI, fetch it first: "
                       "`git fetch origin main`, or actions/checkout with fetch-depth: 0)")
    names = []
    for args, where in ((["diff", "--name-only", "--diff-filter=d", "-z", ref, "--"], cwd),
                        (["ls-files", "--others", "--exclude-standard", "-z"], root)):
        proc = _git(args, where)
        if proc.returncode != 0:
            raise GitError(f"cannot list the changed files: {_plain(proc.stderr)}")
        names += proc.stdout.split("\0")
    return {(root / n).resolve() for n in names if n}
