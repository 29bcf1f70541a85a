"""Reports for the output-format tests, made by really linting snippets or running the real CLI."""
from __future__ import annotations

import textwrap
from pathlib import Path

from click.testing import CliRunner

from conftest import DECLARATIONS, ROOT
from perflint.cli.main import cli
from perflint.config.loader import load_config, parse_rule_table
from perflint.config.model import apply_rule_table
from perflint.engine.runner import lint_bytes
from perflint.output.report import Report

RULES = ("output-quantified", "satisfaction-min")
# satisfaction-min lowered to info so that one snippet yields all three severities.
SEVERITIES = {"satisfaction-min": "info"}

# One indicator of each severity: an error (quantity without a number), a warning (quality without
# a number) and an info (satisfaction below 90%, lowered to info).
ERROR = "  - {level1: 产出目标, level2: 数量目标, name: 模块数量%d, target: 满足需求}"
WARNING = "  - {level1: 产出目标, level2: 质量目标, name: 功能实现程度%d, target: 功能运行正常}"
INFO = "  - {level1: 效果目标, level2: 满意度, name: 项目执行者满意度%d, target: '>=80%%'}"

MIXED = """\
indicators:
  - {level1: 产出目标, level2: 数量目标, name: 功能化模块数量, target: 满足需求}  # perflint: disable=output-quantified -- 需求尚未确定
  - {level1: 产出目标, level2: 数量目标, name: 模块|数量, target: 满足需求}
  - {level1: 产出目标, level2: 质量目标, name: 功能实现程度, target: 功能运行正常}
  - {level1: 效果目标, level2: 满意度, name: 项目执行者满意度, target: ">=80%"}
  - {level1: 产出目标, level2: 数量目标, name: 培训人数, target: "≥200人"}
"""

CLEAN = "indicators: [{level1: 产出目标, level2: 数量目标, name: 培训人数, target: '≥200人'}]\n"


def indicators(errors=0, warnings=0, infos=0) -> str:
    """A declaration with the given number of findings of each severity, warnings and infos first."""
    rows = [WARNING % i for i in range(warnings)] + [INFO % i for i in range(infos)]
    rows += [ERROR % i for i in range(errors)]
    return "indicators:\n" + "\n".join(rows) + "\n"


def lint_report(files: dict[str, str], lang: str = "en", root: Path = ROOT, **report) -> Report:
    """Lint {path: YAML} with the RULES (paths relative to ``root``) into a Report (``report``: its
    other fields, fail_on for one)."""
    config = load_config(cli={"select": RULES}, cwd=ROOT / "tests")
    apply_rule_table(config.settings, parse_rule_table(SEVERITIES, "test"))
    results = [lint_bytes(path, textwrap.dedent(text).encode("utf-8"), config) for path, text in files.items()]
    return Report(results, lang=lang, root=str(root), **report)


def run_cli(monkeypatch, *formats: str, lang: str = "en", extra=()):
    """`perflint check declarations --format …` in the repository root, as a user would run it."""
    assert DECLARATIONS.is_dir()
    monkeypatch.chdir(ROOT)
    args = ["check", "declarations", "--lang", lang, *extra]
    for f in formats:
        args += ["--format", f]
    return CliRunner().invoke(cli, args, catch_exceptions=False)


SNAPSHOTS = ROOT / "tests" / "snapshots"


def assert_snapshot(name: str, text: str) -> None:
    """``text`` must equal tests/snapshots/NAME exactly: what the user sees, reviewed in the diff.
    PERFLINT_UPDATE_SNAPSHOTS=1 rewrites the files (then read the diff before committing)."""
    import os

    path = SNAPSHOTS / name
    if os.environ.get("PERFLINT_UPDATE_SNAPSHOTS"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.is_file(), f"no snapshot {path}: run with PERFLINT_UPDATE_SNAPSHOTS=1 and review it"
    assert text == path.read_text(encoding="utf-8"), f"output differs from {path}"
