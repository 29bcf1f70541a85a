"""Checks across files, end to end: the real CLI on a tree of declarations and self-evaluations.
A finding names both places (JSON `related`, SARIF relatedLocations); --diff, the cache, suppressions
and baselines stay right when only one side of a pair changes; the index is linear."""
import json
import shutil
import subprocess
import sys
import time

import pytest

from conftest import lint_set
from perflint.model.project import SUMMARY_VERSION, Pair, ProjectFile

DECL = """\
# yaml-language-server: $schema=../schema/declaration.schema.json
kind: declaration
fiscal_year: 2021
department: 上海推进科技创新中心建设办公室
project:
  name: 科创中心建设工作经费
budget:
  unit: 元
  annual: 30681400
indicators:
  - level1: 产出指标
    level2: 数量指标
    name: 项目完成率
    target: "{target}"
  - level1: 满意度指标
    level2: 服务对象满意度指标
    name: 服务对象满意度
    target: "≥95.00(%)"
"""
SELF = """\
kind: self-evaluation
fiscal_year: 2021
department: 上海推进科技创新中心建设办公室
project:
  name: 科创中心建设工作经费
selfeval:
  execution: {{unit: 万元, initial: 3068.14, full_year: 3068.14, executed: 3068.14, points: 10, rate: 100%, score: 10}}
indicators:
  - level1: 产出指标
    level2: 数量指标
    name: 项目完成率
    target: "{target}"{comment}
    actual: 96%
    points: 80
    score: 80
  - level1: 满意度指标
    level2: 服务对象满意度指标
    name: 服务对象满意度
    target: "≥95%"
    actual: 96%
    points: 10
    score: 10
"""
ACROSS = ("selfeval-target-matches", "selfeval-indicators-match", "selfeval-budget-matches", "yoy-target-lowered",
          "yoy-indicator-renamed", "yoy-budget-jump", "duplicate-project")


def run(*args, cwd):
    return subprocess.run([sys.executable, "-m", "perflint", *args], cwd=cwd, capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": str(cwd)})


def check(tmp, *args):
    proc = run("check", "--format", "json", "--lang", "en", *args, cwd=tmp)
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)


def across(payload):
    return [d for d in payload["diagnostics"] if d["rule"] in ACROSS]


def write(tmp, decl="≥95%", selfeval="≥95%", comment=""):
    (tmp / "2021").mkdir(exist_ok=True)
    (tmp / "2021" / "declaration.yaml").write_text(DECL.format(target=decl), encoding="utf-8")
    (tmp / "2021" / "self-evaluation.yaml").write_text(SELF.format(target=selfeval, comment=comment), encoding="utf-8")


def test_a_changed_target_is_one_finding_naming_both_files_and_lines(tmp_path):
    write(tmp_path, decl="≥95%", selfeval="≥90%")
    [d] = across(check(tmp_path, "."))
    assert (d["rule"], d["file"], d["line"], d["column"], d["pointer"]) == (
        "selfeval-target-matches", "2021/self-evaluation.yaml", 12, 13, "/indicators/0/target")
    assert d["related"] == [{"file": "2021/declaration.yaml", "line": 14, "column": 13, "end_line": 14, "end_column": 19,
                             "pointer": "/indicators/0/target", "message": "the declared target"}]
    assert "2021/declaration.yaml:14" in d["message"] and "≥95%" in d["message"] and "≥90%" in d["message"]


def test_the_same_pair_with_identical_targets_gives_none(tmp_path):
    write(tmp_path)  # ≥95.00(%) in the declaration and ≥95% in the self-evaluation are one target
    assert across(check(tmp_path, ".")) == []


def test_text_sarif_and_markdown_show_the_related_place(tmp_path):
    write(tmp_path, decl="≥95%", selfeval="≥90%")
    text = run("check", "--lang", "en", "--select", "selfeval-target-matches", ".", cwd=tmp_path).stdout.splitlines()
    assert text[0].startswith("2021/self-evaluation.yaml:12:13: warning [selfeval-target-matches]")
    assert text[1] == "    ↳ 2021/declaration.yaml:14:13: the declared target"
    sarif = json.loads(run("check", "--format", "sarif", "--select", "selfeval-target-matches", ".", cwd=tmp_path).stdout)
    [result] = sarif["runs"][0]["results"]
    [rel] = result["relatedLocations"]
    assert rel["physicalLocation"]["artifactLocation"]["uri"].endswith("2021/declaration.yaml")
    assert rel["physicalLocation"]["region"]["startLine"] == 14
    from test_output_sarif import validate

    validate(sarif)
    markdown = run("check", "--format", "markdown", "--select", "selfeval-target-matches", ".", cwd=tmp_path).stdout
    assert "self-evaluation.yaml:12](2021/self-evaluation.yaml#L12) ↔ [2021/declaration.yaml:14]" in markdown


def test_a_suppression_on_the_self_evaluation_silences_it_and_is_not_called_unused(tmp_path):
    write(tmp_path, decl="≥95%", selfeval="≥90%", comment="  # perflint: disable=selfeval-target-matches -- 年中调整，经财政局批复")
    payload = check(tmp_path, ".")
    assert across(payload) == [] and payload["summary"]["suppressed"] == 1
    assert not [d for d in payload["diagnostics"] if d["rule"] == "suppression-unused"]
    write(tmp_path, decl="≥95%", selfeval="≥95%", comment="  # perflint: disable=selfeval-target-matches -- 已一致")
    assert not [d for d in check(tmp_path, ".")["diagnostics"] if d["rule"] == "suppression-unused"]


def test_the_cache_follows_a_change_on_either_side(tmp_path):
    write(tmp_path, decl="≥95%", selfeval="≥90%")
    assert len(across(check(tmp_path, "."))) == 1
    assert len(across(check(tmp_path, "."))) == 1  # warm: both files from the cache
    assert any((tmp_path / ".cache" / "perflint").rglob("*"))  # HOME is tmp_path: the user cache folder
    time.sleep(0.01)
    (tmp_path / "2021" / "declaration.yaml").write_text(DECL.format(target="≥90%"), encoding="utf-8")
    assert across(check(tmp_path, ".")) == []  # only the declaration changed; the self-evaluation is cached
    (tmp_path / "2021" / "declaration.yaml").write_text(DECL.format(target="≥85%"), encoding="utf-8")
    [d] = across(check(tmp_path, "."))
    assert "≥85%" in d["message"]


def test_a_baseline_holds_until_either_side_changes(tmp_path):
    write(tmp_path, decl="≥95%", selfeval="≥90%")
    assert run("baseline", "b.json", ".", cwd=tmp_path).returncode == 0
    assert across(check(tmp_path, "--baseline", "b.json", ".")) == []
    (tmp_path / "2021" / "declaration.yaml").write_text(DECL.format(target="≥92%"), encoding="utf-8")
    [d] = across(check(tmp_path, "--baseline", "b.json", "."))  # the other side moved: a new finding
    assert d["file"] == "2021/self-evaluation.yaml" and "≥92%" in d["message"]


def git(tmp, *args):
    subprocess.run(["git", *args], cwd=tmp, check=True, capture_output=True,
                   env={"PATH": "/usr/bin:/bin", "HOME": str(tmp), "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"})


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_diff_reports_a_pair_when_only_the_declaration_changed(tmp_path):
    write(tmp_path)
    (tmp_path / "other.yaml").write_text("kind: declaration\nfiscal_year: 2021\nproject: {name: 别的项目}\nindicators: []\n",
                                         encoding="utf-8")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "forms")
    assert check(tmp_path, "--diff", "HEAD", ".")["files"] == []
    (tmp_path / "2021" / "declaration.yaml").write_text(DECL.format(target="≥99%"), encoding="utf-8")
    payload = check(tmp_path, "--diff", "HEAD", ".")
    [d] = across(payload)
    assert (d["file"], d["line"], d["related"][0]["file"]) == ("2021/self-evaluation.yaml", 12, "2021/declaration.yaml")
    assert sorted(payload["files"]) == ["2021/declaration.yaml", "2021/self-evaluation.yaml"]
    # the unchanged self-evaluation's own findings stay out of a --diff run
    assert {x["file"] for x in payload["diagnostics"] if x["rule"] not in ACROSS} <= {"2021/declaration.yaml"}


def test_worker_pool_and_one_process_agree(tmp_path):
    for i in range(40):  # enough files for the pool
        folder = tmp_path / f"p{i:02}"
        folder.mkdir()
        (folder / "d.yaml").write_text(DECL.format(target="≥95%").replace("科创中心建设工作经费", f"项目{i}"), encoding="utf-8")
        (folder / "s.yaml").write_text(SELF.format(target="≥90%", comment="").replace("科创中心建设工作经费", f"项目{i}"),
                                       encoding="utf-8")
    one = run("check", "--no-cache", "--format", "json", "--jobs", "1", ".", cwd=tmp_path).stdout
    two = run("check", "--no-cache", "--format", "json", "--jobs", "2", ".", cwd=tmp_path).stdout
    assert one == two and len(across(json.loads(one))) == 40


def test_aliases_pair_a_project_spelled_differently(tmp_path):
    write(tmp_path, decl="≥95%", selfeval="≥90%")
    path = tmp_path / "2021" / "self-evaluation.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("name: 科创中心建设工作经费", "name: 科创中心建设工作经费项目"),
                    encoding="utf-8")
    assert across(check(tmp_path, ".")) == []
    (tmp_path / ".perflint.yaml").write_text("aliases:\n  projects: {科创中心建设工作经费项目: 科创中心建设工作经费}\n", encoding="utf-8")
    assert [d["rule"] for d in across(check(tmp_path, "."))] == ["selfeval-target-matches"]
    (tmp_path / ".perflint.yaml").write_text("aliases:\n  project: {a: b}\n", encoding="utf-8")
    bad = run("check", ".", cwd=tmp_path)
    assert bad.returncode == 2 and "aliases" in bad.stderr and "'project'" in bad.stderr


def test_indicators_dropped_added_renamed_and_the_initial_budget():
    decl = DECL.format(target="≥95%")
    mine = (SELF.format(target="≥95%", comment="").replace("name: 服务对象满意度", "name: 参观者满意度")
            .replace("initial: 3068.14", "initial: 2903.14")
            + "  - {level1: 效益指标, level2: 社会效益指标, name: 新增指标, target: '≥1个', actual: 1个, points: 0, score: 0}\n")
    found = lint_set({"s.yaml": mine, "d.yaml": decl}, select=ACROSS)["s.yaml"]
    assert sorted((d.rule, d.pointer) for d in found) == [
        ("selfeval-budget-matches", "/selfeval/execution/initial"),
        ("selfeval-indicators-match", "/indicators/1/name"),  # renamed: same level and target
        ("selfeval-indicators-match", "/indicators/2/name"),  # added
    ]
    budget = next(d for d in found if d.rule == "selfeval-budget-matches")
    assert "29,031,400" in budget.message.en and "30,681,400" in budget.message.en
    assert budget.related[0].file == "d.yaml" and budget.related[0].pointer == "/budget/annual"


def test_year_over_year_and_duplicates():
    last = DECL.format(target="≥95%").replace("2021", "2020")
    this = (DECL.format(target="≥90%").replace("annual: 30681400", "annual: 60000000")
            .replace("name: 服务对象满意度", "name: 服务对象满意率"))
    found = lint_set({"2021.yaml": this, "2020.yaml": last, "copy.yaml": last}, select=ACROSS)
    assert sorted((d.rule, d.pointer) for d in found["copy.yaml"]) == [("duplicate-project", "/project/name")]
    assert found["2021.yaml"] == []  # last year has two files: which to compare with is unknown
    found = lint_set({"2021.yaml": this, "2020.yaml": last}, select=ACROSS)["2021.yaml"]
    assert sorted((d.rule, d.pointer) for d in found) == [
        ("yoy-budget-jump", "/budget/annual"), ("yoy-indicator-renamed", "/indicators/1/name"),
        ("yoy-target-lowered", "/indicators/0/target")]
    assert all(d.related and d.related[0].file == "2020.yaml" for d in found)


def test_the_index_is_linear_and_survives_hostile_keys():
    from perflint.engine.crossfile import Index

    def f(i, kind="declaration", year=2021, project="同一项目"):
        return ProjectFile(f"f{i:05}.yaml", f"f{i:05}.yaml", {"v": 1, "kind": kind, "year": year, "dept": "部门", "project": project,
                                                              "ind": [], "spans": {}})

    start = time.perf_counter()
    same = Index([f(i) for i in range(10_000)])  # 10,000 files claiming one project and year
    pairs = list(same.pairs())
    assert len(pairs) == 9_999 and all(kind == "duplicate" and p.other.path == "f00000.yaml" for kind, p in pairs)
    many = Index([f(i, project=f"项目{i}", year=2000 + i % 30) for i in range(10_000)])
    assert list(many.pairs()) == []
    assert time.perf_counter() - start < 2
    looped = Index([f(1, project="甲"), f(2, "self-evaluation", project="乙")], {"projects": {"甲": "乙", "乙": "甲"}})
    assert [(k, p.subject.path) for k, p in looped.pairs()] == []  # an alias is applied once: 甲→乙, 乙→甲, no loop
    assert isinstance(Pair(f(1), f(2)).subject, ProjectFile)
    for bad in ({"v": 1, "year": "2021", "project": ["x"]}, {"v": 1, "year": True, "project": "x"}, {"v": 1},
                {"v": 1, "year": 2021, "project": "x", "dept": "d", "ind": [[1, 2], None, ["a"] * 9], "spans": {"": [1]},
                 "annual": "NaN", "initial_places": 10 ** 9, "unit": ["万元"]}):
        f_bad = ProjectFile("x.yaml", "x.yaml", bad)
        assert list(Index([f_bad]).pairs()) == []
        assert (f_bad.annual, f_bad.span("/indicators/0/name").line, f_bad.unit) == (None, 1, "元")
        assert [i.name for i in f_bad.indicators] in ([], ["a"])
    no_dept = [ProjectFile(f"{i}.yaml", f"{i}.yaml", {"v": 1, "kind": "declaration", "year": 2024, "project": "机关服务",
                                                       "dept": ""}) for i in range(2)]
    assert list(Index(no_dept).pairs()) == []  # two offices' 机关服务 with no department are not one project
    memos = [f(i, kind="memo") for i in range(3)]
    assert list(Index(memos).pairs()) == []  # only the two document kinds are indexed


def test_summaries_travel_through_marshal_for_the_cache():
    import marshal

    from conftest import DECLARATIONS
    from perflint.config.loader import load_config
    from perflint.engine.runner import FileResult, lint_bytes

    config = load_config(cwd=DECLARATIONS)
    for path in sorted(DECLARATIONS.rglob("*.yaml")):
        result = lint_bytes(str(path), path.read_bytes(), config)
        assert result.summary and result.summary["v"] == SUMMARY_VERSION
        back = FileResult.unpack(result.path, marshal.loads(marshal.dumps(result.pack())))
        assert back.summary == result.summary and back.diagnostics == result.diagnostics


def test_every_output_carries_the_related_place(tmp_path):
    """JSON and SARIF carry it as data; text, GitHub, GitLab, JUnit and Markdown name the other file and
    line; the HTML report links to the other file's section."""
    from perflint.output import renderer
    from perflint.output.report import Report

    texts = {"2021/s.yaml": SELF.format(target="≥90%", comment=""), "2021/d.yaml": DECL.format(target="≥95%")}
    config_results = lint_set(texts, select=["selfeval-target-matches"])
    assert [d.rule for d in config_results["2021/s.yaml"]] == ["selfeval-target-matches"]

    from perflint.config.loader import load_config
    from perflint.engine import crossfile
    from perflint.engine.runner import lint_bytes

    config = load_config(cli={"select": ("selfeval-target-matches",)}, cwd=tmp_path)
    for name, text in texts.items():
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    results = crossfile.apply([lint_bytes(n, t.encode("utf-8"), config) for n, t in texts.items()], config)
    report = Report(results, lang="en", root=str(tmp_path))
    for fmt in ("text", "github", "gitlab", "junit", "markdown"):
        assert "d.yaml:14" in renderer(fmt)(report), fmt
    html = renderer("html")(report)
    assert 'class="related">↳ <a href="#decl-1">2021/d.yaml:14:13</a> the declared target' in html
