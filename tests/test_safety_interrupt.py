"""Issue 9, item 9: Ctrl-C with --jobs 2 exits 130 at once, workers ended, no traceback, no cache
written half-way — every time (it deadlocked in 2 of 17 runs)."""
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import ROOT

SRC = ROOT / "declarations" / "shanghai-stic-office" / "2020" / "stic-work-funds.yaml"


def workers(pid: int) -> list[str]:
    try:
        return Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []


def test_ctrl_c_with_workers(tmp_path):
    for i in range(1500):
        shutil.copy(SRC, tmp_path / f"d{i:04}.yaml")
    cache = tmp_path / ".cache-dir"
    env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": str(tmp_path), "PERFLINT_CACHE_DIR": str(cache),
           "XDG_CACHE_HOME": str(tmp_path / ".xdg")}
    for attempt, delay in enumerate((0.0, 0.4)):
        # a session of its own, like a terminal's foreground group: Ctrl-C reaches every process in it
        proc = subprocess.Popen([sys.executable, "-m", "perflint", "check", "--jobs", "2", "--format", "json", "."],
                                cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                start_new_session=True)
        deadline = time.monotonic() + 60
        while len(workers(proc.pid)) < 2 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        assert proc.poll() is None, "finished before its workers could be seen"
        time.sleep(delay)  # at different moments of the run
        os.killpg(proc.pid, signal.SIGINT)
        start = time.monotonic()
        out, err = proc.communicate(timeout=30)
        assert time.monotonic() - start < 10, "did not exit at once"
        assert proc.returncode == 130, (attempt, proc.returncode, err)
        assert b"Traceback" not in err and b"Error" not in err, err
        assert b"interrupted" in err and out == b""
        gone = time.monotonic() + 5  # a worker just ended may take a moment to be reaped
        while time.monotonic() < gone:
            try:
                os.killpg(proc.pid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.05)
        else:
            raise AssertionError("a worker outlived the run")
        assert not list(cache.glob("*.marshal")), "cache written half-way"



RUN_THAT_DIES = """
import os, sys, time, multiprocessing as mp
from perflint.config.model import Config
from perflint.engine import batch

def worker():
    batch._init_worker(Config(), False, PARENT)
    time.sleep(60)  # a worker blocked for good, e.g. writing a result nobody will read

PARENT = os.getpid()
p = mp.get_context("fork").Process(target=worker)
p.start()
print(p.pid, flush=True)
time.sleep(0.5)
os._exit(130)  # the run ends as Ctrl-C ends it, without waiting for its workers
"""


def test_a_worker_dies_with_its_run():
    """A worker the pool forks while Ctrl-C ends the run (after the run killed the ones it knew of)
    must not outlive it: it would hold the run's output pipes open, and the shell would wait."""
    proc = subprocess.run([sys.executable, "-c", RUN_THAT_DIES], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert proc.returncode == 130, proc.stderr
    child = proc.stdout.split()[0]
    gone = time.monotonic() + 10
    while time.monotonic() < gone and _alive(child):
        time.sleep(0.05)
    assert not _alive(child), "the worker outlived its run"


def _alive(pid: str) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"
