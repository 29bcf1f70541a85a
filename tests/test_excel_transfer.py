"""`perflint export` and `perflint import`: every bundled declaration survives the round trip; the
published layout and one-row-per-indicator sheets are read; what cannot be placed is reported;
nothing is overwritten without --force; untrusted workbooks never run anything or hang."""
from __future__ import annotations

import datetime
import shutil
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
import yaml
from click.testing import CliRunner
from excel_support import (
    IT_OPERATIONS,
    SEEDS,
    SHEET_HEAD,
    SHEET_TAIL,
    inline,
    one_row_per_indicator,
    published_2024,
    replace_sheet_xml,
    tab_separated_form,
)

from conftest import DECLARATIONS, ROOT
from perflint.cli.main import cli
from perflint.excel.importer import import_workbook
from perflint.excel.workbook import WorkbookError
from perflint.excel.yaml_writer import to_yaml

BUNDLED = sorted(p.relative_to(DECLARATIONS).as_posix() for p in DECLARATIONS.rglob("*.yaml"))


def run(*args, cwd: Path | None = None):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def load(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def exported_and_imported(tmp_path: Path, text: str) -> object:
    """``text`` written as a YAML file, exported to a workbook and imported back: the data import wrote."""
    (tmp_path / "d.yaml").write_text(text, encoding="utf-8")
    assert run("export", str(tmp_path / "d.yaml"), "--to", str(tmp_path / "x")).exit_code == 0
    result = run("import", str(tmp_path / "x/d.xlsx"), "--to", str(tmp_path / "y"))
    assert result.exit_code == 0, result.output
    return load(tmp_path / "y/d.yaml")


def written(doc):
    """An imported declaration as the YAML import writes reads back (amounts as YAML floats)."""
    return yaml.safe_load(to_yaml(doc.data, doc.sources, [], [], "schema.json"))


@pytest.fixture(scope="module")
def round_trip(tmp_path_factory):
    base = tmp_path_factory.mktemp("trip")
    exported, imported = base / "xlsx", base / "yaml"
    result = run("export", str(DECLARATIONS), "--to", str(exported))
    assert result.exit_code == 0, result.output
    result = run("import", str(exported), "--to", str(imported))
    assert result.exit_code == 0, result.output
    return exported, imported


@pytest.mark.parametrize("name", BUNDLED)
def test_export_then_import_gives_back_the_same_data(round_trip, name):
    exported, imported = round_trip
    assert (exported / name).with_suffix(".xlsx").is_file()
    assert load(imported / name) == load(DECLARATIONS / name)


def test_the_form_alone_reads_back_without_the_record_export_keeps(round_trip, tmp_path):
    """Delete the hidden record sheet: the labels alone give the same data, except what no cell can
    say (whether a blank cell was null, "" or no key; the era)."""
    exported, _ = round_trip

    def plain(node):
        if isinstance(node, dict):
            return {k: plain(v) for k, v in node.items() if v not in (None, "") and k != "era" and plain(v) != {}}
        return [plain(v) for v in node] if isinstance(node, list) else node

    for name in BUNDLED:
        wb = openpyxl.load_workbook((exported / name).with_suffix(".xlsx"))
        del wb["perflint"]
        book = tmp_path / Path(name).with_suffix(".xlsx").name
        wb.save(book)
        (doc,) = import_workbook(book).documents
        back = yaml.safe_load(to_yaml(doc.data, doc.sources, [], [], "schema.json"))  # as import writes it
        assert plain(back) == plain(load(DECLARATIONS / name)), name


def test_exported_form_is_the_eras_layout(round_trip):
    wb = openpyxl.load_workbook(round_trip[0] / "shanghai-stic-office/2020/stic-work-funds.xlsx")
    assert wb.sheetnames == ["申报表", "perflint"] and wb["perflint"].sheet_state == "hidden"
    ws = wb["申报表"]
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert texts[:3] == ["财政项目支出绩效目标表", "（2020年度）", "申报单位名称"]
    for label in ("项目类别", "总目标及阶段性目标", "本项目上年度市级财政资金使用情况", "2020年绩效目标", "一级目标", "三级目标"):
        assert label in texts
    annual = next(c for row in ws.iter_rows() for c in row if c.value == "项目当年预算（元）")
    assert ws.cell(row=annual.row, column=annual.column + 1).value == 41098620
    assert int(ws.page_setup.paperSize) == 9 and ws.sheet_properties.pageSetUpPr.fitToPage  # A4, one page wide


def test_edits_in_excel_are_read_as_they_now_read(round_trip, tmp_path):
    book = tmp_path / "it.xlsx"
    shutil.copy(round_trip[0] / "shanghai-stic-office/2024/it-operations.xlsx", book)
    wb = openpyxl.load_workbook(book)
    ws = wb["申报表"]
    target = next(c for row in ws.iter_rows() for c in row if c.value == "≤3.00(%)")
    target.value = "≤2.00(%)"
    last = ws.max_row + 1
    for col, value in enumerate(["满意度指标", "服务对象满意度指标", "业务部门满意度", "≥90%"], 1):
        ws.cell(row=last, column=col, value=value)
    annual = next(c for row in ws.iter_rows() for c in row if c.value == "年度资金申请总额")
    ws.cell(row=annual.row, column=annual.column + 1, value=700000.5)
    wb.save(book)
    result = run("import", str(book), "--to", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    data = load(tmp_path / "out/it.yaml")
    assert data["indicators"][1]["target"] == "≤2.00(%)"
    assert data["indicators"][-1] == {"level1": "满意度指标", "level2": "服务对象满意度指标", "name": "业务部门满意度", "target": "≥90%"}
    assert data["budget"]["annual"] == 700000.5
    assert data["budget"]["sources"] == load(IT_OPERATIONS)["budget"]["sources"]  # unchanged cells: exact


def test_yaml_written_keeps_the_format_order_and_names_the_cells(round_trip):
    text = (round_trip[1] / "shanghai-stic-office/2019/public-service-platform.yaml").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0].startswith("# yaml-language-server: $schema=")
    assert "sheet 申报表" in lines[1]
    keys = [ln.split(":")[0] for ln in lines if ln and not ln.startswith((" ", "#"))]
    assert keys == ["kind", "schema_version", "era", "fiscal_year", "form_title", "declaring_unit", "project",
                    "budget", "goals", "indicators"]
    assert "annual: 965000  # D11" in text.replace("  #", "  #").replace(" # ", "  # ")
    assert "target: ≧95%" in text and "(= A27)" in text  # a merged 一级 cell names the cell it repeats


def test_modeline_points_at_the_repositorys_schema(tmp_path, round_trip):
    repo = tmp_path / "repo"
    (repo / "schema").mkdir(parents=True)
    (repo / "schema/declaration.schema.json").write_text("{}", encoding="utf-8")
    book = round_trip[0] / "examples/sh-2024.xlsx"
    assert run("import", str(book), "--to", str(repo / "declarations/dept/2024")).exit_code == 0
    first = (repo / "declarations/dept/2024/sh-2024.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../../schema/declaration.schema.json"


# --- the published layout and one row per indicator ---------------------------------------------

def test_reads_the_published_2024_layout(tmp_path):
    book = published_2024(tmp_path / "002-F.xlsx")
    result = run("import", str(book), "--to", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    want = load(IT_OPERATIONS)
    del want["era"]  # the printed form does not say; perflint infers it
    assert load(tmp_path / "out/002-F.yaml") == want


@pytest.mark.skipif(not (SEEDS / "001_ac0013b8211afd0d.txt").is_file(), reason="../shared/seeds is not here")
def test_reads_the_published_2020_form_as_transcribed(tmp_path):
    """Seed 001's first form, one cell per tab: the same data as its bundled transcription."""
    book = tab_separated_form(tmp_path / "001-A.xlsx", SEEDS / "001_ac0013b8211afd0d.txt", "财政项目支出绩效目标表")
    (doc,) = import_workbook(book).documents
    assert doc.unplaced == []
    want = load(DECLARATIONS / "shanghai-stic-office/2020/stic-work-funds.yaml")
    del want["era"]
    assert doc.data == want


@pytest.mark.skipif(not (SEEDS / "004_5e2771f0633f0b43.txt").is_file(), reason="../shared/seeds is not here")
def test_reads_the_published_2021_self_evaluation(tmp_path):
    """Seed 004, one cell per tab: form A gives its transcription (its shifted 质量 row as printed);
    form B prints its 满意度 and 总分 rows one column to the left, and those cells are reported."""
    seed = SEEDS / "004_5e2771f0633f0b43.txt"
    (a,) = import_workbook(tab_separated_form(tmp_path / "004-A.xlsx", seed, "财政项目支出绩效自评表", 0)).documents
    assert a.unplaced == []
    assert written(a) == load(DECLARATIONS / "shanghai-stic-office/2021/stic-work-funds-self-evaluation.yaml")
    (b,) = import_workbook(tab_separated_form(tmp_path / "004-B.xlsx", seed, "财政项目支出绩效自评表", 1)).documents
    assert [address for address, _ in b.unplaced] == ["A19", "F20"]
    want = load(DECLARATIONS / "shanghai-stic-office/2021/future-park-exhibition-hall-self-evaluation.yaml")
    assert written(b)["selfeval"]["execution"] == want["selfeval"]["execution"]
    assert written(b)["indicators"][:4] == want["indicators"][:4]


def test_reads_several_forms_on_one_sheet_one_file_each(tmp_path):
    book = published_2024(tmp_path / "汇总表.xlsx", copies=3, names=["信息化运维项目", "../../逃逸", "办公/服务"])
    result = run("import", str(book), "--to", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    written = {p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*.yaml")}
    assert written == {"汇总表-办公-服务.yaml", "汇总表-逃逸.yaml", "汇总表-信息化运维项目.yaml"}
    assert load(tmp_path / "out/汇总表-逃逸.yaml")["project"]["name"] == "../../逃逸"


def test_reads_one_row_per_indicator(tmp_path):
    book = one_row_per_indicator(tmp_path / "指标表.xlsx")
    result = run("import", str(book), "--to", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    first = load(tmp_path / "out/指标表-信息化运维项目.yaml")
    second = load(tmp_path / "out/指标表-办公服务项目.yaml")
    assert first["project"] == {"name": "信息化运维项目"} and first["fiscal_year"] == 2024
    assert first["indicators"] == [
        {"level1": "产出指标", "level2": "数量指标", "name": "业务模块优化", "target": "≥3.00(个)"},
        {"level1": "产出指标", "level2": "质量指标", "name": "系统故障", "target": "≤3.00(%)", "explanation": "故障时长占比"},
    ]
    assert [i["name"] for i in second["indicators"]] == ["使用人员满意度"]


def test_what_cannot_be_placed_is_reported_with_its_address_and_kept(tmp_path):
    book = published_2024(tmp_path / "f.xlsx")
    wb = openpyxl.load_workbook(book)
    ws = wb.active
    ws["H3"] = "经办人：张三"
    ws["G14"] = 12.5
    ws["E9"] = "#N/A"
    ws["E9"].data_type = "e"
    wb.save(book)
    result = run("import", str(book), "--to", str(tmp_path / "out"))
    assert result.exit_code == 1
    for address in ("汇总表!H3", "汇总表!G14", "汇总表!E9"):
        assert f"{address}: not placed" in result.output, result.output
    text = (tmp_path / "out/f.yaml").read_text(encoding="utf-8")
    assert "# H3: 经办人：张三 (under no label)" in text and "# G14: 12.5 (under no label)" in text
    assert "carryover" not in load(tmp_path / "out/f.yaml")["budget"]["sources"]


# --- writing: atomic, never over a file without --force, --dry-run ------------------------------

def test_export_never_overwrites_without_force(tmp_path):
    src = DECLARATIONS / "examples/sh-2024.yaml"
    assert run("export", str(src), "--to", str(tmp_path)).exit_code == 0
    target = tmp_path / "sh-2024.xlsx"
    target.write_bytes(b"mine")
    result = run("export", str(src), "--to", str(tmp_path))
    assert result.exit_code == 1 and "exists (use --force" in result.output and "nothing written" in result.output
    assert target.read_bytes() == b"mine"
    assert run("export", str(src), "--to", str(tmp_path), "--force").exit_code == 0
    assert zipfile.is_zipfile(target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sh-2024.xlsx"]  # no temporary file left


def test_dry_runs_write_nothing(tmp_path):
    src = DECLARATIONS / "examples/sh-2019.yaml"
    result = run("export", str(src), "--to", str(tmp_path / "x"), "--dry-run")
    assert result.exit_code == 0 and f"would write {tmp_path / 'x/sh-2019.xlsx'}" in result.output
    assert not (tmp_path / "x").exists()
    run("export", str(src), "--to", str(tmp_path / "x"))
    result = run("import", str(tmp_path / "x/sh-2019.xlsx"), "--to", str(tmp_path / "y"), "--dry-run")
    assert result.exit_code == 0 and f"--- would write {tmp_path / 'y/sh-2019.yaml'}" in result.output
    assert "项目名称" not in result.output and "+  name: 2019年科创中心建设成果科普巡展" in result.output
    assert not (tmp_path / "y").exists()


def test_import_never_overwrites_without_force(tmp_path):
    book = published_2024(tmp_path / "f.xlsx")
    (tmp_path / "out").mkdir()
    (tmp_path / "out/f.yaml").write_text("# mine\n", encoding="utf-8")
    result = run("import", str(book), "--to", str(tmp_path / "out"))
    assert result.exit_code == 1 and "exists (use --force" in result.output
    assert (tmp_path / "out/f.yaml").read_text(encoding="utf-8") == "# mine\n"
    assert run("import", str(book), "--to", str(tmp_path / "out"), "--force").exit_code == 0
    assert load(tmp_path / "out/f.yaml")["project"]["name"] == "信息化运维项目"


def test_export_refuses_a_file_that_does_not_load(tmp_path):
    (tmp_path / "bad.yaml").write_text("project: {name: x\n", encoding="utf-8")
    (tmp_path / "dup.yaml").write_text("kind: declaration\nkind: declaration\n", encoding="utf-8")
    result = run("export", str(tmp_path / "bad.yaml"), str(tmp_path / "dup.yaml"), "--to", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert "bad.yaml: not exported: yaml-syntax" in result.output and "dup.yaml: not exported: yaml-duplicate-key" in result.output


def test_text_that_yaml_would_retype_is_quoted(tmp_path):
    text = ("kind: declaration\nfiscal_year: 2024\nproject: {name: 'yes'}\nindicators:\n"
            "  - {level1: 产出指标, level2: 数量指标, name: '1:30', target: '0'}\n"
            "  - {level1: 产出指标, level2: 数量指标, name: 'null', target: '=100%'}\n"
            "  - {level1: 产出指标, level2: 数量指标, name: '2024-01-01', target: '@x'}\n")
    assert exported_and_imported(tmp_path, text) == yaml.safe_load(text)


# --- untrusted workbooks -------------------------------------------------------------------------

def test_formulas_are_never_run_and_are_reported(tmp_path):
    book = published_2024(tmp_path / "f.xlsx")
    wb = openpyxl.load_workbook(book)
    ws = wb.active
    ws["E8"] = "=E6"  # a money cell: its saved value would be read; openpyxl saves none
    ws["E14"] = "=100%"  # what Excel makes of a target typed as =100%
    ws["D4"] = '=HYPERLINK("http://evil.invalid/x","点击")'
    wb.save(book)
    result = run("import", str(book), "--to", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert "汇总表!E8: not placed: =E6 (a formula without a saved value)" in result.output
    assert "汇总表!E14: a formula: its text is imported as written" in result.output
    data = load(tmp_path / "out/f.yaml")
    assert data["indicators"][0]["target"] == "=100%"
    assert data["implementing_unit"] == '=HYPERLINK("http://evil.invalid/x","点击")'
    assert "appropriation" not in data["budget"]["sources"]


def test_a_formulas_saved_value_is_read_where_a_number_is_wanted(tmp_path):
    rows = (b'<row r="1">' + inline("A1", "项目当年预算（元）") + b'<c r="B1"><f>SUM(C1:D1)</f><v>965000</v></c></row>'
            + b'<row r="2">' + inline("A2", "项目名称") + inline("B2", "x") + b"</row>")
    book = replace_sheet_xml(tmp_path / "f.xlsx", SHEET_HEAD + rows + SHEET_TAIL)
    (doc,) = import_workbook(book).documents
    assert doc.data["budget"]["annual"] == 965000
    assert any("its value as last saved (965000)" in note for _a, note in doc.notes)


def test_external_links_are_not_followed(tmp_path):
    book = published_2024(tmp_path / "f.xlsx")
    with zipfile.ZipFile(book, "a") as z:
        z.writestr("xl/externalLinks/externalLink1.xml", b'<?xml version="1.0"?><externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><externalBook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></externalLink>')
        z.writestr("xl/externalLinks/_rels/externalLink1.xml.rels", b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" Target="http://evil.invalid/book.xlsx" TargetMode="External"/></Relationships>')
    (doc,) = import_workbook(book).documents
    assert doc.data["project"]["name"] == "信息化运维项目"


def test_entity_expansion_is_refused(tmp_path):
    bomb = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>'
            b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">'
            b'<c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>')
    book = replace_sheet_xml(tmp_path / "b.xlsx", bomb)
    with pytest.raises(WorkbookError, match="cannot be read"):
        import_workbook(book)


def test_a_zip_bomb_is_refused_before_it_is_inflated(tmp_path):
    book = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as z:
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            chunk = b"\0" * (1 << 20)
            for _ in range(64):
                f.write(chunk)
    assert book.stat().st_size < 1_000_000
    result = run("import", str(book), "--to", str(tmp_path / "out"))
    assert result.exit_code == 1 and "bytes uncompressed (at most" in result.output


def test_a_million_rows_stop_at_the_limit(tmp_path):
    book = tmp_path / "rows.xlsx"
    replace_sheet_xml(book, b"")
    parts = {}
    with zipfile.ZipFile(book) as z:
        parts = {i.filename: z.read(i.filename) for i in z.infolist()}
    with zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        for name, data in parts.items():
            if name != "xl/worksheets/sheet1.xml":
                z.writestr(name, data)
        with z.open("xl/worksheets/sheet1.xml", "w") as f:
            f.write(SHEET_HEAD)
            for start in range(1, 1_000_001, 10_000):
                f.write(b"".join(b'<row r="%d"><c r="A%d"><v>1</v></c></row>' % (r, r) for r in range(start, start + 10_000)))
            f.write(SHEET_TAIL)
    result = run("import", str(book), "--to", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert "表: not read: more than 50,000 rows" in result.output


def test_a_cell_far_out_refuses_the_sheet_with_its_address(tmp_path):
    rows = b'<row r="1">' + inline("A1", "项目名称") + inline("B1", "x") + inline("XFD1", "far") + b"</row>"
    book = replace_sheet_xml(tmp_path / "far.xlsx", SHEET_HEAD + rows + SHEET_TAIL)
    result = import_workbook(book)
    assert result.documents == [] and result.problems == [("表", "not read: a cell beyond column GR (XFD1)")]


@pytest.mark.parametrize("cell", [
    b'<c r="B1"><v>INF</v></c>',  # no number
    b'<c r="B1" t="s"><v>99</v></c>',  # a shared string that does not exist
    b'<c r="B1" s="1"><v>1e308</v></c>',  # a date style on a number no date holds
])
def test_odd_cells_give_a_clear_answer_never_a_traceback(tmp_path, cell):
    rows = b'<row r="1">' + inline("A1", "项目当年预算") + cell + b"</row>"
    book = replace_sheet_xml(tmp_path / "odd.xlsx", SHEET_HEAD + rows + SHEET_TAIL)
    result = CliRunner().invoke(cli, ["import", str(book), "--to", str(tmp_path / "out")])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code in (0, 1) and "Traceback" not in result.output


def test_types_are_read_by_what_the_field_holds(tmp_path):
    rows = (b'<row r="1">' + inline("A1", "是否含有政府购买服务") + b'<c r="B1" t="b"><v>1</v></c></row>'
            + b'<row r="2">' + inline("A2", "项目名称") + b'<c r="B2"><v>2024</v></c></row>'
            + b'<row r="3">' + inline("A3", "计划开始日期") + inline("B3", "2024年1月1日") + b"</row>"
            + b'<row r="4">' + inline("A4", "主管部门编码") + b'<c r="B4"><v>308001</v></c></row>'
            + b'<row r="5">' + inline("A5", "项目当年预算（万元）") + b'<c r="B5"><v>3068.14</v></c></row>')
    book = replace_sheet_xml(tmp_path / "t.xlsx", SHEET_HEAD + rows + SHEET_TAIL)
    (doc,) = import_workbook(book).documents
    assert doc.data["project"] == {"gov_purchase_of_services": True, "name": "2024", "start": "2024年1月1日"}
    assert doc.data["department_code"] == 308001 and doc.data["budget"] == {"annual": Decimal("3068.14"), "unit": "万元"}


def test_a_sheet_name_cannot_write_yaml(tmp_path):
    book = published_2024(tmp_path / "n.xlsx")
    with zipfile.ZipFile(book) as z:
        parts = {i.filename: z.read(i.filename) for i in z.infolist()}
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(
        "汇总表".encode(), b"x&#10;kind: self-evaluation&#10;evil: 1")
    with zipfile.ZipFile(book, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    assert run("import", str(book), "--to", str(tmp_path / "out")).exit_code == 0
    data = load(tmp_path / "out/n.yaml")
    assert data["kind"] == "declaration" and "evil" not in data


def test_not_a_workbook(tmp_path):
    (tmp_path / "x.xlsx").write_text("a,b\n1,2\n", encoding="utf-8")
    result = run("import", str(tmp_path / "x.xlsx"), "--to", str(tmp_path / "out"))
    assert result.exit_code == 1 and "not an .xlsx workbook" in result.output


def test_dates_and_amounts_keep_their_types(tmp_path):
    text = ("kind: declaration\nfiscal_year: 2024\nproject: {name: x, start: 2024-01-01}\n"
            "budget: {unit: 元, total: 6491700.00, annual: '41,098,620', sources: {appropriation: 7505576}}\n"
            "indicators: []\n")
    (tmp_path / "d.yaml").write_text(text, encoding="utf-8")
    run("export", str(tmp_path / "d.yaml"), "--to", str(tmp_path / "x"))
    run("import", str(tmp_path / "x/d.xlsx"), "--to", str(tmp_path / "y"))
    written = (tmp_path / "y/d.yaml").read_text(encoding="utf-8")
    assert "total: 6491700.00" in written and "annual: 41,098,620" in written and "start: 2024-01-01" in written
    data = load(tmp_path / "y/d.yaml")
    assert data["project"]["start"] == datetime.date(2024, 1, 1) and data["indicators"] == []


def test_pointer_labels_cannot_grow_or_nest_without_bound(tmp_path):
    deep = "/" + "/".join(["a"] * 5000)
    rows = (b'<row r="1">' + inline("A1", "/indicators/999999999/name") + inline("B1", "x") + b"</row>"
            + b'<row r="2">' + inline("A2", deep) + inline("B2", "y") + b"</row>"
            + b'<row r="3">' + inline("A3", "项目名称") + inline("B3", "p") + b"</row>"
            + b'<row r="4">' + inline("A4", "/project/name/x") + inline("B4", "z") + b"</row>")
    book = replace_sheet_xml(tmp_path / "p.xlsx", SHEET_HEAD + rows + SHEET_TAIL)
    (doc,) = import_workbook(book).documents
    assert doc.data["project"] == {"name": "p"} and "indicators" not in doc.data and "a" not in doc.data
    assert {a for a, _ in doc.unplaced} == {"B1", "A2", "B2", "B4"}


def test_entries_that_are_no_mapping_come_back_in_place(tmp_path):
    text = ("kind: declaration\nfiscal_year: 2024\nproject: {name: x}\nunknown_key: {a: 1, b: [x, y]}\nindicators:\n"
            "  - {level1: 产出指标, level2: 数量指标, name: A, target: '1'}\n  - just text\n"
            "  - {level1: 产出指标, level2: 数量指标, name: B, target: '2'}\n")
    assert exported_and_imported(tmp_path, text) == yaml.safe_load(text)


def test_a_reviewer_workbook_imports_as_its_forms(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    book = tmp_path / "review.xlsx"
    assert run("check", "declarations/examples", "--format", f"xlsx={book}").exit_code == 0
    result = run("import", str(book), "--to", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    written = sorted((tmp_path / "out").glob("*.yaml"))
    assert len(written) == len(list((DECLARATIONS / "examples").glob("*.yaml")))
    names = {load(p)["project"]["name"] for p in written}
    assert names == {load(p)["project"]["name"] for p in (DECLARATIONS / "examples").glob("*.yaml")}


def test_values_that_read_like_labels_come_back_as_values(tmp_path):
    text = ("kind: declaration\nfiscal_year: 2024\ndepartment: 项目名称\nimplementing_unit: 其他信息\n"
            "project: {name: 年度资金申请总额, nature: 项目类别, category: /project/name}\n"
            "goals: {overall: 合计, annual: 年度总体目标}\n"
            "indicators:\n  - {level1: 产出指标, level2: 数量指标, name: 项目性质, target: 一级指标}\n")
    assert exported_and_imported(tmp_path, text) == yaml.safe_load(text)


def test_nothing_from_a_workbook_can_start_a_log_line(tmp_path):
    """Dry runs and messages print text from the workbook: no line may start a CI command."""
    rows = (b'<row r="1">' + inline("A1", "项目名称") + inline("B1", "x&#10;::error file=a,line=1::forged") + b"</row>"
            + b'<row r="2">' + inline("A2", "项目概况") + inline("B2", "line&#10;  ::warning::forged&#10;##[error]x") + b"</row>"
            + b'<row r="3">' + inline("C3", "&#10;::error::unplaced") + b"</row>")
    book = replace_sheet_xml(tmp_path / "::error::x.xlsx", SHEET_HEAD + rows + SHEET_TAIL)
    result = CliRunner().invoke(cli, ["import", str(book), "--to", str(tmp_path / "out"), "--dry-run"])
    assert result.exit_code == 1
    for line in result.output.splitlines():
        assert not line.lstrip().startswith("::") and "##[" not in line, line
    assert "+  name:" in result.output


def test_a_self_evaluation_exports_as_its_form(round_trip):
    wb = openpyxl.load_workbook(round_trip[0] / "sichuan-qingshen/2023/salary-expenditure-self-evaluation.xlsx")
    assert wb.sheetnames == ["自评表", "perflint"]
    ws = wb["自评表"]
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert texts[0] == "部门预算项目支出绩效自评表(2023年度)"
    heading = next(c for row in ws.iter_rows() for c in row if c.value == "预算执行情况(10分)")
    assert [ws.cell(row=heading.row, column=heading.column + i).value for i in range(1, 7)] == [
        "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]
    rows_named = [ws.cell(row=heading.row + i, column=heading.column).value for i in range(1, 6)]
    assert rows_named == ["总额", "其中:财政资金", "财政专户管理资金", "单位资金", "其他资金"]
    assert "偏差原因分析及改进措施" in texts and "总分" in texts and "原因" in texts  # 原因 under 其他信息
