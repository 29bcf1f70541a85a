"""`perflint fix`: exact scalar replacement, comments and layout intact, --diff first."""
import pytest

from perflint.engine.fixes import FixError, apply, render_scalar
from test_cli import run

DOC = """\
# 申报表 — a comment that must survive
kind: declaration
fiscal_year: 2024
project: {name: x}  # inline comment
indicators:
  - level1: 产出指标
    level2: 数量指标
    name: 版本号
    target: 1.10   # keep me
  - {level1: 产出指标, level2: 质量指标, name: 合格率, target: '≥95%'}
"""


def test_diff_shows_and_writes_nothing_then_fix_writes_only_the_scalar(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text(DOC, encoding="utf-8")
    shown = run("fix", "--diff", "--select", "yaml-coercion", ".", cwd=tmp_path)
    assert shown.returncode == 1
    assert '-    target: 1.10   # keep me\n+    target: "1.10"   # keep me' in shown.stdout
    assert path.read_text(encoding="utf-8") == DOC
    done = run("fix", "--select", "yaml-coercion", ".", cwd=tmp_path)
    assert done.returncode == 0 and "fixed 1 problem(s) in 1 file(s)" in done.stderr
    assert path.read_text(encoding="utf-8") == DOC.replace("target: 1.10 ", 'target: "1.10" ')
    assert run("fix", "--diff", "--select", "yaml-coercion", ".", cwd=tmp_path).returncode == 0  # nothing left


@pytest.mark.parametrize("text,style,expected", [
    ("≥95%", None, "≥95%"),
    ("1.10", None, '"1.10"'),
    (">=4次", None, '">=4次"'),
    ("a: b", None, '"a: b"'),
    ("≥95%", "'", "'≥95%'"),
    ("it's", "'", "'it''s'"),
    ('say "hi"', '"', '"say \\"hi\\""'),
])
def test_render_scalar_keeps_text(text, style, expected):
    assert render_scalar(text, style) == expected


def test_apply_keeps_a_byte_order_mark():
    out = apply("a.yaml", "\ufeff" + DOC, [("/indicators/0/target", "1.10")])
    assert out.startswith("\ufeff# 申报表") and 'target: "1.10"' in out


def test_apply_refuses_what_is_not_a_scalar():
    with pytest.raises(FixError):
        apply("a.yaml", DOC, [("/indicators/0", "x")])


def test_operator_and_amount_fixes(tmp_path):
    text = ("# 注释\nkind: declaration\nfiscal_year: 2024\nproject: {name: x}\nbudget:\n  unit: 元\n"
            "  annual: \"41,098,620\"   # as printed\nindicators:\n"
            "  - {level1: 产出指标, level2: 质量指标, name: 合格率, target: '≧95%'}  # keep\n")
    path = tmp_path / "b.yaml"
    path.write_text(text, encoding="utf-8")
    done = run("fix", "--select", "operator-symbol,money-format", "b.yaml", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert path.read_text(encoding="utf-8") == text.replace('"41,098,620"', "41098620").replace("'≧95%'", "'≥95%'")
    after = run("check", "--no-cache", "--select", "operator-symbol,money-format,budget-sum", "b.yaml", cwd=tmp_path)
    assert after.returncode == 0, after.stdout


def test_an_aliased_scalar_is_edited_once():
    text = "a: &t 1.10\nb: *t\n"
    out = apply("a.yaml", text, [("/a", "1.10"), ("/b", "1.10")])
    assert out == 'a: &t "1.10"\nb: *t\n'
