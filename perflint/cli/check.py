"""`perflint check` and `perflint baseline`: discover, lint, render, compute the exit code."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from perflint.cli.collect import Options, collect
from perflint.cli.main import default_lang, did_you_mean, fail


def parse_formats(formats) -> list[tuple[str, str | None]]:
    from perflint.output import BINARY, FORMATS

    out = []
    for spec in formats:
        name, _, path = spec.partition("=")
        if name not in FORMATS:
            fail(f"unknown format {name!r}{did_you_mean(name, FORMATS)} (choose from {', '.join(FORMATS)})")
        if name in BINARY and not path:
            fail(f"--format {name} writes a file: give it as {name}=FILE")
        if path:
            _check_writable(name, path)
        out.append((name, path or None))
    if sum(1 for _, p in out if p is None) > 1:
        fail("only one format can go to standard output: give the others =PATH")
    written = [os.path.abspath(p) for _, p in out if p]
    if len(set(written)) < len(written):
        fail("two formats are written to the same file: give each its own PATH")
    return out


def _check_writable(name: str, path: str) -> None:
    """A report path that cannot be written is a usage error, found before the lint runs."""
    target = Path(path)
    if target.is_dir():
        fail(f"--format {name}={path}: that is a folder; give a file name")
    folder = target.absolute().parent
    while not folder.exists():  # folders that do not exist yet are created
        folder = folder.parent
    if not folder.is_dir():
        fail(f"--format {name}={path}: {folder} is not a folder")
    if not os.access(folder, os.W_OK | os.X_OK) or (target.exists() and not os.access(target, os.W_OK)):
        fail(f"--format {name}={path}: cannot write there (permission denied)")


def colour_wanted(choice: str) -> bool:
    """--color always|never; auto: never when NO_COLOR is set (no-color.org), always when
    FORCE_COLOR is, else only on a terminal."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR", "0") not in ("", "0"):
        return True
    return sys.stdout.isatty()


def run_check(paths, formats, config_path, lang, cli, diff=None, baseline=None, jobs=None, use_cache=True,
              opts: Options | None = None, colour: str = "auto", statistics: bool = False,
              exit_zero: bool = False) -> int:
    from perflint.output import renderer
    from perflint.output.report import Report

    opts = opts or Options()
    outputs = parse_formats(formats)
    if statistics and any(name != "text" for name, path in outputs if path is None):
        fail("--statistics prints a table on standard output: write the other formats to files (FMT=PATH)")
    run = collect(paths, config_path, cli, diff, jobs, use_cache, opts)
    stale = []
    if baseline:
        from perflint.engine import baseline as bl

        try:
            stale = bl.apply(run.results, bl.load(Path(baseline)))
        except bl.BaselineError as exc:
            fail(str(exc))
    report = Report(run.results, lang=run.config.lang or lang or default_lang(), root=str(Path.cwd()),
                    stale_baseline=stale, skipped=run.skipped, fail_on=run.config.fail_on, sources=run.sources,
                    reports=[(name, path) for name, path in outputs if path],
                    configs=[c.source for c, _ in run.configs if c.source])
    # the results live until the end: keep the collector from rescanning them while the formats
    # allocate (SARIF makes several containers per finding; 10,000 files: ~2.5× the rendering time)
    import gc

    gc.freeze()
    for name, path in outputs:
        if path is None and statistics:
            from perflint.output.statistics import render as render_statistics

            text = render_statistics(report, colour=colour_wanted(colour))
        elif name in ("text", "concise"):
            to_terminal = path is None
            text = renderer(name)(report, colour=to_terminal and colour_wanted(colour), quiet=opts.quiet and to_terminal)
        else:
            text = renderer(name)(report)
        if path:
            from perflint.core.atomic import write_bytes, write_text

            try:
                (write_bytes if isinstance(text, bytes) else write_text)(Path(path), text)
            except OSError as exc:
                fail(f"--format {name}={path}: cannot write: {exc.strerror or exc}")
        else:
            click.echo(text, nl=False, color=True)
    if report.internal_error():
        return 2
    worst = report.worst()
    return 1 if worst is not None and worst >= report.fail_on and not exit_zero else 0


def run_baseline(target, paths, config_path, cli, jobs=None, opts: Options | None = None) -> int:
    from perflint.engine import baseline as bl

    _check_writable("baseline", target)
    run = collect(paths, config_path, cli, jobs=jobs, opts=opts)
    try:
        count = bl.write(Path(target), run.results)
    except OSError as exc:
        fail(f"cannot write the baseline {target}: {exc.strerror or exc}")
    click.echo(f"perflint: recorded {count} finding(s) in {target}", err=True)
    return 0
