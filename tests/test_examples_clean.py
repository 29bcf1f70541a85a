"""Precision: the worked examples in declarations/examples/ are realistic, correct declarations, one
per form era, and must produce no finding at all under their era's profile (--fail-on info).

A finding on an example is either a mistake in the example or a false alarm of a rule: fix the rule,
never reword the example to dodge it (tests/test_false_alarms.py keeps the ones found this way).
"""
import json
import subprocess
import sys

import pytest

from conftest import ROOT
from perflint.loading.loader import load
from perflint.model.declaration import Declaration

EXAMPLES = "declarations/examples"

# file → (profile, era the file declares and must be inferred as without `era:`)
CASES = {
    f"{EXAMPLES}/sh-2019.yaml": ("sh-2019", "sh-2019"),
    f"{EXAMPLES}/sh-2020.yaml": ("sh-2020", "sh-2020"),
    f"{EXAMPLES}/sh-2024.yaml": ("sh-2024", "sh-2024"),
    f"{EXAMPLES}/sh-2025.yaml": ("sh-2025", "sh-2025"),
    f"{EXAMPLES}/central-2022.yaml": ("central-2022", "central-2022"),
}

def check(path, profile):
    proc = subprocess.run(
        [sys.executable, "-m", "perflint", "check", "--no-cache", "--format", "json", "--profile", profile,
         "--fail-on", "info", path],
        cwd=ROOT, capture_output=True, text=True,
        env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": str(ROOT)},
    )
    assert proc.returncode in (0, 1), proc.stderr
    payload = json.loads(proc.stdout)
    assert len(payload["files"]) == 1, payload["files"]
    return proc.returncode, payload["diagnostics"]


def test_every_example_is_covered():
    on_disk = {p.relative_to(ROOT).as_posix() for p in (ROOT / EXAMPLES).glob("*.yaml")}
    assert on_disk == set(CASES)


@pytest.mark.parametrize("path", sorted(CASES), ids=lambda p: p.rsplit("/", 1)[-1])
def test_example_is_clean(path):
    """The real CLI, the era's profile, --fail-on info: exit 0 and no diagnostic at all (schema included)."""
    code, diagnostics = check(path, CASES[path][0])
    assert diagnostics == []
    assert code == 0


@pytest.mark.parametrize("path", sorted(CASES), ids=lambda p: p.rsplit("/", 1)[-1])
def test_example_matches_the_schema(path):
    from jsonschema import Draft202012Validator

    schema = json.loads((ROOT / "schema" / "declaration.schema.json").read_text(encoding="utf-8"))
    doc = load(path, (ROOT / path).read_bytes())
    assert doc.problems == [] and isinstance(doc.data, dict)
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    assert [e.message for e in validator.iter_errors(doc.data)] == []


@pytest.mark.parametrize("path", sorted(CASES), ids=lambda p: p.rsplit("/", 1)[-1])
def test_era_is_declared_and_inferred(path):
    era = CASES[path][1]
    text = (ROOT / path).read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../../schema/declaration.schema.json"
    data = load(path, text.encode("utf-8")).data
    assert data["era"] == era
    assert Declaration(data).era == era
    del data["era"]
    # A central department's form cannot be told from a province's by its content: undeclared, it is
    # read against the national frame (whose tree accepts the first-level 成本指标 too).
    assert Declaration(data).era == ("national" if era == "central-2022" else era)
