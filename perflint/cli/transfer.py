"""`perflint export` (declarations → workbooks in their form layout) and `perflint import`
(workbooks → YAML). Both decide every target first, write nothing when one would overwrite a file
without --force, write atomically, and with --dry-run only say what they would write."""
from __future__ import annotations

import os
import re
from pathlib import Path

import click

SCHEMA_URL = "https://raw.githubusercontent.com/perflint-cn/perflint/main/schema/declaration.schema.json"
_NOTES = {
    "digits": "more significant digits than an Excel number keeps (15): written as text",
    "timezone": "a time with a time zone, which an Excel date cannot hold: written as text",
    "cut": "longer than an Excel cell holds: cut",
}
_UNSAFE = re.compile(r"[^\w\-.\u3400-\u9fff]+")


def _say(message: str) -> None:
    """Messages quote cells, sheet and file names from untrusted workbooks: escaped like every message."""
    from perflint.output.escape import visible

    click.echo(f"perflint: {visible(message)}", err=True)


def _show_diff(path: Path, text: str) -> None:
    """What --dry-run prints: the change to ``path`` as a unified diff without context lines, each
    line escaped — a cell's text can never start a line of the log (no ::error from a workbook)."""
    import difflib

    from perflint.output.escape import visible

    old = path.read_text(encoding="utf-8", errors="replace").splitlines() if path.is_file() else []
    click.echo(visible(f"--- would write {path}"))
    for line in difflib.unified_diff(old, text.splitlines(), f"a/{path}", f"b/{path}", n=0, lineterm=""):
        click.echo(visible(line))


def _mirror(inputs: list[Path], to: Path, suffix: str) -> list[Path]:
    """Each input's target under ``to``: its path below the inputs' common folder, new suffix."""
    resolved = [Path(os.path.abspath(p)) for p in inputs]  # not resolve(): a link out must not move the rest
    base = Path(os.path.commonpath([p.parent for p in resolved])) if resolved else Path.cwd()
    return [to / p.relative_to(base).with_suffix(suffix) for p in resolved]


def _refuse_overwrites(targets: list[Path], force: bool) -> bool:
    seen, clash = set(), False
    for t in targets:
        if t in seen:
            _say(f"two inputs would both be written to {t}: nothing written")
            clash = True
        seen.add(t)
    existing = [t for t in targets if t.exists() or t.is_symlink()]
    if existing and not force:
        for t in existing[:10]:
            _say(f"{t} exists (use --force to replace it)")
        if len(existing) > 10:
            _say(f"… and {len(existing) - 10} more")
        _say("nothing written")
        return True
    return clash


# -- export -----------------------------------------------------------------------------------------

def run_export(paths, to: str, force: bool, dry_run: bool) -> int:
    from perflint.config.model import ConfigError
    from perflint.config.resolve import Configs
    from perflint.core.atomic import write_bytes
    from perflint.engine.discovery import discover
    from perflint.excel.export import ExportError, export_workbook
    from perflint.forms.document import read_file

    cwd = Path.cwd()
    try:  # the files `perflint check` would check there: declarations and self-evaluations
        selection = discover(paths, cwd, Configs(None, {}, cwd))
    except ConfigError as exc:
        _say(f"configuration error: {exc}")
        return 2
    if selection.missing:
        _say(f"no such file or directory: {selection.missing[0]}")
        return 2
    files = [shown for shown, _config in selection.files]
    if not files:
        _say("no declarations found")
        return 2
    targets = _mirror([Path(f) for f in files], Path(to), ".xlsx")
    if _refuse_overwrites(targets, force or dry_run):
        return 1
    failed = written = unwritable = 0
    for shown, target in zip(files, targets, strict=True):
        doc = read_file(Path(shown), shown)
        if doc.data is None or doc.problems:
            rule, message = (doc.problems or [("yaml-empty", None)])[0]
            _say(f"{shown}: not exported: {rule}" + (f": {message.en}" if message else ": not a declaration"))
            failed += 1
            continue
        try:
            data, notes = export_workbook(doc.data)
        except ExportError as exc:
            _say(f"{shown}: not exported: {exc}")
            failed += 1
            continue
        for pointer, note in notes:
            _say(f"{shown}: {pointer}: {_NOTES.get(note, note)}")
        if dry_run:
            from perflint.output.escape import visible

            click.echo(visible(f"would write {target} ({len(data):,} bytes)"))
        else:
            try:
                write_bytes(target, data, exclusive=not force)
            except OSError as exc:  # a file made meanwhile, a folder where a file goes, no permission
                _say(f"{target}: not written: {exc.strerror or exc}")
                unwritable += 1
                continue
        written += 1
    verb = "would export" if dry_run else "exported"
    _say(f"{verb} {written} declaration(s) to {to}" + (f"; {failed} not exported" if failed else "")
         + (f"; {unwritable} could not be written" if unwritable else ""))
    return 2 if unwritable else 1 if failed else 0


# -- import -----------------------------------------------------------------------------------------

def _workbooks(paths) -> tuple[list[Path], list[str]]:
    found, missing = [], []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for root, dirs, names in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found += [Path(root, n) for n in sorted(names)
                          if n.lower().endswith(".xlsx") and not n.startswith(("~$", "."))]
        elif p.exists() or p.is_symlink():
            found.append(p)  # a FIFO or a device too: refused when it is read, with the reason
        else:
            missing.append(str(raw))
    return found, missing


def _slug(text: str) -> str:
    return _UNSAFE.sub("-", text).strip("-.")[:60]


def _names(target: Path, docs) -> list[Path]:
    """One declaration: the workbook's name; several: one file each, named by project."""
    if len(docs) == 1:
        return [target]
    out, taken = [], set()
    for n, doc in enumerate(docs, 1):
        project = doc.data.get("project", {}).get("name") if isinstance(doc.data.get("project"), dict) else None
        stem = f"{target.stem}-{_slug(str(project)) if project else ''}".rstrip("-") or target.stem
        if stem == target.stem or stem in taken:
            stem = f"{target.stem}-{n}"
        taken.add(stem)
        out.append(target.with_name(stem + ".yaml"))
    return out


def _modeline(target: Path) -> str:
    """The schema, relative to the file, when the repository the file goes to has one."""
    folder = target.resolve().parent
    for parent in (folder, *folder.parents):
        schema = parent / "schema" / "declaration.schema.json"
        if schema.is_file():
            return os.path.relpath(schema, folder).replace(os.sep, "/")
    return SCHEMA_URL


def run_import(paths, to: str, force: bool, dry_run: bool) -> int:
    from perflint.core.atomic import write_text
    from perflint.excel.importer import import_workbook
    from perflint.excel.workbook import WorkbookError
    from perflint.excel.yaml_writer import WriteError, to_yaml
    from perflint.loading.files import escapes

    books, missing = _workbooks(paths)
    if missing:
        _say(f"no such file or directory: {missing[0]}")
        return 2
    if not books:
        _say("no .xlsx workbooks found")
        return 2
    plans, failed, unplaced = [], 0, 0
    for book, target in zip(books, _mirror(books, Path(to), ".yaml"), strict=True):
        if escapes(str(book)):  # as `check` does: a link out of the tree is not followed
            _say(f"{book}: not imported: a symbolic link pointing outside the tree: not read")
            failed += 1
            continue
        try:
            result = import_workbook(book)
        except WorkbookError as exc:
            _say(f"{book}: not imported: {exc}")
            failed += 1
            continue
        for where, message in result.problems:
            _say(f"{book}: {where}: {message}")
            unplaced += 1
        if not result.documents:
            _say(f"{book}: no form found")
            failed += 1
        for doc, path in zip(result.documents, _names(target, result.documents), strict=True):
            for address, text in doc.notes:
                _say(f"{book}: {doc.sheet}!{address}: {text}")
            for address, text in doc.unplaced:
                _say(f"{book}: {doc.sheet}!{address}: not placed: {text}")
            unplaced += len(doc.unplaced)
            header = [f"Imported by perflint from {book.name}, sheet {doc.sheet}; comments name the cells."]
            footer = ([f"Not placed (sheet {doc.sheet}): these cells are under no label perflint knows:"]
                      + [f"  {address}: {text}" for address, text in doc.unplaced]) if doc.unplaced else []
            try:
                text = to_yaml(doc.data, doc.sources, header, footer, _modeline(path))
            except WriteError as exc:
                _say(f"{book}: sheet {doc.sheet}: not imported: {exc}")
                failed += 1
                continue
            plans.append((path, text))
    if _refuse_overwrites([p for p, _ in plans], force or dry_run):
        return 1
    unwritable = 0
    for path, text in plans:
        if dry_run:
            _show_diff(path, text)
            continue
        try:
            write_text(path, text, exclusive=not force)
        except OSError as exc:  # a file made meanwhile, a folder where a file goes, no permission
            _say(f"{path}: not written: {exc.strerror or exc}")
            unwritable += 1
    verb = "would import" if dry_run else "imported"
    _say(f"{verb} {len(plans) - unwritable} declaration(s) to {to}"
         + (f"; {unplaced} cell(s) not placed (see above, and the comments at the end of each file)" if unplaced else "")
         + (f"; {failed} workbook(s) or sheet(s) not imported" if failed else "")
         + (f"; {unwritable} file(s) could not be written" if unwritable else ""))
    return 2 if unwritable else 1 if failed or unplaced else 0
