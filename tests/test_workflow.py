"""Only what changed, only what is new: baselines, --diff, the cache and --jobs."""
import json
import shutil
import subprocess

import pytest

from conftest import ROOT
from test_cli import CORE, run

SRC = ROOT / "declarations" / "shanghai-stic-office"


@pytest.fixture
def repo(tmp_path):
    shutil.copytree(SRC / "2019", tmp_path / "2019")
    shutil.copytree(SRC / "2020", tmp_path / "2020")
    return tmp_path


def diags(proc):
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)["diagnostics"]


def test_baseline_hides_recorded_findings_and_survives_line_moves(repo):
    assert run("baseline", "perflint-baseline.json", ".", cwd=repo).returncode == 0
    assert diags(run("check", "--format", "json", "--baseline", "perflint-baseline.json", ".", cwd=repo)) == []
    run("baseline", "core.json", "--select", CORE, ".", cwd=repo)
    # move every line of one file down and insert an indicator above the others
    path = repo / "2019" / "public-service-platform.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("kind: declaration", "# a new comment\n\nkind: declaration")
    text = text.replace("indicators:\n", "indicators:\n  - {level1: 产出目标, level2: 数量目标, name: 新增指标, target: 若干}\n", 1)
    path.write_text(text, encoding="utf-8")
    new = diags(run("check", "--format", "json", "--select", CORE, "--baseline", "core.json", ".", cwd=repo))
    assert [(d["rule"], d["line"]) for d in new] == [("output-quantified", 40)]
    assert "新增指标" in new[0]["message"]


def test_baseline_reports_stale_entries(repo):
    run("baseline", "b.json", ".", cwd=repo)
    path = repo / "2019" / "public-service-platform.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("amount: 600000", "amount: 965000"), encoding="utf-8")
    proc = run("check", "--lang", "en", "--baseline", "b.json", ".", cwd=repo)
    assert proc.returncode == 0
    assert "1 baseline entr(ies) are fixed" in proc.stdout


def test_baseline_file_is_stable_and_reviewable(repo):
    run("baseline", "b1.json", ".", cwd=repo)
    run("baseline", "b2.json", ".", cwd=repo)
    assert (repo / "b1.json").read_text() == (repo / "b2.json").read_text()
    entry = json.loads((repo / "b1.json").read_text())["entries"][0]
    assert set(entry) == {"rule", "file", "pointer", "fingerprint", "message"}


def test_broken_baseline_is_a_usage_error(repo):
    (repo / "b.json").write_text("{nope")
    proc = run("check", "--baseline", "b.json", ".", cwd=repo)
    assert proc.returncode == 2 and "not valid JSON" in proc.stderr


def git(repo, *args):
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@e", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@e", "PATH": "/usr/bin:/bin", "HOME": str(repo)})


def test_diff_lints_only_changed_and_new_files(repo):
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "base")
    changed = repo / "2020" / "stic-work-funds.yaml"
    changed.write_text(changed.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    shutil.copy(SRC / "2024" / "it-operations.yaml", repo / "new.yaml")
    payload = json.loads(run("check", "--format", "json", "--diff", "HEAD", ".", cwd=repo).stdout)
    assert sorted(payload["files"]) == ["2020/stic-work-funds.yaml", "new.yaml"]
    bad = run("check", "--diff", "no-such-ref", ".", cwd=repo)
    assert bad.returncode == 2 and "no-such-ref" in bad.stderr


def test_cache_gives_identical_results_and_notices_edits(repo, tmp_path_factory):
    cache = tmp_path_factory.mktemp("cache")
    env = {"PERFLINT_CACHE_DIR": str(cache)}
    first = run("check", "--format", "json", ".", cwd=repo, env=env).stdout
    [cache_file] = list(cache.glob("*.marshal"))
    assert not list(repo.rglob("*.marshal"))  # nothing written into the linted tree
    assert run("check", "--format", "json", ".", cwd=repo, env=env).stdout == first
    path = repo / "2019" / "public-service-platform.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("amount: 600000", "amount: 965000"), encoding="utf-8")
    after = json.loads(run("check", "--format", "json", ".", cwd=repo, env=env).stdout)
    assert not [d for d in after["diagnostics"] if d["rule"] == "budget-sum"]
    cache_file.write_bytes(b"\x00garbage")  # a damaged cache is ignored, never trusted
    assert json.loads(run("check", "--format", "json", ".", cwd=repo, env=env).stdout) == after
    shutil.rmtree(cache)
    assert json.loads(run("check", "--format", "json", ".", cwd=repo, env=env).stdout) == after


def test_jobs_give_the_same_results_as_one_process(tmp_path):
    for i in range(80):  # enough files to use the worker pool
        shutil.copy(SRC / "2020" / "stic-work-funds.yaml", tmp_path / f"d{i:03}.yaml")
    one = run("check", "--no-cache", "--format", "json", "--jobs", "1", ".", cwd=tmp_path).stdout
    two = run("check", "--no-cache", "--format", "json", "--jobs", "2", ".", cwd=tmp_path).stdout
    assert one == two and json.loads(one)["summary"]["files"] == 80
    assert not list(tmp_path.rglob("*.marshal"))


def test_this_repositorys_baseline_is_current():
    """The pre-commit hook of this repository checks declarations/ against perflint-baseline.json: the
    bundled forms keep their real defects, and the baseline must list exactly those (regenerate it with
    `perflint baseline perflint-baseline.json declarations/` when a rule changes)."""
    proc = run("check", "--no-cache", "--lang", "en", "--fail-on", "info", "--baseline", "perflint-baseline.json",
               "declarations/")
    assert proc.returncode == 0, proc.stdout
    assert proc.stdout.startswith("All clear") and "baseline entr" not in proc.stdout, proc.stdout


def test_cached_run_with_a_fix_that_is_a_number(tmp_path):
    """money-format offers a Decimal fix: the cache must store it and give it back."""
    (tmp_path / "a.yaml").write_text("kind: declaration\nfiscal_year: 2024\nproject: {name: x}\n"
                                     "budget: {unit: 元, total: '3,350,000', annual: 3350000}\nindicators: []\n",
                                     encoding="utf-8")
    first = run("check", "--format", "json", "--select", "money-format", ".", cwd=tmp_path)
    assert first.returncode in (0, 1) and "Traceback" not in first.stderr and "internal" not in first.stderr, first.stderr
    assert run("check", "--format", "json", "--select", "money-format", ".", cwd=tmp_path).stdout == first.stdout
    fixed = run("fix", "--select", "money-format", ".", cwd=tmp_path)
    assert fixed.returncode == 0 and "total: 3350000" in (tmp_path / "a.yaml").read_text(encoding="utf-8")


def test_a_file_that_cannot_be_read_is_reported_whatever_the_selection(tmp_path):
    (tmp_path / "broken.yaml").write_text("kind: declaration\nindicators:\n  - target: >=4次\n")
    proc = run("check", "--select", "budget-sum", "--lang", "en", ".", cwd=tmp_path)
    assert proc.returncode == 1 and "[yaml-syntax]" in proc.stdout
    assert run("check", "--select", "budget-sum", "--ignore", "yaml-syntax", ".", cwd=tmp_path).returncode == 0


def test_decimal_values_are_part_of_the_fingerprint():
    from conftest import lint_text

    one = lint_text("budget: {unit: 元, total: 100.00, annual: 120.00}\n", select=["budget-sum"])
    two = lint_text("budget: {unit: 元, total: 100.00, annual: 130.00}\n", select=["budget-sum"])
    assert one[0].value == "120.00" and one[0].fingerprint != two[0].fingerprint


def test_deselecting_coercion_does_not_change_what_rules_see():
    from conftest import lint_text

    text = "indicators:\n  - {level1: 效益指标, level2: 社会效益指标, name: 展厅运营情况, target: yes}\n"
    assert [d.rule for d in lint_text(text, select=["qualitative-graded"])] == ["qualitative-graded"]


def test_a_huge_jobs_count_starts_a_few_workers(tmp_path, monkeypatch):
    """-j 99999 (a careless user, a CI template) once forked 99,999 processes for 80 files."""
    import multiprocessing

    from perflint.config.loader import load_config
    from perflint.engine.batch import default_jobs, lint_files

    real, started = multiprocessing.get_context(), []

    class Counting:
        def Pool(self, processes, **kwargs):  # noqa: N802 (multiprocessing's name)
            started.append(processes)
            assert processes <= 4 * default_jobs(), processes  # before any process is forked
            return real.Pool(processes, **kwargs)

    monkeypatch.setattr(multiprocessing, "get_context", lambda *a: Counting())
    paths = []
    for i in range(80):
        shutil.copy(SRC / "2020" / "stic-work-funds.yaml", tmp_path / f"d{i:03}.yaml")
        paths.append(str(tmp_path / f"d{i:03}.yaml"))
    results = lint_files(paths, load_config(cwd=tmp_path), jobs=99_999)
    assert len(results) == 80 and started and started[0] <= 80 // 8
