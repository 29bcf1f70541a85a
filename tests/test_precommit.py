"""The real pre-commit, in a temporary git repository, running this repository's hook."""
import json
import os
import re
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


def test_other_yaml_passes_untouched(project, env):
    """docker-compose, mkdocs, a workflow, a Kubernetes manifest: the hook runs on them, checks nothing."""
    files = {"docker-compose.yml": "services:\n  web: {image: nginx}\n", "mkdocs.yml": "site_name: x\nnav: []\n",
             "k8s/deploy.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n",
             "ci/workflow.yml": "on: [push]\njobs:\n  t: {runs-on: ubuntu-latest, steps: [{run: make}]}\n"}
    for name, text in files.items():
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_text(text, encoding="utf-8")
    sh("git", "add", *files, cwd=project, env=env)
    proc = sh("git", "commit", "-m", "ops files", cwd=project, env=env)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "perflint (budget performance declarations)" in proc.stderr and "Passed" in proc.stderr


def test_done_when_a_real_repository_reports_only_on_its_declaration(tmp_path, hook_repo, env):
    """Issue 10's end-to-end check: a repository holding a declaration, a docker-compose.yml, an
    mkdocs.yml, a workflow, a k8s manifest, an ignored build/ and an excluded legacy/. `perflint check .`
    and the pre-commit hook report only on the declaration."""
    from test_cli import run

    repo_path, rev = hook_repo
    bad = GOOD.replace("amount: 60}", "amount: 50}")
    files = {
        "declarations/project.yaml": bad,
        "docker-compose.yml": "services:\n  db: {image: postgres, environment: {POSTGRES_PASSWORD: x}}\n",
        "mkdocs.yml": "site_name: budgets\nnav:\n  - Home: index.md\n",
        ".github/workflows/ci.yml": "name: ci\non: [push]\njobs:\n  t: {runs-on: ubuntu-latest, steps: [{run: make}]}\n",
        "deploy/k8s.yaml": "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {ports: [{port: 80}]}\n",
        "build/generated.yaml": bad, ".gitignore": "build/\n",
        "legacy/2015.yaml": bad, ".perflint.yaml": "exclude: [legacy/]\n",
        ".pre-commit-config.yaml": f"repos:\n  - repo: {repo_path}\n    rev: {rev}\n    hooks:\n"
                                   "      - id: perflint\n        args: [--lang, en]\n",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert sh("git", "init", "-q", cwd=tmp_path, env=env).returncode == 0
    assert sh("git", "add", "-A", cwd=tmp_path, env=env).returncode == 0

    proc = run("check", "--no-cache", "--format", "json", ".", cwd=tmp_path)
    payload = json.loads(proc.stdout)
    assert proc.returncode == 1 and payload["files"] == ["declarations/project.yaml"], proc.stderr
    assert {d["file"] for d in payload["diagnostics"]} == {"declarations/project.yaml"}
    assert payload["summary"]["skipped"] == 3  # docker-compose.yml, mkdocs.yml, deploy/k8s.yaml (.github is hidden)
    text = run("check", "--no-cache", "--lang", "en", ".", cwd=tmp_path).stdout
    paths = set(re.findall(r"^(\S+?):\d+:\d+: ", text, re.M))
    assert paths == {"declarations/project.yaml"} and "[budget-sum]" in text

    hook = sh("pre-commit", "run", "--all-files", cwd=tmp_path, env=env)
    out = hook.stdout + hook.stderr
    assert hook.returncode == 1, out
    assert set(re.findall(r"^(\S+?):\d+:\d+: ", out, re.M)) == {"declarations/project.yaml"}, out
    assert "[budget-sum]" in out
