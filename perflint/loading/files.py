"""Reading a file from a tree a pull request controls: regular files only, never through a symbolic
link, never more than the size bound, and names shown as valid UTF-8.

A link that stays inside the linted tree is resolved by discovery, which hands over its target;
so any link still met here points outside the tree (or nowhere) and is refused. Devices, FIFOs and
sockets are refused before they are opened: `/dev/zero` would be read until memory runs out and a
FIFO would block the run forever.
"""
from __future__ import annotations

import errno
import functools
import os
import stat

from perflint.core.bounded import read_at_most
from perflint.core.diagnostic import Message
from perflint.loading import messages as M

MAX_BYTES = 2 * 1024 * 1024
_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)


class Refused(Exception):
    """The file is not read: ``rule`` and ``message`` say why, as a finding on the file."""

    def __init__(self, rule: str, message: Message):
        super().__init__(message.en)
        self.rule = rule
        self.message = message


def _kind(mode: int) -> Message | None:
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISLNK(mode):
        return M.LINK_OUTSIDE
    if stat.S_ISFIFO(mode):
        return M.not_regular("FIFO（命名管道）", "a FIFO (named pipe)")
    if stat.S_ISSOCK(mode):
        return M.not_regular("套接字", "a socket")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return M.not_regular("设备文件", "a device")
    if stat.S_ISDIR(mode):
        return M.not_regular("文件夹", "a folder")
    return M.not_regular("特殊文件", "a special file")


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def escapes(path: str) -> bool:
    """Whether a path named inside the working directory really lies outside it: a link on the way
    (a folder of the pull request made a link to `/etc`). A path typed as outside is the user's own."""
    here = os.getcwd()
    typed = os.path.abspath(path)
    if not _inside(typed, here):
        return False
    return not _inside(os.path.realpath(typed), _real(here))


@functools.lru_cache(maxsize=8)
def _real(folder: str) -> str:
    return os.path.realpath(folder)


def check_regular(path: str) -> os.stat_result:
    """The file's lstat when it is a regular file inside the tree it was named in; Refused otherwise
    (OSError when it is gone)."""
    st = os.lstat(path)
    if escapes(path):
        raise Refused("file-not-regular", M.LINK_OUTSIDE)
    problem = _kind(st.st_mode)
    if problem is not None:
        raise Refused("file-not-regular", problem)
    return st


def read_source(path: str, limit: int = MAX_BYTES) -> bytes:
    """The bytes of a regular file, at most ``limit`` of them: Refused for anything else, and for a
    file over the limit (checked on the open file, before reading it)."""
    return read_source_stat(path, limit)[0]


def read_source_stat(path: str, limit: int = MAX_BYTES) -> tuple[bytes, os.stat_result]:
    """``read_source``, with the status of the file that was read (for a cache entry)."""
    check_regular(path)
    try:
        fd = os.open(path, _FLAGS)
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.EMLINK):  # O_NOFOLLOW on a link (EMLINK on some BSDs)
            raise Refused("file-not-regular", M.LINK_OUTSIDE) from None
        raise
    try:
        st = os.fstat(fd)  # the file opened, which may differ from the one checked a moment ago
        problem = _kind(st.st_mode)
        if problem is not None:
            raise Refused("file-not-regular", problem)
        if st.st_size > limit:
            raise Refused("yaml-too-large", M.too_large(st.st_size, limit))
        raw = read_at_most(fd, limit + 1)
    finally:
        os.close(fd)
    if len(raw) > limit:  # it grew after the check (or reports no size, like /proc files)
        raise Refused("yaml-too-large", M.too_large(len(raw), limit))
    return raw, st


def shown_name(path: str) -> str:
    """A file name as reports show it: unchanged when it is valid UTF-8; otherwise each byte that is
    not (kept by Python as a surrogate escape) written as ``\\xNN``, so every output stays UTF-8."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return os.fsencode(path).decode("utf-8", "backslashreplace")


def read_within(path: str, trees, limit: int) -> bytes:
    """``read_source`` for a file perflint reads on its own account (configuration, profile,
    baseline): a link is followed only to a target inside one of ``trees`` (folders)."""
    if os.path.islink(path):
        target = os.path.realpath(path)
        if not any(target == t or target.startswith(t.rstrip(os.sep) + os.sep) for t in map(os.path.realpath, trees)):
            raise Refused("file-not-regular", M.LINK_OUTSIDE)
        path = target
    return read_source(path, limit)
