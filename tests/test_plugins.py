"""Third-party rules register through the `perflint.rules` entry-point group."""
import sys
from importlib.metadata import EntryPoint

import pytest

from perflint.engine import registry
from perflint.engine.rule import Example, finding, msg, rule


@rule(id="x-no-todo", severity="warning", group="A", summary=msg("不得留 TODO", "No TODO"),
      description=msg("名称中不得含 TODO。", "No TODO in names."), rationale=msg("草稿。", "Drafts."),
      examples=(Example("project: {name: x}"), Example("project: {name: TODO}", ("/project/name",))))
def no_todo(decl, opts):
    if "TODO" in str(decl.get("project", "name")):
        yield finding("/project/name", "项目名称含 TODO。", "The project name contains TODO.")


@pytest.fixture
def plugin(monkeypatch):
    module = type(sys)("perflint_test_plugin")
    module.RULES = [no_todo]
    monkeypatch.setitem(sys.modules, "perflint_test_plugin", module)
    eps = [EntryPoint("todo", "perflint_test_plugin:RULES", registry.ENTRY_POINT_GROUP)]
    monkeypatch.setattr("importlib.metadata.entry_points", lambda group: eps if group == registry.ENTRY_POINT_GROUP else [])
    registry.all_rules.cache_clear()
    yield
    registry.all_rules.cache_clear()


def test_plugin_rule_runs_with_the_same_engine(plugin):
    from conftest import lint_text

    assert "x-no-todo" in registry.all_rules()
    found = lint_text("project: {name: TODO 项目}\n", select=["x-no-todo"])
    assert [(d.rule, d.line, d.pointer) for d in found] == [("x-no-todo", 1, "/project/name")]


def test_plugin_clashing_with_a_builtin_id_is_refused(monkeypatch):
    clash = type(sys)("perflint_clash")
    clash.RULE = registry.all_rules()["budget-sum"]
    monkeypatch.setitem(sys.modules, "perflint_clash", clash)
    eps = [EntryPoint("clash", "perflint_clash:RULE", registry.ENTRY_POINT_GROUP)]
    monkeypatch.setattr("importlib.metadata.entry_points", lambda group: eps)
    registry.all_rules.cache_clear()
    try:
        with pytest.raises(registry.PluginError, match="clashes"):
            registry.all_rules()
    finally:
        registry.all_rules.cache_clear()
