"""Regenerate docs/rules/ from the rules themselves: `python -m perflint.cli.docs [DOCS_DIR]`."""
from __future__ import annotations

import sys
from pathlib import Path

from perflint.cli.info import GROUPS, render_explain
from perflint.core.atomic import write_text
from perflint.engine.registry import all_rules


def generate(docs: Path) -> None:
    rules = sorted(all_rules().values(), key=lambda r: (r.group, r.id))
    for lang in ("zh", "en"):
        folder = docs / "rules" / lang
        folder.mkdir(parents=True, exist_ok=True)
        for stale in folder.glob("*.md"):
            if stale.stem not in all_rules() and stale.name != "README.md":
                stale.unlink()
        index = ["# perflint rules" if lang == "en" else "# perflint 规则", ""]
        for rule in rules:
            write_text(folder / f"{rule.id}.md", render_explain(rule, lang))
            group = GROUPS.get(rule.group, (rule.group, rule.group))[1 if lang == "en" else 0]
            index.append(f"- [{rule.id}]({rule.id}.md) — {rule.severity} — {group}: {rule.summary.text(lang)}")
        write_text(folder / "README.md", "\n".join(index) + "\n")


if __name__ == "__main__":
    generate(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "docs")
