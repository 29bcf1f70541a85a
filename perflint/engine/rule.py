"""What a rule is: an id, a default severity, typed options, bilingual text, examples, a check."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from perflint.core.diagnostic import Finding, Message, Severity

# How well a rule's basis is established (see `perflint explain`): a verified source, a recalled
# regulation not re-read, or a convention of this project.
BASIS = {
    "V": Message("有文件依据（已核实）", "based on a verified source"),
    "R": Message("依据为对官方文件的回忆，尚未逐字核对：仅作提示", "based on a recalled regulation not yet re-verified: advisory"),
    "C": Message("本项目约定或推断，并非法规原文：可在配置中关闭", "a convention or inference, not a regulation: configurable"),
    "S": Message("依据真实表样中的填报惯例", "based on what the real forms show"),
}


@dataclass(frozen=True)
class Option:
    name: str
    default: Any
    doc: Message
    minimum: Any = None  # bounds of a numeric option, inclusive (and never 10**15 or more: that only overflows later)
    maximum: Any = None

    def coerce(self, value):
        """Config values arrive as YAML/TOML scalars: bring them to the default's type or fail."""
        kind = type(self.default)
        if isinstance(self.default, bool):
            if not isinstance(value, bool):
                raise ValueError(f"expected true or false, got {value!r}")
            return value
        if isinstance(self.default, (int, float, Decimal)) and not isinstance(value, bool):
            try:
                number = Decimal(str(value)) if isinstance(value, (int, float, Decimal, str)) else None
            except ArithmeticError:
                number = None
            if number is None or not number.is_finite():
                raise ValueError(f"expected a finite number, got {value!r}")
            if number and number.adjusted() >= 15:
                raise ValueError(f"must be less than 10^15, got {value!r}")
            if self.minimum is not None and number < self.minimum:
                raise ValueError(f"must be at least {self.minimum}, got {value!r}")
            if self.maximum is not None and number > self.maximum:
                raise ValueError(f"must be at most {self.maximum}, got {value!r}")
            try:
                return kind(str(number)) if kind is not float else float(number)
            except (ValueError, ArithmeticError):
                raise ValueError(f"expected a number, got {value!r}") from None
        if isinstance(self.default, (list, tuple)):
            if not isinstance(value, (list, tuple)):
                raise ValueError(f"expected a list, got {value!r}")
            kinds = {type(v) for v in self.default} or {str}  # an empty default is a list of names
            bad = [v for v in value if type(v) not in kinds]
            if bad:
                raise ValueError(f"expected a list of {' or '.join(sorted(k.__name__ for k in kinds))}, got {bad[0]!r}")
            return tuple(value)
        if isinstance(self.default, str) and isinstance(value, str):
            return value
        raise ValueError(f"expected {kind.__name__}, got {value!r}")


@dataclass(frozen=True)
class Example:
    """A documented example: ``fails`` lists the JSON Pointers where the rule must fire."""

    yaml: str
    fails: tuple[str, ...] = ()
    options: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    group: str
    summary: Message
    description: Message
    rationale: Message
    basis: str = "C"
    sources: Message | None = None
    options: tuple[Option, ...] = ()
    examples: tuple[Example, ...] = ()
    check: Callable[..., Iterable[Finding]] | None = None
    kinds: tuple[str, ...] = ("declaration",)  # document kinds the rule applies to
    enabled: bool = True  # on in the default profile
    # Rules that own a defect this rule can also see: where one of them is enabled and reports at the
    # same JSON pointer, this rule's finding there is dropped (one defect, one finding). A rule that is
    # off, or configured not to see the defect, leaves this rule's finding standing.
    defers_to: tuple[str, ...] = ()

    def option_defaults(self) -> dict:
        return {o.name: o.default for o in self.options}

    def option(self, name: str) -> Option:
        for o in self.options:
            if o.name == name:
                return o
        raise KeyError(name)


def rule(**meta) -> Callable[[Callable], Rule]:
    """Decorator: turns a check function into a Rule carrying its metadata."""

    def wrap(fn: Callable) -> Rule:
        meta.setdefault("severity", Severity.WARNING)
        if isinstance(meta["severity"], str):
            meta["severity"] = Severity.parse(meta["severity"])
        return Rule(check=fn, **meta)

    return wrap


def msg(zh: str, en: str) -> Message:
    return Message(zh, en)


def finding(pointer: str, zh: str, en: str, **kw) -> Finding:
    return Finding(pointer, Message(zh, en), **kw)
