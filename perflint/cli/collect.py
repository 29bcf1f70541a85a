"""What `check`, `fix` and `baseline` share: configurations, the files to lint, their results."""
from __future__ import annotations

import gc
import sys
from dataclasses import dataclass, field
from pathlib import Path

from perflint.cli.main import fail, note

# below this, the pass across files costs less than reading and writing its cache (a pre-commit run)
_PASS_CACHE_MIN_FILES = 64


@dataclass
class Options:
    """How files are found and what is said about it (the command line's, not the configuration's)."""

    respect_gitignore: bool = True
    force_exclude: bool = False
    stdin_filename: str | None = None
    verbose: bool = False
    quiet: bool = False
    named: bool = True  # the user named the paths (an empty result is then an error)


@dataclass
class Run:
    config: object  # the configuration of the run as a whole: language, fail-on
    results: list  # FileResult, in discovery order
    skipped: list = field(default_factory=list)  # (path, why): YAML files that are not declarations
    sources: dict = field(default_factory=dict)  # path → text of what was not read from disk (stdin)
    configs: list = field(default_factory=list)  # (configuration, number of files it governed)
    config_of: dict = field(default_factory=dict)  # path → the configuration that governed it


def collect(paths, config_path, cli, diff=None, jobs=None, use_cache=True, opts: Options | None = None) -> Run:
    """Configuration, then the files to lint, then their results (cached and parallel where it pays)."""
    from perflint.config.model import ConfigError
    from perflint.config.resolve import Configs
    from perflint.engine.discovery import discover, display_path
    from perflint.engine.registry import PluginError, distrust

    opts = opts or Options()
    cwd = Path.cwd()
    stdin = "-" in paths
    paths = [p for p in paths if p != "-"]
    distrust(paths)  # no plugin is ever loaded from what is being linted
    caches = _Caches(use_cache)
    try:
        configs = Configs(config_path, cli, cwd)
        selection = discover(paths, cwd, configs, opts.respect_gitignore, opts.force_exclude, caches.kind)
        stdin_target = _stdin_target(opts, configs, cwd) if stdin else None
    except (ConfigError, PluginError) as exc:
        fail(f"configuration error: {exc}")
    if selection.missing:
        fail(f"no such file or directory: {selection.missing[0]}")
    for message in selection.notes:
        note(message, opts.quiet)
    from perflint.engine import crossfile

    files = everything = selection.files  # with --diff, the unchanged files still feed the checks across files
    across = crossfile.enabled(configs.fallback)
    if diff and files:
        from perflint.engine.gitdiff import GitError, changed_files

        try:
            changed = changed_files(diff, cwd)
        except GitError as exc:
            fail(f"--diff {diff}: {exc}")
        files = [(f, c) for f, c in files if (cwd / f).resolve() in changed]
        if not files and not stdin:
            note(f"no declaration changed since {diff}: nothing to check", opts.quiet)
        elif not across:
            everything = files
    elif not files and not stdin:
        _nothing_to_check(paths, selection, opts)
    if opts.verbose:
        _explain(selection, files, cwd)
    groups: dict[int, tuple] = {}
    for shown, config in everything:  # with --diff, the unchanged files still feed the checks across files
        groups.setdefault(id(config), (config, []))[1].append(shown)
    # what start-up allocated lives for the whole run: keep the garbage collector from rescanning it
    # for every file (~7% of a large run). Done here, not in lint_files: a long-lived caller would
    # freeze its own garbage.
    gc.freeze()
    by_path = {}
    for config, group in groups.values():
        # keyed by the path as discovered (a name that is not UTF-8 is shown escaped in the result)
        by_path.update(zip(group, _lint_group(group, config, jobs, caches.of(config), opts.quiet), strict=True))
    results = [by_path[shown] for shown, _ in everything]
    config_of = {r.path: config for r, (_, config) in zip(results, everything, strict=True)}
    used = [(config, len(group)) for config, group in groups.values()]
    run_config = _run_config(configs, used)
    if across and results:
        # a --diff run keeps the changed files, and the others only where a check across files involves a
        # changed one
        results = crossfile.apply(results, run_config, only={shown for shown, _ in files} if diff else None,
                                  cache=caches.of_pass(run_config) if len(results) >= _PASS_CACHE_MIN_FILES else None)
    run = Run(run_config, results, selection.skipped, configs=used,
              config_of={r.path: config_of[r.path] for r in results})
    if stdin_target:
        shown, config, raw = stdin_target
        if config is not None:
            from perflint.engine.runner import lint_bytes

            run.results.append(lint_bytes(shown, raw, config))
            run.config_of[shown] = config
            run.sources[shown] = raw.decode("utf-8", "replace")
            if not any(c is config for c, _ in run.configs):
                run.configs.append((config, 1))
    if opts.verbose:
        for config, count in run.configs:
            if config.source:
                note(f"{count} file(s) configured by {display_path(Path(config.source), cwd)} (profile {config.profile})")
            else:
                note(f"{count} file(s) with no configuration file: the defaults (profile {config.profile})")
    return run


class _Caches:
    """The run's caches, one per configuration, opened once: discovery asks them for the `kind:` of
    unchanged files, then the lint for results; and the cache of the pass across files."""

    def __init__(self, enabled: bool):
        self.enabled = enabled
        self._by_config: dict[int, object] = {}

    def of(self, config):
        if not self.enabled:
            return None
        cache = self._by_config.get(id(config))
        if cache is None:
            from perflint.engine.cache import Cache
            from perflint.engine.registry import all_rules

            cache = self._by_config[id(config)] = Cache(config, all_rules())
        return cache

    def kind(self, path: str, config) -> tuple[bool, str | None]:
        cache = self.of(config)
        return cache.kind(path) if cache is not None and cache.usable else (False, None)

    def of_pass(self, config):
        if not self.enabled:
            return None
        from perflint.engine.cache import PassCache

        return PassCache(config)


def _lint_group(paths, config, jobs, cache, quiet):
    from perflint.engine.batch import lint_files

    return lint_files(paths, config, jobs=jobs, cache=cache, progress=sys.stderr.isatty() and not quiet,
                      interruptible=True)


def _run_config(configs, used):
    """--config, else the working directory's configuration, else the one configuration every file
    had, else the defaults: where the language and fail-on of the run come from."""
    if configs.fixed or configs.fallback.source or len(used) != 1:
        return configs.fallback
    return used[0][0]


def _stdin_target(opts: Options, configs, cwd: Path):
    """(path shown, configuration or None when --force-exclude excludes it, bytes) of standard input."""
    import os

    from perflint.engine.discovery import GitIgnores, display_path, exclusion
    from perflint.loading.loader import MAX_BYTES

    name = opts.stdin_filename
    raw = sys.stdin.buffer.read(MAX_BYTES + 1)  # more than the bound is reported as too large
    if not name:
        return "-", configs.for_dir(str(cwd)), raw
    config = configs.for_file(name)
    shown = display_path(Path(name), cwd)
    if opts.force_exclude:
        absolute = os.path.abspath(name)
        stack = GitIgnores(opts.respect_gitignore).stack(os.path.dirname(absolute))
        why = exclusion(absolute, config, stack)
        if why:
            if opts.verbose:
                note(f"not checked: {shown} (standard input): {why}")
            return shown, None, raw
    return shown, config, raw


def _nothing_to_check(paths, selection, opts: Options) -> None:
    where = ", ".join(paths) if paths else "."
    parts = []
    if selection.skipped:
        parts.append(f"{len(selection.skipped)} YAML file(s) that are not declarations skipped")
    if selection.excluded:
        parts.append(f"{len(selection.excluded)} path(s) excluded or ignored")
    detail = f" ({'; '.join(parts)}; -v lists them)" if parts else ""
    hint = "; a declaration has a top-level `kind: declaration` (or `include` them in .perflint.yaml)" if selection.skipped else ""
    message = f"nothing to check: no declaration found in {where}{detail}{hint}"
    if opts.named and not opts.force_exclude:
        fail(message)
    note(message, opts.quiet)


def _explain(selection, files, cwd: Path) -> None:
    from perflint.engine.discovery import display_path

    for shown, config in files:
        where = display_path(Path(config.source), cwd) if config.source else "defaults"
        note(f"checking {shown} (configuration: {where})")
    for shown, why in selection.skipped:
        note(f"skipped {shown}: {why}")
    for shown, why in selection.excluded:
        note(f"not checked: {shown}: {why}")
