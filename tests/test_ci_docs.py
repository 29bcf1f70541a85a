"""docs/ci.md can be followed today: its workflows parse and are what `perflint init` writes, every
perflint command in it (and in the README) is one the CLI accepts, and perflint is installed from
the repository at the commit `init` pins, which has the hook."""
import re
import shlex
import shutil
import subprocess

import click
import pytest
import yaml
from packaging.requirements import Requirement

from conftest import ROOT
from perflint.cli import init
from perflint.cli.main import cli

CI_DOC = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")
SHA = re.compile(r"\b[0-9a-f]{40}\b")


def blocks(text: str, lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", text, re.S)


def yaml_blocks() -> dict[str, dict]:
    """The YAML examples by the file name in their first line."""
    out = {}
    for block in blocks(CI_DOC, "yaml"):
        first = block.splitlines()[0]
        assert first.startswith("# "), f"a YAML example names its file on its first line: {first}"
        out[first[2:].strip()] = yaml.safe_load(block)
    return out


def perflint_commands(text: str) -> list[list[str]]:
    found = []
    for line in text.splitlines():
        line = line.strip().removeprefix("- ").removeprefix("run: ")
        if not line.startswith("perflint "):
            continue
        line = re.split(r"\s+#\s", line)[0].split(" < ")[0]
        found.append(shlex.split(line)[1:])
    return found


def test_every_example_parses_and_names_its_file():
    examples = yaml_blocks()
    assert set(examples) == {".github/workflows/perflint.yml", ".github/workflows/perflint-code-scanning.yml",
                             ".gitlab-ci.yml", ".pre-commit-config.yaml"}


@pytest.mark.parametrize("name", [".github/workflows/perflint.yml", ".github/workflows/perflint-code-scanning.yml"])
def test_github_workflows_are_well_formed(name):
    workflow = yaml_blocks()[name]
    assert workflow.get("on", workflow.get(True)) and workflow["jobs"]  # YAML 1.1 reads a bare `on` as true
    for job in workflow["jobs"].values():
        assert job["runs-on"] == "ubuntu-latest"
        for step in job["steps"]:
            assert ("uses" in step) != ("run" in step), step
            if "uses" in step:
                assert re.fullmatch(r"[\w-]+/[\w/-]+@v\d+", step["uses"]), step["uses"]


def test_gitlab_job_is_well_formed():
    (job,) = yaml_blocks()[".gitlab-ci.yml"].values()
    assert job["image"].startswith("python:") and isinstance(job["script"], list)
    reports = job["artifacts"]["reports"]
    assert {reports["codequality"], reports["junit"]} <= {a.split("=", 1)[1] for a in job["script"][1].split() if "=" in a}


def test_the_docs_are_what_init_writes():
    examples = yaml_blocks()
    repo, rev = init.REPOSITORY, init.PINNED_COMMIT
    assert examples[".github/workflows/perflint.yml"] == yaml.safe_load(init.github_text(repo, rev))
    assert examples[".gitlab-ci.yml"] == {"perflint": yaml.safe_load(init.gitlab_text(repo, rev))["perflint"]}
    assert examples[".pre-commit-config.yaml"] == yaml.safe_load(init.precommit_text(repo, rev))


def test_install_from_the_repository_at_the_pinned_commit():
    installs = [line for line in CI_DOC.splitlines() if "pip install" in line]
    assert len(installs) >= 4 and not any("pip install perflint" in line for line in installs)  # nothing on PyPI
    for line in installs:
        (spec,) = re.findall(r'"([^"]+)"', line)
        requirement = Requirement(spec)
        assert requirement.name == init.DISTRIBUTION
        assert requirement.url == f"git+{init.REPOSITORY}@{init.PINNED_COMMIT}"
    assert set(SHA.findall(CI_DOC)) == {init.PINNED_COMMIT}
    assert yaml_blocks()[".pre-commit-config.yaml"]["repos"][0]["rev"] == init.PINNED_COMMIT


def test_the_pinned_commit_has_the_hook_that_checks_declarations_only():
    if not (ROOT / ".git").exists() or shutil.which("git") is None:
        pytest.skip("no git history here")
    shown = subprocess.run(["git", "show", f"{init.PINNED_COMMIT}:.pre-commit-hooks.yaml"], cwd=ROOT,
                           capture_output=True, text=True)
    if shown.returncode != 0:
        if subprocess.run(["git", "rev-parse", "--is-shallow-repository"], cwd=ROOT, capture_output=True,
                          text=True).stdout.strip() == "true":
            pytest.skip("a shallow clone: the pinned commit is not here")
    assert shown.returncode == 0, shown.stderr
    (hook,) = yaml.safe_load(shown.stdout)
    assert hook["id"] == "perflint" and "--force-exclude" in hook["entry"]


def test_the_shipped_hook_checks_declarations_only():
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["entry"] == "perflint check --force-exclude" and hook["types"] == ["yaml"] and "files" not in hook


@pytest.mark.parametrize("args", perflint_commands(CI_DOC) + perflint_commands(README) +
                         perflint_commands(init.github_text("r", "0" * 40)) + perflint_commands(init.gitlab_text("r", "0" * 40)))
def test_every_documented_command_is_accepted(args):
    name, rest = args[0], args[1:]
    command = cli.get_command(click.Context(cli), name)
    assert command is not None, f"no command perflint {name}"
    command.make_context(name, list(rest))  # raises a UsageError for an unknown option or a bad value


def test_the_precommit_example_validates(tmp_path):
    if shutil.which("pre-commit") is None:
        pytest.skip("pre-commit is not installed")
    block = next(b for b in blocks(CI_DOC, "yaml") if b.startswith("# .pre-commit-config.yaml"))
    (tmp_path / "config.yaml").write_text(block, encoding="utf-8")
    proc = subprocess.run(["pre-commit", "validate-config", "config.yaml"], cwd=tmp_path, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
