"""The reviewer harness itself (tests/reviewer/ and bench/agreement.py), not perflint's scores: every
bundled real declaration has a reviewer list; each list names its declaration's source, points at
places that exist, names rules that exist (or are proposed and marked missing) and restates the
reference catalogue row for row; and the scoring counts what its docstring says."""
import importlib.util
import json
import re
import sys

import pytest

from conftest import DECLARATIONS, ROOT
from perflint.engine.registry import all_rules

_spec = importlib.util.spec_from_file_location("agreement", ROOT / "bench" / "agreement.py")
agreement = sys.modules["agreement"] = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(agreement)

LISTS = agreement.load_lists()
REGISTERED = set(all_rules())
PROPOSED = set(agreement.proposed_rules())
SHARED = ROOT.parent / "shared"

# Rows of the reference catalogues: corpus rows carry an alt column, seed rows do not.
CORPUS_ROW = re.compile(r"^\| (\d\d-\d\d) \|[^|]*\| ([a-z0-9:-]+) \| ?([a-z0-9:-]*) ?\|.*\| (high|medium|low) \|$", re.M)
SEED_ROW = re.compile(r"^\| (\d{3}-[A-F]-\d\d) \|[^|]*\| ([a-z0-9:-]+) \|.*\| (high|medium|low) \|$", re.M)


def _id(rl):
    return rl.declaration.removeprefix("declarations/")


def test_every_bundled_real_declaration_has_a_list():
    real = {p.relative_to(ROOT).as_posix() for p in DECLARATIONS.rglob("*.yaml")
            if not p.relative_to(DECLARATIONS).as_posix().startswith("examples/")}
    assert {rl.declaration for rl in LISTS} == real


@pytest.mark.parametrize("rl", LISTS, ids=_id)
def test_list_is_consistent_with_its_declaration_and_the_catalogue(rl):
    assert agreement.problems(rl, REGISTERED, PROPOSED) == []


@pytest.mark.parametrize("rl", LISTS, ids=_id)
def test_list_restates_the_reference_catalogue(rl):
    reference = SHARED / rl.reference.removeprefix("shared/")
    if not reference.is_file():
        pytest.skip(f"the reference catalogue is expected at {reference}")
    text = reference.read_text(encoding="utf-8")
    if rl.reference.endswith("corpus-defects.md"):
        expected = {i: (cat, alt or None, conf) for i, cat, alt, conf in CORPUS_ROW.findall(text)}
        mine = {r.label: (r.raw.get("category"), r.raw.get("alt"), r.raw.get("confidence")) for r in rl.rows}
    else:
        assert rl.reference.endswith("seed-defects.md"), rl.reference
        expected = {i: (cat, conf) for i, cat, conf in SEED_ROW.findall(text)}
        mine = {r.label: (r.raw.get("category"), r.raw.get("confidence")) for r in rl.rows}
    expected = {i: v for i, v in expected.items() if i.startswith(rl.form + "-")}
    assert expected, f"no row of form {rl.form} in {rl.reference}"
    assert mine == expected


def test_proposed_rules_are_not_built_yet_and_are_used():
    assert PROPOSED and not PROPOSED & REGISTERED, "a proposed rule now exists: drop it from proposed-rules.yaml"
    used = set().union(*(e.rules for rl in LISTS for e in rl.rows + rl.silent))
    assert PROPOSED <= used, f"proposed but used by no list: {sorted(PROPOSED - used)}"


# ------------------------------------------------------------------ the checks and the scoring themselves


def test_pointer_containment():
    assert agreement.lies_under("/indicators/6/name", "/indicators/6")
    assert agreement.lies_under("/indicators/6", "/indicators/6")
    assert not agreement.lies_under("/indicators/60", "/indicators/6")
    assert agreement.lies_under("", "/") and agreement.lies_under("/budget/annual", "/")


def _list(tmp_path, text):
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    return agreement.load_list(path)


SYNTHETIC = """\
declaration: declarations/hunan-xiangtan/2023/fog-cannon-dust-service.yaml
source: shared/corpus/01-hunan-xiangtan-2023-declaration.txt
form: "01"
reference: shared/reference/corpus-defects.md
rows:
  - {id: 01-01, confidence: high, category: c, at: [/indicators/6], rules: [benefit-type-mismatch]}
  - id: 01-02
    confidence: low
    category: c
    match:
      - {at: [/indicators/0/target], rules: [operator-required]}
      - {at: [/indicators/1/target], rules: [unit-required]}
  - {id: 01-03, confidence: medium, category: c, at: [/indicators/2], rules: [boilerplate-irrelevant], missing: true}
silent:
  - {what: empty rows, from: not-flagged, at: [/indicators/5], rules: ["*"]}
  - {what: no dates, from: not-flagged, absent: [/project/start], rules: [required-fields]}
"""


def _finding(rule, pointer):
    return {"rule": rule, "severity": "warning", "line": 1, "column": 1, "pointer": pointer, "message": "m"}


def test_scoring_matches_by_rule_and_pointer(tmp_path):
    rl = _list(tmp_path, SYNTHETIC)
    findings = [
        _finding("benefit-type-mismatch", "/indicators/6/name"),  # 01-01
        _finding("operator-required", "/indicators/0/target"),  # 01-02, first part
        _finding("operator-required", "/indicators/1/target"),  # the wrong rule for the second part
        _finding("unit-required", "/indicators/6/target"),  # right place for 01-01, wrong rule
        _finding("empty-indicator", "/indicators/5/name"),  # silent: anything
        _finding("required-fields", "/project/start"),  # silent
    ]
    s = agreement.score(rl, findings)
    assert [(f["rule"], hits) for f, hits in s.matched] == [("benefit-type-mismatch", ["01-01"]),
                                                           ("operator-required", ["01-02"])]
    assert [f["pointer"] for f in s.unmatched] == ["/indicators/1/target", "/indicators/6/target",
                                                   "/indicators/5/name", "/project/start"]
    assert [(f["rule"], what) for f, what in s.silent_violations] == [("empty-indicator", "empty rows"),
                                                                     ("required-fields", "no dates")]
    assert s.recall() == {"high": (1, 1), "medium": (0, 1), "low": (1, 1), "all": (2, 3)}
    assert [r.label for r in s.missed()] == ["01-03"]
    t = agreement.totals([s])
    assert (t["findings"], t["matched"], t["unmatched"], t["precision"]) == (6, 2, 4, 0.333)
    assert t["missed_without_rule"] == 1


@pytest.mark.parametrize("edit,problem", [
    (("form: \"01\"", "form: \"02\""), "differ from the declaration's header"),
    (("at: [/indicators/6]", "at: [/indicators/60]"), "/indicators/60 does not resolve"),
    (("absent: [/project/start]", "absent: [/project/name]"), "/project/name is present"),
    (("rules: [benefit-type-mismatch]", "rules: [benefit-type-mismatc]"), "unknown rule benefit-type-mismatc"),
    (("rules: [boilerplate-irrelevant], missing: true", "rules: [boilerplate-irrelevant]"), "mark it missing: true"),
    (("rules: [boilerplate-irrelevant], missing: true", "rules: [output-quantified], missing: true"), "drop missing"),
    (("id: 01-03", "id: 01-01"), "row id 01-01 appears 2 times"),
    (("at: [/indicators/5], rules: [\"*\"]", "at: [/indicators/6], rules: [\"*\"]"), "claim the same place"),
])
def test_problems_are_reported(tmp_path, edit, problem):
    clean = _list(tmp_path, SYNTHETIC)
    clean.path = agreement.LISTS / "hunan-xiangtan/2023/fog-cannon-dust-service.yaml"  # where its list belongs
    assert agreement.problems(clean, REGISTERED, PROPOSED) == []
    broken = _list(tmp_path, SYNTHETIC.replace(*edit))
    broken.path = clean.path
    found = agreement.problems(broken, REGISTERED, PROPOSED)
    assert any(problem in p for p in found), found


def test_cli_json_accounts_for_every_finding(capsys):
    assert agreement.main(["--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert {f["declaration"] for f in payload["files"]} == {rl.declaration for rl in LISTS}
    total = payload["total"]
    assert total["findings"] == sum(f["findings"] for f in payload["files"])
    assert total["matched"] + total["unmatched"] == total["findings"]
    assert total["recall"]["all"]["total"] == sum(len(rl.rows) for rl in LISTS)
    for f in payload["files"]:
        assert f["matched"] + len(f["unmatched"]) == f["findings"]


def test_cli_text_names_each_file_and_the_total(capsys):
    one = "declarations/hunan-xiangtan/2023/fog-cannon-dust-service.yaml"
    assert agreement.main([str(ROOT / one)]) == 0
    out = capsys.readouterr().out
    assert f"\n{one}\n" in out and "\nTotal\n" in out and "precision" in out and "recall: high" in out
