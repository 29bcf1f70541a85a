"""`perflint check`: discover, lint, render every requested format, compute the exit code."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from perflint.cli.main import default_lang, fail


def parse_formats(formats) -> list[tuple[str, str | None]]:
    from perflint.output import FORMATS

    out = []
    for spec in formats:
        name, _, path = spec.partition("=")
        if name not in FORMATS:
            fail(f"unknown format {name!r} (choose from {', '.join(FORMATS)})")
        out.append((name, path or None))
    if sum(1 for _, p in out if p is None) > 1:
        fail("only one format can go to standard output: give the others =PATH")
    return out


def run_check(paths, formats, config_path, lang, cli) -> int:
    from perflint.config.loader import load_config
    from perflint.config.model import ConfigError
    from perflint.engine.discovery import discover
    from perflint.engine.registry import PluginError
    from perflint.engine.runner import lint_bytes
    from perflint.output import renderer
    from perflint.output.report import Report

    outputs = parse_formats(formats)
    try:
        config = load_config(config_path, cli)
    except (ConfigError, PluginError) as exc:
        fail(f"configuration error: {exc}")
    cwd = Path.cwd()
    files, missing = discover(paths, cwd, config.exclude)
    if missing:
        fail(f"no such file or directory: {missing[0]}")
    results = []
    for path in files:
        try:
            raw = Path(path).read_bytes()
        except OSError as exc:
            fail(f"cannot read {path}: {exc.strerror}")
        results.append(lint_bytes(path, raw, config))
    report = Report(results, lang=config.lang or lang or default_lang(), root=str(cwd))
    for name, path in outputs:
        if name == "text" and path is None:
            text = renderer("text")(report, colour=sys.stdout.isatty())
        else:
            text = renderer(name)(report)
        if path:
            from perflint.core.atomic import write_text

            write_text(Path(path), text)
        else:
            click.echo(text, nl=False)
    if any(d.rule == "internal-error" for d in report.diagnostics):
        return 2
    worst = report.worst()
    return 1 if worst is not None and worst >= config.fail_on else 0
