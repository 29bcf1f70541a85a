"""One document laid out as its era's printed form: rows of cells, each value cell carrying the JSON
Pointer of the field it shows. The HTML form view, the reviewer workbook and `perflint export`
render the same Form; `perflint import` reads the same layout back.

Every value the document holds gets a cell: fields the era's form does not print follow the layout
under 其他信息, with their schema titles (or their pointer, for keys the schema does not know).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from perflint.forms import fields as F
from perflint.forms.layouts import (
    TOTAL_LABELS,
    Field,
    Funds,
    Heading,
    Layout,
    Row,
    Sum,
    Table,
    TotalRow,
    fields_of,
    layout_for,
    tables_of,
)
from perflint.forms.values import MISSING, display
from perflint.loading.sourcemap import join, split
from perflint.model.money import FACTORS, parse_amount
from perflint.model.templates import recognise

OTHER_HEADING = "其他信息"
TOTAL_LABEL = TOTAL_LABELS[0]  # the sub-projects add up to 合计


@dataclass
class Cell:
    role: str  # title, year, heading, label, value, head, total
    text: str = ""
    pointer: str | None = None
    value: object = MISSING  # the document's value (MISSING: the key is absent)
    kind: str = "text"
    span: int = 1
    rowspan: int = 1
    covered: bool = False  # under the rowspan of the cell above: not drawn
    col: int = 0
    label: str = ""  # a value cell: its label or column head, for naming the field in a finding
    placeholder: bool = False  # a value cell showing the form's default text for a key the document lacks
    names_row: bool = False  # the cell naming a row of funds: export records it, import finds the row by it
    against: str | None = None  # a computed sum: the field it should equal
    parts: list = field(default_factory=list)  # a computed sum: the pointers it adds up


@dataclass
class Form:
    kind: str
    era: str
    layout: Layout
    unit: str | None
    rows: list[list[Cell]] = field(default_factory=list)
    width: int = 4
    cells: dict[str, Cell] = field(default_factory=dict)  # pointer → the cell showing it
    meta: dict[str, object] = field(default_factory=dict)  # fields no cell shows: kind, schema_version, era

    def locate(self, pointer: str) -> Cell:
        """The cell a finding at ``pointer`` belongs to: the field's own cell, else the nearest
        enclosing one (an indicator's row, a section), else the title."""
        tokens = split(pointer)
        while tokens:
            cell = self.cells.get("/" + "/".join(_escape(t) for t in tokens))
            if cell is not None:
                return cell
            tokens.pop()
        return self.rows[0][0]

    def attach(self, diagnostics) -> dict[int, list]:
        """The findings of each cell, keyed by id(cell). A merged 一级/二级 cell is split where a
        row it covers has a finding of its own, so that the finding sits in its own row."""
        out: dict[int, list] = {}
        for d in diagnostics:
            out.setdefault(id(self.locate(d.pointer)), []).append(d)
        self._split_merges(out.keys())
        return out

    def _split_merges(self, hit) -> None:
        for r, row in enumerate(self.rows):
            for top in row:
                if top.rowspan < 2:
                    continue
                span = top.rowspan
                for k in range(1, span):
                    below = next((c for c in self.rows[r + k] if c.col == top.col), None)
                    if below is not None and id(below) in hit:
                        top.rowspan, below.covered, below.rowspan = k, False, span - k
                        break


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def unit_suffix(unit: str | None) -> str:
    return f"（{unit}）" if unit else ""


def build(data: dict) -> Form:
    kind = data.get("kind") if data.get("kind") in ("declaration", "self-evaluation") else "declaration"
    era = recognise(data)[0]
    layout = layout_for(kind, era)
    budget = data.get("budget")
    unit = budget.get("unit") if isinstance(budget, dict) and isinstance(budget.get("unit"), str) else None
    form = Form(kind, era, layout, unit)
    _Builder(form, data).run()
    return form


class _Builder:
    def __init__(self, form: Form, data: dict):
        self.form = form
        self.data = data
        self.used: set[str] = set()  # pointers shown (their subtrees included for tables and values)
        self.pending: list[list[Cell]] = []
        self.loose: list[str] = []  # table rows that are no mapping: shown by pointer under 其他信息
        self.paths: dict[str, list] = {}  # table pointer → its columns as drawn (for the 总分 row)

    # -- rows ---------------------------------------------------------------------------------
    def add(self, cells: list[Cell]) -> None:
        self.pending.append(cells)

    def value_cell(self, pointer: str, value, kind: str | None = None) -> Cell:
        kind = kind or F.kind_of(pointer)
        cell = Cell("value", display(value, kind), pointer, value, kind)
        self.form.cells[pointer] = cell
        self.used.add(pointer)
        return cell

    def get(self, pointer: str):
        node = self.data
        for tok in split(pointer):
            if isinstance(node, dict) and tok in node:
                node = node[tok]
            elif isinstance(node, list) and tok.isdigit() and int(tok) < len(node):
                node = node[int(tok)]
            else:
                return MISSING
        return node

    def label(self, text: str) -> str:
        return text.replace("{unit}", unit_suffix(self.form.unit))

    # -- the form ------------------------------------------------------------------------------
    def run(self) -> None:
        form, data = self.form, self.data
        title_value = data.get("form_title", MISSING)
        title = Cell("title", display(title_value) or form.layout.title, "/form_title", title_value)
        form.cells["/form_title"] = form.cells[""] = title
        self.used.add("/form_title")
        self.add([title])
        year = data.get("fiscal_year", MISSING)
        if year is MISSING or (isinstance(year, int) and not isinstance(year, bool)):
            shown = form.layout.year.format(year="    " if year is MISSING else year)
            cell = Cell("year", shown, "/fiscal_year", year, "int")
            form.cells["/fiscal_year"] = cell
            self.used.add("/fiscal_year")
            self.add([cell])
        if form.unit is not None and _prints_unit(form.layout):
            self.used.add("/budget/unit")  # printed in the labels: 项目总预算（元）
        for key in ("kind", "schema_version", "era"):
            if key in data:
                form.meta[f"/{key}"] = data[key]
                self.used.add(f"/{key}")
        for block in form.layout.blocks:
            if isinstance(block, Row):
                self.row(block.fields)
            elif isinstance(block, Heading):
                self.heading(block.text.replace("{year}", str(year if year is not MISSING else "")), block.pointer)
            elif isinstance(block, Sum):
                self.sum_row(block)
            elif isinstance(block, Funds):
                self.funds(block)
            elif isinstance(block, TotalRow):
                self.total_line(block)
            elif isinstance(block, Table):
                self.table(block, self.label(block.heading.replace("{year}", str(year if year is not MISSING else "")))
                           if block.heading else None)
        self.extras()
        self.finish()

    def heading(self, text: str, pointer: str = "") -> None:
        cell = Cell("heading", self.label(text), pointer or None)
        if pointer and pointer not in self.form.cells:
            self.form.cells[pointer] = cell
        self.add([cell])

    def row(self, fields: tuple[Field, ...]) -> None:
        cells = []
        for f in fields:
            value = self.get(f.pointer)
            if isinstance(value, (dict,)) or (isinstance(value, list) and F.kind_of(f.pointer) != "list"):
                continue  # a mapping where a value belongs: shown field by field under 其他信息
            if isinstance(value, list) and not all(isinstance(v, str) for v in value):
                continue
            label = self.label(f.label)
            cells += [Cell("label", label, f.pointer), self.value_cell(f.pointer, value)]
            cells[-1].label = label
        if cells:
            self.add(cells)

    def table(self, table: Table, heading: str | None) -> None:
        rows = self.get(table.pointer)
        if rows is not MISSING and not isinstance(rows, list):
            return  # not a list: shown under 其他信息
        rows = [] if rows is MISSING else rows
        present = {k for r in rows if isinstance(r, dict) for k in r}
        columns = list(table.columns)
        known = {k for k, _ in columns}
        pattern = F.pattern_of(table.pointer) + "/*"
        extra = [k for k in present if k not in known]
        extra.sort(key=lambda k: F.order_key(pattern, k))
        columns = _place_operator_unit(columns, extra, pattern)
        paths = _column_paths(rows, columns, pattern)
        self.paths[table.pointer] = paths
        if heading:
            head_cell = Cell("heading", heading, table.pointer)
            self.form.cells.setdefault(table.pointer, head_cell)
            self.add([head_cell])
        self.used.add(table.pointer)
        self.add([Cell("head", self.label(text), table.pointer) for _path, text in paths])
        merged: dict[str, Cell] = {}
        for i, item in enumerate(rows):
            if not isinstance(item, dict):
                self.loose.append(join(table.pointer, i))
                continue
            row_pointer = join(table.pointer, i)
            self.used.add(row_pointer)
            cells = []
            for path, head in paths:
                pointer = row_pointer + path
                value = self.get(pointer)
                key = path[1:]
                cell = self.value_cell(pointer, value)
                cell.label = self.label(head)
                above = merged.get(key)
                if key in table.merge and above is not None and above.value == value and value is not MISSING \
                        and self._same_parents(table, key, above, row_pointer):
                    above.rowspan += 1
                    cell.covered = True
                merged[key] = cell if not cell.covered else above
                cells.append(cell)
            self.form.cells[row_pointer] = next((c for c, (p, _) in zip(cells, paths, strict=True) if p == "/name"), cells[0])
            self.add(cells)
        if table.total and rows:
            self.total_row(table, paths)

    def _same_parents(self, table: Table, key: str, above: Cell, row_pointer: str) -> bool:
        """A 二级 cell merges with the one above only inside the same 一级 cell."""
        index = table.merge.index(key)
        prev_row = above.pointer.rsplit("/", 1)[0] if above.pointer else ""
        for parent in table.merge[:index]:
            if self.get(f"{prev_row}/{parent}") != self.get(f"{row_pointer}/{parent}"):
                return False
        return True

    def total_row(self, table: Table, paths) -> None:
        rows = self.get(table.pointer)
        parts = [r.get(table.total) for r in rows if isinstance(r, dict) and r.get(table.total) is not None]
        cells = []
        for n, (path, _text) in enumerate(paths):
            if n == 0:
                cells.append(Cell("total", TOTAL_LABEL, table.pointer))
            elif path == "/" + table.total:
                cells.append(self.sum_cell(parts, "/budget/annual", table.pointer, [
                    f"{table.pointer}/{i}{path}" for i, r in enumerate(rows) if isinstance(r, dict)]))
            else:
                cells.append(Cell("total", "", table.pointer))
        self.add(cells)

    def funds(self, block: Funds) -> None:
        """The funds table: the heading as printed and the column heads, then the total row and a row
        per source of funds the document has, each led by its name as printed."""
        node = self.get(block.pointer)
        if node is not MISSING and not isinstance(node, dict):
            return  # not a mapping: shown under 其他信息
        node = {} if node is MISSING else node
        heading = self.value_cell(f"{block.pointer}/heading", node.get("heading", MISSING))
        heading.label = "栏目名称"
        if heading.value is MISSING:
            heading.text, heading.placeholder = self.label(block.heading), True
        self.form.cells.setdefault(block.pointer, heading)
        self.add([heading] + [Cell("head", text, block.pointer) for _key, text in block.columns])
        sources = node.get("sources") if isinstance(node.get("sources"), dict) else {}
        pattern = F.pattern_of(block.pointer) + "/sources"
        keys = sorted((k for k, v in sources.items() if isinstance(v, dict)), key=lambda k: F.order_key(pattern, k))
        rows = [(block.pointer, block.total_label)]
        rows += [(f"{block.pointer}/sources/{_escape(k)}", _source_label(pattern, k)) for k in keys]
        for row_pointer, default in rows:
            row = self.get(row_pointer)
            row = row if isinstance(row, dict) else {}
            if not row and row_pointer != block.pointer:
                self.used.add(row_pointer)  # an empty row: the row itself says it is there
            label = self.value_cell(f"{row_pointer}/label", row.get("label", MISSING))
            label.label, label.names_row = "行名称", True
            if label.value is MISSING:
                label.text, label.placeholder = default, True
            cells = [label]
            for key, head in block.columns:
                cell = self.value_cell(f"{row_pointer}/{key}", row.get(key, MISSING))
                cell.label = f"{label.text} › {head}"
                cells.append(cell)
            self.form.cells.setdefault(row_pointer, label)
            self.add(cells)  # keys of a row the columns do not show follow under 其他信息

    def total_line(self, block: TotalRow) -> None:
        """The 总分 row, its values under the grid's columns of the same keys."""
        paths = self.paths.get("/indicators")
        node = self.get(block.pointer)
        if not paths or (node is not MISSING and not isinstance(node, dict)):
            return
        node = {} if node is MISSING else node
        cells = [Cell("label", block.label, block.pointer)]
        for path, head in paths[1:]:
            key = path[1:]
            if key in block.columns:
                cell = self.value_cell(f"{block.pointer}/{key}", node.get(key, MISSING), "number")
                cell.label = f"{block.label} › {head}"
                cells.append(cell)
            else:
                cells.append(Cell("total", ""))
        self.form.cells.setdefault(block.pointer, cells[0])
        self.used.add(block.pointer)
        self.add(cells)

    def sum_row(self, block: Sum) -> None:
        node = self.get(block.pointer)
        if not isinstance(node, dict):
            return
        keys = [k for k, v in node.items() if v is not None and F.kind_of(f"{block.pointer}/{k}") == "money"]
        if keys:
            self.add([Cell("total", self.label(block.label), block.pointer),
                      self.sum_cell([node[k] for k in keys], block.against, block.pointer,
                                    [join(block.pointer, k) for k in keys])])

    def sum_cell(self, parts, against: str, pointer: str, sources: list[str]) -> Cell:
        """The sum in the document's unit (None when a part cannot be read as an amount); ``value``
        holds it, ``against`` the field it should equal and ``parts`` the cells it adds up."""
        unit = self.form.unit if self.form.unit in FACTORS else "元"
        total = 0
        for v in parts:
            if isinstance(v, bool) or not isinstance(v, (int, Decimal, str)):
                total = None
                break
            amount = v if not isinstance(v, str) else parse_amount(v, unit)[0]
            if amount is None:
                total = None
                break
            total += amount if not isinstance(v, str) else (amount / FACTORS[unit]).normalize()
        cell = Cell("total", display(total, "money"), pointer, total, "money")
        cell.against = against
        cell.parts = sources
        return cell

    # -- what the layout does not print --------------------------------------------------------
    def extras(self) -> None:
        rows_before = len(self.pending)
        self._walk(self.data, "")
        for pointer in self.loose:
            self.add([Cell("label", pointer, pointer), self.value_cell(pointer, self.get(pointer), "free")])
            self.pending[-1][-1].label = pointer
        if len(self.pending) > rows_before:
            self.pending.insert(rows_before, [Cell("heading", OTHER_HEADING)])

    def _walk(self, node, pointer: str) -> None:
        if pointer in self.used:
            return
        if isinstance(node, dict) and (pointer == "" or node) and F.kind_of(pointer) != "list":
            parent = F.pattern_of(pointer)
            for key in sorted(node, key=lambda k: F.order_key(parent, k)):
                self._walk(node[key], join(pointer, key))
            return
        kind = F.kind_of(pointer)
        if isinstance(node, list) and node and kind == "table" and all(isinstance(r, dict) for r in node):
            info = F.info(pointer)
            columns = tuple((c.pattern.rsplit("/", 1)[1], c.title) for c in F.children(info.pattern + "/*")
                            if any(c.pattern.rsplit("/", 1)[1] in r for r in node))
            self.table(Table(pointer, info.title, columns), info.title)
            return
        if isinstance(node, list) and node and (kind != "list" or not all(isinstance(v, str) for v in node)):
            for i, item in enumerate(node):
                self._walk(item, join(pointer, i))
            return
        label = extra_label(self.form.layout, pointer)
        self.add([Cell("label", label, pointer), self.value_cell(pointer, node)])
        self.pending[-1][-1].label = label

    # -- geometry ------------------------------------------------------------------------------
    def finish(self) -> None:
        width = max([4] + [len(r) for r in self.pending if r and r[0].role not in ("title", "year", "heading")])
        form = self.form
        form.width = width
        for cells in self.pending:
            if len(cells) < width:
                cells[-1].span = width - len(cells) + 1
            col = 0
            for c in cells:
                c.col = col
                col += c.span
        form.rows = self.pending


def _source_label(pattern: str, key: str) -> str:
    info = F.catalogue().get(f"{pattern}/{key}")
    return f"其中：{info.title}" if info else key


def _place_operator_unit(columns: list, extra: list, pattern: str) -> list:
    """Extra columns in schema order, except that a separate comparison sign goes before the value
    and a separate unit after it, as the templates that split them print them."""
    out = list(columns)
    keys = [k for k, _ in out]
    target = keys.index("target") + 1 if "target" in keys else len(out)
    for k in extra:
        title = F.catalogue().get(f"{pattern}/{k}")
        head = title.title if title and title.kind not in ("object", "table") else k
        if k == "operator" and "target" in keys:
            out.insert(target - 1, (k, head))
            target += 1
        elif k == "unit" and "target" in keys:
            out.insert(target, (k, head))
        else:
            out.append((k, head))
    return out


def _column_paths(rows: list, columns: list, pattern: str) -> list[tuple[str, str]]:
    """(path under the row, head) per column; a mapping in a row (baseline: {value, year}) becomes
    one column per key it holds."""
    out = []
    for key, head in columns:
        dicts = [r[key] for r in rows if isinstance(r, dict) and isinstance(r.get(key), dict)]
        plain = any(isinstance(r, dict) and key in r and not isinstance(r[key], dict) for r in rows)
        if plain or not dicts:
            out.append((f"/{key}", head))
        nested = {k for d in dicts for k in d}
        subs = [c.pattern.rsplit("/", 1)[1] for c in F.children(f"{pattern}/{key}")]
        for k in [k for k in subs if k in nested] + sorted(k for k in nested if k not in subs):
            sub = F.catalogue().get(f"{pattern}/{key}/{k}")
            out.append((f"/{key}/{k}", sub.title if sub else f"{key}/{k}"))
    return out


@lru_cache(maxsize=64)
def _prints_unit(layout: Layout) -> bool:
    texts = [f.label for f in fields_of(layout)] + [b.text for b in layout.blocks if isinstance(b, Heading)]
    texts += [text for t in tables_of(layout) for _k, text in t.columns]
    return any("{unit}" in t for t in texts)


@lru_cache(maxsize=64)
def _layout_labels(layout: Layout) -> frozenset[str]:
    labels = {f.label.replace("{unit}", "") for f in fields_of(layout)}
    labels |= {text.replace("{unit}", "") for t in tables_of(layout) for _k, text in t.columns}
    return frozenset(labels)


# Fields whose schema titles are shared with another field: the label a form gives them.
_OWN_LABELS = {"/project/manager_phone": "项目负责人联系电话", "/filled_phone": "填表人联系电话", "/notes": "其他说明",
               "/selfeval/execution/unit": "项目资金金额单位"}


@lru_cache(maxsize=64)
def extra_labels(layout: Layout) -> dict[str, str]:
    """pattern → label for every field outside the layout: its schema title, or title（pointer）
    where two fields would share a label. Import reads the same table, so labels round-trip."""
    shown = {f.pointer for f in fields_of(layout)}
    in_tables = tuple(t.pointer + "/" for t in tables_of(layout))
    candidates = {p: _OWN_LABELS.get(p, i.title) for p, i in F.catalogue().items()
                  if i.kind not in ("object", "table") and "*" not in p and p not in shown
                  and not p.startswith(in_tables) and p not in ("/form_title", "/fiscal_year")}
    taken = set(_layout_labels(layout))
    counts: dict[str, int] = {}
    for title in candidates.values():
        counts[title] = counts.get(title, 0) + 1
    return {p: (t if counts[t] == 1 and t not in taken else f"{t}（{p}）") for p, t in candidates.items()}


def extra_label(layout: Layout, pointer: str) -> str:
    """The label of a field outside the layout; a key the schema does not know is labelled by its pointer."""
    return extra_labels(layout).get(pointer) or pointer or "/"
