"""Issue 9, item 6: the cache lives outside the repository, is keyed by what a result depends on,
and a forged, corrupt, huge or symlinked cache is ignored, never trusted and never expensive."""
import json
import marshal
import os
import shutil
import time

import pytest

from conftest import ROOT
from test_cli import run

SRC = ROOT / "declarations" / "shanghai-stic-office" / "2019" / "public-service-platform.yaml"


def check(cwd, cache, *args):
    proc = run("check", "--format", "json", *args, cwd=cwd, env={"PERFLINT_CACHE_DIR": str(cache)})
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)


@pytest.fixture
def cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("user-cache")))  # in-process runs too
    return tmp_path_factory.mktemp("cache")


def test_results_depend_on_the_path_relative_to_the_config(tmp_path, cache):
    """A result cached by a run inside sub/ (where per-file-ignores silence everything) must not make
    a later run from the root print "All clear" for a copy of the file at the root."""
    (tmp_path / ".perflint.yaml").write_text('per-file-ignores:\n  "sub/**": [ALL]\n')
    (tmp_path / "sub").mkdir()
    shutil.copy(SRC, tmp_path / "sub" / "x.yaml")
    assert check(tmp_path / "sub", cache, ".")["diagnostics"] == []
    shutil.copy(SRC, tmp_path / "x.yaml")
    fresh = check(tmp_path, cache, "--no-cache", "x.yaml")["diagnostics"]
    assert len(fresh) > 5
    assert check(tmp_path, cache, "x.yaml")["diagnostics"] == fresh
    assert check(tmp_path, cache, "x.yaml")["diagnostics"] == fresh  # warm, from the cache
    assert check(tmp_path / "sub", cache, ".")["diagnostics"] == []


def test_nothing_is_written_into_the_linted_tree_by_default(tmp_path):
    shutil.copy(SRC, tmp_path / "x.yaml")
    proc = run("check", "x.yaml", cwd=tmp_path)
    assert proc.returncode == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.yaml"]


def _manifest(cache):
    [path] = [p for p in cache.glob("*.marshal") if not p.name.startswith("pass-")]
    return path


def test_a_forged_manifest_is_never_trusted_nor_decoded(tmp_path, cache):
    shutil.copy(SRC, tmp_path / "x.yaml")
    truth = check(tmp_path, cache, ".")
    manifest = _manifest(cache)
    entries = marshal.loads(manifest.read_bytes()[32:])
    for entry in entries.values():
        meta, _rows = marshal.loads(entry[6])  # [size, mtime, sha256, key, kind, summary digest, (meta, rows), summary]
        entry[6] = marshal.dumps((meta, []))  # "clean"
    payload = marshal.dumps(entries)
    for forged in (payload, b"\0" * 32 + payload, os.urandom(32) + payload):
        manifest.write_bytes(forged)
        assert check(tmp_path, cache, ".") == truth
    # five bytes that would make marshal allocate a list of 2**31 items (16 GB)
    manifest.write_bytes(os.urandom(32) + b"[\xff\xff\xff\x7f")
    start = time.perf_counter()
    assert check(tmp_path, cache, ".") == truth
    assert time.perf_counter() - start < 30


def test_a_huge_manifest_is_not_read(tmp_path, cache):
    from perflint.engine import cache as cache_module

    shutil.copy(SRC, tmp_path / "x.yaml")
    truth = check(tmp_path, cache, ".")
    manifest = _manifest(cache)
    with open(manifest, "r+b") as fh:
        fh.truncate(cache_module.MAX_MANIFEST + 1)  # sparse
    assert check(tmp_path, cache, ".") == truth


def test_a_cache_folder_that_is_a_link_is_not_used(tmp_path, cache):
    shutil.copy(SRC, tmp_path / "x.yaml")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    link = cache / "link"
    link.symlink_to(elsewhere)
    check(tmp_path, link, ".")
    assert list(elsewhere.iterdir()) == []  # nothing written through the link


def test_a_forged_entry_costs_nothing_in_process(tmp_path, monkeypatch, cache):
    """Without the right tag the bytes are never handed to marshal at all."""
    from perflint.config.loader import load_config
    from perflint.engine import cache as cache_module
    from perflint.engine.registry import all_rules

    monkeypatch.setenv("PERFLINT_CACHE_DIR", str(cache))
    config = load_config(cwd=tmp_path)
    first = cache_module.Cache(config, all_rules())
    first.file.write_bytes(b"\x01" * 32 + b"[\xff\xff\xff\x7f")
    monkeypatch.setattr(cache_module.marshal, "loads", lambda data: pytest.fail("untrusted bytes decoded"))
    assert cache_module.Cache(config, all_rules()).entries == {}


def test_the_cache_key_is_private(cache):
    from perflint.engine.cache import _secret, user_cache_dir

    assert _secret() == _secret() and len(_secret()) == 32
    key = user_cache_dir() / "cache-key"
    assert key.stat().st_mode & 0o077 == 0 and (user_cache_dir().stat().st_mode & 0o077) == 0


def _aged(path, seconds=60):
    """As if the file had been saved a while ago (the cache re-hashes files modified in the last 2 s)."""
    past = time.time() - seconds
    os.utime(path, (past, past))


def test_discovery_asks_the_cache_for_the_kind_of_unchanged_files_only(tmp_path, cache, monkeypatch):
    from perflint.cli.collect import collect
    from perflint.engine import discovery

    monkeypatch.setenv("PERFLINT_CACHE_DIR", str(cache))
    monkeypatch.chdir(tmp_path)
    shutil.copy(SRC, tmp_path / "a.yaml")
    shutil.copy(SRC, tmp_path / "b.yaml")
    (tmp_path / "compose.yaml").write_text("services: {web: {image: nginx}}\n")
    for name in ("a.yaml", "b.yaml", "compose.yaml"):
        _aged(tmp_path / name)
    read = []
    real = discovery.read_source
    monkeypatch.setattr(discovery, "read_source", lambda path, *a: read.append(os.path.basename(path)) or real(path, *a))
    first = collect(["."], None, {})
    assert sorted(read) == ["a.yaml", "b.yaml", "compose.yaml"]
    read.clear()
    assert [r.path for r in collect(["."], None, {}).results] == [r.path for r in first.results] == ["a.yaml", "b.yaml"]
    assert read == ["compose.yaml"]  # not a declaration, so never linted nor cached: read to tell
    # b.yaml is no longer a declaration: its size and mtime changed, so it is read again and skipped
    (tmp_path / "b.yaml").write_text("kind: something-else\n")
    read.clear()
    run = collect(["."], None, {})
    assert [r.path for r in run.results] == ["a.yaml"] and sorted(read) == ["b.yaml", "compose.yaml"]
    assert ("b.yaml", "`kind: something-else` is not a kind perflint checks") in run.skipped


@pytest.mark.parametrize("what", ["fifo", "link out"])
def test_a_cached_file_replaced_by_something_else_is_never_served_from_the_cache(tmp_path, cache, what):
    """The cache answers for a regular file with the recorded size and mtime only: a FIFO, a link out of
    the tree put in a cached declaration's place (its mtime made the recorded one) is looked at afresh,
    and refused."""
    shutil.copy(SRC, tmp_path / "x.yaml")
    _aged(tmp_path / "x.yaml")
    truth = check(tmp_path, cache, ".")
    assert len(truth["diagnostics"]) > 5
    secret = tmp_path.parent / f"{tmp_path.name}-secret.yaml"
    shutil.copy(SRC, secret)
    stamp = os.stat(tmp_path / "x.yaml")
    os.unlink(tmp_path / "x.yaml")
    if what == "fifo":
        os.mkfifo(tmp_path / "x.yaml")
    else:
        os.symlink(secret, tmp_path / "x.yaml")
    os.utime(tmp_path / "x.yaml", ns=(stamp.st_atime_ns, stamp.st_mtime_ns), follow_symlinks=False)
    for args in ((".",), ("x.yaml",)):  # found in a folder (discovery asks the cache) and named
        assert [d["rule"] for d in check(tmp_path, cache, *args)["diagnostics"]] == ["file-not-regular"]
