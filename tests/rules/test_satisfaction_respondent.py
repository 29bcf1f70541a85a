"""satisfaction-respondent: its advice is generic, not one office's exhibitors and visitors."""
from conftest import lint_text
from snippets import SAT, block, ind

RULE = "satisfaction-respondent"


def _found(name):
    return [(d.line, d.column, d.message) for d in lint_text(block(ind(*SAT, name, "≥90%")), select=[RULE])]


def test_no_respondent_named_gets_generic_examples():
    [(line, column, message)] = _found("满意度")
    assert (line, column) == (4, 11)
    assert "exhibitor" not in message.en and "visitor" not in message.en and "参展" not in message.zh
    assert "residents" in message.en and "居民满意度" in message.zh


def test_the_funder_or_the_staff_asked_is_said_as_such():
    for name in ("主管部门满意度", "项目管理人员满意度"):
        [(line, column, message)] = _found(name)
        assert (line, column) == (4, 11)
        assert "exhibitor" not in message.en and "参展" not in message.zh
        assert "run, manage or fund" in message.en and "受益群众" in message.zh
