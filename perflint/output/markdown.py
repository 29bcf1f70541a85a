"""A pull-request comment: counts by severity and by rule, the top findings, the full list folded.

Links point at `path#Lline`; inside GitHub Actions (GITHUB_SERVER_URL, GITHUB_REPOSITORY and
GITHUB_SHA set) they are absolute blob links, which is what a comment needs.
"""
from __future__ import annotations

import os
from urllib.parse import quote

from perflint.output.common import repo_path, repo_root, rule_doc_url, worst_first
from perflint.output.escape import markdown

TOP = 10

_TEXT = {
    "zh": {
        "title": "perflint 检查结果", "clear": "检查了 {files} 个文件，未发现问题。",
        "found": "在 {files} 个文件中发现 {problems} 个问题。", "suppressed": "另有 {n} 个已通过注释抑制。",
        "severity": "级别", "count": "数量", "rule": "规则", "location": "位置", "message": "说明",
        "error": "错误", "warning": "警告", "info": "提示",
        "top": "前 {n} 个问题（错误优先）", "all": "全部 {n} 个问题",
    },
    "en": {
        "title": "perflint results", "clear": "{files} file(s) checked, no problems.",
        "found": "Found {problems} problem(s) in {files} file(s).", "suppressed": " {n} more suppressed inline.",
        "severity": "Severity", "count": "Count", "rule": "Rule", "location": "Location", "message": "Message",
        "error": "error", "warning": "warning", "info": "info",
        "top": "Top {n} problems (errors first)", "all": "All {n} problems",
    },
}

escape = markdown  # input text (messages, paths) as literal Markdown, safe inside a table cell


def render(report) -> str:
    t = _TEXT["en" if report.lang == "en" else "zh"]
    s = report.summary()
    out = [f"## {t['title']}", ""]
    out.append(t["found"].format(**s) if s["problems"] else t["clear"].format(**s))
    if s["suppressed"]:
        out[-1] += t["suppressed"].format(n=s["suppressed"])
    if not s["problems"]:
        return "\n".join(out) + "\n"
    out += ["", f"| {t['severity']} | {t['count']} |", "|---|---:|"]
    out += [f"| {t[sev]} | {n} |" for sev, n in report.counts().items() if n]
    out += ["", f"| {t['rule']} | {t['count']} |", "|---|---:|"]
    out += [f"| [{escape(rid)}]({rule_doc_url(rid, report.lang)}) | {n} |"
            for rid, n in sorted(report.by_rule().items(), key=lambda kv: (-kv[1], kv[0]))]
    ordered = worst_first(report.diagnostics)
    link = _linker(report)
    top = ordered[:TOP]
    out += ["", f"### {t['top'].format(n=len(top))}", ""] + _table(top, t, link, report.lang)
    out += ["", f"<details><summary>{t['all'].format(n=len(ordered))}</summary>", ""]
    out += _table(ordered, t, link, report.lang) + ["", "</details>"]
    return "\n".join(out) + "\n"


def _table(diagnostics, t, link, lang) -> list[str]:
    rows = [f"| {t['severity']} | {t['location']} | {t['rule']} | {t['message']} |", "|---|---|---|---|"]
    for d in diagnostics:
        rows.append(f"| {t[str(d.severity)]} | {link(d)} | {escape(d.rule)} | {escape(d.message.text(lang))} |")
    return rows


def _linker(report):
    root = repo_root(report)
    env = os.environ
    base = ""
    if all(env.get(k) for k in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA")):
        base = f"{env['GITHUB_SERVER_URL']}/{env['GITHUB_REPOSITORY']}/blob/{env['GITHUB_SHA']}/"

    def link(d) -> str:
        path = repo_path(report, root, d.file) or d.file
        return f"[{escape(path)}:{d.line}]({base}{quote(path)}#L{d.line})"

    return link
