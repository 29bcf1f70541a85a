"""The Markdown report's section per self-evaluation: each printed score beside the one the rules give.

Every figure comes from the model's scorecard (model/selfeval.py, ``Scorecard.rows()`` and
``Execution.rate_check()``), the computation the rules and the HTML form view use; this module only
lays it out. Every text from the document goes through ``escape.markdown``: a project or indicator
name can never open a link, an HTML tag or a new table cell in a pull-request comment.

Files are read one at a time, in report order, and only self-evaluations (``meta["kind"]``); once the
section's share of the comment is used up the rest are counted, not read.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from perflint.forms.document import read_document, read_file
from perflint.forms.values import display
from perflint.model.declaration import Declaration
from perflint.model.selfeval import Cell, Row, Scorecard, num
from perflint.output.escape import markdown as escape

KIND = "self-evaluation"
MARK = "≠"  # the first cell of a row whose printed figure is not the recomputed one

_TEXT = {
    "zh": {
        "title": "自评表得分复核：表上得分与重算得分",
        "intro": "重算按 perflint 的评分规则（执行率 = 全年执行数 ÷ 全年预算数；未完成的定量指标 = 分值 × 实际 ÷ 目标）；"
                 f"“{MARK}”标出表上数与重算数不一致的行。",
        "differ": "{n} 行表上数与重算不一致", "agree": "表上数与重算一致",
        "exec_heads": ("", "行", "全年预算数", "全年执行数", "执行率（表上）", "执行率（重算）", "分值", "得分（表上）", "得分（重算）", "重算方法"),
        "heads": ("", "指标", "年度指标值", "实际完成值", "分值", "得分（表上）", "得分（重算）", "重算方法"),
        "total": "总分", "na": "不适用", "qualitative": "定性指标，不重算", "cannot": "无法重算",
        "no_scorecard": "（无法读取此文件的评分表）",
        "left_out": "> 另有 {n} 份自评表的得分复核未列出：GitHub 评论最多 65,536 个字符。",
    },
    "en": {
        "title": "Self-evaluations: printed and recomputed scores",
        "intro": "Recomputed by perflint's scoring rules (execution rate = amount spent ÷ full-year budget; an unmet "
                 f"quantitative indicator scores points × actual ÷ target); `{MARK}` marks a row whose printed figure "
                 "differs from the recomputed one.",
        "differ": "{n} row(s) differ from the recomputed figures", "agree": "every printed figure agrees with the recomputed one",
        "exec_heads": ("", "Row", "Full-year budget", "Spent", "Rate printed", "Rate recomputed", "Points", "Score printed",
                       "Score recomputed", "How"),
        "heads": ("", "Indicator", "Target", "Actual", "Points", "Score printed", "Score recomputed", "How"),
        "total": "total", "na": "not applicable", "qualitative": "qualitative, not recomputed",
        "cannot": "cannot be recomputed", "no_scorecard": "(the scorecard of this file cannot be read)",
        "left_out": "> {n} more self-evaluation(s) not shown: a GitHub comment holds at most 65,536 characters.",
    },
}


def section(report, file_link: Callable[[str], str], budget: int, size: Callable[[str], int]) -> str:
    """The section for the report's self-evaluations in at most ``budget`` characters (as ``size``
    counts them), or "" when the run has none."""
    lang = "en" if report.lang == "en" else "zh"
    t = _TEXT[lang]
    files = [r for r in report.files if r.meta.get("kind") == KIND]
    if not files:
        return ""
    # a blank line before the heading whatever precedes it (after `</details>` a heading needs one)
    head = "\n".join(["", "", f"### {t['title']}", "", t["intro"]])
    note = t["left_out"].format(n=len(files))
    used = size(head) + size(note) + 2
    parts, shown = [head], 0
    for result in files:
        text = "\n".join(_file(result, report, file_link, t, lang))
        used += size(text) + 1
        if used > budget:
            break
        parts.append(text)
        shown += 1
    if shown == 0 and size(head) + size(note) + 2 > budget:
        return ""
    if shown < len(files):
        parts += ["", t["left_out"].format(n=len(files) - shown)]
    return "\n".join(parts)


def _file(result, report, file_link, t, lang) -> Iterator[str]:
    project = result.meta.get("project") or ""
    title = file_link(result.path) + (f" · {_doc(project, lang)}" if project else "")
    card = _scorecard(result, report)
    if card is None:
        yield from ("", f"#### {title}", "", t["no_scorecard"])
        return
    rows = card.rows()
    lines = [_indicator(row, card, t, lang) for row in rows if row.part != "execution"]
    execution = [_execution(card, row, lang) for row in rows if row.part == "execution"]
    if execution:
        execution += [_source(card.execution, r, lang) for r in card.execution.sources if _has_money(r)]
    differ = sum(line.startswith(f"| {MARK} |") for line in execution + lines)
    yield from ("", f"#### {title}", "", t["differ"].format(n=differ) if differ else t["agree"])
    if execution:
        yield from ("", *_table(t["exec_heads"]), *execution)
    yield from ("", *_table(t["heads"]), *lines)


def _scorecard(result, report) -> Scorecard | None:
    if result.path in report.sources:  # read from stdin: not on disk
        doc = read_document(result.path, report.sources[result.path].encode("utf-8"))
    else:
        doc = read_file(Path(report.root) / result.source_path, result.path)
    if doc.data is None:
        return None
    try:
        return Declaration(doc.data).scorecard
    except Exception:  # a scorecard the model cannot build is no reason to lose the report
        return None


def _table(heads) -> list[str]:
    return [_line(heads), "|" + "---|" * len(heads)]


def _execution(card: Scorecard, row: Row, lang: str) -> str:
    e = card.execution
    rate = e.rate_check()
    money = e.amount_en if lang == "en" else e.amount
    cells = [
        MARK if rate.differs or row.differs else "",
        _row_name(e.total, lang), _money(e.total.full_year, money, lang), _money(e.total.executed, money, lang),
        _printed(rate.printed, lang), _recomputed(rate.recomputed, rate.differs, "%"),
        _points(row), _printed(e.total.score, lang), _recomputed(row.recomputed, row.differs),
        escape((row.how or rate.how).text(lang)) if (row.how or rate.how) is not None else "",
    ]
    return _line(cells)


def _source(e, source, lang: str) -> str:
    """A source-of-funds row: its printed rate beside its own; no points or score of its own."""
    rate = e.source_rate_check(source)
    money = e.amount_en if lang == "en" else e.amount
    return _line([
        MARK if rate.differs else "", _row_name(source, lang), _money(source.full_year, money, lang),
        _money(source.executed, money, lang), _printed(source.rate, lang),
        _recomputed(rate.recomputed, rate.differs, "%") if rate.rate is not None else "",
        "", "", "", escape(rate.how.text(lang)) if rate.how is not None and rate.differs else "",
    ])


def _has_money(row) -> bool:
    return row.full_year.value is not None or row.executed.value is not None


def _row_name(row, lang: str) -> str:
    return escape(row.name_en) if lang == "en" and not row.label else _doc(row.name, lang)


def _indicator(row: Row, card: Scorecard, t, lang: str) -> str:
    line = row.line
    if row.part == "total":
        label, target, actual = f"**{escape(t['total'])}**", "", ""
        how = f"{row.how.text(lang)} = {display(row.recomputed)}" if row.how is not None else ""
        printed = _printed(card.total_score, lang)
    else:
        ind = line.indicator
        label = _doc(ind.path, lang)
        target, actual = _doc(ind.target_raw, lang), _doc(line.actual_raw, lang)
        printed = _printed(line.score, lang)
        if line.not_applicable:
            label += f" ({escape(t['na'])})"
            how = ""
        elif row.how is not None:
            how = row.how.text(lang)
        else:
            how = t["cannot"] if line.quantitative else t["qualitative"]
    return _line([MARK if row.differs else "", label, target, actual, _points(row), printed,
                  _recomputed(row.recomputed, row.differs), escape(how)])


def _line(cells) -> str:
    return "| " + " | ".join(cells) + " |"


def _doc(text, lang: str) -> str:
    """Text from the document: escaped; in English quoted, since it is the form's own (Chinese) wording."""
    text = "" if text is None else str(text)
    if not text:
        return ""
    return f"“{escape(text)}”" if lang == "en" and not text.isascii() else escape(text)


def _printed(cell: Cell | None, lang: str) -> str:
    return "" if cell is None else _doc(cell.shown, lang)


def _money(cell: Cell, money, lang: str) -> str:
    return escape(money(cell.value)) if cell.value is not None else _printed(cell, lang)


def _number(value) -> str:
    return "" if value is None else escape(num(value))


def _points(row: Row) -> str:
    return _number(row.points)


def _recomputed(value, differs: bool, suffix: str = "") -> str:
    if value is None:
        return "—"
    text = escape(f"{display(value)}{suffix}")
    return f"**{text}**" if differs else text
