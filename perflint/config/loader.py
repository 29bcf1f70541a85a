"""Configuration from profiles (rules/*.yaml), `.perflint.yaml` or `[tool.perflint]`, and the CLI."""
from __future__ import annotations

import fnmatch
from importlib import resources
from pathlib import Path

import yaml

from perflint.config.model import Config, ConfigError, Override, RuleSetting, apply_rule_table
from perflint.core.diagnostic import Severity
from perflint.engine.registry import all_rules
from perflint.model.categories import ERAS

try:
    import tomllib
except ImportError:  # Python < 3.11
    import tomli as tomllib

CONFIG_FILES = (".perflint.yaml", ".perflint.yml", "pyproject.toml")
TOP_KEYS = {
    "profile", "extends", "rules", "overrides", "select", "ignore", "extend-select", "per-file-ignores",
    "fail-on", "lang", "require-reason", "exclude", "description",
}
PROFILE_KEYS = {"description", "extends", "rules", "overrides"}


def profile_names() -> list[str]:
    return sorted(p.name[:-5] for p in resources.files("perflint.rulesets").iterdir() if p.name.endswith(".yaml"))


def read_profile(name: str, base: Path | None = None) -> dict:
    """A built-in profile by name, or a profile file by path (relative to the config file)."""
    if name.endswith((".yaml", ".yml")):
        path = (base or Path.cwd()) / name
        try:
            return _yaml(path.read_text(encoding="utf-8"), str(path))
        except OSError as exc:
            raise ConfigError(f"cannot read profile {name!r}: {exc.strerror}") from None
    ref = resources.files("perflint.rulesets") / f"{name}.yaml"
    if not ref.is_file():
        raise ConfigError(f"unknown profile {name!r} (available: {', '.join(profile_names())})")
    return _yaml(ref.read_text(encoding="utf-8"), f"profile {name}")


def _yaml(text: str, where: str) -> dict:
    try:
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        raise ConfigError(f"{where}: invalid YAML: {exc}") from None
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
                if name == "pyproject.toml" and "perflint" not in _toml(path).get("tool", {}):
                    continue
                return path
    return None


def _toml(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None


def read_config_file(path: Path) -> dict:
    if path.name == "pyproject.toml":
        return _toml(path).get("tool", {}).get("perflint", {})
    try:
        return _yaml(path.read_text(encoding="utf-8"), str(path))
    except OSError as exc:
        raise ConfigError(f"cannot read {path}: {exc.strerror}") from None


def load_config(config_path: str | None = None, cli: dict | None = None, cwd: Path | None = None) -> Config:
    cli = {k: v for k, v in (cli or {}).items() if v not in (None, (), [])}
    cwd = cwd or Path.cwd()
    path = Path(config_path) if config_path else find_config(cwd)
    if config_path and not path.is_file():
        raise ConfigError(f"config file {config_path!r} not found")
    raw = read_config_file(path) if path else {}
    where = str(path) if path else "configuration"
    unknown = set(raw) - TOP_KEYS
    if unknown:
        raise ConfigError(f"{where}: unknown key {sorted(unknown)[0]!r}")
    root = path.parent if path else cwd
    profile = cli.get("profile") or raw.get("profile") or "default"
    config = Config(profile=profile, root=root, source=str(path) if path else None)

    settings: dict[str, RuleSetting] = {rid: RuleSetting(r.severity, r.option_defaults())
                                        for rid, r in all_rules().items() if r.enabled}
    layers = _profile_chain(profile, root, set())
    for ext in _as_list(raw.get("extends") or [], "extends", where):
        layers += _profile_chain(ext, root, set())
    if raw:
        layers.append({**raw, "__name__": where})
    for layer in layers:
        apply_rule_table(settings, parse_rule_table(layer.get("rules") or {}, layer["__name__"]))
        config.overrides += [parse_override(o, layer["__name__"]) for o in layer.get("overrides") or []]

    select = cli.get("select") or raw.get("select")
    if select:
        chosen = expand_selectors(_as_list(select, "select", where), where)
        settings = {rid: settings.get(rid) or _default_setting(rid) for rid in chosen}
    for rid in expand_selectors(_as_list(cli.get("extend_select") or raw.get("extend-select") or [], "extend-select", where), where):
        settings.setdefault(rid, _default_setting(rid))
    ignored = expand_selectors(_as_list(raw.get("ignore") or [], "ignore", where) + list(cli.get("ignore") or []), where)
    for rid in ignored:
        settings.pop(rid, None)
    config.settings = settings
    for o in config.overrides:  # an era or file override may retune a rule, never bring back one left out
        o.rules = {rid: e for rid, e in o.rules.items() if rid not in ignored and (not select or rid in settings)}

    pfi = raw.get("per-file-ignores") or {}
    if not isinstance(pfi, dict):
        raise ConfigError(f"{where}: per-file-ignores must map globs to rule lists")
    config.per_file_ignores = {g: tuple(expand_selectors(_as_list(v, f"per-file-ignores.{g}", where), where)) for g, v in pfi.items()}
    config.fail_on = _severity(cli.get("fail_on") or raw.get("fail-on") or "error", "fail-on", where)
    lang = cli.get("lang") or raw.get("lang")
    if lang not in (None, "zh", "en"):
        raise ConfigError(f"{where}: lang must be zh or en, not {lang!r}")
    config.lang = lang
    config.require_reason = bool(raw.get("require-reason", False))
    config.exclude = tuple(_as_list(raw.get("exclude") or [], "exclude", where))
    return config


def _default_setting(rid: str) -> RuleSetting:
    r = all_rules()[rid]
    return RuleSetting(r.severity, r.option_defaults())


def _profile_chain(name: str, base: Path, seen: set) -> list[dict]:
    if name in seen:
        raise ConfigError(f"profile {name!r} extends itself")
    seen.add(name)
    data = read_profile(name, base)
    unknown = set(data) - PROFILE_KEYS
    if unknown:
        raise ConfigError(f"profile {name}: unknown key {sorted(unknown)[0]!r}")
    chain = []
    for parent in _as_list(data.get("extends") or [], "extends", f"profile {name}"):
        chain += _profile_chain(parent, base, seen)
    data["__name__"] = f"profile {name}"
    return chain + [data]


def _as_list(value, key: str, where: str) -> list:
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    raise ConfigError(f"{where}: {key} must be a list")


def _severity(value, key: str, where: str) -> Severity:
    try:
        return Severity.parse(value)
    except ValueError:
        raise ConfigError(f"{where}: {key}: unknown severity {value!r} (error, warning or info)") from None


def expand_selectors(selectors: list[str], where: str) -> list[str]:
    """Rule ids, globs (`yaml-*`) or ALL; a selector that matches nothing is an error naming it."""
    ids = list(all_rules())
    out: list[str] = []
    for sel in selectors:
        found = ids if sel == "ALL" else [i for i in ids if fnmatch.fnmatchcase(i, sel)]
        if not found:
            raise ConfigError(f"{where}: unknown rule {sel!r}")
        out += [i for i in found if i not in out]
    return out


def parse_rule_table(table, where: str) -> dict:
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: rules must be a mapping of rule id to severity or options")
    rules = all_rules()
    out = {}
    for rid, value in table.items():
        if rid not in rules:
            raise ConfigError(f"{where}: unknown rule {rid!r}")
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
            raise ConfigError(f"{where}: unknown option {key!r} (options: {known})") from None
        except ValueError as exc:
            raise ConfigError(f"{where}.{key}: {exc}") from None
    return severity, options


def parse_override(value, where: str) -> Override:
    if not isinstance(value, dict) or not set(value) <= {"files", "era", "rules"}:
        raise ConfigError(f"{where}: an override has files, era and rules")
    eras = tuple(_as_list(value.get("era") or [], "era", where))
    bad = [e for e in eras if e not in ERAS]
    if bad:
        raise ConfigError(f"{where}: unknown era {bad[0]!r} (known: {', '.join(ERAS)})")
    return Override(tuple(_as_list(value.get("files") or [], "files", where)), eras,
                    parse_rule_table(value.get("rules") or {}, where))
