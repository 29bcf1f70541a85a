"""Third-party rules register through the `perflint.rules` entry-point group."""
import sys
from importlib.metadata import EntryPoint

import pytest

from conftest import ROOT
from perflint.engine import registry
from perflint.engine.rule import Example, finding, msg, rule


@rule(id="x-no-todo", severity="warning", group="A", summary=msg("不得留 TODO", "No TODO"),
      description=msg("名称中不得含 TODO。", "No TODO in names."), rationale=msg("草稿。", "Drafts."),
      examples=(Example("project: {name: x}"), Example("project: {name: TODO}", ("/project/name",))))
def no_todo(decl, opts):
    if "TODO" in str(decl.get("project", "name")):
        yield finding("/project/name", "项目名称含 TODO。", "The project name contains TODO.")


class FakeDistribution:
    """An installed distribution as importlib.metadata describes it."""

    def __init__(self, name, eps, location):
        self.metadata = {"Name": name}
        self.version = "1.2"
        self.entry_points = eps
        self._location = location

    def locate_file(self, path):
        return self._location


def site_dir():
    import sysconfig

    return sysconfig.get_paths()["purelib"]


def install(monkeypatch, *dists):
    monkeypatch.setattr(registry, "_distributions", lambda: list(dists))
    registry.all_rules.cache_clear()


@pytest.fixture
def plugin(monkeypatch):
    module = type(sys)("perflint_test_plugin")
    module.RULES = [no_todo]
    monkeypatch.setitem(sys.modules, "perflint_test_plugin", module)
    eps = [EntryPoint("todo", "perflint_test_plugin:RULES", registry.ENTRY_POINT_GROUP)]
    install(monkeypatch, FakeDistribution("perflint-todo", eps, site_dir()))
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
    install(monkeypatch, FakeDistribution("perflint-clash", eps, site_dir()))
    try:
        with pytest.raises(registry.PluginError, match="clashes"):
            registry.all_rules()
    finally:
        registry.all_rules.cache_clear()


def test_loaded_plugins_are_listed_and_named_in_sarif(plugin, tmp_path):
    from click.testing import CliRunner

    from perflint.cli.main import cli

    assert registry.plugins() == [registry.Plugin("perflint-todo", "1.2", "todo", ("x-no-todo",))]
    out = CliRunner().invoke(cli, ["rules", "--lang", "en"]).output
    assert "perflint-todo 1.2 (todo): x-no-todo" in out
    (tmp_path / "a.yaml").write_text("project: {name: TODO}\n", encoding="utf-8")
    import json
    import os

    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        sarif = CliRunner().invoke(cli, ["check", "--no-cache", "--select", "x-no-todo", "--format", "sarif", "a.yaml"]).output
    finally:
        os.chdir(cwd)
    [ext] = json.loads(sarif)["runs"][0]["tool"]["extensions"]
    assert ext == {"name": "perflint-todo", "version": "1.2", "properties": {"entryPoint": "todo", "rules": ["x-no-todo"]}}


def test_no_plugins_loads_none(plugin):
    import os

    assert "x-no-todo" in registry.all_rules()
    registry.disable_plugins()
    try:
        assert "x-no-todo" not in registry.all_rules() and registry.plugins() == []
    finally:
        os.environ.pop(registry.NO_PLUGINS_ENV, None)
        registry.all_rules.cache_clear()


def test_a_distribution_in_the_working_directory_or_a_linted_path_is_never_loaded(monkeypatch, tmp_path):
    def explode():
        raise AssertionError("plugin code from the linted tree was run")

    module = type(sys)("evilmod")
    module.__getattr__ = lambda name: explode()
    monkeypatch.setitem(sys.modules, "evilmod", module)
    eps = [EntryPoint("x", "evilmod:RULES", registry.ENTRY_POINT_GROUP)]
    monkeypatch.chdir(tmp_path)
    install(monkeypatch, FakeDistribution("evil", eps, str(tmp_path)))
    assert "x" not in registry.all_rules() and registry.skipped_plugins() == ["evil"]
    elsewhere = tmp_path / "linted"
    elsewhere.mkdir()
    monkeypatch.chdir(ROOT)
    install(monkeypatch, FakeDistribution("evil", eps, str(elsewhere / "vendor")))
    registry.distrust([str(elsewhere)])
    try:
        assert registry.skipped_plugins() == ["evil"]
    finally:
        registry.distrust([])


EVIL_DIST = {
    "evil-1.0.dist-info/METADATA": "Metadata-Version: 2.1\nName: evil\nVersion: 1.0\n",
    "evil-1.0.dist-info/entry_points.txt": "[perflint.rules]\nx = evilmod:RULES\n",
    "evilmod.py": "import pathlib; pathlib.Path('PWNED-plugin').write_text('ran')\nRULES = []\n",
    "yaml.py": "import pathlib; pathlib.Path('PWNED-yaml').write_text('ran')\n",
    "click.py": "import pathlib; pathlib.Path('PWNED-click').write_text('ran')\n",
    "decl.yaml": "kind: declaration\nproject: {name: x}\n",
}


@pytest.mark.parametrize("pythonpath", [False, True])
def test_python_m_perflint_runs_no_code_from_the_linted_repository(tmp_path, pythonpath):
    """Issue 9, item 3: a committed dist-info (or a module shadowing a dependency) is never imported."""
    import subprocess

    for name, text in EVIL_DIST.items():
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(text)
    env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": str(tmp_path), "PERFLINT_CACHE_DIR": str(tmp_path / "c")}
    if pythonpath:  # a CI job that put the checkout on PYTHONPATH
        env["PYTHONPATH"] = str(tmp_path / "evil-1.0.dist-info") + ":" + str(tmp_path)
        (tmp_path / "yaml.py").unlink()
        (tmp_path / "click.py").unlink()
    for args in (["check", "--no-cache", "."], ["rules", "--lang", "en"]):
        proc = subprocess.run([sys.executable, "-m", "perflint", *args], cwd=tmp_path, env=env, capture_output=True, text=True)
        assert proc.returncode in (0, 1), proc.stderr
        assert not list(tmp_path.glob("PWNED-*")), proc.stdout
    if pythonpath:
        assert "evil: not loaded" in proc.stdout
