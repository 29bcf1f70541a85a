"""A results cache keyed by perflint version, the effective configuration and each file's content.

One manifest per configuration in `.perflint_cache/`: {path: [size, mtime_ns, sha256, result]}.
Unchanged files (same size and mtime) are not even read. Written atomically, so concurrent runs
never see a torn file (the last writer wins; a lost entry only costs a re-lint); safe to delete.
Stored with marshal: plain lists and strings, loaded several times faster than JSON and, unlike
pickle, never able to run code; its format is Python's own, so the Python version is in the key.
"""
from __future__ import annotations

import hashlib
import marshal
import os
import sys
import time
from pathlib import Path

from perflint import __version__
from perflint.core.atomic import write_bytes, write_text
from perflint.engine.runner import FileResult

CACHE_DIR = ".perflint_cache"
_RECENT_NS = 2_000_000_000  # a file modified in the last 2 s is re-hashed: mtime may be too coarse


def code_stamp() -> str:
    """Changes whenever perflint's own code does, so an edited rule never serves stale results."""
    package = Path(__file__).resolve().parents[1]
    stamps = sorted((str(p.relative_to(package)), p.stat().st_mtime_ns) for p in package.rglob("*.py"))
    return hashlib.sha256(repr(stamps).encode()).hexdigest()


class Cache:
    def __init__(self, root: Path, config_fingerprint: str, rule_ids):
        ident = f"{__version__}\0{sys.version}\0{code_stamp()}\0{config_fingerprint}\0{','.join(sorted(rule_ids))}"
        key = hashlib.sha256(ident.encode()).hexdigest()
        self.file = root / CACHE_DIR / f"{key[:24]}.marshal"
        self.entries: dict = {}
        self.dirty = False
        try:
            self.entries = marshal.loads(self.file.read_bytes())
        except (OSError, ValueError, EOFError, TypeError):
            self.entries = {}
        if not isinstance(self.entries, dict):
            self.entries = {}

    def lookup(self, path: str) -> tuple[FileResult | None, bytes | None]:
        """(cached result, the file's bytes if they had to be read). A file with no entry is not read
        here: whoever lints it reads it."""
        entry = self.entries.get(path)
        if not entry:
            return None, None
        try:
            st = os.stat(path)
            if entry[0] == st.st_size and entry[1] == st.st_mtime_ns and time.time_ns() - st.st_mtime_ns > _RECENT_NS:
                return FileResult.unpack(path, entry[3]), None
            raw = Path(path).read_bytes()
            if entry[2] != hashlib.sha256(raw).hexdigest():
                return None, raw
            result = FileResult.unpack(path, entry[3])
        except OSError:  # unreadable now: linting it reports that as a finding
            return None, None
        except (TypeError, ValueError, KeyError, IndexError):  # an entry of another shape: lint again
            return None, None
        entry[0], entry[1] = st.st_size, st.st_mtime_ns
        self.dirty = True
        return result, raw

    def store(self, path: str, digest: str, result: FileResult) -> None:
        try:
            st = os.stat(path)
        except OSError:
            return
        self.entries[path] = [st.st_size, st.st_mtime_ns, digest, result.pack()]
        self.dirty = True

    def save(self) -> None:
        if not self.dirty:
            return
        gitignore = self.file.parent / ".gitignore"
        self.entries = {p: e for p, e in self.entries.items() if os.path.exists(p)}  # forget deleted files
        try:
            write_bytes(self.file, marshal.dumps(self.entries))
            if not gitignore.exists():
                write_text(gitignore, "*\n")
        except (OSError, ValueError):
            pass  # a read-only tree still lints; it just is not cached
