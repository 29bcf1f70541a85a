"""Reading an open file descriptor without trusting its size: a file may grow after it was checked,
and a /proc file or a device reports none."""
from __future__ import annotations

import os


def read_at_most(fd: int, limit: int) -> bytes:
    """Up to ``limit`` bytes from ``fd``, in chunks of at most 1 MiB."""
    chunks, left = [], limit
    while left > 0:
        chunk = os.read(fd, min(left, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)
