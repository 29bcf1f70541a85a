"""`perflint init`: a `.perflint.yaml`, a pre-commit configuration and a CI workflow to start from.

Nothing is published on PyPI yet, so the CI job installs perflint from its repository at a pinned
commit and pre-commit's `rev:` is a commit SHA: the commit of the perflint that runs `init` when
pip recorded it (PEP 610 `direct_url.json`) or it runs from a git checkout, else PINNED_COMMIT.

A file that exists is left alone (its snippet is printed to add by hand) unless --force; every
write is atomic, and without --force a file created meanwhile is never replaced.
"""
from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path

import click

from perflint import __version__

REPOSITORY = "https://github.com/perflint-cn/perflint"
# A commit of REPOSITORY with everything `init` writes (the hook included); docs/ci.md pins the same.
PINNED_COMMIT = "03b9af7b54f50fd7840caf9dcb1d4213edfb3598"
DISTRIBUTION = "perflint-cn"


def installed_revision() -> tuple[str, str]:
    """(repository URL, commit SHA) of the perflint that is running."""
    from importlib.metadata import PackageNotFoundError, distribution

    try:
        info = json.loads(distribution(DISTRIBUTION).read_text("direct_url.json") or "{}")
    except (PackageNotFoundError, ValueError):
        info = {}
    vcs = info.get("vcs_info") or {}
    if vcs.get("vcs") == "git" and _is_sha(vcs.get("commit_id")):
        url = str(info.get("url", REPOSITORY))
        return (url if url.startswith("https://") else REPOSITORY), vcs["commit_id"]
    checkout = Path(__file__).resolve().parents[2]
    try:
        head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=checkout, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        head = None
    if head is not None and head.returncode == 0 and _is_sha(head.stdout.strip()) and (checkout / ".pre-commit-hooks.yaml").is_file():
        return REPOSITORY, head.stdout.strip()
    return REPOSITORY, PINNED_COMMIT


def _is_sha(text) -> bool:
    return isinstance(text, str) and len(text) == 40 and all(c in "0123456789abcdef" for c in text)


def config_text(profile: str) -> str:
    from perflint.config.loader import profile_names

    names = ", ".join(["default", *(n for n in profile_names() if n != "default")])
    return f"""\
# perflint configuration ({REPOSITORY}#configuration).
# A YAML file is checked when it is a declaration or a self-evaluation (a top-level
# `kind: declaration` or `kind: self-evaluation`); other YAML files are skipped, and .gitignore is
# honoured. Patterns follow .gitignore rules, relative to this file's folder. A .perflint.yaml
# in a subfolder configures that subfolder instead (the nearest one wins).
{f"profile: {profile}":<30} # {names}, or a file
fail-on: error                 # the lowest severity that fails `perflint check`
# select: [ALL]                # rule ids, globs (yaml-*) or ALL
# ignore: [plan-dates]
# exclude: [legacy/]           # never checked
# include: [forms/]            # checked even without a `kind:`
# per-file-ignores:
#   "archive/**": [operator-required]
"""


def precommit_text(repo: str, rev: str) -> str:
    return f"""\
repos:
  - repo: {repo}
    rev: {rev}  # perflint {__version__}: a commit until a release is tagged
    hooks:
      - id: perflint  # checks staged declarations only; other YAML passes untouched
"""


def github_text(repo: str, rev: str) -> str:
    return f"""\
name: perflint
on:
  pull_request:
  push:
    branches: [main]
permissions:
  contents: read
jobs:
  perflint:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v5
      - uses: actions/setup-python@v6
        with:
          python-version: "3.12"
      - run: pip install "{DISTRIBUTION} @ git+{repo}@{rev}"
      # annotations on the pull request, and the findings as the job's summary
      - run: perflint check --format github --format "markdown=$GITHUB_STEP_SUMMARY"
"""


def gitlab_text(repo: str, rev: str) -> str:
    return f"""\
perflint:
  image: python:3.12
  script:
    - pip install "{DISTRIBUTION} @ git+{repo}@{rev}"
    - perflint check --format text --format gitlab=gl-code-quality-report.json --format junit=perflint-junit.xml
  artifacts:
    when: always
    reports:
      codequality: gl-code-quality-report.json
      junit: perflint-junit.xml
"""


def plan(ci: str, profile: str) -> list[tuple[str, str]]:
    """(path, text) of every file `init` writes: the configuration here, the pre-commit and CI
    files at the top of the git repository, where pre-commit, GitHub and GitLab read them."""
    repo, rev = installed_revision()
    top = _repository_top()
    files = [(".perflint.yaml", config_text(profile)), (os.path.join(top, ".pre-commit-config.yaml"), precommit_text(repo, rev))]
    if ci == "github":
        files.append((os.path.join(top, ".github", "workflows", "perflint.yml"), github_text(repo, rev)))
    elif ci == "gitlab":
        files.append((os.path.join(top, ".gitlab-ci.yml"), gitlab_text(repo, rev)))
    return [(os.path.normpath(path), text) for path, text in files]


def _repository_top() -> str:
    """The top of the git repository around the working directory, relative to it ('.' outside one)."""
    try:
        proc = subprocess.run(["git", "rev-parse", "--show-cdup"], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return "."
    return (proc.stdout.strip() or ".") if proc.returncode == 0 else "."


def _configured_already() -> str | None:
    """A configuration file in this folder that a new .perflint.yaml would shadow."""
    from perflint.config.loader import CONFIG_FILES, find_config

    found = find_config(Path.cwd())
    return found.name if found is not None and found.parent == Path.cwd() and found.name in CONFIG_FILES else None


def run_init(ci: str, profile: str, force: bool, dry_run: bool) -> int:
    from perflint.config.loader import read_profile
    from perflint.config.model import ConfigError

    try:
        read_profile(profile)
    except ConfigError as exc:
        click.echo(f"perflint: {exc}", err=True)
        return 2
    left_alone = 0
    already = _configured_already()
    for path, text in plan(ci, profile):
        target = Path(path)
        exists = target.exists()
        if path == ".perflint.yaml" and already and already != path:
            left_alone += 1
            click.echo(f"perflint: {already} configures perflint here already: no .perflint.yaml written "
                       "(it would take its place)", err=True)
            continue
        if dry_run:
            verb = "would replace" if exists and force else "would leave as it is" if exists else "would write"
            click.echo(f"# {path}: {verb}\n{text}")
            continue
        if exists and not force:
            left_alone += 1
            click.echo(f"perflint: {path} exists and was left as it is (--force replaces it); the part to add:\n{text}",
                       err=True)
            continue
        try:
            _write(target, text, replace=force)
        except FileExistsError:
            left_alone += 1
            click.echo(f"perflint: {path} appeared meanwhile and was left as it is", err=True)
            continue
        except OSError as exc:
            click.echo(f"perflint: cannot write {path}: {exc.strerror or exc}", err=True)
            return 2
        click.echo(f"perflint: wrote {path}", err=True)
    return 1 if left_alone else 0


def _write(path: Path, text: str, replace: bool) -> None:
    """Atomically: the text goes to a temporary file in the same folder, which then takes the name
    (linked without --force, so that a file created in the meantime is never replaced)."""
    from perflint.core.atomic import write_text

    if replace:
        write_text(path, text)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        try:
            os.link(tmp, path)  # fails when the name exists: never replaces
        except FileExistsError:
            raise
        except OSError:  # a file system without hard links: create the name exclusively
            with open(path, "x", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
    finally:
        os.unlink(tmp)
