"""What reviewers' outputs (the HTML report, the workbook) know about each linted file: its data read
again from disk, its form, and the budget figure a department's total adds up."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from perflint.forms.document import read_file
from perflint.forms.form import Form, build
from perflint.model.declaration import Declaration


@dataclass
class Reviewed:
    result: object  # FileResult
    data: dict | None
    form: Form | None
    budget: Decimal | None  # in 元: the annual amount, else the project total (a self-evaluation: its full-year budget)
    problems: list  # (rule, Message) why the file has no form, or what its reading skipped
    scores: dict = field(default_factory=dict)  # a self-evaluation: pointer of a printed score → model.selfeval.Row

    @property
    def path(self) -> str:
        return self.result.path


def review(report) -> Iterator[Reviewed]:
    """One entry per file of the report, in report order, read as it is asked for (so that a run
    of thousands of files never holds more than one form). A file that no longer reads as a mapping
    (a syntax error, removed since the run) has no form; its findings are still reported."""
    for result in report.files:
        doc = read_file(Path(report.root) / result.source_path, result.path)
        data = doc.data
        form = build(data) if data is not None else None
        yield Reviewed(result, data, form, budget_of(data) if data is not None else None, doc.problems,
                       scores_of(data) if form is not None and form.kind == "self-evaluation" else {})


def budget_of(data: dict) -> Decimal | None:
    decl = Declaration(data)
    for keys in (("budget", "annual"), ("budget", "total")):
        amount = decl.amount(*keys)
        if amount is not None:
            return amount
    if decl.kind == "self-evaluation":
        execution = decl.scorecard.execution
        return execution.budget() if execution is not None else None
    return None


def scores_of(data: dict) -> dict:
    """Each printed score of a self-evaluation (execution, indicators, total) with the score the
    rules recompute and how, from the model's scorecard."""
    try:
        rows = Declaration(data).scorecard.rows()
    except Exception:  # a scorecard the model cannot build is no reason to lose the form
        return {}
    return {row.pointer: row for row in rows}
