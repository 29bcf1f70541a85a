"""Bad input is a finding with a location, never a traceback."""
import pytest

from conftest import lint_text
from perflint.loading.loader import load


def rules_of(raw: bytes):
    doc = load("x.yaml", raw)
    return [(p.rule, (p.span or doc.source_map.span(p.finding.pointer, p.finding.on_key)).line) for p in doc.problems]


def test_valid_document_has_source_map_for_values_and_keys():
    doc = load("x.yaml", "project:\n  name: 测试项目\nindicators:\n  - {name: a, target: '≥95%'}\n".encode())
    assert doc.problems == []
    assert doc.data["project"]["name"] == "测试项目"
    assert doc.source_map.span("/project/name").line == 2
    assert doc.source_map.span("/project/name").column == 9
    assert doc.source_map.span("/project/name", on_key=True).column == 3
    span = doc.source_map.span("/indicators/0/target")
    assert (span.line, span.column) == (4, 23)


def test_missing_pointer_falls_back_to_nearest_ancestor():
    doc = load("x.yaml", b"project:\n  name: x\n")
    assert doc.source_map.span("/project/start").line == 1  # the `project:` key


def test_syntax_error_has_line_column_and_quote_hint():
    doc = load("x.yaml", "indicators:\n  - target: >=4次\n".encode())
    [p] = doc.problems
    assert p.rule == "yaml-syntax"
    assert (p.span.line, p.span.column) == (2, 13)
    assert "quote" in p.finding.message.en


@pytest.mark.parametrize("raw,rule,line", [
    (b"a:\n\tb: 1\n", "yaml-tab", 2),
    (b"a: 1\nb: 2\na: 3\n", "yaml-duplicate-key", 3),
    (b"\xef\xbb\xbfa: 1\n", "yaml-bom", 1),
    ("a: 测试".encode("gbk"), "yaml-encoding", 1),
    ("a: 1".encode("utf-16"), "yaml-encoding", 1),
    (b"", "yaml-empty", 1),
    (b"# only a comment\n", "yaml-empty", 1),
    (b"a: 1\n---\nb: 2\n", "yaml-multi-document", 3),
    (b"a: !!python/object/apply:os.system ['echo hi']\n", "yaml-tag", 1),
    (b"a: !custom x\n", "yaml-tag", 1),
    (b"base: &b {x: 1}\nother:\n  <<: *b\n", "yaml-tag", 3),
    (b"a: [1, 2\n", "yaml-syntax", 2),
])
def test_bad_input_classes(raw, rule, line):
    assert (rule, line) in rules_of(raw)


def test_python_tags_are_never_constructed(tmp_path):
    marker = tmp_path / "pwned"
    doc = load("x.yaml", f"a: !!python/object/apply:os.system ['touch {marker}']\n".encode())
    assert doc.data == {"a": None}
    assert not marker.exists()


def test_alias_bomb_is_bounded():
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i, name in enumerate("bcdefghi"):
        prev = "abcdefghi"[i]
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]")
    doc = load("x.yaml", "\n".join(lines).encode())
    assert [p.rule for p in doc.problems] == ["yaml-too-complex"]
    assert doc.data is None


def test_recursive_alias_is_bounded():
    doc = load("x.yaml", b"a: &a [*a]\n")
    assert [p.rule for p in doc.problems] == ["yaml-too-complex"]


@pytest.mark.parametrize("raw", [b"[" * 100_000 + b"]" * 100_000, b"- " * 100_000 + b"x"])
def test_deep_nesting_does_not_crash_the_parser(raw):
    assert [p.rule for p in load("x.yaml", raw).problems] == ["yaml-too-complex"]


def test_huge_file_is_refused_without_parsing():
    assert rules_of(b"a: " + b"x" * (3 * 1024 * 1024)) == [("yaml-too-large", 1)]


def test_numbers_are_exact():
    doc = load("x.yaml", b"a: 6491700.00\nb: 0.1\n")
    assert str(doc.data["a"]) == "6491700.00"
    assert str(doc.data["b"]) == "0.1"


@pytest.mark.parametrize("value,fires", [("1.10", True), ("012", True), ("yes", True), ("2023-01-01", True),
                                         ("100", False), ("0", False), ("'1.10'", False), ("95.5", False)])
def test_coercion_of_text_fields(value, fires):
    found = lint_text(f"indicators:\n  - {{level1: 产出指标, level2: 数量指标, name: n, target: {value}}}\n",
                      select=["yaml-coercion"])
    assert bool(found) is fires
    if fires:
        assert (found[0].line, found[0].pointer) == (2, "/indicators/0/target")


def test_coerced_text_reaches_rules_as_written():
    found = lint_text("indicators:\n  - {level1: 满意度指标, level2: 满意度, name: 满意度, target: 85}\n",
                      select=["satisfaction-min"])
    assert [d.rule for d in found] == ["satisfaction-min"]


def test_dates_in_date_fields_are_not_coercions():
    assert lint_text("fiscal_year: 2024\nproject: {name: x, start: 2024-01-01, end: 2024-12-31}\n",
                     select=["yaml-coercion", "fiscal-year-dates"]) == []


def test_top_level_list_is_a_schema_finding():
    found = lint_text("- a\n- b\n", select=["schema"])
    assert [(d.rule, d.line) for d in found] == [("schema", 1)]


def test_explicit_str_tag_is_kept():
    doc = load("x.yaml", b"a: !!str 2024\nb: 2024\nc: !!str yes\nd: !!int '5'\n")
    assert doc.data == {"a": "2024", "b": 2024, "c": "yes", "d": 5}
    assert doc.problems == []


@pytest.mark.parametrize("raw", [
    b"%YAML 1.2\n---\n", b"%YAML 1.2\n--- \n", b"%YAML   1.1\n---\n...\n", b"%YAML 1.2#c\n---\n",
    b"%YAML 1.2 # note\n---\n# nothing\n", b"%TAG ! tag:example.com,2000:\n---\n", b"---\n", b"--- # c\n...\n",
    b"~\n", b"null\n",
])
def test_an_empty_document_after_a_directive_is_empty(raw):
    """Issue 9, item 10: `%YAML 1.2` then `---` and nothing else passed silently."""
    assert [p.rule for p in load("x.yaml", raw).problems] == ["yaml-empty"]
    from conftest import ROOT
    from perflint.config.loader import load_config
    from perflint.engine.runner import lint_bytes

    config = load_config(cli={"select": ("budget-sum",)}, cwd=ROOT / "tests")
    assert [d.rule for d in lint_bytes("x.yaml", raw, config).active] == ["yaml-empty"]


def big_declaration(n: int) -> bytes:
    rows = "".join(f"  - {{level1: 产出指标, level2: 数量指标, name: 指标{i}, target: '≥{i}个'}}\n" for i in range(n))
    return ("kind: declaration\nfiscal_year: 2024\nindicators:\n" + rows).encode()


def test_a_large_file_is_parsed_once_and_never_collected(monkeypatch):
    """Issue 9, item 4: no second parse as events after 2,000 sequence markers, and no garbage
    collection while composing (it made compose superlinear); the collector's state is restored."""
    import gc

    import yaml

    parses = []
    monkeypatch.setattr(yaml, "parse", lambda *a, **k: parses.append(1) or iter(()))
    collections = []
    callback = lambda phase, info: collections.append(phase)  # noqa: E731
    gc.callbacks.append(callback)
    try:
        doc = load("x.yaml", big_declaration(15_000))
    finally:
        gc.callbacks.remove(callback)
    assert len(doc.data["indicators"]) == 15_000 and doc.problems == []
    assert parses == [] and collections == [] and gc.isenabled()


@pytest.mark.parametrize("value,fires", [("2023-02-20", False), ("yes", True)])
def test_iso_date_in_a_date_text_field_is_no_coercion(value, fires):
    # 填报日期 is text as printed; an unquoted ISO date reads back as the same text
    found = lint_text(f"fiscal_year: 2023\nfilled_date: {value}\nproject: {{name: x}}\n", select=["yaml-coercion"])
    assert [(d.rule, d.pointer) for d in found] == ([("yaml-coercion", "/filled_date")] if fires else [])
