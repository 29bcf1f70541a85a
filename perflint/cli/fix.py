"""`perflint fix`: apply the fixes rules offer, or show them first with --diff."""
from __future__ import annotations

import difflib
from collections import defaultdict
from pathlib import Path

import click

from perflint.cli.collect import Options, collect


def run_fix(paths, config_path, cli, show_diff: bool, opts: Options | None = None) -> int:
    from perflint.core.atomic import write_text
    from perflint.engine.fixes import FixError, apply

    opts = opts or Options()
    run = collect(paths, config_path, cli, use_cache=False, opts=opts)
    pending = defaultdict(list)
    unfixable = 0
    for result in run.results:
        for d in result.active:
            if d.fix is not None:
                pending[result.path].append((d.pointer, d.fix))
            else:
                unfixable += 1
    changed = fixed = failed = 0
    for result in run.results:
        path, fixes = result.path, pending.get(result.path, [])
        from_stdin = path in run.sources
        if not fixes and not from_stdin:
            continue
        text = run.sources[path] if from_stdin else Path(path).read_bytes().decode("utf-8")
        new = text
        if fixes:
            try:
                new = apply(path, text, fixes)
            except FixError as exc:
                click.echo(f"perflint: {path}: not fixed: {exc}", err=True)
                failed += 1
        if new != text:
            changed += 1
            fixed += len(fixes)
        if show_diff:
            if new != text:
                click.echo("".join(difflib.unified_diff(text.splitlines(True), new.splitlines(True), f"a/{path}", f"b/{path}")), nl=False)
        elif from_stdin:  # like ruff: the fixed text goes to standard output, fixed or not
            click.echo(new, nl=False)
        elif new != text:
            write_text(Path(path), new)
    verb = "would fix" if show_diff else "fixed"
    if not opts.quiet:
        click.echo(f"perflint: {verb} {fixed} problem(s) in {changed} file(s); {unfixable} problem(s) need a person.", err=True)
    return 1 if failed or (show_diff and changed) else 0
