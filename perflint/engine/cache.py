"""A results cache, kept outside the linted repository and trusted only when perflint wrote it.

Where: the user cache folder (`~/.cache/perflint` on Linux, as pip and pre-commit do), or
PERFLINT_CACHE_DIR. A cache inside the repository would be part of the pull request: a committed
`.perflint_cache/` could forge "all clear" or inject findings, and a symlinked one would make
perflint write outside the tree.

What: one manifest per configuration (its folder, its fingerprint, perflint's code, the Python
version): {absolute path: [size, mtime_ns, sha256, key, packed result]}, where key is the path
relative to the configuration's folder — with the content, everything a result depends on
(per-file ignores and overrides match that key). Unchanged files (same size and mtime, not
modified in the last 2 s) are not even read; any other file is hashed and must match.

Trust: each manifest starts with an HMAC-SHA256 tag under a random key that lives in the user
cache folder (never in PERFLINT_CACHE_DIR, which CI may place inside the checkout). A manifest
that is not a regular file, is larger than the bound, or whose tag does not match is ignored
before it is decoded, so a forged or corrupt one costs one hash of at most MAX_MANIFEST bytes.
marshal is used only on bytes perflint itself wrote (and loads several times faster than JSON).
A cache copied from another machine (a CI cache restore) carries another key: it is rebuilt.
Writes are atomic and never follow a symbolic link.
"""
from __future__ import annotations

import hashlib
import hmac
import marshal
import os
import stat
import sys
import time
from pathlib import Path

from perflint import __version__
from perflint.core.atomic import write_bytes
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
        data = os.read(fd, limit + 1) if st.st_size else b""
        while len(data) < st.st_size:
            chunk = os.read(fd, limit + 1 - len(data))
            if not chunk:
                break
            data += chunk
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


class Cache:
    def __init__(self, config, rule_ids, folder: Path | None = None):
        ident = "\0".join((__version__, sys.version, code_stamp(), str(config.root), config.source or "",
                           config.fingerprint(), ",".join(sorted(rule_ids))))
        self.config = config
        self.entries: dict = {}
        self.dirty = False
        self.folder = folder or Path(os.environ.get(CACHE_ENV) or user_cache_dir())
        self.file = self.folder / f"{hashlib.sha256(ident.encode()).hexdigest()[:32]}.marshal"
        self.key = _secret()
        self.usable = self.key is not None and _safe_folder(self.folder)
        if self.usable:
            self.entries = self._load()

    def _load(self) -> dict:
        data = _read_private(self.file, MAX_MANIFEST)
        if data is None or len(data) < _TAG:
            return {}
        tag, payload = data[:_TAG], data[_TAG:]
        if not hmac.compare_digest(tag, hmac.new(self.key, payload, hashlib.sha256).digest()):
            return {}  # not written by perflint for this user: never decoded
        try:
            entries = marshal.loads(payload)
        except (ValueError, EOFError, TypeError):
            return {}
        return entries if isinstance(entries, dict) else {}

    def lookup(self, path: str) -> tuple[FileResult | None, bytes | None]:
        """(cached result, the file's bytes if they had to be read). A file with no entry is not read
        here: whoever lints it reads it (and refuses it if it is not a regular file)."""
        entry = self.entries.get(os.path.abspath(path))
        if not entry:
            return None, None
        try:
            # the manifest belongs to one configuration folder, so the absolute path fixes the key
            # relative to it (stored for the record; recomputing it per file cost a third of a warm run)
            size, mtime, digest, _key, packed = entry
            st = os.lstat(path)
            if not stat.S_ISREG(st.st_mode):
                return None, None
            if size == st.st_size and mtime == st.st_mtime_ns and time.time_ns() - st.st_mtime_ns > _RECENT_NS:
                return FileResult.unpack(path, packed), None
            from perflint.loading.files import Refused, read_source

            try:
                raw = read_source(path)
            except Refused:
                return None, None
            if digest != hashlib.sha256(raw).hexdigest():
                return None, raw
            result = FileResult.unpack(path, packed)
        except OSError:  # unreadable now: linting it reports that as a finding
            return None, None
        except (TypeError, ValueError, KeyError, IndexError):  # an entry of another shape: lint again
            return None, None
        entry[0], entry[1] = st.st_size, st.st_mtime_ns
        self.dirty = True
        return result, raw

    def store(self, path: str, digest: str, result: FileResult, stamp: tuple[int, int] | None = None) -> None:
        """Remember ``result`` for the content with ``digest``; ``stamp`` is the (size, mtime_ns) the
        file had when it was read, so an edit made since is noticed next time."""
        if not self.usable:
            return
        if stamp is None:
            try:
                st = os.lstat(path)
            except OSError:
                return
            stamp = (st.st_size, st.st_mtime_ns)
        self.entries[os.path.abspath(path)] = [stamp[0], stamp[1], digest, result.key, result.pack()]
        self.dirty = True

    def save(self) -> None:
        if not self.dirty or not self.usable:
            return
        self.entries = {p: e for p, e in self.entries.items() if os.path.lexists(p)}  # forget deleted files
        try:
            payload = marshal.dumps(self.entries)
            if len(payload) + _TAG > MAX_MANIFEST:
                return
            write_bytes(self.file, hmac.new(self.key, payload, hashlib.sha256).digest() + payload)
        except (OSError, ValueError):
            pass  # a read-only cache folder still lints; it just is not cached
