"""`perflint import` and `export` on a tree a pull request controls, as `check` treats it: a FIFO
named .xlsx never blocks the run, a device is never read, a link out of the tree is not followed
(its workbook would land in the YAML), and a refused entry does not move where the others go."""
import os
import shutil
import subprocess
import sys

import pytest

from conftest import DECLARATIONS

CLEAN = DECLARATIONS / "examples" / "central-2022.yaml"


def run(*args, cwd, timeout=60):
    """The CLI with a timeout: a FIFO that blocked the run fails the test instead of hanging it."""
    env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": str(cwd), "PERFLINT_CACHE_DIR": str(cwd / ".cache")}
    return subprocess.run([sys.executable, "-m", "perflint", *args], cwd=cwd, capture_output=True, text=True,
                          env=env, timeout=timeout)


@pytest.fixture
def books(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    repo = tmp_path / "repo"
    (repo / "books").mkdir(parents=True)
    shutil.copy(CLEAN, repo / "good.yaml")
    proc = run("export", "--to", "books", "good.yaml", cwd=repo)
    assert proc.returncode == 0, proc.stderr
    shutil.copy(repo / "books" / "good.xlsx", outside / "secret.xlsx")  # a real workbook: it would read
    os.mkfifo(repo / "books" / "pipe.xlsx")
    (repo / "books" / "zero.xlsx").symlink_to("/dev/zero")
    (repo / "books" / "secret.xlsx").symlink_to(outside / "secret.xlsx")
    (repo / "books" / "alias.xlsx").symlink_to("good.xlsx")  # inside the tree: read as its target
    return repo


def refused(proc, *names):
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr, proc.stderr
    for name in names:
        assert any(name in line and "not imported" in line for line in proc.stderr.splitlines()), (name, proc.stderr)


def test_import_of_a_folder_reads_only_its_regular_workbooks(books):
    proc = run("import", "--to", "out", "books", cwd=books)
    assert proc.returncode == 1
    refused(proc, "pipe.xlsx", "zero.xlsx", "secret.xlsx")
    assert "outside the tree" in proc.stderr and "not a regular file" in proc.stderr
    assert sorted(p.name for p in (books / "out").iterdir()) == ["alias.yaml", "good.yaml"]


def test_import_of_named_special_files(books):
    proc = run("import", "--to", "out", "books/pipe.xlsx", "/dev/zero", "books/secret.xlsx", cwd=books)
    assert proc.returncode == 1  # refused with the reason, not "no such file" (exit 2)
    refused(proc, "pipe.xlsx", "/dev/zero", "secret.xlsx")
    assert not (books / "out").exists()


def test_export_puts_each_workbook_beside_its_siblings_whatever_links_were_refused(books):
    (books / "env.yaml").symlink_to("/proc/self/environ")
    (books / "zero.yaml").symlink_to("/dev/zero")
    proc = run("export", "--to", "x", ".", cwd=books)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert [p.relative_to(books / "x").as_posix() for p in (books / "x").rglob("*.xlsx")] == ["good.xlsx"]


def test_export_never_replaces_a_workbook_made_while_it_ran(tmp_path, monkeypatch):
    """Targets are checked first; a workbook saved there meanwhile (Excel, a colleague) is kept."""
    from click.testing import CliRunner

    from perflint.cli.main import cli
    from perflint.excel import export

    shutil.copy(CLEAN, tmp_path / "a.yaml")
    real = export.export_workbook

    def slow(data):
        (tmp_path / "out").mkdir(exist_ok=True)
        (tmp_path / "out" / "a.xlsx").write_bytes(b"saved meanwhile")
        return real(data)

    monkeypatch.setattr(export, "export_workbook", slow)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["export", "--to", "out", "a.yaml"])
    assert result.exit_code == 2 and "not written" in result.output, result.output
    assert (tmp_path / "out" / "a.xlsx").read_bytes() == b"saved meanwhile"
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["a.xlsx"]  # no temporary file left


@pytest.mark.parametrize("command", ["export", "import"])
def test_a_target_that_cannot_be_written_is_said_not_a_traceback(books, command):
    (books / "afile").write_text("")
    source = "good.yaml" if command == "export" else "books/good.xlsx"
    proc = run(command, "--to", "afile/sub", source, cwd=books)
    assert proc.returncode == 2 and "not written" in proc.stderr and "Traceback" not in proc.stderr, proc.stderr
    assert "internal error" not in proc.stderr


def _workbook_with(path, sheet_xml: bytes, sheets: int = 1):
    """A workbook whose first sheet is ``sheet_xml``, named ``sheets`` times in workbook.xml."""
    import re
    import zipfile

    from excel_support import replace_sheet_xml

    replace_sheet_xml(path, sheet_xml)
    with zipfile.ZipFile(path) as z:
        parts = {i.filename: z.read(i.filename) for i in z.infolist()}
    text = parts["xl/workbook.xml"].decode()
    one = re.search(r"<sheet [^>]*/>", text).group(0)
    many = "".join(re.sub(r'sheetId="\d+"', f'sheetId="{i + 1}"', one).replace('name="表"', f'name="表{i}"')
                   for i in range(sheets))
    parts["xl/workbook.xml"] = text.replace(one, many).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return path


def test_one_sheet_part_named_by_many_sheets_is_refused(tmp_path):
    """40 sheets naming one 12 MB part of a 160 KB file were each parsed again: minutes per sheet."""
    from excel_support import SHEET_HEAD, SHEET_TAIL, inline

    from perflint.excel.workbook import WorkbookError, read_workbook

    rows = b'<row r="1">' + inline("A1", "项目名称") + inline("B1", "x") + b"</row>"
    book = _workbook_with(tmp_path / "many.xlsx", SHEET_HEAD + rows + SHEET_TAIL, sheets=40)
    with pytest.raises(WorkbookError, match="same part"):
        read_workbook(book)
    assert [s.name for s in read_workbook(_workbook_with(tmp_path / "one.xlsx", SHEET_HEAD + rows + SHEET_TAIL))]


def test_empty_cells_count_towards_the_bound(tmp_path, monkeypatch):
    """<c/> holds nothing but costs as much to parse: a sheet of millions of them is refused."""
    from excel_support import SHEET_HEAD, SHEET_TAIL

    from perflint.excel import workbook

    monkeypatch.setattr(workbook, "MAX_ELEMENTS", 1000)
    rows = b"".join(b'<row r="%d">' % r + b"<c/>" * 50 + b"</row>" for r in range(1, 41))
    book = _workbook_with(tmp_path / "empty.xlsx", SHEET_HEAD + rows + SHEET_TAIL)
    with pytest.raises(workbook.WorkbookError, match="empty ones included"):
        workbook.read_workbook(book)


def _with_parts(path, styles_entries: int = 0, strings: int = 0):
    """A small workbook with ``styles_entries`` more cell formats and ``strings`` shared strings."""
    import io
    import re
    import zipfile

    import openpyxl

    wb = openpyxl.Workbook()
    wb.active["A1"] = "项目名称"
    buffer = io.BytesIO()
    wb.save(buffer)
    main = "http://schemas.openxmlformats.org/"
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/styles.xml":
                data = re.sub(rb'<cellXfs count="\d+">', b'<cellXfs count="%d">' % (styles_entries + 1)
                              + b'<xf numFmtId="0"/>' * styles_entries, data)
            if item.filename == "xl/_rels/workbook.xml.rels" and strings:
                data = data.replace(b"</Relationships>", f'<Relationship Id="rIdS" Type="{main}officeDocument/2006/'
                                    'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'.encode())
            if item.filename == "[Content_Types].xml" and strings:
                data = data.replace(b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                                    b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
            out.writestr(item, data)
        if strings:
            out.writestr("xl/sharedStrings.xml", f'<sst xmlns="{main}spreadsheetml/2006/main">'
                         + "<si><t>a</t></si>" * strings + "</sst>")
    return path


def test_styles_and_shared_strings_are_counted_before_openpyxl_reads_them(tmp_path, monkeypatch):
    """A 48 MB part of <xf/> or <si> zips to a few hundred KB and took openpyxl many minutes."""
    from perflint.excel import workbook

    monkeypatch.setattr(workbook, "MAX_STYLE_ELEMENTS", 2000)
    monkeypatch.setattr(workbook, "MAX_STRINGS", 1000)
    assert workbook.read_workbook(_with_parts(tmp_path / "ok.xlsx", styles_entries=500, strings=500))
    with pytest.raises(workbook.WorkbookError, match="styles.xml: .* elements"):
        workbook.read_workbook(_with_parts(tmp_path / "styles.xlsx", styles_entries=3000))
    with pytest.raises(workbook.WorkbookError, match="shared strings"):
        workbook.read_workbook(_with_parts(tmp_path / "strings.xlsx", strings=3000))
