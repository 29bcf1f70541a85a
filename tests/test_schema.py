"""The schema, its generated fast validator, and the worded errors of the slow one."""
import pytest

from conftest import ROOT, lint_text
from perflint.engine import schema_check


def test_generated_validator_is_current():
    """Generated from this very schema (compared by digest: the generated text may differ between
    fastjsonschema releases, the schema it encodes may not)."""
    current = (ROOT / "perflint" / "engine" / "_schema_validator.py").read_text(encoding="utf-8")
    assert f"# schema sha256: {schema_check.schema_digest()}\n" in current, \
        "run `python -m perflint.engine.schema_check > perflint/engine/_schema_validator.py`"


def test_every_property_has_a_chinese_title_and_a_description():
    def walk(node, path):
        if isinstance(node, dict):
            for name, prop in (node.get("properties") or {}).items():
                assert prop.get("title") and prop.get("description"), f"{path}/{name}"
                assert any("\u4e00" <= ch <= "\u9fff" for ch in prop["title"]), f"{path}/{name}"
                walk(prop, f"{path}/{name}")
            for key in ("items", "$defs"):
                sub = node.get(key)
                if isinstance(sub, dict):
                    for k, v in (sub.items() if key == "$defs" else [("items", sub)]):
                        walk(v, f"{path}/{k}")
    walk(schema_check.schema(), "")


@pytest.mark.parametrize("doc,valid", [
    ({"kind": "declaration", "fiscal_year": 2024, "project": {"name": "x"}, "indicators": []}, True),
    ({"kind": "declaration", "fiscal_year": "2024", "project": {"name": "x"}, "indicators": []}, False),
    ({"kind": "declaration", "fiscal_year": 2024, "project": {"name": "x", "start": "2024-1-1"}, "indicators": []}, True),
    ({"kind": "declaration", "fiscal_year": 2024, "project": {"nme": "x"}, "indicators": []}, False),
    ({"kind": "memo", "fiscal_year": 2024, "project": {"name": "x"}, "indicators": []}, False),
    ({"kind": "declaration", "fiscal_year": 2024, "project": {"name": "x"}, "indicators": [{"level1": "a"}]}, False),
])
def test_fast_and_full_validators_agree(doc, valid):
    from fastjsonschema import JsonSchemaException

    try:
        schema_check.fast_validator()(doc)
        fast = True
    except JsonSchemaException:
        fast = False
    assert fast is valid
    assert (schema_check.check(doc) == []) is valid


def test_schema_errors_are_worded_for_the_form_filler():
    found = lint_text("kind: declaration\nfiscal_year: 2024\nproject:\n  nmae: x\nindicators: []\n", select=["schema"])
    messages = sorted(d.message.en for d in found)
    assert any("Unknown field `nmae`; did you mean `name`?" in m for m in messages)
    assert any("Missing required field" in m and "name" in m for m in messages)
    assert {d.line for d in found} == {3, 4}
