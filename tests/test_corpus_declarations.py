"""The four Hunan declarations (shared/corpus/ 01, 05, 08, 10) end to end: the CLI's exact findings per file,
each the reviewer row it answers (shared/reference/corpus-defects.md, tests/reviewer/), nothing else; what
the reviewer deliberately leaves alone is pinned silent by tests/test_reviewer_agreement.py."""
import pytest

from test_cli import check_json

EXPECTED = {
    "declarations/hunan-nanyue/2018/poverty-relief-tourism-infrastructure.yaml": [
        ("template-placeholder", 37, 11, "/indicators/1/name", "05-02"),
        ("number-conflict", 48, 13, "/indicators/3/target", "05-01"),
        ("template-placeholder", 52, 11, "/indicators/4/name", "05-02"),
        ("template-placeholder", 72, 11, "/indicators/8/name", "05-02"),
        ("template-placeholder", 77, 11, "/indicators/9/name", "05-02"),
        ("template-placeholder", 82, 11, "/indicators/10/name", "05-02"),
        ("template-placeholder", 87, 11, "/indicators/11/name", "05-02"),
        ("template-placeholder", 92, 11, "/indicators/12/name", "05-02"),
        ("template-placeholder", 97, 11, "/indicators/13/name", "05-02"),
        ("template-placeholder", 102, 11, "/indicators/14/name", "05-02"),
        ("template-placeholder", 107, 11, "/indicators/15/name", "05-02"),
    ],
    "declarations/hunan-xiangtan/2023/fog-cannon-dust-service.yaml": [
        ("fiscal-year-dates", 13, 11, "/project/period", "01-01"),
        ("operator-required", 27, 13, "/indicators/0/target", "01-10"),
        ("misfiled-indicator", 31, 11, "/indicators/1/name", "01-09"),
        ("misfiled-indicator", 36, 11, "/indicators/2/name", "01-08"),
        ("output-quantified", 37, 13, "/indicators/2/target", "01-07"),
        ("fiscal-year-dates", 42, 13, "/indicators/3/target", "01-02"),
        ("operator-required", 47, 13, "/indicators/4/target", "01-10"),
        ("benefit-type-mismatch", 53, 11, "/indicators/6/name", "01-05"),
        ("satisfaction-min", 54, 13, "/indicators/6/target", "01-04"),
        ("near-duplicate", 63, 13, "/indicators/9/target", "01-06"),
        ("required-fields", 69, 1, "/filled_date", "01-11"),
    ],
    "declarations/hunan-xiangtan/2024/fog-cannon-dust-service.yaml": [
        ("fiscal-year-dates", 17, 11, "/project/period", "08-01,08-02"),
        ("fiscal-year-dates", 17, 11, "/project/period", "08-01,08-02"),
        ("goal-not-measurable", 33, 12, "/goals/overall", "08-13"),
        ("operator-required", 40, 13, "/indicators/0/target", "08-10"),
        ("unit-required", 40, 13, "/indicators/0/target", "08-10"),
        ("misfiled-indicator", 44, 11, "/indicators/1/name", "08-08"),
        ("operator-required", 45, 13, "/indicators/1/target", "08-10"),
        ("misfiled-indicator", 49, 11, "/indicators/2/name", "08-07"),
        ("output-quantified", 50, 13, "/indicators/2/target", "08-06"),
        ("operator-required", 55, 13, "/indicators/3/target", "08-10"),
        ("unit-required", 55, 13, "/indicators/3/target", "08-09"),
        ("output-quantified", 60, 13, "/indicators/4/target", "08-03"),
        ("benefit-type-mismatch", 66, 11, "/indicators/6/name", "08-05"),
        ("operator-required", 67, 13, "/indicators/6/target", "08-10"),
        ("satisfaction-min", 67, 13, "/indicators/6/target", "08-04"),
        ("satisfaction-respondent", 76, 11, "/indicators/9/name", "08-11"),
        ("near-duplicate", 77, 13, "/indicators/9/target", "08-12"),
        ("operator-required", 77, 13, "/indicators/9/target", "08-10"),
    ],
    "declarations/hunan-yueyangxian/2022/high-standard-farmland.yaml": [
        ("money-format", 19, 20, "/budget/sources/appropriation", "10-01"),
        ("operator-required", 37, 13, "/indicators/2/target", "10-08"),
        ("percent-range", 41, 13, "/indicators/3/target", "10-02"),
        ("operator-required", 45, 13, "/indicators/4/target", "10-08"),
        ("operator-required", 51, 13, "/indicators/5/target", "10-08"),
    ],
}


@pytest.fixture(scope="module")
def payload():
    return check_json("--no-cache", "--fail-on", "info", "declarations/hunan-nanyue", "declarations/hunan-xiangtan",
                      "declarations/hunan-yueyangxian")[1]


@pytest.mark.parametrize("path", sorted(EXPECTED))
def test_exact_findings(payload, path):
    got = sorted((d["rule"], d["line"], d["column"], d["pointer"]) for d in payload["diagnostics"] if d["file"] == path)
    assert got == sorted(entry[:4] for entry in EXPECTED[path])


def test_every_file_is_read_against_the_national_template():
    from conftest import ROOT
    from perflint.loading.loader import load
    from perflint.model.declaration import Declaration

    for path in EXPECTED:
        decl = Declaration(load(path, (ROOT / path).read_bytes()).data)
        assert (decl.era, decl.template_declared) == ("national", False), path

