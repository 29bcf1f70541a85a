"""Reading an untrusted workbook: bounded before it is opened, read cell by cell, nothing run.

- The zip is checked first: size, number of parts, only stored or deflated parts (Python's zipfile
  never inflates a deflated part beyond the size its header declares, so declared sizes bound the
  work), no encryption.
- openpyxl opens it read-only with defusedxml (no entity expansion), without external links or
  macros. Formulas are never evaluated: a formula cell is its text, and its value as last saved by
  Excel is read separately where a number is wanted.
- Cells are read sparsely, row by row, up to MAX_ROWS rows and MAX_COLUMNS columns; a sheet that
  goes beyond is refused with the address, not read in part.
"""
from __future__ import annotations

import io
import os
import re
import stat
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl.utils import get_column_letter

MAX_FILE = 32 * 1024 * 1024
MAX_PARTS = 2_000
MAX_PART = 48 * 1024 * 1024  # uncompressed, per part (a sheet's XML)
MAX_TOTAL = 128 * 1024 * 1024  # uncompressed, all parts
MAX_ROWS = 50_000
MAX_COLUMNS = 200
MAX_CELLS = 1_000_000
MAX_STRINGS = 200_000  # shared strings: no set of forms holds so much text
MAX_STYLE_ELEMENTS = 300_000  # Excel itself allows about 64,000 cell formats
MAX_ELEMENTS = 2 * MAX_CELLS  # cells parsed, empty ones (<c/>, which cost as much to parse) included


class WorkbookError(ValueError):
    """The workbook cannot be read at all: the reason, for the person who sent it."""


@dataclass(frozen=True, slots=True)
class RawCell:
    value: object
    type: str  # s text, n number, b boolean, d date, e error, f formula
    number_format: str
    row: int
    column: int
    cached: object = None  # a formula's value as Excel last saved it

    @property
    def address(self) -> str:
        return f"{get_column_letter(self.column)}{self.row}"

    @property
    def blank(self) -> bool:
        return self.value is None or (isinstance(self.value, str) and not self.value.strip())


@dataclass
class Sheet:
    name: str
    cells: dict[tuple[int, int], RawCell] = field(default_factory=dict)
    hidden: bool = False
    refused: str | None = None  # why the sheet was not read

    _by_row: dict | None = None

    def _index(self) -> dict[int, list[RawCell]]:
        if self._by_row is None:
            by_row: dict[int, list[RawCell]] = {}
            for (r, _c), cell in self.cells.items():
                by_row.setdefault(r, []).append(cell)
            for cells in by_row.values():
                cells.sort(key=lambda c: c.column)
            self._by_row = dict(sorted(by_row.items()))
        return self._by_row

    def rows(self) -> list[int]:
        return list(self._index())

    def row(self, r: int) -> list[RawCell]:
        return self._index().get(r, [])


def load(path: Path) -> io.BytesIO:
    """The file's bytes, read once from a regular file of at most MAX_FILE bytes: a FIFO would block
    the run, /dev/zero would never end, and a file swapped after it was checked is not read."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise WorkbookError(f"cannot be opened ({exc.strerror})") from None
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fh.fileno())
        if not stat.S_ISREG(st.st_mode):
            raise WorkbookError("not a regular file (a FIFO, a device or a folder): not read")
        data = fh.read(MAX_FILE + 1) if st.st_size <= MAX_FILE else b""
    if st.st_size > MAX_FILE or len(data) > MAX_FILE:
        raise WorkbookError(f"larger than {MAX_FILE // (1024 * 1024)} MB")
    return io.BytesIO(data)


def check_zip(path) -> None:
    """``path``: a file name or the bytes ``load`` read."""
    size = len(path.getbuffer()) if isinstance(path, io.BytesIO) else Path(path).stat().st_size
    if size > MAX_FILE:
        raise WorkbookError(f"larger than {MAX_FILE // (1024 * 1024)} MB")
    if not zipfile.is_zipfile(path):
        raise WorkbookError("not an .xlsx workbook (an .xlsx file is a zip archive; .xls and .csv are not read)")
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise WorkbookError(f"a damaged zip archive ({exc})") from None
    if len(infos) > MAX_PARTS:
        raise WorkbookError(f"{len(infos)} parts in the archive (at most {MAX_PARTS})")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise WorkbookError(f"{info.filename}: encrypted")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise WorkbookError(f"{info.filename}: compressed with method {info.compress_type}, which Excel never writes")
        if info.file_size > MAX_PART:
            raise WorkbookError(f"{info.filename}: {info.file_size:,} bytes uncompressed (at most {MAX_PART:,})")
        total += info.file_size
    if total > MAX_TOTAL:
        raise WorkbookError(f"{total:,} bytes uncompressed (at most {MAX_TOTAL:,})")
    _check_tables(path, infos)


_STRING = re.compile(rb"<(?:\w+:)?si[\s/>]")


def _check_tables(path, infos) -> None:
    """openpyxl reads the shared strings and the styles whole, before a cell, at 25 and 100 µs an
    entry: a 48 MB part of <si> or <xf/> (a few hundred KB zipped) took minutes. Both are counted
    first, streamed (a bound: an entry split across two chunks may go uncounted): shared strings in
    any part, whatever the manifest names it, the styles in the one part openpyxl reads them from."""
    strings = 0
    with zipfile.ZipFile(path) as z:
        for info in infos:
            styles, elements = info.filename == "xl/styles.xml", 0
            with z.open(info) as part:
                while chunk := part.read(1 << 20):
                    strings += len(_STRING.findall(chunk))
                    elements += chunk.count(b"<") if styles else 0
            if elements > MAX_STYLE_ELEMENTS:
                raise WorkbookError(f"{info.filename}: {elements:,} elements (at most {MAX_STYLE_ELEMENTS:,})")
            if strings > MAX_STRINGS:
                raise WorkbookError(f"more than {MAX_STRINGS:,} shared strings")


def read_workbook(path: Path) -> list[Sheet]:
    """Every worksheet's cells. WorkbookError when the file is no workbook perflint can read."""
    path = load(Path(path))
    check_zip(path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns about parts it skips; they are not data
        try:
            sheets, formulas = _read(path, data_only=False)
            if formulas:
                cached, _ = _read(path, data_only=True, only=formulas)
                _attach_cached(sheets, cached)
        except WorkbookError:
            raise
        except Exception as exc:  # a malformed part: openpyxl raises many kinds
            raise WorkbookError(f"cannot be read as a workbook ({type(exc).__name__}: {exc})"[:300]) from None
    return sheets


def _read(path, data_only: bool, only: dict | None = None) -> tuple[list[Sheet], dict]:
    """openpyxl's reader, part by part: load_workbook would first scan every sheet that gives no
    <dimension> to its end (a million rows: half a minute) before a cell is read."""
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.styles.stylesheet import apply_stylesheet
    from openpyxl.worksheet._reader import WorkSheetParser

    reader = ExcelReader(path, read_only=True, keep_vba=False, data_only=data_only, keep_links=False)
    sheets, formulas, count, parsed, parts = [], {}, 0, 0, {}
    try:
        reader.read_manifest()
        reader.read_strings()
        reader.read_workbook()
        apply_stylesheet(reader.archive, reader.wb)
        wb = reader.wb
        formats = _NumberFormats(wb)
        for part, rel in reader.parser.find_sheets():
            if rel.target not in reader.valid_files or "chartsheet" in (rel.Type or ""):
                continue
            if only is not None and part.name not in only:
                continue
            if rel.target in parts:  # Excel gives each sheet its own part; one part named twice is read once
                raise WorkbookError(f"sheets {parts[rel.target]!r} and {part.name!r} are the same part "
                                    f"({rel.target}): not a workbook Excel writes")
            parts[rel.target] = part.name
            sheet = Sheet(part.name, hidden=(part.state or "visible") != "visible")
            sheets.append(sheet)
            wanted = only.get(part.name) if only is not None else None
            with reader.archive.open(rel.target) as src:
                parser = WorkSheetParser(src, reader.shared_strings, data_only=data_only, epoch=wb.epoch,
                                         date_formats=wb._date_formats, timedelta_formats=wb._timedelta_formats)
                for r, cells in parser.parse():
                    parsed += len(cells)
                    if parsed > MAX_ELEMENTS:
                        raise WorkbookError(f"more than {MAX_ELEMENTS:,} cells, empty ones included")
                    if r > MAX_ROWS:
                        sheet.refused = f"more than {MAX_ROWS:,} rows (row {r:,} has cells)"
                        break
                    for c in cells:
                        value, col = c["value"], c["column"]
                        if value is None or (wanted is not None and (r, col) not in wanted):
                            continue
                        if col > MAX_COLUMNS:
                            sheet.refused = (f"a cell beyond column {get_column_letter(MAX_COLUMNS)} "
                                             f"({get_column_letter(col)}{r})")
                            break
                        count += 1
                        if count > MAX_CELLS:
                            raise WorkbookError(f"more than {MAX_CELLS:,} cells with content")
                        kind = c["data_type"]
                        if kind == "f" and not data_only:
                            formulas.setdefault(part.name, set()).add((r, col))
                        sheet.cells[(r, col)] = RawCell(value, kind, formats.of(c["style_id"]), r, col)
                    if sheet.refused:
                        break
            if sheet.refused:
                sheet.cells.clear()
    finally:
        reader.archive.close()
    return sheets, formulas


class _NumberFormats:
    """A cell's number format from its style id (what ReadOnlyCell.number_format looks up)."""

    def __init__(self, wb):
        self.wb = wb
        self.cache: dict[int, str] = {}

    def of(self, style_id) -> str:
        if not style_id:
            return "General"
        found = self.cache.get(style_id)
        if found is None:
            from openpyxl.styles.numbers import BUILTIN_FORMATS, BUILTIN_FORMATS_MAX_SIZE

            try:
                fmt_id = self.wb._cell_styles[style_id].numFmtId
                found = (BUILTIN_FORMATS.get(fmt_id, "General") if fmt_id < BUILTIN_FORMATS_MAX_SIZE
                         else self.wb._number_formats[fmt_id - BUILTIN_FORMATS_MAX_SIZE])
            except (IndexError, KeyError, AttributeError, TypeError):
                found = "General"
            self.cache[style_id] = found
        return found


def _attach_cached(sheets: list[Sheet], cached: list[Sheet]) -> None:
    values = {s.name: s.cells for s in cached}
    for sheet in sheets:
        for key, cell in list(sheet.cells.items()):
            if cell.type == "f":
                saved = values.get(sheet.name, {}).get(key)
                if saved is not None and saved.type != "f":
                    sheet.cells[key] = RawCell(cell.value, "f", cell.number_format, cell.row, cell.column, saved.value)
