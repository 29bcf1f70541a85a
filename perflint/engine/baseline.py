"""Baselines: record today's findings, then report only new ones.

Entries match on rule + file + a stable JSON pointer + a hash of the offending value (the
diagnostic's fingerprint), never on line numbers, so moving lines does not resurrect them.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from perflint import __version__
from perflint.core.atomic import write_text
from perflint.loading.files import Refused, read_within

FORMAT_VERSION = 1


class BaselineError(Exception):
    pass


def build(results) -> str:
    entries = sorted(
        ({"rule": d.rule, "file": f.key or d.file, "pointer": d.pointer, "fingerprint": d.fingerprint,
          "message": d.message.en} for f in results for d in f.diagnostics if not d.suppressed),
        key=lambda e: (e["file"], e["rule"], e["pointer"], e["fingerprint"]),
    )
    return json.dumps({"version": FORMAT_VERSION, "tool": f"perflint {__version__}", "entries": entries},
                      ensure_ascii=False, indent=2) + "\n"


def write(path: Path, results) -> int:
    text = build(results)
    write_text(path, text)
    return text.count('"fingerprint"')


MAX_BYTES = 64 * 1024 * 1024
_FIELDS = ("rule", "file", "pointer", "fingerprint", "message")


def load(path: Path) -> list[dict]:
    """The entries of a baseline file: a regular JSON file of at most MAX_BYTES (never a FIFO or a
    device, never through a link out of the working directory), every entry checked."""
    try:
        raw = read_within(str(path), [Path.cwd()], MAX_BYTES)
        data = json.loads(raw.decode("utf-8"))
    except Refused as exc:
        raise BaselineError(f"baseline {path}: {exc.message.en}") from None
    except OSError as exc:
        raise BaselineError(f"cannot read baseline {path}: {exc.strerror}") from None
    except RecursionError:
        raise BaselineError(f"baseline {path}: nested too deeply") from None
    except ValueError as exc:  # UnicodeDecodeError too
        raise BaselineError(f"baseline {path} is not valid JSON: {exc}") from None
    if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION or not isinstance(data.get("entries"), list):
        raise BaselineError(f"baseline {path} is not a perflint baseline (version {FORMAT_VERSION})")
    for i, entry in enumerate(data["entries"]):
        if not isinstance(entry, dict):
            raise BaselineError(f"baseline {path}: entries[{i}] must be an object, not {type(entry).__name__}")
        for key in _FIELDS:
            if key in entry and not isinstance(entry[key], str):
                raise BaselineError(f"baseline {path}: entries[{i}].{key} must be text, not {entry[key]!r:.40}")
        if "fingerprint" not in entry:
            raise BaselineError(f"baseline {path}: entries[{i}] has no fingerprint")
    return data["entries"]


def apply(results, entries: list[dict]) -> list[dict]:
    """Drop baselined diagnostics from ``results`` (in place); return the stale entries, those whose
    file was linted but whose finding is gone."""
    budget = Counter(e.get("fingerprint") for e in entries)
    for f in results:
        kept = []
        for d in f.diagnostics:
            if not d.suppressed and budget[d.fingerprint] > 0:
                budget[d.fingerprint] -= 1
            else:
                kept.append(d)
        f.diagnostics = kept
    linted = {f.key or f.path for f in results}
    stale = []
    for e in entries:
        if e.get("file") in linted and budget[e.get("fingerprint")] > 0:
            budget[e.get("fingerprint")] -= 1
            stale.append(e)
    return stale
