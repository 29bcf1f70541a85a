"""The cache of the pass across files (engine.cache.PassCache): reused by identical runs, recomputed
when either file of a pair (or the configuration, or the set of files --diff asks about) changes,
stored and trusted like the results cache — a forged, corrupt or huge file is ignored and never
decoded."""
import json
import marshal
import os
import textwrap
import time

import pytest
from test_crossfile import ACROSS, DECL, SELF, run

from perflint.engine import crossfile
from perflint.engine.cache import MAX_MANIFEST, PassCache
from perflint.engine.runner import lint_bytes

PAIR = {"2021/declaration.yaml": DECL.format(target="≥95%"),
        "2021/self-evaluation.yaml": SELF.format(target="≥90%", comment="")}


@pytest.fixture
def folder(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("user-cache")))  # the key lives there
    return tmp_path_factory.mktemp("pass-cache")


@pytest.fixture
def config():
    from conftest import ROOT
    from perflint.config.loader import load_config

    return load_config(cwd=ROOT / "tests")


def lint(texts: dict, config) -> list:
    return [lint_bytes(path, textwrap.dedent(text).encode("utf-8"), config) for path, text in texts.items()]


def across(results) -> list:
    return sorted((r.path, d.rule, d.line, d.message.en, tuple(x.file for x in d.related), bool(d.suppressed))
                  for r in results for d in r.diagnostics if d.rule in ACROSS)


def passes(monkeypatch) -> list:
    """Counts the times the pass really runs (rather than being read from the cache)."""
    calls = []
    real = crossfile._added
    monkeypatch.setattr(crossfile, "_added", lambda *a: calls.append(1) or real(*a))
    return calls


def test_identical_runs_reuse_the_pass(folder, config, monkeypatch):
    calls = passes(monkeypatch)
    first = across(crossfile.apply(lint(PAIR, config), config, cache=PassCache(config, folder)))
    assert [f[:2] for f in first] == [("2021/self-evaluation.yaml", "selfeval-target-matches")]
    again = across(crossfile.apply(lint(PAIR, config), config, cache=PassCache(config, folder)))
    assert again == first and len(calls) == 1
    assert across(crossfile.apply(lint(PAIR, config), config)) == first  # and the same as no cache at all


@pytest.mark.parametrize("side", sorted(PAIR))
def test_a_change_to_either_file_of_a_pair_recomputes(folder, config, monkeypatch, side):
    calls = passes(monkeypatch)
    first = across(crossfile.apply(lint(PAIR, config), config, cache=PassCache(config, folder)))
    changed = {**PAIR, side: PAIR[side].replace("≥9", "≥8", 1)}  # the first indicator's target, on one side
    found = across(crossfile.apply(lint(changed, config), config, cache=PassCache(config, folder)))
    assert len(calls) == 2
    assert found and all(("≥85%" if "declaration" in side else "≥80%") in f[3] for f in found)
    assert found == across(crossfile.apply(lint(changed, config), config))  # as without a cache
    # back to the first version: that run's entry is still there (a few runs are kept)
    assert across(crossfile.apply(lint(PAIR, config), config, cache=PassCache(config, folder))) == first
    assert len(calls) == 3  # the one uncached pass above, no other


def test_a_comment_that_leaves_the_summaries_alone_reuses_the_pass(folder, config, monkeypatch):
    calls = passes(monkeypatch)
    first = across(crossfile.apply(lint(PAIR, config), config, cache=PassCache(config, folder)))
    commented = {path: "# 一行注释\n" + text for path, text in PAIR.items()}
    moved = across(crossfile.apply(lint(commented, config), config, cache=PassCache(config, folder)))
    assert len(calls) == 2  # the lines moved, so the summaries (which hold them) changed
    assert [f[2] for f in moved] == [f[2] + 1 for f in first]
    same = {path: text.replace("name: 服务对象满意度\n", "name: 服务对象满意度   \n") for path, text in PAIR.items()}
    crossfile.apply(lint(same, config), config, cache=PassCache(config, folder))
    assert len(calls) == 2  # trailing spaces: the same summaries, the cached pass


def test_the_configuration_and_the_diff_set_are_part_of_the_key(folder, config, monkeypatch):
    from perflint.config.loader import parse_rule_table
    from perflint.config.model import apply_rule_table

    calls = passes(monkeypatch)
    crossfile.apply(lint(PAIR, config), config, cache=PassCache(config, folder))
    only = {"2021/declaration.yaml"}
    diffed = crossfile.apply(lint(PAIR, config), config, only=only, cache=PassCache(config, folder))
    assert len(calls) == 2 and [r.path for r in diffed] == sorted(PAIR)  # the pair involves the declaration
    crossfile.apply(lint(PAIR, config), config, only=only, cache=PassCache(config, folder))
    assert len(calls) == 2
    apply_rule_table(config.settings, parse_rule_table({"selfeval-target-matches": "off"}, "test"))
    config._cache.clear()
    assert across(crossfile.apply(lint(PAIR, config), config, cache=PassCache(config, folder))) == []
    config.aliases = {"projects": {"科创中心建设工作经费": "别的名字"}}
    crossfile.apply(lint(PAIR, config), config, cache=PassCache(config, folder))
    assert len(calls) == 4


def test_a_forged_pass_cache_is_ignored_and_never_decoded(folder, config, monkeypatch):
    cache = PassCache(config, folder)
    truth = across(crossfile.apply(lint(PAIR, config), config, cache=cache))
    stored = marshal.loads(cache.file.read_bytes()[32:])
    [(digest, added)] = stored
    added["2021/self-evaluation.yaml"] = []  # "clean"
    payload = marshal.dumps([(digest, added)])
    from perflint.engine import cache as cache_module

    real_loads = cache_module.marshal.loads
    for forged in (payload, b"\0" * 32 + payload, os.urandom(32) + payload, os.urandom(32) + b"[\xff\xff\xff\x7f"):
        cache.file.write_bytes(forged)
        monkeypatch.setattr(cache_module.marshal, "loads", lambda data: pytest.fail("untrusted bytes decoded"))
        fresh = PassCache(config, folder)
        monkeypatch.setattr(cache_module.marshal, "loads", real_loads)
        assert fresh.runs == []
        assert across(crossfile.apply(lint(PAIR, config), config, cache=fresh)) == truth
    with open(cache.file, "r+b") as fh:
        fh.truncate(MAX_MANIFEST + 1)  # sparse
    assert PassCache(config, folder).runs == []


def test_an_entry_of_another_shape_is_recomputed(folder, config, monkeypatch):
    """A file perflint wrote but of another shape (say, another version's) is not trusted as findings."""
    cache = PassCache(config, folder)
    truth = across(crossfile.apply(lint(PAIR, config), config, cache=cache))
    cache.runs = [("not a digest", {"x": 1}), ["a list"], 7]
    from perflint.engine.cache import save_signed

    save_signed(cache.file, cache.key, cache.runs)
    calls = passes(monkeypatch)
    assert across(crossfile.apply(lint(PAIR, config), config, cache=PassCache(config, folder))) == truth
    assert len(calls) == 1


def test_the_pass_cache_is_bounded(folder, config):
    cache = PassCache(config, folder)
    for i in range(PassCache.KEEP + 3):
        changed = {**PAIR, "2021/declaration.yaml": PAIR["2021/declaration.yaml"].replace("≥95%", f"≥{60 + i}%")}
        crossfile.apply(lint(changed, config), config, cache=PassCache(config, folder))
    assert len(PassCache(config, folder).runs) == PassCache.KEEP
    assert cache.file.stat().st_size < 64 * 1024


def test_a_pass_cache_folder_that_is_a_link_is_not_used(folder, config, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (folder / "link").symlink_to(elsewhere)
    cache = PassCache(config, folder / "link")
    assert not cache.usable
    assert across(crossfile.apply(lint(PAIR, config), config, cache=cache))
    assert list(elsewhere.iterdir()) == []  # nothing written through the link


# --- end to end: the command line's warm runs ------------------------------------------------------


def tree(tmp, pairs: int):
    """``pairs`` projects of a declaration and its self-evaluation with a changed target: enough files
    for the pass cache (and the worker pool)."""
    for i in range(pairs):
        folder = tmp / f"p{i:02}"
        folder.mkdir(exist_ok=True)
        (folder / "d.yaml").write_text(DECL.format(target="≥95%").replace("科创中心建设工作经费", f"项目{i}"),
                                       encoding="utf-8")
        (folder / "s.yaml").write_text(SELF.format(target="≥90%", comment="").replace("科创中心建设工作经费", f"项目{i}"),
                                       encoding="utf-8")


def check(tmp, *args):
    proc = run("check", "--format", "json", "--lang", "en", *args, cwd=tmp)
    assert proc.returncode in (0, 1), proc.stderr
    return proc.stdout


def test_the_command_line_reuses_the_pass_and_follows_changes(tmp_path):
    tree(tmp_path, 40)
    cold = check(tmp_path, "--no-cache", ".")
    assert check(tmp_path, ".") == cold  # writes the caches
    [pass_file] = (tmp_path / ".cache" / "perflint").glob("pass-*.marshal")  # HOME is tmp_path
    written = pass_file.stat().st_mtime_ns
    assert check(tmp_path, ".") == cold
    assert check(tmp_path, "--jobs", "1", ".") == cold
    assert pass_file.stat().st_mtime_ns == written  # identical runs: reused, not rewritten
    assert len([d for d in json.loads(cold)["diagnostics"] if d["rule"] in ACROSS]) == 40
    time.sleep(0.01)
    for name, old, new in (("d.yaml", "≥95%", "≥90%"), ("s.yaml", "≥90%", "≥95%")):  # either side made to agree
        tree(tmp_path, 40)
        path = tmp_path / "p07" / name
        path.write_text(path.read_text(encoding="utf-8").replace(f'"{old}"', f'"{new}"', 1), encoding="utf-8")
        warm = check(tmp_path, ".")
        assert warm == check(tmp_path, "--no-cache", ".")
        assert pass_file.stat().st_mtime_ns != written
        written = pass_file.stat().st_mtime_ns
        assert {d["file"] for d in json.loads(warm)["diagnostics"] if d["rule"] in ACROSS} == {
            f"p{i:02}/s.yaml" for i in range(40) if i != 7}
