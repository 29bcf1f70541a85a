"""The real pre-commit, in a temporary git repository, running this repository's hook."""
import os
import shutil
import subprocess

import pytest

from conftest import ROOT

pytestmark = pytest.mark.skipif(shutil.which("pre-commit") is None, reason="pre-commit is not installed")

SHIPPED = ["pyproject.toml", "README.md", ".pre-commit-hooks.yaml", "perflint", "rules", "schema", "templates"]
GOOD = """\
kind: declaration
fiscal_year: 2024
project: {name: 示例项目}
budget: {unit: 元, annual: 100, items: [{name: a, amount: 40}, {name: b, amount: 60}]}
indicators: []
"""


def sh(*args, cwd, env=None):
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, env=env)


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    home = tmp_path_factory.mktemp("home")
    return {**os.environ, "HOME": str(home), "PRE_COMMIT_HOME": str(home / "pre-commit"),
            "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
            "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory, env):
    """A snapshot of this working tree as a git repository pre-commit can clone offline."""
    repo = tmp_path_factory.mktemp("hook-repo")
    for name in SHIPPED:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, repo / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            shutil.copy(src, repo / name)
    for args in (["git", "init", "-q"], ["git", "add", "."], ["git", "commit", "-qm", "snapshot"]):
        assert sh(*args, cwd=repo, env=env).returncode == 0
    return repo, sh("git", "rev-parse", "HEAD", cwd=repo, env=env).stdout.strip()


@pytest.fixture(scope="module")
def project(tmp_path_factory, hook_repo, env):
    repo_path, rev = hook_repo
    project = tmp_path_factory.mktemp("project")
    (project / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {repo_path}\n    rev: {rev}\n    hooks:\n"
        "      - id: perflint\n        args: [--select, 'budget-sum,satisfaction-min', --lang, en]\n")
    assert sh("git", "init", "-q", cwd=project, env=env).returncode == 0
    install = sh("pre-commit", "install", cwd=project, env=env)
    assert install.returncode == 0, install.stderr
    return project


def commit(project, env, name, text):
    (project / name).write_text(text, encoding="utf-8")
    sh("git", "add", name, cwd=project, env=env)
    return sh("git", "commit", "-m", f"add {name}", cwd=project, env=env)


def test_bad_declaration_is_blocked_and_the_finding_shown(project, env):
    bad = GOOD.replace("amount: 60}", "amount: 50}")
    proc = commit(project, env, "bad.yaml", bad)
    out = proc.stdout + proc.stderr
    assert proc.returncode != 0, out
    assert "bad.yaml:4:" in out and "[budget-sum]" in out
    assert "Sub-project amounts add up to 90" in out
    sh("git", "rm", "-q", "--cached", "bad.yaml", cwd=project, env=env)
    (project / "bad.yaml").unlink()


def test_good_declaration_passes(project, env):
    proc = commit(project, env, "good.yaml", GOOD)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "perflint (budget performance declarations)" in proc.stderr and "Passed" in proc.stderr


def test_config_files_are_not_linted_as_declarations(project, env):
    proc = commit(project, env, ".gitlab-ci.yml", "lint:\n  script: [perflint check]\n")
    assert proc.returncode == 0, proc.stdout + proc.stderr
