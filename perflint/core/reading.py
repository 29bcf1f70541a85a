"""Reading a file perflint did not write, without ever blocking on it: regular files only (a FIFO,
a device or a socket is never waited on), at most ``limit`` bytes."""
from __future__ import annotations

import os
import stat


def read_regular(path: str, limit: int) -> bytes | None:
    """Up to ``limit`` bytes of the regular file at ``path``; None for anything else or on error."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        with os.fdopen(fd, "rb", closefd=False) as fh:
            return fh.read(limit)
    except OSError:
        return None
    finally:
        os.close(fd)
