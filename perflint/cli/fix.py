"""`perflint fix`: apply the fixes rules offer, or show them first with --diff.

Each file is read once; its fixes are computed for exactly those bytes, and just before the atomic
replace the file is compared with them again: a change saved meanwhile is never overwritten.
"""
from __future__ import annotations

import difflib

import click

from perflint.cli.collect import Options, collect


def run_fix(paths, config_path, cli, show_diff: bool, opts: Options | None = None, force: bool = False) -> int:
    from perflint.core.atomic import WriteRefused, replace_if_unchanged
    from perflint.engine.fixes import apply_fixes
    from perflint.engine.runner import lint_bytes
    from perflint.loading.files import Refused, read_source
    from perflint.output.escape import visible

    opts = opts or Options()
    run = collect(paths, config_path, cli, use_cache=False, opts=opts)
    unfixable = sum(1 for r in run.results for d in r.active if d.fix is None)
    changed = fixed = failed = 0
    for result in run.results:
        from_stdin = result.path in run.sources
        if not from_stdin and not any(d.fix is not None for d in result.active):
            continue
        shown = visible(result.path)
        if from_stdin:  # read once already: its findings are for exactly these bytes
            text = run.sources[result.path]
            fixes = [(d.pointer, d.fix) for d in result.active if d.fix is not None]
        else:
            try:
                raw = read_source(result.source_path)
                text = raw.decode("utf-8")
            except (Refused, OSError, UnicodeDecodeError) as exc:
                click.echo(f"perflint: {shown}: not fixed: {getattr(exc, 'message', None) and exc.message.en or exc}", err=True)
                failed += 1
                continue
            # the fixes for exactly the bytes that will be edited, not for what the file held before,
            # under the configuration that governs this file
            config = run.config_of.get(result.path, run.config)
            fixes = [(d.pointer, d.fix) for d in lint_bytes(result.path, raw, config).active if d.fix is not None]
        new, skipped = apply_fixes(result.path, text, fixes) if fixes else (text, [])
        for pointer, why in skipped:
            click.echo(f"perflint: {shown}: {visible(pointer)} not fixed: {why}", err=True)
        failed += len(skipped)
        if show_diff:
            # each line escaped like every output: a comment's ##vso[ or bidi override is the pull request's
            for line in difflib.unified_diff(text.splitlines(True), new.splitlines(True), f"a/{shown}", f"b/{shown}"):
                click.echo(visible(line.removesuffix("\n").removesuffix("\r")))
        elif from_stdin:  # like ruff: the fixed text goes to standard output, fixed or not
            click.echo(new, nl=False)
        elif new != text:
            try:
                replace_if_unchanged(result.source_path, raw, new.encode("utf-8"), force)
            except (WriteRefused, OSError) as exc:
                click.echo(f"perflint: {shown}: not written: {exc}", err=True)
                failed += 1
                continue
        if new != text:
            changed += 1
            fixed += len(fixes) - len(skipped)
    verb = "would fix" if show_diff else "fixed"
    if not opts.quiet:
        click.echo(f"perflint: {verb} {fixed} problem(s) in {changed} file(s); {unfixable} problem(s) need a person.", err=True)
    return 1 if failed or (show_diff and changed) else 0
