"""Configuration from profiles (rules/*.yaml), `.perflint.yaml` or `[tool.perflint]`, and the CLI."""
from __future__ import annotations

import fnmatch
import os
from importlib import resources
from pathlib import Path

import yaml

from perflint.config.model import Config, ConfigError, Override, RuleSetting, apply_rule_table
from perflint.config.patterns import PatternError, compile_patterns
from perflint.core.diagnostic import Severity
from perflint.core.suggest import did_you_mean as _near
from perflint.engine.registry import all_rules
from perflint.loading.files import Refused, read_within
from perflint.model.templates import ids as template_ids

try:
    import tomllib
except ImportError:  # Python < 3.11
    import tomli as tomllib

CONFIG_FILES = (".perflint.yaml", ".perflint.yml", "pyproject.toml")
MAX_CONFIG_BYTES = 1024 * 1024  # a configuration or profile is a few KiB; /dev/zero is not one
MAX_EXTENDS = 16  # profiles built on profiles, this deep at most
TOP_KEYS = {
    "profile", "extends", "rules", "overrides", "select", "ignore", "extend-select", "per-file-ignores",
    "fail-on", "lang", "require-reason", "exclude", "include", "description", "aliases",
}
PROFILE_KEYS = {"description", "extends", "rules", "overrides"}
# One spelling for each era and profile (the era's id); the names used before stay accepted.
PROFILE_ALIASES = {"shanghai-2025": "sh-2025"}
ERA_ALIASES = {"shanghai-2025": "sh-2025"}


def profile_names() -> list[str]:
    return sorted(p.name[:-5] for p in resources.files("perflint.rulesets").iterdir() if p.name.endswith(".yaml"))


def read_text(path: Path, what: str, base: Path | None = None) -> str:
    """A configuration file's text: a regular file of at most MAX_CONFIG_BYTES, in UTF-8, reached by
    no link out of the configuration's folder or the working directory; else a ConfigError naming it."""
    trees = [Path.cwd()] + ([base] if base else [])
    try:
        raw = read_within(str(path), trees, MAX_CONFIG_BYTES)
    except Refused as exc:
        raise ConfigError(f"{what} {path}: {exc.message.en}") from None
    except OSError as exc:
        raise ConfigError(f"cannot read {what} {path}: {exc.strerror}") from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ConfigError(f"{what} {path}: not UTF-8 text") from None


def read_profile(name: str, base: Path | None = None, confined: bool = False) -> dict:
    """A built-in profile by name, or a profile file by path (relative to the config file).
    ``confined``: the name comes from a configuration file, which a pull request may have written,
    so the file must lie inside the working directory or the configuration's repository."""
    if name.endswith((".yaml", ".yml")):
        path = (base or Path.cwd()) / name
        if confined:
            _confine(path, base)
        return _yaml(read_text(path, "profile", base), str(path))
    name = PROFILE_ALIASES.get(name, name)
    ref = resources.files("perflint.rulesets") / f"{name}.yaml"
    if not ref.is_file():
        raise ConfigError(f"unknown profile {name!r}{_near(name, profile_names())} (available: {', '.join(profile_names())})")
    return _yaml(ref.read_text(encoding="utf-8"), f"profile {name}")


def _confine(path: Path, base: Path | None) -> None:
    """`profile: ../../home/runner/x.yaml` would read a file outside the repository and name its keys
    in the error; a profile shared by several repositories is named on the command line instead."""
    trees = [Path.cwd()] + ([base, _repository(base)] if base else [])
    real = os.path.realpath(path)
    for tree in map(os.path.realpath, trees):
        if real == tree or real.startswith(tree.rstrip(os.sep) + os.sep):
            return
    raise ConfigError(f"profile {path}: outside the repository and the working directory: not read "
                      "(name a shared profile with --profile)")


def _repository(folder: Path) -> Path:
    """The folder's git work tree (the nearest one up holding .git), or the folder itself."""
    for parent in (folder, *folder.parents):
        if os.path.lexists(parent / ".git"):
            return parent
    return folder


def _yaml_error(exc: yaml.YAMLError) -> str:
    """The parser's complaint on one line, with where it is: `did not find expected node content (line 2, column 1)`."""
    problem = getattr(exc, "problem", None)
    mark = getattr(exc, "problem_mark", None)
    if not problem:
        return " ".join(str(exc).split())
    return f"{problem} (line {mark.line + 1}, column {mark.column + 1})" if mark is not None else problem


def _yaml(text: str, where: str) -> dict:
    try:
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        raise ConfigError(f"{where}: invalid YAML: {_yaml_error(exc)}") from None
    except RecursionError:
        raise ConfigError(f"{where}: nested too deeply") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: expected a mapping at the top level")
    return data


def find_config(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        for name in CONFIG_FILES:
            path = folder / name
            if path.is_file():
                if name == "pyproject.toml" and not configures_perflint(path):
                    continue  # another project's file, broken or not, is none of ours
                    continue
                return path
    return None


def configures_perflint(path: Path) -> bool:
    """Whether a pyproject.toml has a [tool.perflint] table. One that never says `perflint` is not
    parsed at all: a broken pyproject.toml of some other project in a subfolder is none of ours."""
    if b"perflint" not in _head(path):
        return False
    tool = _toml(path).get("tool", {})
    return isinstance(tool, dict) and "perflint" in tool


def _head(path: Path) -> bytes:
    """The bytes of a file that may be a configuration, read as configurations are (regular, bounded,
    no link out of its folder); nothing when it cannot be read that way (reading it as the
    configuration would then say why)."""
    try:
        return read_within(str(path), [Path.cwd(), path.parent], MAX_CONFIG_BYTES)
    except (Refused, OSError):
        return b""


def _toml(path: Path) -> dict:
    text = read_text(path, "configuration", path.parent)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    except RecursionError:
        raise ConfigError(f"{path}: nested too deeply") from None


def read_config_file(path: Path) -> dict:
    if path.name == "pyproject.toml":
        tool = _toml(path).get("tool", {})
        return tool.get("perflint", {}) if isinstance(tool, dict) else {}
    return _yaml(read_text(path, "configuration", path.parent), str(path))


_TYPES = {  # top-level key → (accepted types, how to say it)
    "profile": ((str,), "a profile name"), "extends": ((str, list), "a list of profiles"),
    "rules": ((dict,), "a mapping of rule id to severity or options"), "overrides": ((list,), "a list of overrides"),
    "select": ((str, list), "a list of rules"), "ignore": ((str, list), "a list of rules"),
    "extend-select": ((str, list), "a list of rules"), "per-file-ignores": ((dict,), "a mapping of globs to rule lists"),
    "fail-on": ((str,), "error, warning or info"), "lang": ((str,), "zh or en"), "require-reason": ((bool,), "true or false"),
    "exclude": ((str, list), "a list of patterns"), "include": ((str, list), "a list of patterns"),
    "description": ((str,), "text"),
    "aliases": ((dict,), "a mapping with projects and departments, each a mapping of name to name"),
}


def _check_types(raw: dict, where: str) -> None:
    unknown = set(raw) - TOP_KEYS
    if unknown:
        key = sorted(unknown, key=str)[0]
        raise ConfigError(f"{where}: unknown key {key!r}{_near(key, TOP_KEYS)}")
    for key, value in raw.items():
        types, wanted = _TYPES[key]
        if not isinstance(value, types):
            raise ConfigError(f"{where}: {key} must be {wanted}, not {value!r}")


def load_config(config_path: str | None = None, cli: dict | None = None, cwd: Path | None = None) -> Config:
    """The configuration named by ``config_path``, else the nearest one up from ``cwd``, else the
    defaults (rooted at ``cwd``); the command line's settings on top."""
    cwd = cwd or Path.cwd()
    path = Path(config_path) if config_path else find_config(cwd)
    if config_path and not os.path.lexists(path):
        raise ConfigError(f"config file {config_path!r} not found")
    return config_from(path, cli, cwd)


def config_from(path: Path | None, cli: dict | None, cwd: Path) -> Config:
    """The configuration of one file (or the defaults when ``path`` is None), the CLI on top."""
    cli = {k: v for k, v in (cli or {}).items() if v not in (None, (), [])}
    raw = read_config_file(path) if path else {}
    where = str(path) if path else "configuration"
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: the perflint configuration must be a table of settings")
    _check_types(raw, where)
    root = (path.parent if path else cwd).resolve()
    profile = cli.get("profile") or raw.get("profile") or "default"
    config = Config(profile=profile, root=root, source=str(path) if path else None)

    settings: dict[str, RuleSetting] = {rid: RuleSetting(r.severity, r.option_defaults())
                                        for rid, r in all_rules().items() if r.enabled}
    applied: set = set()
    layers = _profile_chain(profile, root, (), applied, confined=not cli.get("profile"))
    for ext in _as_list(raw.get("extends") or [], "extends", where):
        layers += _profile_chain(ext, root, (), applied, confined=True)
    if raw:
        layers.append({**raw, "__name__": where, "__user__": True})
    for layer in layers:
        table = parse_rule_table(layer.get("rules") or {}, layer["__name__"])
        apply_rule_table(settings, table)
        # Profiles tune rules per era through overrides, and a profile extending another keeps them
        # (sh-2025 makes the cost rule an error yet leaves it off for 2019 forms). `off` in any
        # layer, and anything the user's own configuration sets, outranks the overrides before it.
        outranks = set(table) if layer.get("__user__") else {rid for rid, (sev, _) in table.items() if sev == "off"}
        for o in config.overrides:
            o.rules = {rid: e for rid, e in o.rules.items() if rid not in outranks}
        config.overrides += [parse_override(o, layer["__name__"], i) for i, o in enumerate(layer.get("overrides") or [])]

    cli_select = expand_selectors(list(cli.get("select") or ()), "--select")
    select = cli_select or expand_selectors(_as_list(raw.get("select") or [], "select", where), where)
    if select:
        settings = {rid: settings.get(rid) or _default_setting(rid) for rid in select}
    extend = _as_list(raw.get("extend-select") or [], "extend-select", where) + list(cli.get("extend_select") or ())
    for rid in expand_selectors(extend, where):
        settings.setdefault(rid, _default_setting(rid))
    # what the command line selects explicitly is not undone by the configuration's ignore list
    ignored = [r for r in expand_selectors(_as_list(raw.get("ignore") or [], "ignore", where), where) if r not in cli_select]
    ignored += expand_selectors(list(cli.get("ignore") or ()), "--ignore")
    for rid in ignored:
        settings.pop(rid, None)
    config.settings = settings
    config.ignored = frozenset(ignored)
    for o in config.overrides:  # an era or file override may retune a rule, never bring back one left out
        o.rules = {rid: e for rid, e in o.rules.items() if rid not in ignored and (not select or rid in settings)}

    pfi = raw.get("per-file-ignores") or {}
    bad = [g for g in pfi if not isinstance(g, str) or not g]
    if bad:
        raise ConfigError(f"{where}: per-file-ignores: {bad[0]!r} is not a glob (write it as text)")
    config.per_file_ignores = {g: tuple(expand_selectors(_as_list(v, f"per-file-ignores.{g}", where), where)) for g, v in pfi.items()}
    config.fail_on = _severity(cli.get("fail_on") or raw.get("fail-on") or "error", "fail-on", where)
    lang = cli.get("lang") or raw.get("lang")
    if lang not in (None, "zh", "en"):
        raise ConfigError(f"{where}: lang must be zh or en, not {lang!r}")
    config.lang = lang
    config.require_reason = raw.get("require-reason", False)
    config.exclude = _patterns(raw.get("exclude"), "exclude", where)
    config.include = _patterns(raw.get("include"), "include", where)
    for glob in config.per_file_ignores:
        _patterns([glob], f"per-file-ignores: {glob!r}", where)
    for o in config.overrides:
        _patterns(list(o.files), "overrides: files", where)
    config.aliases = _aliases(raw.get("aliases") or {}, where)
    return config


def _patterns(value, key: str, where: str) -> tuple[str, ...]:
    """.gitignore-style patterns: a list, or one text of comma-separated patterns."""
    if value is None:
        return ()
    items = value.split(",") if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(v, str) for v in items):
        raise ConfigError(f"{where}: {key} must be a list of patterns")
    lines = tuple(v.strip() for v in items if v.strip())
    try:
        compile_patterns(lines)
    except PatternError as exc:
        raise ConfigError(f"{where}: {key}: {exc}") from None
    return lines


def _default_setting(rid: str) -> RuleSetting:
    r = all_rules()[rid]
    return RuleSetting(r.severity, r.option_defaults())


def _profile_chain(name: str, base: Path, stack: tuple, applied: set, confined: bool = True) -> list[dict]:
    """The profiles ``name`` builds on, parents first, each once (a diamond is fine, a cycle is not)."""
    if name in stack:
        raise ConfigError(f"profile {name!r} extends itself (via {' → '.join(stack)})")
    if len(stack) >= MAX_EXTENDS:
        raise ConfigError(f"profile {stack[0]!r}: extends nests deeper than {MAX_EXTENDS} profiles (via {name!r})")
    if name in applied:
        return []
    data = read_profile(name, base, confined)
    unknown = set(data) - PROFILE_KEYS
    if unknown:
        key = sorted(unknown, key=str)[0]
        raise ConfigError(f"profile {name}: unknown key {key!r}{_near(key, PROFILE_KEYS)}")
    chain = []
    for parent in _as_list(data.get("extends") or [], "extends", f"profile {name}"):
        chain += _profile_chain(parent, base, (*stack, name), applied, confined)
    applied.add(name)
    data["__name__"] = f"profile {name}"
    return chain + [data]


def _as_list(value, key: str, where: str) -> list:
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return list(value)
    raise ConfigError(f"{where}: {key} must be a list of names")


def _severity(value, key: str, where: str) -> Severity:
    try:
        return Severity.parse(value)
    except ValueError:
        raise ConfigError(f"{where}: {key}: unknown severity {value!r}{_near(value, ('error', 'warning', 'info'))} "
                          "(error, warning or info)") from None


def expand_selectors(selectors: list[str], where: str) -> list[str]:
    """Rule ids, globs (`yaml-*`) or ALL; a selector that matches nothing is an error naming it."""
    ids = list(all_rules())
    out: list[str] = []
    for sel in selectors:
        found = ids if sel == "ALL" else [i for i in ids if fnmatch.fnmatchcase(i, sel)]
        if not found:
            raise ConfigError(f"{where}: unknown rule {sel!r}{_near(sel, ids)}")
        out += [i for i in found if i not in out]
    return out


def parse_rule_table(table, where: str) -> dict:
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: rules must be a mapping of rule id to severity or options")
    rules = all_rules()
    out = {}
    for rid, value in table.items():
        if rid not in rules:
            raise ConfigError(f"{where}: unknown rule {rid!r}{_near(rid, rules)}")
        out[rid] = parse_rule_entry(rules[rid], value, f"{where}: rules.{rid}")
    return out


def parse_rule_entry(rule, value, where: str):
    if value is False or value == "off":
        return "off", {}
    if value is True:
        return None, {}
    if isinstance(value, str):
        return _severity(value, "severity", where), {}
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: expected a severity or a mapping")
    severity = None
    options = {}
    for key, v in value.items():
        if key == "severity":
            severity = "off" if v in ("off", False) else _severity(v, "severity", where)
            continue
        try:
            options[key] = rule.option(key).coerce(v)
        except KeyError:
            known = ", ".join(o.name for o in rule.options) or "none"
            near = _near(key, [o.name for o in rule.options])
            raise ConfigError(f"{where}: unknown option {key!r}{near} (options: {known})") from None
        except ValueError as exc:
            raise ConfigError(f"{where}.{key}: {exc}") from None
    return severity, options


def parse_override(value, where: str, index: int = 0) -> Override:
    at = f"overrides[{index}]"  # the key named in every complaint
    if not isinstance(value, dict) or not set(value) <= {"files", "era", "rules"}:
        raise ConfigError(f"{where}: {at}: an override has files, era and rules")
    eras = tuple(ERA_ALIASES.get(e, e) for e in _as_list(value.get("era") or [], f"{at}.era", where))
    known = template_ids()
    bad = [e for e in eras if e not in known]
    if bad:
        raise ConfigError(f"{where}: {at}.era: unknown era {bad[0]!r}{_near(bad[0], known)} (known: {', '.join(known)})")
    return Override(tuple(_as_list(value.get("files") or [], f"{at}.files", where)), eras,
                    parse_rule_table(value.get("rules") or {}, f"{where}: {at}.rules"))


def _aliases(value: dict, where: str) -> dict:
    """aliases: {projects: {name: name}, departments: {name: name}}: how the checks across files key a
    project whose name or department is spelled differently in some files."""
    out = {}
    for key, table in value.items():
        if key not in ("projects", "departments"):
            raise ConfigError(f"{where}: aliases: unknown key {key!r} (projects or departments)")
        if not isinstance(table, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in table.items()):
            raise ConfigError(f"{where}: aliases.{key} must map names to names (text to text)")
        out[key] = dict(table)
    return out
