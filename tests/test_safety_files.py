"""Issue 9, items 1 and 5: a tree a pull request controls can hold links, FIFOs, devices, huge
files and names that are not UTF-8. Nothing outside the tree is read, nothing hangs, every such
entry is a finding and the run goes on; every output stays valid UTF-8."""
import json
import os
import subprocess
import sys

import pytest

from conftest import DECLARATIONS

CLEAN = (DECLARATIONS / "examples").glob("*.yaml").__next__().read_text(encoding="utf-8")
SECRET = "GITHUB_TOKEN=ghp_secret_value\napi_key: hunter2\n"


def perflint(*args, cwd, timeout=60):
    env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": str(cwd), "PERFLINT_CACHE_DIR": str(cwd / ".cache")}
    proc = subprocess.run([sys.executable, "-m", "perflint", *args], cwd=cwd, capture_output=True, env=env,
                          timeout=timeout)
    proc.stdout.decode("utf-8")  # every output is valid UTF-8, whatever the file names
    assert b"Traceback" not in proc.stderr and b"internal error" not in proc.stderr, proc.stderr
    return proc


def as_json(proc):
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout.decode("utf-8"))


def by_file(payload, rule):
    return sorted(d["file"] for d in payload["diagnostics"] if d["rule"] == rule)


@pytest.fixture
def tree(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(SECRET)
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "good.yaml").write_text(CLEAN, encoding="utf-8")
    (repo / "secret.yaml").symlink_to(outside / "secret.txt")
    (repo / "env.yaml").symlink_to("/proc/self/environ")
    (repo / "zero.yaml").symlink_to("/dev/zero")
    (repo / "dangling.yaml").symlink_to(repo / "nowhere.yaml")
    os.mkfifo(repo / "pipe.yaml")
    (repo / "sub").mkdir()
    (repo / "sub" / "alias.yaml").symlink_to("../good.yaml")  # inside the tree: read once, as its target
    return repo


def test_links_out_of_the_tree_devices_and_fifos_are_findings_never_read(tree):
    proc = perflint("check", "--format", "json", "--format", "html=report.html", "--format", "markdown=r.md", ".",
                    cwd=tree)
    payload = as_json(proc)
    assert payload["files"] == ["dangling.yaml", "env.yaml", "good.yaml", "pipe.yaml", "secret.yaml", "zero.yaml"]
    assert by_file(payload, "file-not-regular") == ["dangling.yaml", "env.yaml", "pipe.yaml", "secret.yaml", "zero.yaml"]
    assert not [d for d in payload["diagnostics"] if d["file"] == "good.yaml"]  # the run went on
    report = (tree / "report.html").read_text(encoding="utf-8")
    for leak in ("hunter2", "ghp_secret", "api_key", "PERFLINT_CACHE_DIR", "/usr/bin:/bin"):
        assert leak not in report and leak not in proc.stdout.decode()


def test_files_named_on_the_command_line_too(tree):
    """pre-commit passes file names: a committed link is still not followed out of the tree."""
    payload = as_json(perflint("check", "--format", "json", "env.yaml", "secret.yaml", "pipe.yaml", "sub/alias.yaml",
                               cwd=tree))
    assert by_file(payload, "file-not-regular") == ["env.yaml", "pipe.yaml", "secret.yaml"]
    assert "good.yaml" in payload["files"]  # the link inside the tree, read as its target


def test_whatever_the_selection(tree):
    payload = as_json(perflint("check", "--format", "json", "--select", "budget-sum", ".", cwd=tree))
    assert len(by_file(payload, "file-not-regular")) == 5


def test_size_bound_applies_before_reading(tmp_path):
    huge = tmp_path / "huge.yaml"
    with open(huge, "wb") as fh:
        fh.truncate(8 * 1024 ** 3)  # sparse: 8 GiB that were never written
    payload = as_json(perflint("check", "--format", "json", ".", cwd=tmp_path, timeout=30))
    [d] = payload["diagnostics"]
    assert d["rule"] == "yaml-too-large" and "8589934592" in d["message"]


def test_read_source_is_bounded_for_files_without_a_size(tmp_path):
    from perflint.loading.files import Refused, read_source

    with pytest.raises(Refused) as exc:
        read_source("/dev/zero")
    assert exc.value.rule == "file-not-regular"
    with pytest.raises(Refused) as exc:
        read_source("/proc/self/maps", limit=16)  # st_size 0, yet more than 16 bytes
    assert exc.value.rule == "yaml-too-large"


def test_names_that_are_not_utf8_are_reported_and_outputs_stay_utf8(tmp_path):
    folder = os.fsencode(tmp_path)
    with open(folder + b"/bad\xff.yaml", "wb") as fh:
        fh.write(CLEAN.encode("utf-8"))
    (tmp_path / "other.yaml").write_text("kind: declaration\nindicators: [\n", encoding="utf-8")  # a broken declaration
    for fmt in ("json", "sarif", "gitlab"):
        out = perflint("check", "--format", fmt, ".", cwd=tmp_path).stdout
        json.loads(out.decode("utf-8"))
        assert b"bad\\\\xff.yaml" in out or b"bad%5Cxff.yaml" in out
    payload = as_json(perflint("check", "--format", "json", ".", cwd=tmp_path))
    assert payload["files"] == ["bad\\xff.yaml", "other.yaml"]
    assert by_file(payload, "file-name-encoding") == ["bad\\xff.yaml"]
    assert by_file(payload, "yaml-syntax") == ["other.yaml"]  # every other file's results kept
    for fmt in ("text", "github", "markdown", "junit", "html"):
        assert b"xff.yaml" in perflint("check", "--format", fmt, ".", cwd=tmp_path).stdout
    # with nothing else to report, the JSON is still valid UTF-8
    os.unlink(tmp_path / "other.yaml")
    clean = as_json(perflint("check", "--format", "json", "--ignore", "file-name-encoding", ".", cwd=tmp_path))
    assert clean["files"] == ["bad\\xff.yaml"] and clean["diagnostics"] == []


def test_a_named_folder_or_a_folder_on_the_way_that_links_out_is_not_followed(tmp_path):
    """The CI job names `declarations/`; the pull request made it (or a folder in a file's path) a link."""
    outside = tmp_path / "outside"
    (outside / "deep").mkdir(parents=True)
    (outside / "deep" / "secret.yaml").write_text("api_key: hunter2\n")
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "declarations").symlink_to(outside / "deep")
    (repo / "sub").symlink_to(outside)
    for args in (["declarations"], ["declarations/"], ["sub/deep/secret.yaml"], ["sub/deep"]):
        proc = perflint("check", "--format", "json", "--format", "html=r.html", *args, cwd=repo)
        payload = as_json(proc)
        assert [d["rule"] for d in payload["diagnostics"]] == ["file-not-regular"], (args, payload)
        assert b"hunter2" not in proc.stdout and "hunter2" not in (repo / "r.html").read_text(encoding="utf-8")
        assert b"api_key" not in proc.stdout and "api_key" not in (repo / "r.html").read_text(encoding="utf-8")
