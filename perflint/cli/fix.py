"""`perflint fix`: apply the fixes rules offer, or show them first with --diff."""
from __future__ import annotations

import difflib
from collections import defaultdict
from pathlib import Path

import click

from perflint.cli.check import collect


def run_fix(paths, config_path, cli, show_diff: bool) -> int:
    from perflint.core.atomic import write_text
    from perflint.engine.fixes import FixError, apply

    _config, results = collect(paths, config_path, cli, use_cache=False)
    pending = defaultdict(list)
    unfixable = 0
    for result in results:
        for d in result.active:
            if d.fix is not None:
                pending[result.path].append((d.pointer, d.fix))
            else:
                unfixable += 1
    changed = fixed = failed = 0
    for path, fixes in pending.items():
        raw = Path(path).read_bytes()
        text = raw.decode("utf-8")
        try:
            new = apply(path, text, fixes)
        except FixError as exc:
            click.echo(f"perflint: {path}: not fixed: {exc}", err=True)
            failed += 1
            continue
        if new == text:
            continue
        changed += 1
        fixed += len(fixes)
        if show_diff:
            click.echo("".join(difflib.unified_diff(text.splitlines(True), new.splitlines(True), f"a/{path}", f"b/{path}")), nl=False)
        else:
            write_text(Path(path), new)
    verb = "would fix" if show_diff else "fixed"
    click.echo(f"perflint: {verb} {fixed} problem(s) in {changed} file(s); {unfixable} problem(s) need a person.", err=True)
    return 1 if failed or (show_diff and changed) else 0
