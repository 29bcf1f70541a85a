"""The `perflint` command line. Heavy modules are imported inside commands to keep start-up fast."""
from __future__ import annotations

import os
import signal
import sys

import click

from perflint import __version__
from perflint.core.suggest import did_you_mean  # noqa: F401  (re-exported for the commands)


def default_lang() -> str:
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "zh"


def lang_option(f):
    return click.option("--lang", type=click.Choice(["zh", "en"]), help="Message language (default: config, then locale).")(f)


def _no_plugins(ctx, param, value):
    if value:
        from perflint.engine.registry import disable_plugins

        disable_plugins()


def plugins_option(f):
    return click.option("--no-plugins", is_flag=True, expose_value=False, is_eager=True, callback=_no_plugins,
                        help="Load no rule plugins (entry points of installed packages).")(f)


def fail(message: str) -> None:
    from perflint.output.escape import visible  # a message may quote a key or a path from the tree

    click.echo(f"perflint: {visible(message)}", err=True)
    sys.exit(2)


def note(message: str, quiet: bool = False) -> None:
    """A line on standard error for the person running perflint; -q silences it."""
    if not quiet:
        from perflint.output.escape import visible  # notes name paths and patterns from the tree

        click.echo(f"perflint: {visible(message)}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="perflint")
def cli():
    """Lint budget performance declarations (财政项目支出绩效目标申报表)."""


def _split(values) -> tuple:
    return tuple(v.strip() for value in values or () for v in value.split(",") if v.strip())


def discovery_options(f):
    """How files are found and how much is said: shared by check, fix and baseline."""
    options = [
        click.option("--no-respect-gitignore", "no_gitignore", is_flag=True,
                     help="Check files that .gitignore ignores too."),
        click.option("--force-exclude", is_flag=True,
                     help="Select files named on the command line like those found in folders: exclude, "
                          ".gitignore and the declaration filter apply (what the pre-commit hook passes)."),
        click.option("--stdin-filename", metavar="PATH",
                     help="With - as PATH: the name standard input stands for (configuration, per-file-ignores, messages)."),
        click.option("--verbose", "-v", is_flag=True,
                     help="Say which configuration governs each file and which files were skipped or excluded."),
        click.option("--quiet", "-q", is_flag=True, help="Print the findings only: no summary, notices or progress."),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def _options(paths, no_gitignore, force_exclude, stdin_filename, verbose, quiet):
    from perflint.cli.collect import Options

    if stdin_filename and "-" not in paths:
        fail("--stdin-filename names standard input: give - as the PATH")
    return Options(respect_gitignore=not no_gitignore, force_exclude=force_exclude, stdin_filename=stdin_filename,
                   verbose=verbose and not quiet, quiet=quiet, named=bool(paths))


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "formats", multiple=True, metavar="FMT[=PATH]",
              help="Output format, repeatable: text (findings with their source lines), concise (one line each), "
                   "json, sarif, github, gitlab, junit, markdown, html, xlsx (a reviewer workbook: xlsx=FILE); "
                   "=PATH writes to a file.")
@click.option("--select", multiple=True, help="Only these rules (ids, globs like yaml-*, or ALL).")
@click.option("--ignore", multiple=True, help="Skip these rules.")
@click.option("--extend-select", multiple=True, help="Add these rules to the selection.")
@click.option("--profile", help="Rule set profile (default, sh-2019, sh-2020, sh-2024, sh-2025, central-2022, national, or a file).")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), help="Lowest severity that fails the run (default: error).")
@click.option("--exit-zero", is_flag=True, help="Exit with 0 even when there are findings (2 still means an error).")
@click.option("--statistics", is_flag=True, help="Print the number of findings per rule instead of the findings.")
@click.option("--color", "colour", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Colour in the text output; auto honours NO_COLOR and FORCE_COLOR.")
@click.option("--config", "config_path", type=click.Path(),
              help="Configuration file for every path (default: the nearest .perflint.yaml or pyproject.toml up from each file).")
@click.option("--diff", "diff_ref", metavar="REF", help="Only files changed since the git REF (plus new files).")
@click.option("--baseline", type=click.Path(), help="Report only findings not recorded in this baseline file.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Worker processes (default: the number of cores).")
@click.option("--no-cache", is_flag=True, help="Do not read or write the results cache (in the user cache folder, or PERFLINT_CACHE_DIR).")
@discovery_options
@lang_option
@plugins_option
def check(paths, formats, select, ignore, extend_select, profile, fail_on, exit_zero, statistics, colour, config_path,
          diff_ref, baseline, jobs, no_cache, no_gitignore, force_exclude, stdin_filename, verbose, quiet, lang):
    """Check declarations under PATHS (files or folders; - reads standard input; default: the current directory).

    In folders, a YAML file is checked when it is a declaration or a self-evaluation (a top-level
    `kind:` perflint knows) or matches the configuration's `include`; other YAML files are skipped
    and counted. Files named here are always checked."""
    from perflint.cli.check import run_check

    opts = _options(paths, no_gitignore, force_exclude, stdin_filename, verbose, quiet)
    sys.exit(run_check(
        paths=paths or (".",), formats=formats or ("text",), config_path=config_path, lang=lang,
        cli=_selection(select, ignore, extend_select, profile, fail_on, lang),
        diff=diff_ref, baseline=baseline, jobs=jobs, use_cache=not no_cache, opts=opts, colour=colour,
        statistics=statistics, exit_zero=exit_zero,
    ))


def _selection(select, ignore, extend_select, profile, fail_on=None, lang=None) -> dict:
    return {"select": _split(select), "ignore": _split(ignore), "extend_select": _split(extend_select),
            "profile": profile, "fail_on": fail_on, "lang": lang}


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--diff", "show_diff", is_flag=True, help="Show the changes as a unified diff instead of writing them.")
@click.option("--select", multiple=True, help="Only fix findings of these rules.")
@click.option("--ignore", multiple=True, help="Do not fix findings of these rules.")
@click.option("--profile", help="Rule set profile.")
@click.option("--config", "config_path", type=click.Path(), help="Configuration file.")
@click.option("--force", is_flag=True, help="Also write read-only files, symbolic links (their targets) and hard-linked files.")
@discovery_options
@plugins_option
def fix(paths, show_diff, select, ignore, profile, config_path, force, no_gitignore, force_exclude, stdin_filename,
        verbose, quiet):
    """Apply the fixes rules offer (quoting, operator symbols, amounts written as text) under PATHS.

    Only the offending scalars change; comments and layout stay byte for byte. With --diff nothing
    is written and the exit code is 1 when there is something to fix. With - as PATH, the fixed
    standard input is printed."""
    from perflint.cli.fix import run_fix

    opts = _options(paths, no_gitignore, force_exclude, stdin_filename, verbose, quiet)
    sys.exit(run_fix(paths or (".",), config_path, _selection(select, ignore, (), profile), show_diff, opts, force))


@cli.command()
@click.argument("file", type=click.Path())
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--select", multiple=True, help="Only these rules.")
@click.option("--ignore", multiple=True, help="Skip these rules.")
@click.option("--extend-select", multiple=True, help="Add these rules.")
@click.option("--profile", help="Rule set profile.")
@click.option("--config", "config_path", type=click.Path(), help="Configuration file.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Worker processes.")
@discovery_options
@plugins_option
def baseline(file, paths, select, ignore, extend_select, profile, config_path, jobs, no_gitignore, force_exclude,
             stdin_filename, verbose, quiet):
    """Record today's findings under PATHS in FILE; `check --baseline FILE` then reports only new ones."""
    from perflint.cli.check import run_baseline

    opts = _options(paths, no_gitignore, force_exclude, stdin_filename, verbose, quiet)
    sys.exit(run_baseline(file, paths or (".",), config_path, _selection(select, ignore, extend_select, profile), jobs,
                          opts))


@cli.command()
@click.option("--ci", type=click.Choice(["github", "gitlab", "none"]), default="github", show_default=True,
              help="Which CI workflow to write.")
@click.option("--profile", default="default", show_default=True, help="The profile .perflint.yaml starts from.")
@click.option("--force", is_flag=True, help="Replace files that exist.")
@click.option("--dry-run", is_flag=True, help="Print what would be written; write nothing.")
def init(ci, profile, force, dry_run):
    """Write a .perflint.yaml, a .pre-commit-config.yaml and a CI workflow in the current directory.

    Files that exist are left as they are (the part to add is printed) unless --force; perflint is
    pinned at the commit you have installed."""
    from perflint.cli.init import run_init

    sys.exit(run_init(ci, profile, force, dry_run))


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--to", "to", required=True, type=click.Path(file_okay=False), help="Folder to write the workbooks to.")
@click.option("--force", is_flag=True, help="Replace workbooks that exist.")
@click.option("--dry-run", is_flag=True, help="Say what would be written; write nothing.")
def export(paths, to, force, dry_run):
    """Write each declaration under PATHS as an .xlsx workbook in its era's form layout."""
    from perflint.cli.transfer import run_export

    sys.exit(run_export(paths, to, force, dry_run))


@cli.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--to", "to", required=True, type=click.Path(file_okay=False), help="Folder to write the YAML files to.")
@click.option("--force", is_flag=True, help="Replace files that exist.")
@click.option("--dry-run", is_flag=True, help="Print the YAML that would be written; write nothing.")
def import_cmd(paths, to, force, dry_run):
    """Read workbooks (.xlsx files, or folders of them) back into declarations as YAML.

    Reads the layout `perflint export` writes, the plain published layout (a value beside or under
    its label) and sheets with one row per indicator. Cells it cannot place are reported with their
    address and kept as comments; the exit code is then 1."""
    from perflint.cli.transfer import run_import

    sys.exit(run_import(paths, to, force, dry_run))


@cli.command("rules")
@click.option("--profile", help="Show severities under this profile.")
@lang_option
@plugins_option
def rules_cmd(profile, lang):
    """List every rule with its severity and a one-line summary."""
    from perflint.cli.info import list_rules

    sys.exit(list_rules(profile, lang or default_lang()))


@cli.command()
@click.argument("rule_id")
@lang_option
@plugins_option
def explain(rule_id, lang):
    """Print a rule's full documentation."""
    from perflint.cli.info import explain_rule

    sys.exit(explain_rule(rule_id, lang or default_lang()))


@cli.command()
def schema():
    """Print the declaration JSON Schema."""
    from importlib import resources

    click.echo((resources.files("perflint.schemas") / "declaration.schema.json").read_text(encoding="utf-8"), nl=False)


_TAKES_PATHS = {"check", "fix", "baseline"}


def protect_file_names(args: list[str]) -> list[str]:
    """pre-commit appends the staged file names to the hook's options, and a pull request names its
    files: a YAML file called `--config=x.yaml` or `--format=html=x.yaml` must be read as a file, not
    as an option. An argument that starts with `-`, ends in .yaml/.yml and names an entry of the
    tree (a file, or a link, FIFO or device that checking reports) becomes ./NAME."""
    if not args or args[0] not in _TAKES_PATHS:
        return args
    return [f"./{a}" if a.startswith("-") and a.endswith((".yaml", ".yml")) and os.path.lexists(a) else a
            for a in args]


class Interrupted(BaseException):
    """Ctrl-C: not a KeyboardInterrupt, which click would turn into "Aborted!" and exit code 1."""


def _interrupt(signum, frame):
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C during clean-up changes nothing
    raise Interrupted


def main():
    signal.signal(signal.SIGINT, _interrupt)
    try:
        cli(args=protect_file_names(sys.argv[1:]), prog_name="perflint")
    except Interrupted:
        click.echo("perflint: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # a bug in perflint itself: say so plainly, never a traceback
        from perflint.output.escape import visible

        click.echo(f"perflint: internal error: {type(exc).__name__}: {visible(exc)} (please report it; "
                   "PERFLINT_DEBUG=1 shows the traceback)", err=True)
        if os.environ.get("PERFLINT_DEBUG"):
            raise
        sys.exit(2)
