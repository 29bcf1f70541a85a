"""Issue 9, item 8: `perflint fix` never loses work — a change saved meanwhile is not overwritten,
block scalars are fixed with the lines around them intact, amounts keep every digit, and mode,
ownership, read-only files and links are respected."""
import os
import stat

import pytest

from perflint.core.atomic import WriteRefused, replace_if_unchanged
from perflint.engine.fixes import apply_fixes
from test_cli import run

HEAD = "kind: declaration\nfiscal_year: 2024\nproject: {name: x}\n"
ROW = "  - {level1: 产出指标, level2: 质量指标, name: 完成率, target: '≧99%'}  # keep\n"
BLOCK = ("indicators:\n  - level1: 产出指标\n    level2: 质量指标\n    name: 合格率\n    target: |  # note\n      ≧95%\n"
         "  # an own-line comment under the block\n" + ROW +
         "  - level1: 产出指标\n    level2: 质量指标\n    name: 达标率\n    target: >-\n      ≧98%\n")


def fix(tmp_path, *args):
    return run("fix", "--select", "operator-symbol,money-format", *args, cwd=tmp_path,
               env={"PERFLINT_CACHE_DIR": str(tmp_path / ".c")})


def test_block_scalars_are_fixed_and_keep_the_lines_around_them(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text(HEAD + BLOCK, encoding="utf-8")
    done = fix(tmp_path, "a.yaml")
    assert done.returncode == 0, done.stderr
    assert path.read_text(encoding="utf-8") == HEAD + BLOCK.replace("≧", "≥")  # final newline kept too
    assert run("check", "--no-cache", "--select", "operator-symbol", "a.yaml", cwd=tmp_path).returncode == 0


@pytest.mark.parametrize("text", [
    "a: |\n  ≧95%\n",  # clip, the file ends in the block
    "a: |\n  ≧95%",  # no final newline
    "a: |-\n  ≧95%\n\n# trailing comment\n",
    "a: >\n  ≧95%\n  next\nb: 1\n",
    "a: |2\n   ≧95% indented\n",
])
def test_block_scalar_edits_read_back_exactly(text):
    from perflint.loading.loader import load

    value = load("x.yaml", text.encode()).data["a"]
    new, skipped = apply_fixes("x.yaml", text, [("/a", value.replace("≧", "≥"))])
    assert skipped == []
    assert load("x.yaml", new.encode()).data["a"].strip() == value.replace("≧", "≥").strip()
    assert new.endswith("\n") == text.endswith("\n")
    if ">" not in text:  # a folded block is rewritten on one line: same value, re-flowed
        assert new.count("\n") == text.count("\n")


def test_a_fix_that_cannot_be_made_does_not_block_the_others():
    text = "a: '≧1'\nb: [x]\nc: '≧2'\n"
    new, skipped = apply_fixes("x.yaml", text, [("/a", "≥1"), ("/b", "y"), ("/c", "≥2")])
    assert new == "a: '≥1'\nb: [x]\nc: '≥2'\n" and [p for p, _ in skipped] == ["/b"]


def test_amounts_keep_every_digit(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text(HEAD + 'budget:\n  unit: 万元\n  annual: "12,345,678,901,234,567,890,123,456,789.123456"\nindicators: []\n',
                    encoding="utf-8")
    assert fix(tmp_path, "a.yaml").returncode == 0
    assert "annual: 12345678901234567890123456789.123456\n" in path.read_text(encoding="utf-8")


def test_a_change_saved_meanwhile_is_never_overwritten(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from perflint.cli.main import cli
    from perflint.engine import fixes

    path = tmp_path / "a.yaml"
    path.write_text(HEAD + "indicators:\n" + ROW, encoding="utf-8")
    theirs = HEAD + "indicators:\n" + ROW.replace("完成率", "完成率（已改）")
    real = fixes.apply_fixes

    def someone_saves(*args):
        out = real(*args)
        path.write_text(theirs, encoding="utf-8")  # between reading and writing
        return out

    monkeypatch.setattr(fixes, "apply_fixes", someone_saves)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PERFLINT_CACHE_DIR", str(tmp_path / ".c"))
    result = CliRunner().invoke(cli, ["fix", "--select", "operator-symbol", "a.yaml"])
    assert result.exit_code == 1 and "changed after it was read" in result.output
    assert path.read_text(encoding="utf-8") == theirs


def test_replace_refuses_changed_content(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_bytes(b"new")
    with pytest.raises(WriteRefused, match="changed"):
        replace_if_unchanged(path, b"old", b"fixed")
    assert path.read_bytes() == b"new" and sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml"]


def test_mode_and_ownership_are_kept(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text(HEAD + "indicators:\n" + ROW, encoding="utf-8")
    os.chmod(path, 0o640)
    if os.getuid() == 0:
        os.chown(path, 1234, 2345)
    assert fix(tmp_path, "a.yaml").returncode == 0
    st = os.stat(path)
    assert "≥99%" in path.read_text(encoding="utf-8") and stat.S_IMODE(st.st_mode) == 0o640
    if os.getuid() == 0:
        assert (st.st_uid, st.st_gid) == (1234, 2345)


def test_read_only_files_and_hard_links_need_force(tmp_path):
    ro = tmp_path / "ro.yaml"
    ro.write_text(HEAD + "indicators:\n" + ROW, encoding="utf-8")
    os.chmod(ro, 0o444)
    refused = fix(tmp_path, "ro.yaml")
    assert refused.returncode == 1 and "read-only" in refused.stderr and "≧99%" in ro.read_text(encoding="utf-8")
    assert fix(tmp_path, "--force", "ro.yaml").returncode == 0
    assert "≥99%" in ro.read_text(encoding="utf-8") and stat.S_IMODE(os.stat(ro).st_mode) == 0o444
    linked = tmp_path / "linked.yaml"
    linked.write_text(HEAD + "indicators:\n" + ROW, encoding="utf-8")
    os.link(linked, tmp_path / "other-name.txt")
    refused = fix(tmp_path, "linked.yaml")
    assert refused.returncode == 1 and "hard link" in refused.stderr and "≧99%" in linked.read_text(encoding="utf-8")


def test_a_symbolic_link_is_written_through_and_stays_a_link(tmp_path):
    target = tmp_path / "real.yaml"
    target.write_text(HEAD + "indicators:\n" + ROW, encoding="utf-8")
    (tmp_path / "link.yaml").symlink_to("real.yaml")
    with pytest.raises(WriteRefused, match="symbolic link"):
        replace_if_unchanged(tmp_path / "link.yaml", target.read_bytes(), b"x")
    assert fix(tmp_path, "link.yaml").returncode == 0  # discovery hands over the target inside the tree
    assert (tmp_path / "link.yaml").is_symlink() and "≥99%" in target.read_text(encoding="utf-8")
