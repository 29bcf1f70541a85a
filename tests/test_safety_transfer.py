"""`perflint import` and `export` on a tree a pull request controls, as `check` treats it: a FIFO
named .xlsx never blocks the run, a device is never read, a link out of the tree is not followed
(its workbook would land in the YAML), and a refused entry does not move where the others go."""
import os
import shutil
import subprocess
import sys

import pytest

from conftest import DECLARATIONS

CLEAN = DECLARATIONS / "examples" / "central-2022.yaml"


def run(*args, cwd, timeout=60):
    """The CLI with a timeout: a FIFO that blocked the run fails the test instead of hanging it."""
    env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": str(cwd), "PERFLINT_CACHE_DIR": str(cwd / ".cache")}
    return subprocess.run([sys.executable, "-m", "perflint", *args], cwd=cwd, capture_output=True, text=True,
                          env=env, timeout=timeout)


@pytest.fixture
def books(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    repo = tmp_path / "repo"
    (repo / "books").mkdir(parents=True)
    shutil.copy(CLEAN, repo / "good.yaml")
    proc = run("export", "--to", "books", "good.yaml", cwd=repo)
    assert proc.returncode == 0, proc.stderr
    shutil.copy(repo / "books" / "good.xlsx", outside / "secret.xlsx")  # a real workbook: it would read
    os.mkfifo(repo / "books" / "pipe.xlsx")
    (repo / "books" / "zero.xlsx").symlink_to("/dev/zero")
    (repo / "books" / "secret.xlsx").symlink_to(outside / "secret.xlsx")
    (repo / "books" / "alias.xlsx").symlink_to("good.xlsx")  # inside the tree: read as its target
    return repo


def refused(proc, *names):
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr, proc.stderr
    for name in names:
        assert any(name in line and "not imported" in line for line in proc.stderr.splitlines()), (name, proc.stderr)


def test_import_of_a_folder_reads_only_its_regular_workbooks(books):
    proc = run("import", "--to", "out", "books", cwd=books)
    assert proc.returncode == 1
    refused(proc, "pipe.xlsx", "zero.xlsx", "secret.xlsx")
    assert "outside the tree" in proc.stderr and "not a regular file" in proc.stderr
    assert sorted(p.name for p in (books / "out").iterdir()) == ["alias.yaml", "good.yaml"]


def test_import_of_named_special_files(books):
    proc = run("import", "--to", "out", "books/pipe.xlsx", "/dev/zero", "books/secret.xlsx", cwd=books)
    assert proc.returncode == 1  # refused with the reason, not "no such file" (exit 2)
    refused(proc, "pipe.xlsx", "/dev/zero", "secret.xlsx")
    assert not (books / "out").exists()


def test_export_puts_each_workbook_beside_its_siblings_whatever_links_were_refused(books):
    (books / "env.yaml").symlink_to("/proc/self/environ")
    (books / "zero.yaml").symlink_to("/dev/zero")
    proc = run("export", "--to", "x", ".", cwd=books)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert [p.relative_to(books / "x").as_posix() for p in (books / "x").rglob("*.xlsx")] == ["good.xlsx"]


def test_export_never_replaces_a_workbook_made_while_it_ran(tmp_path, monkeypatch):
    """Targets are checked first; a workbook saved there meanwhile (Excel, a colleague) is kept."""
    from click.testing import CliRunner

    from perflint.cli.main import cli
    from perflint.excel import export

    shutil.copy(CLEAN, tmp_path / "a.yaml")
    real = export.export_workbook

    def slow(data):
        (tmp_path / "out").mkdir(exist_ok=True)
        (tmp_path / "out" / "a.xlsx").write_bytes(b"saved meanwhile")
        return real(data)

    monkeypatch.setattr(export, "export_workbook", slow)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["export", "--to", "out", "a.yaml"])
    assert result.exit_code == 2 and "not written" in result.output, result.output
    assert (tmp_path / "out" / "a.xlsx").read_bytes() == b"saved meanwhile"
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["a.xlsx"]  # no temporary file left


@pytest.mark.parametrize("command", ["export", "import"])
def test_a_target_that_cannot_be_written_is_said_not_a_traceback(books, command):
    (books / "afile").write_text("")
    source = "good.yaml" if command == "export" else "books/good.xlsx"
    proc = run(command, "--to", "afile/sub", source, cwd=books)
    assert proc.returncode == 2 and "not written" in proc.stderr and "Traceback" not in proc.stderr, proc.stderr
    assert "internal error" not in proc.stderr
