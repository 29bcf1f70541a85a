"""What every output format renders: the results of one run."""
from __future__ import annotations

import os
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
    skipped: list = field(default_factory=list)  # (path, why): YAML files that are not declarations
    fail_on: Severity = Severity.ERROR  # the lowest severity that fails the run
    sources: dict = field(default_factory=dict)  # path → text, for what was not read from disk (stdin)
    reports: list = field(default_factory=list)  # (format, path) of the reports this run writes
    configs: list = field(default_factory=list)  # the configuration files that governed the files

    @cached_property
    def diagnostics(self) -> list[Diagnostic]:
        return [d for f in self.files for d in f.diagnostics if not d.suppressed]

    @cached_property
    def suppressed(self) -> list[Diagnostic]:
        return [d for f in self.files for d in f.diagnostics if d.suppressed]

    @cached_property
    def _tally(self) -> tuple[Counter, int, bool]:
        """(active findings by severity, suppressed findings, whether an internal error is among the
        active ones), read from the packed rows: no Diagnostic is made for a format that needs none."""
        from perflint.engine.cache import gc_paused

        by_severity: Counter = Counter()
        suppressed = 0
        internal = False
        with gc_paused():  # the first look at the rows of cached results decodes them: many objects, no cycles
            for f in self.files:
                for row in f.rows:  # rule, severity, …, suppressed at 10 (engine.runner.FileResult.pack)
                    if row[10]:
                        suppressed += 1
                    else:
                        by_severity[row[1]] += 1
                        internal = internal or row[0] == "internal-error"
        return by_severity, suppressed, internal

    def counts(self) -> dict[str, int]:
        c = self._tally[0]
        return {str(s): c[int(s)] for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)}

    def internal_error(self) -> bool:
        """Whether a rule failed on some file (the run then exits 2)."""
        return self._tally[2]

    def by_rule(self) -> Counter:
        return Counter(d.rule for d in self.diagnostics)

    def summary(self) -> dict:
        counts = self.counts()
        return {"files": len(self.files), "problems": sum(counts.values()), **counts,
                "suppressed": self._tally[1], "skipped": len(self.skipped)}

    def source(self, path: str) -> str | None:
        """The text of a checked file (for source excerpts), or None when it cannot be read now or
        is too large to have been read at all."""
        if path in self.sources:
            return self.sources[path]
        from perflint.loading.files import Refused, read_source

        try:  # as the lint step read it: never through a link out of the tree, never a FIFO
            raw = read_source(os.path.join(self.root, path))
        except (Refused, OSError):
            return None
        return raw.decode("utf-8", "replace")

    def worst(self) -> Severity | None:
        found = [s for s, n in self._tally[0].items() if n]
        return Severity(max(found)) if found else None
