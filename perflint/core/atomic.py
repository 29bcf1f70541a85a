"""Write files atomically: a temporary file in the same folder, then os.replace."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from perflint.core.bounded import read_at_most


def write_text(path: Path, text: str, exclusive: bool = False) -> None:
    write_bytes(path, text.encode("utf-8"), exclusive)


class AppearedMeanwhile(FileExistsError):
    """``exclusive``: a file of that name was made after the caller checked there was none."""


def write_bytes(path: Path, data: bytes, exclusive: bool = False) -> None:
    """``exclusive``: never replace a file, even one made a moment ago (AppearedMeanwhile): the
    complete file is linked into place, which fails when the name exists."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = _synced_temporary(path, data)
    try:
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        if exclusive:
            try:
                os.link(tmp, path)
            except FileExistsError:
                raise AppearedMeanwhile(f"{path} was made while perflint was writing; it is kept") from None
            os.unlink(tmp)
        else:
            os.replace(tmp, path)
    except BaseException:
        _discard(tmp)
        raise


def _synced_temporary(path: Path, data: bytes) -> str:
    """A temporary file beside ``path`` holding ``data``, on disk before it is renamed into place."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        _discard(tmp)
        raise
    return tmp


def _discard(tmp: str) -> None:
    try:
        os.unlink(tmp)
    except FileNotFoundError:
        pass


class WriteRefused(Exception):
    """The file was not written: the message says why (and what --force would do)."""


def replace_if_unchanged(path: Path, expected: bytes, data: bytes, force: bool = False) -> None:
    """Atomically replace ``path`` with ``data`` if it still holds exactly ``expected``, keeping its
    mode and ownership. A read-only file, a symbolic link (written through to its target with
    ``force``) and a file with other hard links (replaced under this name only, with ``force``)
    are refused unless ``force``; a file changed since it was read is always refused."""
    import stat

    path = Path(path)
    st = os.lstat(path)
    if stat.S_ISLNK(st.st_mode):
        if not force:
            raise WriteRefused("it is a symbolic link (--force writes its target)")
        path = Path(os.path.realpath(path))
        st = os.lstat(path)
    if not stat.S_ISREG(st.st_mode):
        raise WriteRefused("it is not a regular file")
    if st.st_nlink > 1 and not force:
        raise WriteRefused(f"it has {st.st_nlink - 1} other hard link(s) (--force replaces this name only)")
    if not force and (not st.st_mode & 0o222 or not os.access(path, os.W_OK)):
        raise WriteRefused("it is read-only (--force writes it anyway)")
    tmp = _synced_temporary(path, data)
    try:
        os.chmod(tmp, stat.S_IMODE(st.st_mode))
        if hasattr(os, "chown") and (st.st_uid, st.st_gid) != (os.stat(tmp).st_uid, os.stat(tmp).st_gid):
            try:
                os.chown(tmp, st.st_uid, st.st_gid)
            except PermissionError:
                if not force:
                    raise WriteRefused("its owner or group cannot be kept (--force writes it as yours)") from None
        now = _read_nofollow(path, len(expected) + 1)
        if now is None or now[1] != (st.st_dev, st.st_ino) or now[0] != expected:
            raise WriteRefused("it changed after it was read; run perflint fix again")
        os.replace(tmp, path)
    except BaseException:
        _discard(tmp)
        raise


def _read_nofollow(path: Path, limit: int) -> tuple[bytes, tuple[int, int]] | None:
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        return read_at_most(fd, limit), (st.st_dev, st.st_ino)
    finally:
        os.close(fd)
