from conftest import ROOT, lint_text
from perflint.config.loader import load_config
from perflint.engine.runner import lint_bytes


def sat(comment=""):
    return "indicators:\n  - {level1: 效果目标, level2: 满意度, name: 执行者满意度, target: '>=80%'}" + comment + "\n"


def run(text, require_reason=False):
    config = load_config(cli={"select": ("satisfaction-min", "suppression-invalid", "suppression-unused")}, cwd=ROOT / "tests")
    config.require_reason = require_reason
    return lint_bytes("t.yaml", text.encode("utf-8"), config).diagnostics


def test_trailing_comment_suppresses_with_reason():
    diags = run(sat("  # perflint: disable=satisfaction-min -- 内部人员满意度，按 80% 管理"))
    assert [(d.rule, d.suppressed) for d in diags] == [("satisfaction-min", "内部人员满意度，按 80% 管理")]


def test_comment_on_the_line_above():
    text = "indicators:\n  # perflint: disable=satisfaction-min -- agreed with the finance bureau\n" \
           "  - {level1: 效果目标, level2: 满意度, name: 执行者满意度, target: '>=80%'}\n"
    assert [d.suppressed for d in run(text)] == ["agreed with the finance bureau"]


def test_file_level_suppression():
    text = "# perflint: disable-file=satisfaction-min -- legacy form\n" + sat()
    assert [d.suppressed for d in run(text)] == ["legacy form"]


def test_unused_and_malformed_suppressions_are_reported():
    text = "fiscal_year: 2024  # perflint: disable=satisfaction-min -- nothing here\n" \
           "project: {name: x}  # perflint: disable=no-such-rule\n" \
           "kind: declaration  # perflint: enable-everything\n"
    assert sorted((d.rule, d.line) for d in run(text)) == [
        ("suppression-invalid", 2), ("suppression-invalid", 3), ("suppression-unused", 1)]


def test_reason_can_be_mandatory():
    diags = run(sat("  # perflint: disable=satisfaction-min"), require_reason=True)
    assert sorted((d.rule, d.suppressed is None) for d in diags) == [("satisfaction-min", True), ("suppression-invalid", True)]


def test_hash_inside_a_quoted_value_is_not_a_comment():
    text = "indicators:\n  - {level1: 效果目标, level2: 满意度, name: '参观者满意度 # perflint: disable=satisfaction-min', target: '>=80%'}\n"
    assert [d.rule for d in run(text) if not d.suppressed] == ["satisfaction-min"]


def test_suppressed_findings_do_not_count():
    found = lint_text(sat("  # perflint: disable=satisfaction-min -- ok"), select=["satisfaction-min"])
    assert found == []
