"""A results cache, kept outside the linted repository and trusted only when perflint wrote it.

Where: the user cache folder (`~/.cache/perflint` on Linux, as pip and pre-commit do), or
PERFLINT_CACHE_DIR. A cache inside the repository would be part of the pull request: a committed
`.perflint_cache/` could forge "all clear" or inject findings, and a symlinked one would make
perflint write outside the tree.

What: one manifest per configuration (its folder, its fingerprint, perflint's code, the Python
version): {absolute path: [size, mtime_ns, sha256, key, kind, summary digest, result, summary]},
where key is the path relative to the configuration's folder — with the content, everything a
result depends on (per-file ignores and overrides match that key) —, kind the file's top-level
`kind:` (so that discovery need not read an unchanged file to know it is a declaration), and result
and summary the packed result (engine.runner.FileResult.blobs) as marshal bytes, decoded only when
asked for: a warm run whose pass across files is cached never decodes a summary. Unchanged files
(same size and mtime, not modified in the last 2 s) are not even read; any other file is hashed
and must match.

The pass across files (engine.crossfile) has a cache of its own, stored the same way (PassCache):
the findings it added in the last few runs of a working directory and configuration, keyed by a
digest of everything it reads (each file's path, key and summary, the configuration, the rules).

Trust: each file starts with an HMAC-SHA256 tag under a random key that lives in the user
cache folder (never in PERFLINT_CACHE_DIR, which CI may place inside the checkout). A file
that is not a regular file, is larger than the bound, or whose tag does not match is ignored
before it is decoded, so a forged or corrupt one costs one hash of at most MAX_MANIFEST bytes.
marshal is used only on bytes perflint itself wrote (and loads several times faster than JSON).
A cache copied from another machine (a CI cache restore) carries another key: it is rebuilt.
Writes are atomic and never follow a symbolic link.
"""
from __future__ import annotations

import gc
import hashlib
import hmac
import marshal
import os
import stat
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from perflint import __version__
from perflint.core.atomic import write_bytes
from perflint.core.bounded import read_at_most
from perflint.engine.runner import FileResult

CACHE_ENV = "PERFLINT_CACHE_DIR"
MAX_MANIFEST = 256 * 1024 * 1024
_RECENT_NS = 2_000_000_000  # a file modified in the last 2 s is re-hashed: mtime may be too coarse
_TAG = 32
_NOFOLLOW = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)


def code_stamp() -> str:
    """Changes whenever perflint's own code does, so an edited rule never serves stale results."""
    package = Path(__file__).resolve().parents[1]
    stamps = sorted((str(p.relative_to(package)), p.stat().st_mtime_ns) for p in package.rglob("*.py"))
    return hashlib.sha256(repr(stamps).encode()).hexdigest()


def user_cache_dir() -> Path:
    from platformdirs import user_cache_dir as folder

    return Path(folder("perflint", appauthor=False))


def _safe_folder(path: Path) -> bool:
    """Create ``path`` (private) if needed; True when it is a real folder of this user that nobody
    else can write: never a symbolic link, never a folder another account could fill."""
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        st = os.lstat(path)
    except OSError:
        return False
    if not stat.S_ISDIR(st.st_mode):
        return False
    if hasattr(os, "getuid") and (st.st_uid != os.getuid() or st.st_mode & 0o022):
        return False
    return True


def _read_private(path: Path, limit: int) -> bytes | None:
    """A regular file's bytes, never through a link and never more than ``limit``; None otherwise."""
    try:
        fd = os.open(path, _NOFOLLOW)
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_size > limit:
            return None
        if hasattr(os, "getuid") and st.st_uid != os.getuid():
            return None
        data = read_at_most(fd, limit + 1) if st.st_size else b""
        return data if len(data) <= limit else None
    finally:
        os.close(fd)


def _secret() -> bytes | None:
    """This user's cache key, created once (32 random bytes, readable by this user only)."""
    folder = user_cache_dir()
    if not _safe_folder(folder):
        return None
    path = folder / "cache-key"
    key = _read_private(path, _TAG)
    if key is not None and len(key) == _TAG:
        return key
    tmp = folder / f".cache-key.{os.getpid()}.tmp"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(os.urandom(_TAG))
        try:
            os.link(tmp, path)  # atomic create-if-absent: two first runs agree on one key
        except FileExistsError:
            pass
    except OSError:
        return None
    finally:
        try:
            os.unlink(tmp)
        except OSError:
            pass
    key = _read_private(path, _TAG)
    return key if key is not None and len(key) == _TAG else None


@contextmanager
def gc_paused():
    """The garbage collector off while many objects that live on are made at once (decoding a cache,
    unpacking results): they hold no cycles, and each collection would rescan all of them."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_signed(path: Path, key: bytes, limit: int = MAX_MANIFEST):
    """What ``save_signed`` stored at ``path`` under ``key``, or None: a file that is not regular, is
    larger than ``limit``, or whose tag does not match is never decoded."""
    data = _read_private(path, limit)
    if data is None or len(data) < _TAG:
        return None
    tag, payload = data[:_TAG], data[_TAG:]
    if not hmac.compare_digest(tag, hmac.new(key, payload, hashlib.sha256).digest()):
        return None  # not written by perflint for this user: never decoded
    try:
        with gc_paused():
            return marshal.loads(payload)
    except (ValueError, EOFError, TypeError):
        return None


def save_signed(path: Path, key: bytes, value, limit: int = MAX_MANIFEST) -> None:
    """Store ``value`` (plain data) at ``path``, tagged under ``key``, atomically and never through a
    link; not at all when it would be larger than ``limit``."""
    try:
        payload = marshal.dumps(value)
        if len(payload) + _TAG > limit:
            return
        write_bytes(path, hmac.new(key, payload, hashlib.sha256).digest() + payload)
    except (OSError, ValueError):
        pass  # a read-only cache folder still lints; it just is not cached


def _ident(*parts: str) -> str:
    """A file name for what ``parts`` fix: perflint's version and code, the Python version and the rest."""
    text = "\0".join((__version__, sys.version, code_stamp(), *parts))
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def cache_folder(folder: Path | None = None) -> Path:
    return folder or Path(os.environ.get(CACHE_ENV) or user_cache_dir())


# an entry of the manifest: [size, mtime_ns, sha256 of the content, key, top-level `kind:` (text or None),
# digest of the summary, marshal of (meta, rows), marshal of the summary]
_SIZE, _MTIME, _DIGEST, _KEY, _KIND, _SDIGEST, _BLOB, _SBLOB = range(8)


class Cache:
    def __init__(self, config, rule_ids, folder: Path | None = None):
        self.config = config
        self.entries: dict = {}
        self.dirty = False
        self._cwd = os.getcwd()  # entries are keyed by absolute path (os.path.abspath, without a getcwd per file)
        self._seen: dict = {}  # absolute path → what _fresh found this run
        self.folder = cache_folder(folder)
        self.file = self.folder / (_ident(str(config.root), config.source or "", config.fingerprint(),
                                          ",".join(sorted(rule_ids))) + ".marshal")
        self.key = _secret()
        self.usable = self.key is not None and _safe_folder(self.folder)
        if self.usable:
            self.entries = self._load()

    def _load(self) -> dict:
        entries = load_signed(self.file, self.key)
        return entries if isinstance(entries, dict) else {}

    def _fresh(self, path: str):
        """(entry, lstat, unchanged): the entry for ``path`` and the file's lstat when it is a regular
        file; unchanged when its size and mtime are those recorded and it was not modified too
        recently for mtime to tell. Asked by discovery (the file's kind) and then by the lint (its
        result): the file is looked at once per run."""
        absolute = os.path.normpath(os.path.join(self._cwd, path))
        known = self._seen.get(absolute)
        if known is not None:
            return known
        entry = self.entries.get(absolute)
        if not entry:
            return None, None, False
        try:
            st = os.lstat(path)
        except OSError:
            return entry, None, False
        if not stat.S_ISREG(st.st_mode) or type(entry) is not list or len(entry) != 8:
            return None, None, False
        unchanged = (entry[_SIZE] == st.st_size and entry[_MTIME] == st.st_mtime_ns
                     and time.time_ns() - st.st_mtime_ns > _RECENT_NS)
        known = self._seen[absolute] = (entry, st, unchanged)
        return known

    def kind(self, path: str) -> tuple[bool, str | None]:
        """(True, the top-level `kind:` recorded — text, or None when it has none) for an unchanged
        file; (False, None) when the cache cannot tell without reading it (discovery then reads it)."""
        entry, _st, unchanged = self._fresh(path)
        if not unchanged:
            return False, None
        kind = entry[_KIND]
        return (True, kind) if kind is None or type(kind) is str else (False, None)

    def lookup(self, path: str) -> tuple[FileResult | None, bytes | None]:
        """(cached result, the file's bytes if they had to be read). A file with no entry is not read
        here: whoever lints it reads it (and refuses it if it is not a regular file)."""
        entry, st, unchanged = self._fresh(path)
        if entry is None or st is None:
            return None, None
        try:
            # the manifest belongs to one configuration folder, so the absolute path fixes the key
            # relative to it (stored for the record; recomputing it per file cost a third of a warm run)
            if not unchanged:
                from perflint.loading.files import Refused, read_source

                try:
                    raw = read_source(path)
                except Refused:
                    return None, None
                if entry[_DIGEST] != hashlib.sha256(raw).hexdigest():
                    return None, raw
                entry[_SIZE], entry[_MTIME] = st.st_size, st.st_mtime_ns  # the same content: trusted by its stamp next time
                self.dirty = True
            else:
                raw = None
            if not all(type(entry[i]) is t for i, t in ((_KEY, str), (_SDIGEST, str), (_BLOB, bytes), (_SBLOB, bytes))):
                return None, raw  # an entry of another shape: lint again
            return FileResult.from_blobs(path, entry[_KEY], entry[_BLOB], entry[_SBLOB], entry[_SDIGEST]), raw
        except OSError:  # unreadable now: linting it reports that as a finding
            return None, None

    def store(self, path: str, digest: str, result: FileResult, stamp: tuple[int, int] | None = None,
              kind: str | None = None) -> None:
        """Remember ``result`` for the content with ``digest`` (whose top-level `kind:` is ``kind``);
        ``stamp`` is the (size, mtime_ns) the file had when it was read, so an edit made since is
        noticed next time."""
        if not self.usable:
            return
        if stamp is None:
            try:
                st = os.lstat(path)
            except OSError:
                return
            stamp = (st.st_size, st.st_mtime_ns)
        blob, summary, summary_digest = result.blobs()
        self.entries[os.path.abspath(path)] = [stamp[0], stamp[1], digest, result.key, kind, summary_digest, blob,
                                               summary]
        self.dirty = True

    def save(self) -> None:
        if not self.dirty or not self.usable:
            return
        self.entries = {p: e for p, e in self.entries.items() if os.path.lexists(p)}  # forget deleted files
        save_signed(self.file, self.key, self.entries)


class PassCache:
    """The output of the pass across files (engine.crossfile) for the last few runs of one working
    directory and configuration, stored and trusted like the manifests: {digest of everything the
    pass reads: the findings it adds, packed, by file}."""

    KEEP = 3  # runs remembered (a full run and a --diff run in one tree do not evict each other)

    def __init__(self, config, folder: Path | None = None):
        self.folder = cache_folder(folder)
        self.file = self.folder / ("pass-" + _ident(os.getcwd(), str(config.root), config.source or "",
                                                    config.fingerprint()) + ".marshal")
        self.key = _secret()
        self.usable = self.key is not None and _safe_folder(self.folder)
        self.runs: list = []
        if self.usable:
            runs = load_signed(self.file, self.key)
            self.runs = runs if isinstance(runs, list) else []

    def get(self, digest: str) -> dict | None:
        for entry in self.runs:
            if type(entry) is tuple and len(entry) == 2 and entry[0] == digest and type(entry[1]) is dict:
                return entry[1]
        return None

    def put(self, digest: str, added: dict) -> None:
        if not self.usable:
            return
        self.runs = [(digest, added)] + [e for e in self.runs if not (type(e) is tuple and e[:1] == (digest,))]
        save_signed(self.file, self.key, self.runs[:self.KEEP])
