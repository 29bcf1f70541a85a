"""One diagnostic model: rules yield Findings, the engine locates them as Diagnostics."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import IntEnum


class Severity(IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, text: str) -> Severity:
        try:
            return cls[str(text).upper()]
        except KeyError:
            raise ValueError(f"unknown severity {text!r} (expected error, warning or info)") from None

    def __str__(self) -> str:
        return _SEVERITY_NAMES[self]


_SEVERITY_NAMES = {1: "info", 2: "warning", 3: "error"}


@dataclass(frozen=True, slots=True)
class Span:
    """1-based, end exclusive column like editors and SARIF."""

    line: int
    column: int
    end_line: int
    end_column: int


UNKNOWN_SPAN = Span(1, 1, 1, 1)


@dataclass(frozen=True, slots=True)
class Message:
    """A message in every supported language; rendered at output time."""

    zh: str
    en: str

    def text(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


@dataclass(frozen=True, slots=True)
class Related:
    """Another place a diagnostic refers to (SARIF relatedLocations): the declaration a self-evaluation
    departs from, last year's target. ``file`` is shown like Diagnostic.file; ``message`` says what is there."""

    file: str
    span: Span
    pointer: str
    message: Message | None = None

    def to_json(self, lang: str) -> dict:
        return {"file": self.file, "line": self.span.line, "column": self.span.column, "end_line": self.span.end_line,
                "end_column": self.span.end_column, "pointer": self.pointer,
                "message": self.message.text(lang) if self.message else ""}


@dataclass(frozen=True)
class Finding:
    """What a rule reports: a place in the document (JSON Pointer) and a message.

    ``on_key`` points at the mapping key rather than its value (for a missing or duplicated field).
    ``severity`` overrides the rule's configured severity for this one finding (a rule that has
    an error and a warning variant), ``value`` is the offending text, used for baseline matching.
    ``fix`` is the value (text or number) that should replace the scalar at ``pointer`` (`perflint fix`).
    ``related`` names other places the finding refers to (in this file or another one).
    """

    pointer: str
    message: Message
    severity: Severity | None = None
    on_key: bool = False
    value: str | None = None
    fix: str | int | Decimal | None = None
    related: tuple[Related, ...] = ()


@dataclass(slots=True)
class Diagnostic:
    rule: str
    severity: Severity
    file: str
    span: Span
    pointer: str
    message: Message
    value: str | None = None
    suppressed: str | None = None  # the justification when an inline suppression matched
    fingerprint: str = ""
    fix: str | int | Decimal | None = None
    related: tuple[Related, ...] = ()  # other places it refers to, in this file or others

    @property
    def line(self) -> int:
        return self.span.line

    @property
    def column(self) -> int:
        return self.span.column

    def sort_key(self):
        return (self.file, self.span.line, self.span.column, self.rule, self.pointer)

    def to_json(self, lang: str) -> dict:
        return {
            "rule": self.rule,
            "severity": str(self.severity),
            "file": self.file,
            "line": self.span.line,
            "column": self.span.column,
            "end_line": self.span.end_line,
            "end_column": self.span.end_column,
            "pointer": self.pointer,
            "message": self.message.text(lang),
            **({"related": [r.to_json(lang) for r in self.related]} if self.related else {}),
        }
