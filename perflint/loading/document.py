"""What the loader hands to the rules: plain data, its source map, and load problems."""
from __future__ import annotations

from dataclasses import dataclass, field

from perflint.core.diagnostic import Finding
from perflint.loading.sourcemap import SourceMap


@dataclass
class LoadProblem:
    rule: str
    finding: Finding
    span: object = None  # a Span when the problem is not at a node (syntax errors)


@dataclass
class Document:
    path: str
    text: str
    data: object
    source_map: SourceMap
    problems: list[LoadProblem] = field(default_factory=list)
    scalars: dict = field(default_factory=dict)  # pointer → (YAML type, raw text) of non-text plain scalars

    @property
    def fatal(self) -> bool:
        """True when there is nothing sensible for content rules to check."""
        return not isinstance(self.data, dict)
