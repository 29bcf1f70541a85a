"""What several output formats share: where the repository is, rule documentation links, order."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

# Rule pages live in the repository as docs/rules/<lang>/<rule-id>.md.
DOCS_URL = "https://github.com/perflint-cn/perflint/blob/main/docs/rules/"


def worst_first(diagnostics) -> list:
    """Errors, then warnings, then info; in file order within each severity."""
    return sorted(diagnostics, key=lambda d: (-d.severity, d.sort_key()))


def rule_doc_url(rule_id: str, lang: str) -> str:
    return f"{DOCS_URL}{'en' if lang == 'en' else 'zh'}/{rule_id}.md"


def repo_root(report) -> Path:
    """The git top-level of the directory perflint ran in, or that directory when it is no git checkout."""
    base = Path(report.root).resolve()
    try:
        out = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=base, capture_output=True,
                             text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return base
    top = out.stdout.strip()
    return Path(top).resolve() if out.returncode == 0 and top else base


def repo_path(report, root: Path, file: str) -> str | None:
    """``file`` (relative to report.root) as a forward-slash path relative to ``root``; None when outside it."""
    absolute = Path(os.path.abspath(Path(report.root, file)))
    try:
        return absolute.relative_to(root).as_posix()
    except ValueError:
        try:  # root is resolved: compare against the resolved file too (symlinked checkouts)
            return absolute.resolve().relative_to(root).as_posix()
        except ValueError:
            return None


class RepoPaths:
    """Each file's path relative to the repository root, worked out once per file rather than once
    per finding (Path arithmetic per finding cost more than encoding the finding)."""

    def __init__(self, report, root: Path):
        self.report, self.root = report, root
        self._paths: dict[str, str | None] = {}

    def __call__(self, file: str) -> str | None:
        try:
            return self._paths[file]
        except KeyError:
            path = self._paths[file] = repo_path(self.report, self.root, file)
            return path


def related_lines(d, lang: str, path=lambda f: f) -> list[str]:
    """One line per related location: `↳ file:line:col: what is there` (``path`` maps the file as shown)."""
    from perflint.output.escape import visible

    return [visible(f"↳ {path(r.file)}:{r.span.line}:{r.span.column}" + (f": {r.message.text(lang)}" if r.message else ""))
            for r in d.related]
