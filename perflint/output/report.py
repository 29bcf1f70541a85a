"""What every output format renders: the results of one run."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from perflint.core.diagnostic import Diagnostic, Severity


@dataclass
class Report:
    """Built once the results are final (baseline applied); the derived lists are computed once."""

    files: list  # FileResult, in input order
    lang: str = "zh"
    root: str = "."
    stale_baseline: list = field(default_factory=list)  # baseline entries no longer found

    @cached_property
    def diagnostics(self) -> list[Diagnostic]:
        return [d for f in self.files for d in f.diagnostics if not d.suppressed]

    @cached_property
    def suppressed(self) -> list[Diagnostic]:
        return [d for f in self.files for d in f.diagnostics if d.suppressed]

    def counts(self) -> dict[str, int]:
        c = Counter(d.severity for d in self.diagnostics)
        return {str(s): c[s] for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)}

    def by_rule(self) -> Counter:
        return Counter(d.rule for d in self.diagnostics)

    def summary(self) -> dict:
        counts = self.counts()
        return {"files": len(self.files), "problems": sum(counts.values()), **counts,
                "suppressed": len(self.suppressed)}

    def worst(self) -> Severity | None:
        return max((d.severity for d in self.diagnostics), default=None)
