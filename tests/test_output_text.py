"""The text output exactly as the user sees it (snapshots in tests/snapshots/), and the CLI
conventions around it: --color and NO_COLOR, -q, --statistics, --exit-zero, standard input."""
import pytest

from conftest import DECL, write
from output_support import assert_snapshot

SAMPLE = """\
kind: declaration
fiscal_year: 2024
implementing_unit: 示例单位
project: {name: 示例项目, nature: 经常性项目, category: 特定目标类, start: 2024-01-01, end: 2024-12-31}
budget:
  unit: 元
  annual: 100
  sources: {appropriation: 100}
  items:
    - {name: a, amount: 40}
    - {name: b, amount: 50}
indicators:
  - level1: 产出指标
    level2: 数量指标
    name: 培训人数
    target: 满足需求
  - level1: 满意度指标
    level2: 服务对象满意度指标
    name: 参训人员满意度
    target: "≧95%"
notes:
  第一条: 说明
  第二条: 说明
"""
RULES = "budget-sum,output-quantified,operator-symbol,schema"


@pytest.fixture
def sample(tmp_path):
    write(tmp_path, {"sample.yaml": SAMPLE})
    return tmp_path


def text(perflint, cwd, *args, env=None):
    code, out, err = perflint(cwd, "check", "--no-cache", "--select", RULES, *args, env=env)
    assert code in (0, 1), err
    return out


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_full_format(perflint, sample, lang):
    assert_snapshot(f"text-full-{lang}.txt", text(perflint, sample, "--lang", lang, "sample.yaml"))


def test_concise_format(perflint, sample):
    assert_snapshot("text-concise-en.txt", text(perflint, sample, "--lang", "en", "--format", "concise", "sample.yaml"))


def test_statistics(perflint, sample):
    assert_snapshot("statistics-en.txt", text(perflint, sample, "--lang", "en", "--statistics", "sample.yaml"))


def test_colour_always_and_never(perflint, sample):
    coloured = text(perflint, sample, "--lang", "en", "--color", "always", "sample.yaml")
    assert_snapshot("text-colour-en.txt", coloured.replace("\x1b", "\\x1b"))
    assert "\x1b[" not in text(perflint, sample, "--lang", "en", "--color", "never", "sample.yaml")


def test_no_color_and_force_color(perflint, sample):
    # the test's standard output is no terminal: auto means no colour unless FORCE_COLOR says so
    assert "\x1b[" not in text(perflint, sample, "sample.yaml")
    assert "\x1b[" in text(perflint, sample, "sample.yaml", env={"FORCE_COLOR": "1"})
    assert "\x1b[" not in text(perflint, sample, "sample.yaml", env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert "\x1b[" in text(perflint, sample, "--color", "always", "sample.yaml", env={"NO_COLOR": "1"})


def test_quiet_prints_the_findings_only(perflint, sample):
    out = text(perflint, sample, "--lang", "en", "-q", "--format", "concise", "sample.yaml")
    assert [line.split(": ")[0] for line in out.splitlines()] == ["sample.yaml:7:11", "sample.yaml:16:13",
                                                                  "sample.yaml:20:13", "sample.yaml:22:3"]
    code, out, err = perflint(sample, "check", "--no-cache", "-q", "--select", "satisfaction-min", "sample.yaml")
    assert (code, out, err) == (0, "", "")


def test_exit_zero(perflint, sample):
    code, out, _ = perflint(sample, "check", "--no-cache", "--exit-zero", "--select", RULES, "sample.yaml")
    assert code == 0 and "[budget-sum]" in out
    code, _, err = perflint(sample, "check", "--exit-zero", "--select", "budgt-sum", "sample.yaml")
    assert code == 2 and "did you mean budget-sum?" in err  # an error is still an error


def test_carets_under_wide_characters_and_escaped_controls(perflint, tmp_path):
    write(tmp_path, {"h.yaml": 'kind: declaration\nindicators:\n  - {level1: 产出指标, level2: 数量指标, '
                               'name: "x\\u001b[31m\\u202e", target: 满足需求}\n'})
    code, out, _ = perflint(tmp_path, "check", "--lang", "en", "--select", "output-quantified", "h.yaml")
    assert "\x1b" not in out and "\u202e" not in out and '"x\\x1b[31m\\u202e"' in out.splitlines()[0]
    source, carets = out.splitlines()[4:6]
    before = source[: source.index("满足需求")]
    wide = sum(1 for ch in before if "\u4e00" <= ch <= "\u9fff")
    # 满足需求: four characters, eight columns; every Chinese character before it takes two
    assert carets.index("^") == len(before) + wide and carets.count("^") == 8


def test_carets_measure_the_line_as_escaped(perflint, tmp_path):
    """A tab shows as \\t and U+202E as \\u202e (the escaping every format shares): the carets are
    placed by what is shown, not by the characters the file holds."""
    write(tmp_path, {"t.yaml": 'kind: declaration\nindicators:\n  - {level1: 产出指标, level2: 数量指标, '
                               'name: "a\tb\u202ec", target: 满足需求}\n'})
    code, out, _ = perflint(tmp_path, "check", "--lang", "en", "--select", "output-quantified", "t.yaml")
    assert code == 1 and "\t" not in out and "\u202e" not in out
    source, carets = out.splitlines()[4:6]
    assert 'name: "a\\tb\\u202ec", target: 满足需求' in source
    before = source[: source.index("满足需求")]
    wide = sum(1 for ch in before if "\u4e00" <= ch <= "\u9fff")
    assert carets.index("^") == len(before) + wide and carets.count("^") == 8


def test_standard_input_with_a_file_name(perflint, tmp_path):
    write(tmp_path, {"team/.perflint.yaml": "per-file-ignores: {'ignored.yaml': [budget-sum]}\n"})
    args = ("check", "--no-cache", "--select", "budget-sum", "--lang", "en", "--format", "concise")
    code, out, _ = perflint(tmp_path, *args, "-", "--stdin-filename", "team/a.yaml", input=DECL)
    assert code == 1 and out.startswith("team/a.yaml:4:27: error [budget-sum] ")
    code, out, _ = perflint(tmp_path, *args, "-", "--stdin-filename", "team/ignored.yaml", input=DECL)
    assert code == 0 and "All clear: 1 file(s)" in out  # the subfolder's configuration applied
    code, out, _ = perflint(tmp_path, *args, "-", input=DECL)
    assert code == 1 and out.startswith("-:4:27: error [budget-sum] ")
    code, _, err = perflint(tmp_path, *args, "--stdin-filename", "a.yaml", "x")
    assert code == 2 and "give - as the PATH" in err


def test_full_format_of_standard_input_shows_its_lines(perflint, tmp_path):
    code, out, _ = perflint(tmp_path, "check", "--select", "budget-sum", "--lang", "en", "-", input=DECL)
    lines = out.splitlines()
    assert lines[4] == "4 | budget: {unit: 元, annual: 100, items: [{name: a, amount: 40}, {name: b, amount: 50}]}"
    assert lines[5] == "  |                            ^^^ budget-sum"  # 元 takes two columns


def test_fix_of_standard_input_prints_the_fixed_text(perflint, tmp_path):
    code, out, _ = perflint(tmp_path, "fix", "-q", "-", input=SAMPLE)
    assert code == 0 and out == SAMPLE.replace("≧95%", "≥95%")


def test_source_lines_are_never_read_through_a_link_out_of_the_tree(perflint, tmp_path):
    """The full format reads each file again for its excerpt: as the lint step did, so a link out of
    the tree (reported as file-not-regular) shows no line of what it points at."""
    (tmp_path / "secret.txt").write_text("api_key: hunter2\n")
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "env.yaml").symlink_to(tmp_path / "secret.txt")
    code, out, _ = perflint(repo, "check", "--no-cache", "--lang", "en", "env.yaml")
    assert code == 1 and "env.yaml:1:1: error [file-not-regular]" in out
    assert "hunter2" not in out and "api_key" not in out
