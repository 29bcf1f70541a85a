"""Numbers a pull request writes to be too big or not quite digits: 0x with four thousand hex digits,
a 5,000-digit year, 全市前 and 5,000 nines, 2² in a workbook's year cell. Python refuses to turn
an int of more than 4,300 digits into text and int() refuses 2² although isdigit() takes it; each is
a finding or a value kept as text, never an internal error, in every command and format."""
import json

import openpyxl
import pytest

from conftest import DECLARATIONS
from test_cli import run

CLEAN = (DECLARATIONS / "examples" / "central-2022.yaml").read_text(encoding="utf-8")
HUGE = {
    "hex-total.yaml": CLEAN.replace("total: 1250.00", "total: 0x" + "f" * 4000),
    "hex-year.yaml": CLEAN.replace("fiscal_year: 2023", "fiscal_year: 0x" + "f" * 4000),
    "binary-target.yaml": CLEAN.replace('target: "≥50个"', "target: 0b" + "1" * 20000),
    "long-year.yaml": CLEAN.replace("fiscal_year: 2023", "fiscal_year: " + "9" * 5000),
    "rank.yaml": CLEAN.replace('target: "≥50个"', 'target: "全市前' + "9" * 5000 + '"'),
}


def ok(proc):
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr, proc.stderr[-2000:]
    assert proc.returncode in (0, 1), proc.stderr[-2000:]
    return proc


@pytest.fixture
def huge(tmp_path):
    for name, text in HUGE.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("fmt", ["json", "text", "sarif", "html", "markdown", "xlsx=r.xlsx"])
def test_check_reads_huge_integers_as_text(huge, fmt):
    proc = ok(run("check", "--no-cache", "--lang", "en", "--format", fmt, ".", cwd=huge))
    if fmt == "json":
        found = {(d["file"], d["rule"]) for d in json.loads(proc.stdout)["diagnostics"]}
        assert ("hex-total.yaml", "money-format") in found  # the total is no readable amount
        assert ("hex-year.yaml", "schema") in found and ("long-year.yaml", "schema") in found


def test_export_and_baseline_of_huge_integers(huge):
    proc = ok(run("export", "--to", "out", ".", cwd=huge))
    assert proc.returncode == 0 and len(list((huge / "out").glob("*.xlsx"))) == len(HUGE), proc.stderr
    ok(run("baseline", "b.json", ".", cwd=huge))
    ok(run("fix", "--diff", ".", cwd=huge))


@pytest.mark.parametrize("year", ["²", "①⑨", "9" * 5000])
def test_import_of_a_year_cell_that_is_no_int_keeps_its_text(tmp_path, year):
    (tmp_path / "a.yaml").write_text(CLEAN, encoding="utf-8")
    ok(run("export", "--to", "x", "a.yaml", cwd=tmp_path))
    wb = openpyxl.load_workbook(tmp_path / "x" / "a.xlsx")
    [cell] = [c for row in wb["申报表"].iter_rows() for c in row if c.value == 2022]  # the baseline's year
    cell.value = year
    wb.save(tmp_path / "x" / "a.xlsx")
    ok(run("import", "--to", "y", "x/a.xlsx", cwd=tmp_path))
    imported = (tmp_path / "y" / "a.yaml").read_text(encoding="utf-8")
    assert year in imported
    ok(run("check", "--no-cache", "y/a.yaml", cwd=tmp_path))
