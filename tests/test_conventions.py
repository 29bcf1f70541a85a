"""Usage errors a new user meets in the first hour: misspelt names, report paths that cannot be
written, git failures — each a plain message and exit 2 — and `perflint init`."""
import os
import subprocess

import pytest
import yaml

from conftest import DECL, git, write
from perflint.cli.init import PINNED_COMMIT, installed_revision
from perflint.config.loader import load_config


@pytest.fixture
def decl(tmp_path):
    write(tmp_path, {"a.yaml": DECL})
    return tmp_path


@pytest.mark.parametrize("args,config,expected", [
    (["--select", "budgt-sum"], None, "--select: unknown rule 'budgt-sum' (did you mean budget-sum?)"),
    (["--ignore", "satisfaction-mni"], None, "(did you mean satisfaction-min?)"),
    (["--extend-select", "budget-summ"], None, "(did you mean budget-sum?)"),
    ([], "rules: {budgt-sum: off}\n", "unknown rule 'budgt-sum' (did you mean budget-sum?)"),
    ([], "per-file-ignores: {'a.yaml': [budgt-sum]}\n", "(did you mean budget-sum?)"),
    ([], "overrides: [{era: [sh-2024], rules: {budgt-sum: off}}]\n", "(did you mean budget-sum?)"),
    ([], "rules: {satisfaction-min: {minn: 80}}\n", "unknown option 'minn' (did you mean min?)"),
    ([], "exlude: [x]\n", "unknown key 'exlude' (did you mean exclude?)"),
    ([], "profile: sh2024\n", "unknown profile 'sh2024' (did you mean sh-2024?)"),
    ([], "overrides: [{era: [sh-2052], rules: {}}]\n", "unknown era 'sh-2052' (did you mean sh-2025?)"),
    ([], "fail-on: eror\n", "unknown severity 'eror' (did you mean error?)"),
    (["--format", "jsno"], None, "unknown format 'jsno' (did you mean json?)"),
])
def test_did_you_mean_wherever_a_name_is_accepted(perflint, decl, args, config, expected):
    if config:
        (decl / ".perflint.yaml").write_text(config, encoding="utf-8")
    code, _, err = perflint(decl, "check", *args, "a.yaml")
    assert code == 2 and expected in err, err


def test_did_you_mean_in_explain_and_in_suppression_comments(perflint, decl):
    code, _, err = perflint(decl, "explain", "budgt-sum")
    assert code == 2 and "did you mean budget-sum?" in err
    write(decl, {"s.yaml": DECL + "# perflint: disable-file=budgt-sum -- x\n"})
    code, out, _ = perflint(decl, "check", "--no-cache", "--lang", "en", "--format", "concise", "s.yaml")
    assert "[suppression-invalid] Unknown rule `budgt-sum` in suppression; did you mean `budget-sum`?" in out


def test_the_old_profile_name_is_an_alias():
    assert load_config(cli={"profile": "shanghai-2025"}).settings == load_config(cli={"profile": "sh-2025"}).settings


@pytest.mark.parametrize("target,expected", [
    ("/proc/x.xml", "cannot write"),
    ("a.yaml/report.xml", "is not a folder"),
    (".", "that is a folder"),
])
def test_report_paths_that_cannot_be_written_are_usage_errors(perflint, decl, target, expected):
    code, out, err = perflint(decl, "check", "--format", f"junit={target}", "a.yaml")
    assert code == 2 and expected in err and "internal error" not in err and out == "", err


def test_a_read_only_folder_is_a_usage_error(perflint, decl):
    if os.geteuid() == 0:
        pytest.skip("root writes anywhere")
    (decl / "ro").mkdir(mode=0o555)
    code, _, err = perflint(decl, "check", "--format", "sarif=ro/x.sarif", "a.yaml")
    assert code == 2 and "permission denied" in err


def test_two_reports_to_one_file_and_missing_folders(perflint, decl):
    code, _, err = perflint(decl, "check", "--format", "json=r.json", "--format", "sarif=./r.json", "a.yaml")
    assert code == 2 and "same file" in err
    code, _, _ = perflint(decl, "check", "--no-cache", "--format", "json=out/deep/r.json", "a.yaml")
    assert code == 1 and (decl / "out" / "deep" / "r.json").is_file()  # folders are created


def test_git_errors_in_plain_words(perflint, decl):
    code, _, err = perflint(decl, "check", "--diff", "main", "a.yaml")
    assert code == 2 and "is not inside a git repository" in err and "fatal" not in err
    git(decl, "init", "-q")
    git(decl, "add", ".")
    git(decl, "commit", "-qm", "x")
    for ref in ("nosuchref", "--output=perflint-git-probe"):
        code, _, err = perflint(decl, "check", "--diff", ref, "a.yaml")
        assert code == 2 and f"no commit, branch or tag named {ref!r}" in err and "rev-parse" not in err, err
    assert not (decl / "perflint-git-probe").exists()


def test_init_writes_three_files_that_work(perflint, tmp_path):
    code, _, err = perflint(tmp_path, "init")
    assert code == 0, err
    config = tmp_path / ".perflint.yaml"
    assert load_config(cwd=tmp_path).source == str(config)  # a valid configuration
    precommit = yaml.safe_load((tmp_path / ".pre-commit-config.yaml").read_text())
    (hook_repo,) = precommit["repos"]
    _, rev = installed_revision()
    assert hook_repo["rev"] == rev and len(rev) == 40 and hook_repo["hooks"] == [{"id": "perflint"}]
    workflow = yaml.safe_load((tmp_path / ".github" / "workflows" / "perflint.yml").read_text())
    runs = [step["run"] for step in workflow["jobs"]["perflint"]["steps"] if "run" in step]
    assert runs[0] == f'pip install "perflint-cn @ git+https://github.com/perflint-cn/perflint@{rev}"'
    if subprocess.run(["which", "pre-commit"], capture_output=True).returncode == 0:
        check = subprocess.run(["pre-commit", "validate-config", ".pre-commit-config.yaml"], cwd=tmp_path,
                               capture_output=True, text=True)
        assert check.returncode == 0, check.stdout + check.stderr


def test_init_never_replaces_a_file_without_force(perflint, tmp_path):
    write(tmp_path, {".pre-commit-config.yaml": "repos: []  # mine\n"})
    code, _, err = perflint(tmp_path, "init", "--ci", "gitlab")
    assert code == 1 and ".pre-commit-config.yaml exists and was left as it is" in err and "id: perflint" in err
    assert (tmp_path / ".pre-commit-config.yaml").read_text() == "repos: []  # mine\n"
    assert (tmp_path / ".gitlab-ci.yml").is_file() and (tmp_path / ".perflint.yaml").is_file()
    code, _, _ = perflint(tmp_path, "init", "--ci", "gitlab", "--force")
    assert code == 0 and "id: perflint" in (tmp_path / ".pre-commit-config.yaml").read_text()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_init_dry_run_writes_nothing(perflint, tmp_path):
    code, out, _ = perflint(tmp_path, "init", "--dry-run", "--profile", "sh-2024")
    assert code == 0 and list(tmp_path.iterdir()) == []
    assert "# .perflint.yaml: would write" in out and "profile: sh-2024" in out
    assert "# .github/workflows/perflint.yml: would write" in out
    code, _, err = perflint(tmp_path, "init", "--profile", "sh2024")
    assert code == 2 and "did you mean sh-2024?" in err


def test_pinned_commit_is_a_sha():
    assert len(PINNED_COMMIT) == 40 and int(PINNED_COMMIT, 16) >= 0


def test_init_in_a_subfolder_writes_the_hook_and_workflow_at_the_repository_top(perflint, tmp_path):
    git(tmp_path, "init", "-q")
    (tmp_path / "forms").mkdir()
    code, _, err = perflint(tmp_path / "forms", "init")
    assert code == 0, err
    assert (tmp_path / "forms" / ".perflint.yaml").is_file()
    assert (tmp_path / ".pre-commit-config.yaml").is_file() and (tmp_path / ".github" / "workflows" / "perflint.yml").is_file()
    assert "wrote ../.pre-commit-config.yaml" in err


def test_init_never_shadows_a_pyproject_configuration(perflint, tmp_path):
    write(tmp_path, {"pyproject.toml": "[tool.perflint]\nprofile = 'sh-2024'\n"})
    code, _, err = perflint(tmp_path, "init", "--ci", "none")
    assert code == 1 and "pyproject.toml configures perflint here already" in err
    assert not (tmp_path / ".perflint.yaml").exists() and (tmp_path / ".pre-commit-config.yaml").is_file()
