"""A declaration drawn as its printed form (perflint.forms), each finding inside the cell it
concerns. Every text from the document is escaped here; the styles live in templates/report.html."""
from __future__ import annotations

from decimal import Decimal
from html import escape as _html_escape

from perflint.forms.form import Cell, Form
from perflint.forms.values import MISSING, display
from perflint.output.escape import visible

_HEADER_ROLES = {"title", "heading", "label", "head"}


def escape(text) -> str:
    """Text from the input as HTML: controls, bidi and separators made visible (output/escape.py),
    then markup escaped."""
    return _html_escape(visible(text))


def _multiline(text: str) -> str:
    """A cell's text as HTML, its line breaks shown as <br> (the page never holds a line break from
    the input: a log that prints it must not see a line start with ::error)."""
    return "<br>".join(escape(line) for line in text.split("\n"))


def render_form(form: Form, diagnostics, finding_html, L, scores=None, lang: str = "zh") -> str:
    """``finding_html(diags)`` renders the findings of one cell (a <ul>); ``scores`` maps the pointer
    of a printed score to the model's recomputed one (a self-evaluation), shown beside it."""
    by_cell = form.attach(diagnostics)
    scores = scores or {}
    rows = []
    for row in form.rows:
        cells = "".join(_cell(c, by_cell.get(id(c), ()), form, finding_html, L, scores.get(c.pointer), lang)
                        for c in row if not c.covered)
        rows.append(f'<tr class="r-{row[0].role}">{cells}</tr>')
    cols = "".join("<col>" for _ in range(form.width))
    return (f'<table class="form" data-era="{escape(form.era)}" data-kind="{escape(form.kind)}">'
            f'<colgroup>{cols}</colgroup><tbody>{"".join(rows)}</tbody></table>')


def _cell(c: Cell, diags, form: Form, finding_html, L, score=None, lang: str = "zh") -> str:
    tag = "th" if c.role in _HEADER_ROLES else "td"
    classes = [f"f-{c.role}"]
    attrs = []
    if c.span > 1:
        attrs.append(f'colspan="{c.span}"')
    if c.rowspan > 1:
        attrs.append(f'rowspan="{c.rowspan}"')
    if c.role == "label":
        attrs.append('scope="row"')
    elif c.role == "head":
        attrs.append('scope="col"')
    if c.role in ("value", "year", "title") and c.pointer is not None:
        attrs.append(f'data-pointer="{escape(c.pointer)}"')
        if c.value is MISSING and c.role == "value":
            classes.append("absent")
            attrs.append(f'title="{escape(L["absent"])}"')
    if c.kind in ("money", "number", "int") and c.role in ("value", "total"):
        classes.append("num")
    text = _multiline(c.text)
    if c.role == "total" and c.against:
        text, extra = _sum_text(c, form, L)
        classes += extra
    inner = f'<div class="v">{text}</div>' if text else ""
    if score is not None and c.role == "value" and score.recomputed is not None:
        inner += _recomputed(score, L, lang)
        classes.append("score-off" if score.differs else "score-ok")
    if diags:
        worst = max(d.severity for d in diags)
        classes += ["hit", f"sev-{worst!s}"]
        inner += finding_html(sorted(diags, key=lambda d: (-d.severity, d.sort_key())))
    return f'<{tag} class="{" ".join(classes)}"{"".join(" " + a for a in attrs)}>{inner}</{tag}>'


def _recomputed(score, L, lang: str) -> str:
    """The score the rules give beside the printed one, and how it is computed."""
    value = escape(display(score.recomputed))
    how = f'<span class="how">{escape(score.how.text(lang))}</span>' if score.how is not None else ""
    if not score.differs:
        return f'<div class="recomputed same">✓ {escape(L["recomputed_same"])} {how}</div>'
    return f'<div class="recomputed">{escape(L["recomputed"])} <b>{value}</b> {how}</div>'


def _sum_text(c: Cell, form: Form, L) -> tuple[str, list[str]]:
    """A computed sum, and how it compares with the field it should equal."""
    if c.value is None:
        return escape(L["sum_unreadable"]), ["computed"]
    shown = escape(display(c.value, "money"))
    target = form.cells.get(c.against)
    against = target.value if target is not None else MISSING
    if isinstance(against, (int, Decimal)) and not isinstance(against, bool):
        label = escape(_label_of(form, c.against))
        if Decimal(against) == Decimal(c.value):
            return f'{shown} <span class="eq">= {label}</span>', ["computed", "sum-ok"]
        diff = escape(display(abs(Decimal(c.value) - Decimal(against)), "money"))
        return (f'{shown} <span class="ne">≠ {label} {escape(display(against, "money"))}'
                f'（{escape(L["difference"])} {diff}）</span>'), ["computed", "sum-off"]
    return shown, ["computed"]


def _label_of(form: Form, pointer: str) -> str:
    for row in form.rows:
        for i, c in enumerate(row):
            if c.role == "value" and c.pointer == pointer and i and row[i - 1].role == "label":
                return row[i - 1].text
    return pointer
