"""Issue 9, item 2: what a pull request writes (values, names, file names) cannot forge a GitHub
workflow command, drive the terminal or render as markup, in any format."""
import json
import re
import xml.etree.ElementTree as ET

import pytest

from perflint.output.escape import line_start, markdown, visible
from test_cli import run

HOSTILE = [
    "x\n::error file=README.md,line=1::forged",
    "y\r::warning::forged",
    "\x1b[31mred\x1b[0m \x1b]8;;https://evil.example\x07link\x1b]8;;\x07 \x07bell",
    "abc\u202edcba \u2028next \u2029para \u0085nel",
    "legacy ##[error]forged",
    "azure ##vso[task.setvariable variable=PATH]/tmp/evil, teamcity ##teamcity[buildStatus text='ok']",
    "math $x$ | pipe `tick` <b>",
]
INDICATOR = "  - {{level1: 产出目标, level2: 数量目标, name: {name}, target: 满足需求}}\n"
RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
COMMAND = re.compile(r"##\w*\[")  # GitHub's legacy ##[…], Azure's ##vso[…], TeamCity's ##teamcity[…]: anywhere


@pytest.fixture
def hostile_tree(tmp_path):
    # a declaration (issue 10: other YAML is skipped); its kind last, so the indicators start on line 2
    body = "indicators:\n" + "".join(INDICATOR.format(name=json.dumps(n, ensure_ascii=False)) for n in HOSTILE)
    body += "kind: declaration\n"
    (tmp_path / "plain.yaml").write_text(body, encoding="utf-8")
    (tmp_path / "::error file=x,line=1::forged.yaml").write_text(body, encoding="utf-8")
    (tmp_path / "new\n::error::line.yaml").write_text(body, encoding="utf-8")
    (tmp_path / " ::warning::space.yaml").write_text(body, encoding="utf-8")
    return tmp_path


def lint(tree, *fmt):
    proc = run("check", "--no-cache", "--lang", "en", "--select", "output-quantified", *fmt, ".", cwd=tree)
    assert proc.returncode == 1, proc.stderr
    return proc.stdout


def _no_command_starts(out: str) -> None:
    for line in out.splitlines():
        assert not line.lstrip().startswith("::"), line
        assert not COMMAND.search(line), line


def test_text_output_cannot_start_a_workflow_command(hostile_tree):
    out = lint(hostile_tree, "--format", "concise")
    _no_command_starts(out)
    assert not RAW.search(out)
    assert "x\\n::error file=README.md" in out  # shown, escaped, on the finding's own line
    assert "\\x1b[31mred" in out and "\\u202e" in out and "\\u2028" in out and "\\x07bell" in out
    assert "./::error file=x,line=1::forged.yaml:2:" in out and "new\\n::error::line.yaml:2:" in out
    assert len(out.splitlines()) == 4 * len(HOSTILE) + 1  # one line per finding, plus the summary
    # the full format (the default) shows the same findings with their source lines, escaped alike
    full = lint(hostile_tree)
    _no_command_starts(full)
    assert not RAW.search(full)
    assert "x\\n::error file=README.md" in full
    assert "\\x1b[31mred" in full and "\\u202e" in full and "\\u2028" in full and "\\x07bell" in full
    assert "./::error file=x,line=1::forged.yaml:2:" in full and "new\\n::error::line.yaml:2:" in full
    heads = [ln for ln in full.splitlines() if re.search(r":\d+:\d+: (error|warning|info) \[output-quantified\]", ln)]
    assert len(heads) == 4 * len(HOSTILE)  # one head line per finding: no value broke one in two


def test_github_annotations_carry_data_only_after_the_command(hostile_tree):
    out = lint(hostile_tree, "--format", "github")
    lines = out.splitlines()
    commands = [ln for ln in lines if ln.startswith("::")]
    assert all(re.match(r"::(error|warning|notice) file=[^:]*,line=\d+", ln) for ln in commands), commands
    assert not RAW.search(out) and not COMMAND.search(out)
    assert not [ln for ln in lines if not ln.startswith("::") and ln.lstrip().startswith("::")]


def test_markdown_escapes_math_pipes_code_and_html(hostile_tree):
    out = lint(hostile_tree, "--format", "markdown")
    _no_command_starts(out)
    assert not RAW.search(out)
    assert "\\$x\\$ \\| pipe \\`tick\\` \\<b\\>" in out
    assert "$x$" not in out


def test_html_and_junit_show_controls_visibly(hostile_tree):
    html = lint(hostile_tree, "--format", "html")
    _no_command_starts(html)
    assert "\u202e" not in html and "\x1b" not in html and "\\u202e" in html
    junit = lint(hostile_tree, "--format", "junit")
    _no_command_starts(junit)
    assert not RAW.search(junit)
    ET.fromstring(junit.encode("utf-8"))


def test_machine_formats_stay_exact_but_cannot_forge(hostile_tree):
    for fmt in ("json", "sarif", "gitlab"):
        out = lint(hostile_tree, "--format", fmt)
        _no_command_starts(out)
        assert "\u202e" not in out and "\u2028" not in out
        text = json.dumps(json.loads(out), ensure_ascii=False)
        assert "##[error]forged" in text and "\u202e" in text  # lossless: the JSON reads back exactly
        assert "##vso[task.setvariable" in text


def test_visible_escapes():
    assert visible("a\nb\tc\x1b\x7f\x85\u202e\u2066\u200b\ufeff") == "a\\nb\\tc\\x1b\\x7f\\x85\\u202e\\u2066\\u200b\\ufeff"
    assert visible("名称 ≥95% 正常") == "名称 ≥95% 正常"
    assert visible("bad\udcff.yaml") == "bad\\xff.yaml"
    assert visible("x ##[error]y") == "x ##\\[error]y"
    assert visible("x ##vso[task.complete]y ##teamcity[m]") == "x ##vso\\[task.complete]y ##teamcity\\[m]"
    assert line_start("::error::x") == "./::error::x" and line_start("\u3000::x") == "./\u3000::x"
    assert line_start("a/b.yaml") == "a/b.yaml"
    assert markdown("a|b $c$ <d> `e`") == "a\\|b \\$c\\$ \\<d\\> \\`e\\`"


def test_fix_diff_shows_the_lines_it_changes_escaped(tmp_path):
    """The diff quotes the file's own lines, comments included: a pull request wrote them."""
    comment = " # \u202eevil ##vso[task.setvariable variable=PATH]/tmp ##[error]x"
    body = "kind: declaration\nindicators:\n  - {level1: 产出指标, level2: 数量指标, name: 数量, target: ≧5个}" + comment + "\n"
    (tmp_path / "a.yaml").write_text(body, encoding="utf-8")
    proc = run("fix", "--diff", "--select", "operator-symbol", "a.yaml", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    out = proc.stdout
    _no_command_starts(out)
    assert not RAW.search(out)
    assert "+  - {level1: 产出指标, level2: 数量指标, name: 数量, target: ≥5个} # \\u202eevil ##vso\\[task" in out
    assert (tmp_path / "a.yaml").read_text(encoding="utf-8") == body  # shown, not written


def test_xlsx_sheet_names_hold_no_bidi_or_invisible_characters(tmp_path):
    import openpyxl

    project = "abc\u202edcba\u2066x\u200by"
    (tmp_path / "a.yaml").write_text(f"kind: declaration\nproject: {{name: {json.dumps(project)}}}\nindicators: []\n",
                                     encoding="utf-8")
    proc = run("check", "--no-cache", "--format", "xlsx=r.xlsx", "a.yaml", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    names = openpyxl.load_workbook(tmp_path / "r.xlsx", read_only=True).sheetnames
    assert "1 abc_dcba_x_y" in names and not [n for n in names if RAW.search(n) or "\u200b" in n]
