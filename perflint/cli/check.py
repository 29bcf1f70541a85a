"""`perflint check` and `perflint baseline`: discover, lint, render, compute the exit code."""
from __future__ import annotations

import gc
import sys
from pathlib import Path

import click

from perflint.cli.main import default_lang, fail


def parse_formats(formats) -> list[tuple[str, str | None]]:
    from perflint.output import BINARY, FORMATS

    out = []
    for spec in formats:
        name, _, path = spec.partition("=")
        if name not in FORMATS:
            fail(f"unknown format {name!r} (choose from {', '.join(FORMATS)})")
        if name in BINARY and not path:
            fail(f"--format {name} writes a file: give it as {name}=FILE")
        out.append((name, path or None))
    if sum(1 for _, p in out if p is None) > 1:
        fail("only one format can go to standard output: give the others =PATH")
    return out


def collect(paths, config_path, cli, diff=None, jobs=None, use_cache=True):
    """Configuration, then the files to lint, then their results (cached and parallel where it pays)."""
    from perflint.config.loader import load_config
    from perflint.config.model import ConfigError
    from perflint.engine.batch import lint_files
    from perflint.engine.discovery import discover
    from perflint.engine.registry import PluginError, all_rules, distrust

    distrust(paths)  # no plugin is ever loaded from what is being linted
    try:
        config = load_config(config_path, cli)
    except (ConfigError, PluginError) as exc:
        fail(f"configuration error: {exc}")
    cwd = Path.cwd()
    files, missing = discover(paths, cwd, config.exclude, config.relative)
    if missing:
        fail(f"no such file or directory: {missing[0]}")
    if diff:
        from perflint.engine.gitdiff import GitError, changed_files

        try:
            changed = changed_files(diff, cwd)
        except GitError as exc:
            fail(f"--diff {diff}: {exc}")
        files = [f for f in files if (cwd / f).resolve() in changed]
    cache = None
    if use_cache:
        from perflint.engine.cache import Cache

        cache = Cache(config, all_rules())
    # what start-up allocated lives for the whole run: keep the garbage collector from rescanning it
    # for every file (~7% of a large run). Done here, not in lint_files: a long-lived caller would
    # freeze its own garbage.
    gc.freeze()
    results = lint_files(files, config, jobs=jobs, cache=cache, progress=sys.stderr.isatty(), interruptible=True)
    return config, results


def run_check(paths, formats, config_path, lang, cli, diff=None, baseline=None, jobs=None, use_cache=True) -> int:
    from perflint.output import renderer
    from perflint.output.report import Report

    outputs = parse_formats(formats)
    config, results = collect(paths, config_path, cli, diff, jobs, use_cache)
    stale = []
    if baseline:
        from perflint.engine import baseline as bl

        try:
            stale = bl.apply(results, bl.load(Path(baseline)))
        except bl.BaselineError as exc:
            fail(str(exc))
    report = Report(results, lang=config.lang or lang or default_lang(), root=str(Path.cwd()), stale_baseline=stale)
    for name, path in outputs:
        if name == "text" and path is None:
            text = renderer("text")(report, colour=sys.stdout.isatty())
        else:
            text = renderer(name)(report)
        if path:
            from perflint.core.atomic import write_bytes, write_text

            (write_bytes if isinstance(text, bytes) else write_text)(Path(path), text)
        else:
            click.echo(text, nl=False)
    if any(d.rule == "internal-error" for d in report.diagnostics):
        return 2
    worst = report.worst()
    return 1 if worst is not None and worst >= config.fail_on else 0


def run_baseline(target, paths, config_path, cli, jobs=None) -> int:
    from perflint.engine import baseline as bl

    _config, results = collect(paths, config_path, cli, jobs=jobs)
    count = bl.write(Path(target), results)
    click.echo(f"perflint: recorded {count} finding(s) in {target}", err=True)
    return 0
