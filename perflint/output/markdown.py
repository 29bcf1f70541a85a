"""A pull-request comment: counts by severity and by rule, the top findings, the full list folded.

Links point at `path#Lline`; inside GitHub Actions (GITHUB_SERVER_URL, GITHUB_REPOSITORY and
GITHUB_SHA set) they are absolute blob links, which is what a comment needs.

A GitHub comment holds at most 65,536 characters: the folded list is cut to fit (worst findings
first, each message at most a few hundred characters) and a note says how many were left out and
where the full report is.
"""
from __future__ import annotations

import os
from urllib.parse import quote

from perflint.output import markdown_scorecard
from perflint.output.common import RepoPaths, repo_root, rule_doc_url, worst_first
from perflint.output.escape import markdown

TOP = 10
LIMIT = 65_536  # characters in a GitHub issue or pull-request comment
MAX_MESSAGE = 300  # characters of one message in a table cell

_TEXT = {
    "zh": {
        "title": "perflint 检查结果", "clear": "检查了 {files} 个文件，未发现问题。",
        "found": "在 {files} 个文件中发现 {problems} 个问题。", "suppressed": "另有 {n} 个已通过注释抑制。",
        "severity": "级别", "count": "数量", "rule": "规则", "location": "位置", "message": "说明",
        "error": "错误", "warning": "警告", "info": "提示",
        "top": "前 {n} 个问题（错误优先）", "all": "全部 {n} 个问题",
        "cut": "全部 {n} 个问题中的前 {shown} 个（错误优先）",
        "left_out": "> 另有 {n} 个问题未列出：GitHub 评论最多 65,536 个字符。完整报告：{where}。",
        "run_locally": "在本地运行 `perflint check`",
        "configs": "配置文件：{files}（子文件夹中的配置只管该文件夹）。",
    },
    "en": {
        "title": "perflint results", "clear": "{files} file(s) checked, no problems.",
        "found": "Found {problems} problem(s) in {files} file(s).", "suppressed": " {n} more suppressed inline.",
        "severity": "Severity", "count": "Count", "rule": "Rule", "location": "Location", "message": "Message",
        "error": "error", "warning": "warning", "info": "info",
        "top": "Top {n} problems (errors first)", "all": "All {n} problems",
        "cut": "The first {shown} of {n} problems (errors first)",
        "left_out": "> {n} more problem(s) not listed: a GitHub comment holds at most 65,536 characters. "
                    "The full report: {where}.",
        "run_locally": "run `perflint check` locally",
        "configs": "Configured by {files} (a configuration in a subfolder governs that subfolder).",
    },
}

escape = markdown  # input text (messages, paths) as literal Markdown, safe inside a table cell


def render(report, limit: int = LIMIT) -> str:
    t = _TEXT["en" if report.lang == "en" else "zh"]
    s = report.summary()
    out = [f"## {t['title']}", ""]
    out.append(t["found"].format(**s) if s["problems"] else t["clear"].format(**s))
    if s["suppressed"]:
        out[-1] += t["suppressed"].format(n=s["suppressed"])
    if len(report.configs) > 1:  # a configuration in a subfolder governs it: a reviewer should see that
        out += ["", t["configs"].format(files=", ".join(f"`{escape(_relative(report, c))}`" for c in report.configs))]
    places = _Places(report)
    if not s["problems"]:
        head = "\n".join(out) + "\n"
        scores = _scorecards(report, places, limit - _size(head), limit)
        return head + scores + "\n" if scores else head
    out += ["", f"| {t['severity']} | {t['count']} |", "|---|---:|"]
    out += [f"| {t[sev]} | {n} |" for sev, n in report.counts().items() if n]
    out += ["", f"| {t['rule']} | {t['count']} |", "|---|---:|"]
    out += [f"| [{escape(rid)}]({rule_doc_url(rid, report.lang)}) | {n} |"
            for rid, n in sorted(report.by_rule().items(), key=lambda kv: (-kv[1], kv[0]))]
    ordered = worst_first(report.diagnostics)
    link = places.link
    top = ordered[:TOP]
    out += ["", f"### {t['top'].format(n=len(top))}", ""] + _table(top, t, link, report.lang)
    head = "\n".join(out) + "\n"
    scores = _scorecards(report, places, limit - _size(head), limit)
    rows = _table(ordered, t, link, report.lang)[2:]  # without the header
    return head + _folded(ordered, rows, report, t, limit - _size(head) - _size(scores)) + scores + "\n"


def _scorecards(report, places, room: int, limit: int) -> str:
    """The self-evaluations' scorecards, in at most half of the comment: the findings keep the rest."""
    return markdown_scorecard.section(report, places.file, min(room, limit // 2) - 64, _size)


def _folded(ordered, rows, report, t, budget) -> str:
    """The full list in a fold, as many rows as fit in ``budget`` characters, then what was left out."""
    header = _table([], t, None, report.lang)
    note = t["left_out"].format(n=len(ordered), where=_elsewhere(report, t))
    budget -= sum(_size(h) + 1 for h in header) + _size(t["cut"].format(shown=len(rows), n=len(rows))) + _size(note) + 64
    shown = used = 0
    for row in rows:
        used += _size(row) + 1
        if used > budget:
            break
        shown += 1
    n = len(ordered)
    title = t["all"].format(n=n) if shown == n else t["cut"].format(shown=shown, n=n)
    out = ["", f"<details><summary>{title}</summary>", "", *header, *rows[:shown], "", "</details>"]
    if shown < n:
        out += ["", t["left_out"].format(n=n - shown, where=_elsewhere(report, t))]
    return "\n".join(out)


def _relative(report, path: str) -> str:
    try:
        return os.path.relpath(path, report.root).replace(os.sep, "/")
    except ValueError:
        return path


def _size(text: str) -> int:
    """Length as GitHub may count it: UTF-16 code units (an emoji is two), never fewer than characters."""
    return len(text) if text.isascii() else len(text.encode("utf-16-le")) // 2


def _elsewhere(report, t) -> str:
    """Where the findings this comment leaves out can be read: the run's other reports, the CI run."""
    places = [f"`{escape(path)}`" for name, path in report.reports if name != "markdown"]
    env = os.environ
    if all(env.get(k) for k in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_RUN_ID")):
        places.append(f"{env['GITHUB_SERVER_URL']}/{env['GITHUB_REPOSITORY']}/actions/runs/{env['GITHUB_RUN_ID']}")
    return ", ".join(places) if places else t["run_locally"]


def _table(diagnostics, t, link, lang) -> list[str]:
    rows = [f"| {t['severity']} | {t['location']} | {t['rule']} | {t['message']} |", "|---|---|---|---|"]
    for d in diagnostics:
        rows.append(f"| {t[str(d.severity)]} | {link(d)} | {escape(d.rule)} | {escape(_short(d.message.text(lang)))} |")
    return rows


def _short(text: str) -> str:
    return text if len(text) <= MAX_MESSAGE else text[: MAX_MESSAGE - 1] + "…"


class _Places:
    """Links to files and lines: relative to the repository, absolute blob links inside GitHub Actions."""

    def __init__(self, report):
        self.paths = RepoPaths(report, repo_root(report))
        env = os.environ
        self.base = ""
        if all(env.get(k) for k in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA")):
            self.base = f"{env['GITHUB_SERVER_URL']}/{env['GITHUB_REPOSITORY']}/blob/{env['GITHUB_SHA']}/"

    def one(self, file: str, line: int) -> str:
        path = self.paths(file) or file
        return f"[{escape(path)}:{line}]({self.base}{quote(path)}#L{line})"

    def file(self, file: str) -> str:
        path = self.paths(file) or file
        return f"[{escape(path)}]({self.base}{quote(path)})"

    def link(self, d) -> str:
        """The finding's place, then each related place (↔ the declaration it departs from …)."""
        return " ↔ ".join([self.one(d.file, d.line), *(self.one(r.file, r.span.line) for r in d.related)])
