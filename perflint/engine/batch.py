"""Lint many files: cache first, then the misses in this process or in a pool of workers."""
from __future__ import annotations

import hashlib
import os
import signal
import sys
from contextlib import nullcontext

from perflint.config.model import Config
from perflint.core.diagnostic import Message
from perflint.engine.runner import FileResult, file_diagnostic, lint_bytes
from perflint.loading.files import Refused, read_source_stat, shown_name
from perflint.loading.kind import top_level_kind
from perflint.loading.messages import name_not_utf8

_POOL_MIN_FILES = 64  # below this, starting workers costs more than it saves
_PROGRESS_MIN_FILES = 200
_config: Config | None = None
_digest = False  # whether results go to a cache, which is keyed by the content's hash


def _init_worker(config: Config, digest: bool) -> None:
    global _config, _digest
    _config, _digest = config, digest
    # Ctrl-C reaches every process of the terminal's group: the parent alone handles it (it ends
    # the workers), so a worker never dies half-way through sending a result
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _lint_path(path: str, raw: bytes | None = None, config: Config | None = None,
               digest: bool | None = None) -> tuple[FileResult, str, tuple | None, str | None]:
    """The result for the file at ``path`` (as the file system names it), and, when a cache will
    store the result, its content hash, the (size, mtime_ns) the file had when it was read and its
    top-level `kind:` (what discovery asks the cache next time)."""
    config = config or _config
    shown = shown_name(path)
    digest_hex, stamp, kind = "", None, None
    if raw is None:
        try:
            raw, st = read_source_stat(path)
            stamp = (st.st_size, st.st_mtime_ns)
        except Refused as exc:
            raw, problem = None, (exc.rule, exc.message)
        except OSError as exc:
            raw, problem = None, ("yaml-encoding", Message(f"无法读取文件：{exc.strerror}", f"Cannot read the file: {exc.strerror}"))
    if raw is None:
        result = FileResult(shown, key=config.relative(shown))
        result.diagnostics = [d for d in (file_diagnostic(shown, *problem, config),) if d]
    else:
        result = lint_bytes(shown, raw, config)
        if _digest if digest is None else digest:
            digest_hex = hashlib.sha256(raw).hexdigest()
            kind = top_level_kind(raw)
    if shown != path:
        result.source = path
        named = file_diagnostic(shown, "file-name-encoding", name_not_utf8(shown), config)
        if named:
            result.diagnostics.insert(0, named)
    return result, digest_hex, stamp, kind


def _lint_chunk(paths: list[str]) -> list[tuple]:
    """In a worker: each result as marshal bytes (plain tuples), several times cheaper to send than
    the objects, and stored by the cache as they are."""
    out = []
    for p in paths:
        result, digest, stamp, kind = _lint_path(p)
        out.append((p, result.key, *result.blobs(), digest, stamp, kind))
    return out


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _abort(signum, frame) -> None:
    """Ctrl-C while workers run: end them, say so, exit 130 — nothing cached, nothing rendered."""
    from multiprocessing import active_children

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for child in active_children():
        child.kill()
    sys.stderr.write("perflint: interrupted\n")
    sys.stderr.flush()
    os._exit(130)


def lint_files(paths: list[str], config: Config, jobs: int | None = None, cache=None, progress: bool = False,
               interruptible: bool = False) -> list[FileResult]:
    """Results for ``paths``, in order. ``interruptible``: the caller is the command line, which Ctrl-C
    may end at once (exit 130) while workers run."""
    results: dict[str, FileResult] = {}
    todo: list[tuple[str, bytes | None]] = []
    for path in paths:
        hit, raw = cache.lookup(path) if cache else (None, None)
        if hit:
            results[path] = hit
        else:
            todo.append((path, raw))
    jobs = jobs or default_jobs()
    bar = _progress(len(todo)) if progress and len(todo) >= _PROGRESS_MIN_FILES else nullcontext()
    with bar as tick:
        if jobs > 1 and len(todo) >= _POOL_MIN_FILES:
            from multiprocessing import get_context  # imported only when used

            # small chunks: the last ones end close together (a chunk of 250 files is a third of a second
            # that one worker may run alone at the end); each costs one message
            size = max(8, min(64, len(todo) // (jobs * 32) or 1))
            chunks = [[p for p, _ in todo[i:i + size]] for i in range(0, len(todo), size)]
            # Workers are forked ignoring Ctrl-C (the parent alone handles it); while they run, Ctrl-C
            # ends them and the run at once: unwinding through the pool's locks and threads instead
            # could deadlock (as concurrent.futures did)
            pressed = []  # Ctrl-C while the pool starts: remembered (a fresh worker only notes it too)
            previous = signal.signal(signal.SIGINT, lambda *_: pressed.append(1)) if interruptible else None
            try:
                # no more workers than chunks, nor than a few per core: -j 99999 forked 99,999 processes
                workers = min(jobs, len(chunks), 4 * default_jobs())
                pool = get_context().Pool(workers, initializer=_init_worker, initargs=(config, cache is not None))
                if interruptible:
                    signal.signal(signal.SIGINT, _abort)
                    if pressed:
                        _abort(signal.SIGINT, None)
                for chunk in pool.imap(_lint_chunk, chunks):
                    for path, key, blob, summary, summary_digest, digest, stamp, kind in chunk:
                        result = FileResult.from_blobs(path, key, blob, summary, summary_digest)
                        _record(results, cache, result, digest, stamp, kind, tick)
                pool.close()
                pool.join()
            finally:
                if interruptible:
                    signal.signal(signal.SIGINT, previous)
        else:
            for path, raw in todo:
                result, digest, stamp, kind = _lint_path(path, raw, config, cache is not None)
                _record(results, cache, result, digest, stamp, kind, tick)
    if cache:
        cache.save()
    return [results[p] for p in paths]


def _record(results, cache, result, digest, stamp, kind, tick) -> None:
    results[result.source_path] = result
    if cache and digest:
        cache.store(result.source_path, digest, result, stamp, kind)
    if tick:
        tick.update(1)


def _progress(total: int):
    import click

    return click.progressbar(length=total, file=sys.stderr, label="perflint", show_pos=True)
