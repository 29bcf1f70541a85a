from __future__ import annotations

import subprocess
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import settings

from perflint.config.loader import load_config
from perflint.engine.runner import lint_bytes

# Property tests are judged on what they find, not on time: hypothesis's 200 ms deadline per example
# fails a first call that imports and compiles on a loaded 2-core CI machine (seen: 280 ms once).
settings.register_profile("perflint", deadline=None)
settings.load_profile("perflint")

ROOT = Path(__file__).resolve().parents[1]
DECLARATIONS = ROOT / "declarations"


def is_self_evaluation(path) -> bool:
    """A bundled file of kind self-evaluation (pinned by tests/test_selfeval_defects.py)."""
    return "\nkind: self-evaluation\n" in (ROOT / path).read_text(encoding="utf-8")


def lint_text(text: str, select=None, rules=None, path="t.yaml"):
    """Lint a YAML snippet with only the selected rules; returns the active diagnostics."""
    config = load_config(cli={"select": tuple(select) if select else None}, cwd=ROOT / "tests")
    if rules:
        from perflint.config.loader import parse_rule_table
        from perflint.config.model import apply_rule_table

        apply_rule_table(config.settings, parse_rule_table(rules, "test"))
    return lint_bytes(path, textwrap.dedent(text).encode("utf-8"), config).active


def lint_set(texts: dict, select=None, rules=None, only=None):
    """Lint several YAML snippets ({path: text}) as one run, the checks across files included; returns
    {path: active diagnostics}."""
    from perflint.engine import crossfile

    config = load_config(cli={"select": tuple(select) if select else None}, cwd=ROOT / "tests")
    if rules:
        from perflint.config.loader import parse_rule_table
        from perflint.config.model import apply_rule_table

        apply_rule_table(config.settings, parse_rule_table(rules, "test"))
        config._cache.clear()
    results = [lint_bytes(path, textwrap.dedent(text).encode("utf-8"), config) for path, text in texts.items()]
    results = crossfile.apply(results, config, only=only)
    return {r.path: r.active for r in results}


def problems(text: str, rule: str, **options):
    """(line, column, pointer) of each finding of ``rule`` on a snippet."""
    found = lint_text(text, select=[rule], rules={rule: options} if options else None)
    return [(d.line, d.column, d.pointer) for d in found if d.rule == rule]


@pytest.fixture
def lint():
    return lint_text


# budget-sum fires once (items add up to 90, not 100): one finding per declaration
DECL = ("kind: declaration\nfiscal_year: 2024\nproject: {name: 示例项目}\n"
        "budget: {unit: 元, annual: 100, items: [{name: a, amount: 40}, {name: b, amount: 50}]}\nindicators: []\n")
GIT_ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@e", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@e",
           "PATH": "/usr/bin:/bin"}


@pytest.fixture
def perflint(monkeypatch):
    """The CLI in this process, in ``cwd``: (exit code, stdout, stderr)."""

    def run(cwd, *args, input=None, env=None):
        monkeypatch.chdir(cwd)
        for key in ("NO_COLOR", "FORCE_COLOR"):
            monkeypatch.delenv(key, raising=False)
        for key, value in (env or {}).items():
            monkeypatch.setenv(key, value)
        from perflint.cli.main import cli

        result = CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)
        return result.exit_code, result.stdout, result.stderr

    return run


def write(root, files: dict):
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def git(path, *args):
    subprocess.run(["git", *args], cwd=path, check=True, capture_output=True, env=GIT_ENV)
