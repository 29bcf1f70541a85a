"""A declaration file read for showing or exporting it as a form.

perflint's own loader reads it (bounded in size, depth and aliases; no tags run), and the scalars
YAML typed are given back the types a YAML library reads them as — dates as dates — so that what
is exported and imported again compares equal under ``yaml.safe_load``.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from perflint.loading.loader import load
from perflint.loading.sourcemap import get_at, set_at, split

# Loader problems that do not change what the document says.
_HARMLESS = {"yaml-bom"}


@dataclass
class LoadedDocument:
    path: str
    data: dict | None
    problems: list = field(default_factory=list)  # (rule, message Message) the form cannot be shown for

    @property
    def ok(self) -> bool:
        return isinstance(self.data, dict) and not self.problems


def read_document(path: str, raw: bytes) -> LoadedDocument:
    doc = load(path, raw)
    problems = [(p.rule, p.finding.message) for p in doc.problems if p.rule not in _HARMLESS]
    data = doc.data if isinstance(doc.data, dict) else None
    if data is not None:
        for pointer, (kind, text) in doc.scalars.items():
            if kind == "timestamp":
                _restore_timestamp(data, pointer, text)
    return LoadedDocument(path, data, problems)


def read_file(path: Path, shown: str | None = None) -> LoadedDocument:
    """Read as linting reads a file (loading/files.py): a link out of the tree, a device or a file
    over the size bound is refused, never read."""
    from perflint.core.diagnostic import Message
    from perflint.loading.files import Refused, read_source

    try:
        raw = read_source(str(path))
    except Refused as exc:
        return LoadedDocument(shown or str(path), None, [(exc.rule, exc.message)])
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return LoadedDocument(shown or str(path), None, [("unreadable", Message(f"无法读取：{reason}", f"cannot read: {reason}"))])
    return read_document(shown or str(path), raw)


def _restore_timestamp(data, pointer: str, text: str) -> None:
    if not split(pointer) or not isinstance(get_at(data, pointer), str):
        return
    node = yaml.ScalarNode("tag:yaml.org,2002:timestamp", text)
    try:
        value = yaml.constructor.SafeConstructor().construct_yaml_timestamp(node)
    except (ValueError, TypeError, OverflowError):
        return
    if isinstance(value, (datetime.date, datetime.datetime)):
        set_at(data, pointer, value)
