"""`perflint rules` and `perflint explain`."""
from __future__ import annotations

import click

from perflint.core.suggest import did_you_mean
from perflint.engine.rule import BASIS

GROUPS = {
    "Y": ("输入与格式", "Input and format"),
    "A": ("结构与完整性", "Structure and completeness"),
    "B": ("指标值", "Indicator values"),
    "C": ("笼统表述与基期", "Vague wording and baselines"),
    "D": ("满意度", "Satisfaction"),
    "E": ("成本", "Cost"),
    "F": ("预算金额", "Budget arithmetic"),
    "G": ("日期", "Dates"),
    "H": ("自评", "Self-evaluation"),
    "X": ("跨文件", "Across files"),
}


def list_rules(profile: str | None, lang: str) -> int:
    from perflint.config.loader import load_config
    from perflint.config.model import ConfigError
    from perflint.engine.registry import all_rules

    try:
        config = load_config(cli={"profile": profile})
    except ConfigError as exc:
        from perflint.output.escape import visible

        click.echo(f"perflint: configuration error: {visible(exc)}", err=True)
        return 2
    i = 1 if lang == "en" else 0
    rules = sorted(all_rules().values(), key=lambda r: (list(GROUPS).index(r.group) if r.group in GROUPS else 99, r.id))
    width = max(len(r.id) for r in rules)
    group = None
    for r in rules:
        if r.group != group:
            group = r.group
            click.echo(f"\n{group}  {GROUPS.get(group, (group, group))[i]}")
        sev = _severity(config.settings.get(r.id))
        click.echo(f"  {r.id:<{width}}  {sev:<7}  {r.summary.text(lang)}{_by_era(config, r.id, sev, lang)}")
    _list_plugins(lang)
    return 0


def _list_plugins(lang: str) -> None:
    from perflint.engine.registry import plugins, skipped_plugins

    en = lang == "en"
    loaded = plugins()
    click.echo("\n" + ("Plugins" if en else "插件") + (":" if en else "："))
    if not loaded:
        click.echo("  " + ("none loaded" if en else "未加载任何插件"))
    for p in loaded:
        click.echo(f"  {p.name} {p.version} ({p.entry_point}): {', '.join(p.rules)}")
    for name in skipped_plugins():
        click.echo(f"  {name}: " + ("not loaded (it lies in the working directory or a linted path)" if en
                                     else "未加载（位于工作目录或被检查的路径中）"))


def _severity(setting) -> str:
    return str(setting.severity) if setting else "off"


def _by_era(config, rule_id: str, base: str, lang: str) -> str:
    """Where a profile's era overrides change a rule: ` (sh-2019: off; central-2022: error)`."""
    from perflint.model.templates import ids as template_ids

    changed = {}
    for era in template_ids():
        sev = _severity(config.for_file("declaration.yaml", era).get(rule_id))
        if sev != base:
            changed.setdefault(sev, []).append(era)
    if not changed:
        return ""
    parts = [f"{', '.join(eras)}: {sev}" for sev, eras in changed.items()]
    return f"  ({'; '.join(parts)})" if lang == "en" else f"（{'；'.join(parts)}）"


def explain_rule(rule_id: str, lang: str) -> int:
    from perflint.engine.registry import all_rules

    rules = all_rules()
    if rule_id not in rules:
        click.echo(f"perflint: unknown rule {rule_id!r}{did_you_mean(rule_id, rules)}", err=True)
        return 2
    click.echo(render_explain(rules[rule_id], lang))
    return 0


def render_explain(rule, lang: str) -> str:
    """Markdown: the same text `explain` prints and docs/rules/ holds."""
    en = lang == "en"

    def h(zh: str, e: str) -> str:
        return e if en else zh

    out = [f"# {rule.id}: {rule.summary.text(lang)}", "",
           f"- {h('默认级别', 'Default severity')}: {h(_SEVERITY_ZH[str(rule.severity)], str(rule.severity))}",
           f"- {h('分组', 'Group')}: {rule.group} ({GROUPS.get(rule.group, ('', ''))[1 if en else 0]})",
           f"- {h('依据', 'Basis')}: {BASIS[rule.basis].text(lang)}"]
    if rule.defers_to:
        owners = ", ".join(f"`{r}`" for r in rule.defers_to)
        out.append(f"- {h('让位于', 'Defers to')}: {owners} " + h("（它们在同一位置报告时，本规则不重复）",
                                                                "(where one of them reports the same place, this rule stays silent)"))
    out += ["",
           f"## {h('检查什么', 'What it checks')}", "", rule.description.text(lang), "",
           f"## {h('为什么', 'Why')}", "", rule.rationale.text(lang), ""]
    if rule.sources:
        out += [f"{h('来源', 'Source')}: {rule.sources.text(lang)}", ""]
    if rule.options:
        out += [f"## {h('选项', 'Options')}", ""]
        out += [f"- `{o.name}` ({h('默认', 'default')} `{_show(o.default)}`): {o.doc.text(lang)}" for o in rule.options]
        out.append("")
    if any(k.startswith("cross-file:") for k in rule.kinds):
        out += [h("示例中以 --- 分隔的每一段是同一次检查中的一个文件，问题报告在第一个文件中。",
                  "In the examples, each part between --- lines is one file of a run; findings are in the first."), ""]
    passes = [e for e in rule.examples if not e.fails]
    fails = [e for e in rule.examples if e.fails]
    for title, examples in ((h("通过示例", "Passes"), passes), (h("不通过示例", "Fails"), fails)):
        if examples:
            out += [f"## {title}", ""]
            for e in examples:
                out += ["```yaml", e.yaml.rstrip(), "```", ""]
    return "\n".join(out).rstrip() + "\n"


_SEVERITY_ZH = {"error": "错误（error）", "warning": "警告（warning）", "info": "提示（info）"}


def _show(value) -> str:
    if isinstance(value, tuple):
        return "[" + ", ".join(map(str, value)) + "]"
    return str(value)
