"""Which files are checked: declarations by their top-level kind, include/exclude with .gitignore
rules, .gitignore itself, the nearest configuration, files named on the command line."""
import json
import time

import pytest

from conftest import DECL, ROOT, git, write
from perflint.config.patterns import MAX_PATTERNS
from perflint.loading.kind import known_kind, top_level_kind

KINDS = frozenset({"declaration", "self-evaluation"})
COMPOSE = "services:\n  web:\n    image: nginx\n    ports: ['80:80']\n"
K8S = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 2\n"


def checked(perflint, cwd, *args):
    code, out, err = perflint(cwd, "check", "--no-cache", "--select", "budget-sum", "--format", "json", *args)
    assert code in (0, 1), err
    return json.loads(out)


@pytest.mark.parametrize("text,kind", [
    ("kind: declaration\n", "declaration"),
    ("# a comment\n---\nkind: 'self-evaluation'  # trailing\n", "self-evaluation"),
    ('"kind": "declaration"\n', "declaration"),
    ("\ufeffkind: declaration\n", "declaration"),
    ("kind: !!str declaration\n", "declaration"),
    ("kind: declaration\r\nfiscal_year: 2024\r\n", "declaration"),
    ("fiscal_year: 2024\nindicators:\n  - kind: 定量\n", None),  # an indicator's kind is not the document's
    ("notes: |\n  kind: declaration\n", None),  # inside a block scalar
    ("{kind: declaration, fiscal_year: 2024}\n", "declaration"),  # a flow mapping: parsed to tell
    ("# c\n{fiscal_year: 2024, indicators: [{kind: 定量}]}\n", None),
    (K8S, "Deployment"),
    (COMPOSE, None),
])
def test_top_level_kind_read_without_parsing(text, kind):
    assert top_level_kind(text.encode("utf-8")) == kind


def test_utf16_and_gbk_declarations_are_recognised_so_that_their_encoding_is_reported():
    assert top_level_kind("kind: declaration\n".encode("utf-16")) == "declaration"
    assert top_level_kind("kind: declaration\n项目: 测试\n".encode("gbk")) == "declaration"


@pytest.mark.parametrize("value,known", [
    ("declaration", True), ("Declaration", True), ("declaraton", True), ("self_evaluation", True),
    ("Deployment", False), ("Decoration", False), ("Configuration", False), ("evaluation", False), ("", False),
])
def test_near_misses_are_checked_so_that_the_schema_reports_them(value, known):
    assert known_kind(value, KINDS) is known


def test_only_declarations_are_checked_in_a_folder_and_the_rest_is_counted(perflint, tmp_path):
    write(tmp_path, {"decl.yaml": DECL, "docker-compose.yml": COMPOSE, "mkdocs.yml": "site_name: x\nnav: []\n",
                     "k8s/deploy.yaml": K8S, ".github/workflows/ci.yml": "on: [push]\njobs: {}\n",
                     "typo.yaml": DECL.replace("kind: declaration", "kind: Declaration")})
    payload = checked(perflint, tmp_path, ".")
    assert payload["files"] == ["decl.yaml", "typo.yaml"]
    assert payload["summary"]["skipped"] == 3
    code, out, err = perflint(tmp_path, "check", "--no-cache", "--lang", "en", "-v", ".")
    assert "3 other YAML file(s) skipped: not declarations (-v lists them)." in out
    assert "skipped docker-compose.yml: no top-level `kind:`" in err
    assert "skipped k8s/deploy.yaml: `kind: Deployment` is not a kind perflint checks" in err
    assert "typo.yaml" in out and "[schema]" in out  # the misspelt kind is reported, not passed over


def test_this_repositorys_own_yaml_is_not_linted(perflint):
    payload = checked(perflint, ROOT, ".")
    assert payload["files"] and all(f.startswith("declarations/") for f in payload["files"])
    assert payload["summary"]["skipped"] >= 6  # rules/*.yaml are profiles, not declarations


@pytest.mark.parametrize("pattern,kept", [
    ("build", ["a/b.yaml", "keep/build.yaml.d/x.yaml"]),
    ("build/", ["a/b.yaml", "keep/build.yaml.d/x.yaml"]),
    ("/build", ["a/b.yaml", "keep/build.yaml.d/x.yaml", "sub/build/x.yaml"]),
    ("*/x.yaml", ["a/b.yaml", "keep/build.yaml.d/x.yaml", "sub/build/x.yaml"]),
    ("a/*.yaml", ["build/x.yaml", "keep/build.yaml.d/x.yaml", "sub/build/x.yaml"]),
    ("keep/*", ["a/b.yaml", "build/x.yaml", "sub/build/x.yaml"]),
    ("**/x.yaml", ["a/b.yaml"]),
    ("sub/**", ["a/b.yaml", "build/x.yaml", "keep/build.yaml.d/x.yaml"]),
])
def test_exclude_has_gitignore_semantics(perflint, tmp_path, pattern, kept):
    write(tmp_path, {name: DECL for name in ("a/b.yaml", "build/x.yaml", "sub/build/x.yaml", "keep/build.yaml.d/x.yaml")})
    write(tmp_path, {".perflint.yaml": f"exclude: [{json.dumps(pattern)}]\n"})
    assert checked(perflint, tmp_path, ".")["files"] == kept


def test_exclude_can_take_a_match_back_and_include_adds_files_without_kind(perflint, tmp_path):
    write(tmp_path, {"legacy/a.yaml": DECL, "legacy/keep.yaml": DECL, "forms/plain.yml": DECL.replace("kind: declaration\n", ""),
                     "forms/other.txt": DECL, ".perflint.yaml": "exclude: [legacy/*, '!legacy/keep.yaml']\ninclude: [forms/]\n"})
    assert checked(perflint, tmp_path, ".")["files"] == ["forms/other.txt", "forms/plain.yml", "legacy/keep.yaml"]


def test_per_file_ignores_and_overrides_use_the_same_patterns(perflint, tmp_path):
    write(tmp_path, {"2019/a.yaml": DECL, "2019/deep/b.yaml": DECL, "c.yaml": DECL,
                     ".perflint.yaml": "per-file-ignores:\n  '2019/*.yaml': [budget-sum]\n"
                                       "overrides:\n  - files: [deep/]\n    rules: {budget-sum: info}\n"})
    found = {(d["file"], d["severity"]) for d in checked(perflint, tmp_path, ".")["diagnostics"]}
    assert found == {("2019/deep/b.yaml", "info"), ("c.yaml", "error")}  # `*` does not cross folders


def test_a_bad_pattern_is_a_configuration_error_naming_the_key(perflint, tmp_path):
    write(tmp_path, {"a.yaml": DECL, ".perflint.yaml": "exclude: ['\\']\n"})
    code, _, err = perflint(tmp_path, "check", ".")
    assert code == 2 and "exclude" in err and "invalid pattern" in err


def test_gitignore_is_honoured_inside_a_repository(perflint, tmp_path):
    git(tmp_path, "init", "-q")
    write(tmp_path, {"a.yaml": DECL, "build/gen.yaml": DECL, "sub/tmp.yaml": DECL, "sub/keep.yaml": DECL,
                     "local.yaml": DECL, ".gitignore": "build/\n", "sub/.gitignore": "*.yaml\n!keep.yaml\n"})
    (tmp_path / ".git" / "info").mkdir(exist_ok=True)
    (tmp_path / ".git" / "info" / "exclude").write_text("local.yaml\n")
    assert checked(perflint, tmp_path, ".")["files"] == ["a.yaml", "sub/keep.yaml"]
    everything = checked(perflint, tmp_path, "--no-respect-gitignore", ".")["files"]
    assert everything == ["a.yaml", "local.yaml", "build/gen.yaml", "sub/keep.yaml", "sub/tmp.yaml"]
    assert checked(perflint, tmp_path / "sub", ".")["files"] == ["keep.yaml"]  # the top .gitignore counts from below
    code, _, err = perflint(tmp_path, "check", "--no-cache", "-v", ".")
    assert "not checked: build/: ignored by .gitignore" in err


def test_gitignore_outside_a_repository_is_not_read(perflint, tmp_path):
    write(tmp_path, {"a.yaml": DECL, "build/gen.yaml": DECL, ".gitignore": "build/\n"})
    assert checked(perflint, tmp_path, ".")["files"] == ["a.yaml", "build/gen.yaml"]


def test_named_files_are_always_checked_and_force_exclude_selects_them(perflint, tmp_path):
    git(tmp_path, "init", "-q")
    write(tmp_path, {"a.yaml": DECL, "compose.yml": COMPOSE, "legacy/old.yaml": DECL, "build/gen.yaml": DECL,
                     ".gitignore": "build/\n", ".perflint.yaml": "exclude: [legacy]\n"})
    named = ["a.yaml", "compose.yml", "legacy/old.yaml", "build/gen.yaml"]
    assert checked(perflint, tmp_path, *named)["files"] == named
    assert checked(perflint, tmp_path, "--force-exclude", *named)["files"] == ["a.yaml"]
    code, out, err = perflint(tmp_path, "check", "--force-exclude", "compose.yml", "legacy/old.yaml")
    assert code == 0, err  # pre-commit named only files that are not to be checked: nothing to do


def test_nothing_to_check_is_said_and_fails_when_the_paths_were_named(perflint, tmp_path):
    write(tmp_path, {"empty/.keep": "", "ops/compose.yml": COMPOSE})
    code, out, err = perflint(tmp_path, "check", "empty/")
    assert code == 2 and "nothing to check: no declaration found in empty/" in err and out == ""
    code, _, err = perflint(tmp_path, "check", "ops")
    assert code == 2 and "1 YAML file(s) that are not declarations skipped" in err and "kind: declaration" in err
    code, out, err = perflint(tmp_path / "ops", "check", "--lang", "en")  # no path named: say so, pass
    assert code == 0 and "nothing to check" in err and "Nothing checked" in out


def test_each_file_is_governed_by_its_nearest_configuration(perflint, tmp_path):
    write(tmp_path, {"a.yaml": DECL, "team/b.yaml": DECL, "team/deep/c.yaml": DECL,
                     ".perflint.yaml": "lang: en\nrules: {budget-sum: warning}\n",
                     "team/.perflint.yaml": "per-file-ignores: {'**': [budget-sum]}\nexclude: [skip.yaml]\n", "team/skip.yaml": DECL})
    payload = checked(perflint, tmp_path, ".")
    assert payload["files"] == ["a.yaml", "team/b.yaml", "team/deep/c.yaml"]
    assert [(d["file"], d["severity"]) for d in payload["diagnostics"]] == [("a.yaml", "warning")]
    code, _, err = perflint(tmp_path, "check", "--no-cache", "-v", ".")
    assert "checking a.yaml (configuration: .perflint.yaml)" in err
    assert "checking team/deep/c.yaml (configuration: team/.perflint.yaml)" in err
    assert "1 file(s) configured by .perflint.yaml" in err and "2 file(s) configured by team/.perflint.yaml" in err
    # from inside the subfolder the same file gets the same configuration
    assert checked(perflint, tmp_path / "team", "b.yaml")["diagnostics"] == []
    # --config: one configuration for every path
    forced = checked(perflint, tmp_path, "--config", ".perflint.yaml", ".")
    assert len(forced["diagnostics"]) == 4


def test_a_broken_configuration_in_a_subfolder_names_its_file(perflint, tmp_path):
    write(tmp_path, {"a.yaml": DECL, "team/b.yaml": DECL, "team/.perflint.yaml": "rules: {budgt-sum: off}\n"})
    code, _, err = perflint(tmp_path, "check", ".")
    assert code == 2 and "team/.perflint.yaml" in err and "did you mean budget-sum?" in err


def test_diff_with_no_declaration_changed_passes_and_says_so(perflint, tmp_path):
    git(tmp_path, "init", "-q")
    write(tmp_path, {"a.yaml": DECL})
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "x")
    code, out, err = perflint(tmp_path, "check", "--no-cache", "--diff", "HEAD", "--format", "json")
    assert code == 0 and "no declaration changed since HEAD" in err and json.loads(out)["files"] == []


def test_a_folder_named_on_the_command_line_is_checked_even_where_patterns_leave_it_out(perflint, tmp_path):
    git(tmp_path, "init", "-q")
    write(tmp_path, {"build/gen.yaml": DECL, "build/x.tmp.yaml": DECL, "legacy/old.yaml": DECL, "a.yaml": DECL,
                     ".gitignore": "build/\n*.tmp.yaml\n", "build/.gitignore": "skip.yaml\n", "build/skip.yaml": DECL,
                     ".perflint.yaml": "exclude: [legacy/]\n"})
    assert checked(perflint, tmp_path, ".")["files"] == ["a.yaml"]
    assert checked(perflint, tmp_path, "build")["files"] == ["build/gen.yaml", "build/x.tmp.yaml"]  # its own .gitignore holds
    assert checked(perflint, tmp_path / "build", ".")["files"] == ["gen.yaml", "x.tmp.yaml"]
    assert checked(perflint, tmp_path, "legacy")["files"] == ["legacy/old.yaml"]


def test_patterns_and_names_a_pull_request_controls_cannot_make_matching_slow(perflint, tmp_path):
    git(tmp_path, "init", "-q")
    name = "a" * 200
    write(tmp_path, {f"{name}/{name}/{name}.yaml": DECL, "b.yaml": DECL,
                     ".gitignore": "*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b\n**/a/**/a/**/a/**/b\n" + "x\n" * 3000,
                     "blank.yaml": "\n" * 50_000 + " kind: x\n",
                     ".perflint.yaml": "exclude: ['*a*a*a*a*a*a*a*a*a*a*a*a*a*a*c']\n"})
    start = time.perf_counter()
    code, out, err = perflint(tmp_path, "check", "--no-cache", "--select", "budget-sum", "--format", "json", ".")
    assert time.perf_counter() - start < 10, "matching must stay linear"
    assert json.loads(out)["files"] == ["b.yaml", f"{name}/{name}/{name}.yaml"]
    assert f"only its first {MAX_PATTERNS} of 3002 patterns are honoured" in err


def test_without_re2_patterns_that_could_backtrack_are_refused(monkeypatch):
    from perflint.config import patterns

    monkeypatch.setattr(patterns, "LINEAR", False)
    patterns.compile_patterns.cache_clear()
    try:
        with pytest.raises(patterns.PatternError, match="too complex"):
            patterns.compile_patterns(("*a*a*b",))
        with pytest.raises(patterns.PatternError, match="too complex"):
            patterns.compile_patterns(("**/a/**/b/**/c",))
        assert patterns.matches("x/y.tmp.yaml", ("*.tmp.*", "**/x/**"))
    finally:
        patterns.compile_patterns.cache_clear()


def test_file_names_that_look_like_options_are_files(tmp_path):
    """pre-commit appends staged names to the hook's options: `--config=x.yaml` is a file here."""
    from test_cli import run

    write(tmp_path, {"--config=evil.yaml": "rules: {budget-sum: off}\n", "--format=html=r.yaml": DECL, "a.yaml": DECL,
                     "evil.yaml": "select: [yaml-syntax]\n"})
    proc = run("check", "--force-exclude", "--no-cache", "--select", "budget-sum", "--format", "concise",
               "--config=evil.yaml", "--format=html=r.yaml", "a.yaml", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert "a.yaml:4:27:" in proc.stdout and "--format=html=r.yaml:4:27:" in proc.stdout
    assert not (tmp_path / "r.yaml").exists()


def test_a_broken_pyproject_of_another_project_is_not_read(perflint, tmp_path):
    write(tmp_path, {"vendored/pyproject.toml": "[project\nname = broken", "vendored/a.yaml": DECL,
                     "own/pyproject.toml": "[tool.perflint]\nlang = 'en'\n[tool.perflint.rules]\nbudget-sum = 'warning'\n",
                     "own/b.yaml": DECL})
    payload = checked(perflint, tmp_path, ".")
    assert [(d["file"], d["severity"]) for d in payload["diagnostics"]] == [("own/b.yaml", "warning"), ("vendored/a.yaml", "error")]


def test_a_file_name_that_is_not_utf8_is_shown_escaped_in_text():
    """(Reading such a file is the safety work's; the text output never prints a lone surrogate.)"""
    import os

    from perflint.output.text import visible

    assert visible(os.fsdecode(b"bad\xff.yaml")) == "bad\\xff.yaml"
    assert visible("a\ud800b") == "a\\ud800b"


def test_a_fifo_named_gitignore_is_never_waited_on(perflint, tmp_path):
    import os

    git(tmp_path, "init", "-q")
    write(tmp_path, {"a.yaml": DECL})
    os.mkfifo(tmp_path / ".gitignore")
    (tmp_path / "sub").mkdir()
    os.mkfifo(tmp_path / "sub" / ".gitignore")
    start = time.perf_counter()
    assert checked(perflint, tmp_path, ".")["files"] == ["a.yaml"]
    assert time.perf_counter() - start < 10


# Where discovery by kind meets a tree a pull request controls (issue 9): links and special files.

def test_links_and_special_files_in_a_folder_are_reported_whatever_they_hold(perflint, tmp_path):
    import os

    outside = tmp_path / "outside"
    write(outside, {"decl.yaml": DECL, "compose.yaml": COMPOSE})
    repo = tmp_path / "repo"
    write(repo, {"decl.yaml": DECL, "docker-compose.yml": COMPOSE})
    (repo / "alias.yml").symlink_to("docker-compose.yml")  # inside: read as its target, so skipped like it
    (repo / "same.yaml").symlink_to("decl.yaml")  # inside: the declaration itself, checked once
    (repo / "out.yaml").symlink_to(outside / "decl.yaml")  # out of the tree: never read to find its kind
    (repo / "out-compose.yaml").symlink_to(outside / "compose.yaml")
    os.mkfifo(repo / "pipe.yaml")
    payload = checked(perflint, repo, ".")
    assert payload["files"] == ["decl.yaml", "out-compose.yaml", "out.yaml", "pipe.yaml"]
    refused = sorted(d["file"] for d in payload["diagnostics"] if d["rule"] == "file-not-regular")
    assert refused == ["out-compose.yaml", "out.yaml", "pipe.yaml"]
    assert payload["summary"]["skipped"] == 1  # docker-compose.yml, met twice, counted once


def test_ignore_and_configuration_files_that_link_out_are_never_read(perflint, tmp_path):
    outside = tmp_path / "outside"
    write(outside, {"ignore": "*.yaml\n", "conf.yaml": "api_key: hunter2\n"})
    repo = tmp_path / "repo"
    write(repo, {"decl.yaml": DECL, "sub/b.yaml": DECL})
    git(repo, "init", "-q")
    (repo / ".gitignore").symlink_to(outside / "ignore")
    code, out, err = perflint(repo, "check", "--no-cache", "--format", "json", ".")
    assert json.loads(out)["files"] == ["decl.yaml", "sub/b.yaml"]
    assert ".gitignore: not honoured: A symbolic link pointing outside" in err
    (repo / "sub" / ".perflint.yaml").symlink_to(outside / "conf.yaml")
    code, out, err = perflint(repo, "check", "--no-cache", ".")
    assert code == 2 and "sub/.perflint.yaml" in err and "outside the linted tree" in err
    assert "hunter2" not in err + out and "api_key" not in err + out


@pytest.mark.parametrize("named", ["declarations", "declarations/", "sub/deep/a.yaml"])
def test_a_named_path_that_links_out_takes_no_configuration_from_outside(perflint, tmp_path, named):
    outside = tmp_path / "outside"
    write(outside, {".perflint.yaml": "api_key: hunter2\n", "deep/.perflint.yaml": "api_key: hunter2\n",
                    "deep/a.yaml": DECL})
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "declarations").symlink_to(outside / "deep")
    (repo / "sub").symlink_to(outside)
    code, out, err = perflint(repo, "check", "--no-cache", "--format", "json", named)
    assert code == 1, err
    assert [d["rule"] for d in json.loads(out)["diagnostics"]] == ["file-not-regular"]
    assert "hunter2" not in err + out and "api_key" not in err + out


def test_fix_applies_each_file_its_own_configuration(perflint, tmp_path):
    """fix lints each file again just before editing it: under the configuration that governs it."""
    text = ('kind: declaration\nfiscal_year: 2024\nproject: {name: x}\nbudget: {unit: 元, annual: "1,000"}\n'
            "indicators:\n  - {level1: 产出指标, level2: 质量指标, name: 合格率, target: ≧95%}\n")
    write(tmp_path, {"a.yaml": text, "sub/a.yaml": text, "sub/.perflint.yaml": "rules: {operator-symbol: 'off'}\n"})
    code, _, err = perflint(tmp_path, "fix", ".")
    assert code == 0, err
    fixed = text.replace('"1,000"', "1000")
    assert (tmp_path / "a.yaml").read_text(encoding="utf-8") == fixed.replace("≧95%", "≥95%")
    assert (tmp_path / "sub" / "a.yaml").read_text(encoding="utf-8") == fixed  # its operator left as it is
