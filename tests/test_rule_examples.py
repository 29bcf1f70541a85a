"""Every rule's documented PASS and FAIL examples run: the docs cannot drift from the code."""
import pytest

from conftest import ROOT, lint_set, lint_text
from perflint.cli.info import render_explain
from perflint.engine.registry import all_rules

EXAMPLES = [(r.id, i, e) for r in all_rules().values() for i, e in enumerate(r.examples)]


@pytest.mark.parametrize("rule_id,index,example", EXAMPLES, ids=[f"{r}-{i}" for r, i, _ in EXAMPLES])
def test_documented_example(rule_id, index, example):
    rules = {rule_id: dict(example.options)} if example.options else None
    if any(k.startswith("cross-file:") for k in all_rules()[rule_id].kinds):
        # an example across files: YAML documents, one per file; the findings are the first file's (named
        # to sort last, as the file a duplicate is reported in does)
        first, *others = example.yaml.split("---\n")
        texts = {"example/b.yaml": first, **{f"example/a{n}.yaml": doc for n, doc in enumerate(others)}}
        found = lint_set(texts, select=[rule_id], rules=rules)["example/b.yaml"]
    else:
        found = lint_text(example.yaml, select=[rule_id], rules=rules)
    pointers = sorted({d.pointer for d in found if d.rule == rule_id})
    assert pointers == sorted(set(example.fails))


def test_every_content_rule_has_pass_and_fail_examples():
    for rule in all_rules().values():
        if rule.check is None:
            continue
        assert any(not e.fails for e in rule.examples), f"{rule.id} has no passing example"
        assert any(e.fails for e in rule.examples), f"{rule.id} has no failing example"


@pytest.mark.parametrize("rule_id", sorted(all_rules()))
def test_docs_rules_reference_is_up_to_date(rule_id):
    rule = all_rules()[rule_id]
    for lang in ("zh", "en"):
        page = ROOT / "docs" / "rules" / lang / f"{rule_id}.md"
        assert page.is_file(), f"run `python -m perflint.cli.docs` to generate {page}"
        assert page.read_text(encoding="utf-8") == render_explain(rule, lang)


def test_every_rule_module_is_registered():
    import importlib
    import pkgutil

    import perflint.rules as package

    registered = {r.check.__module__ for r in all_rules().values() if r.check}
    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"perflint.rules.{info.name}")
        if hasattr(module, "check"):
            assert module.__name__ in registered, f"{module.__name__} is not in perflint/rules/__init__.py"
