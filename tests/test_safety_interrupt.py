"""Issue 9, item 9: Ctrl-C with --jobs 2 exits 130 at once, workers ended, no traceback, no cache
written half-way — every time (it deadlocked in 2 of 17 runs)."""
import os
import shutil
import signal
import subprocess
import sys
import time

from conftest import ROOT

SRC = ROOT / "declarations" / "shanghai-stic-office" / "2020" / "stic-work-funds.yaml"


def test_ctrl_c_with_workers(tmp_path):
    for i in range(2000):
        shutil.copy(SRC, tmp_path / f"d{i:04}.yaml")
    cache = tmp_path / ".cache-dir"
    env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": str(tmp_path), "PERFLINT_CACHE_DIR": str(cache),
           "XDG_CACHE_HOME": str(tmp_path / ".xdg")}
    interrupted = 0
    for attempt, delay in enumerate((0.7, 0.9, 1.1, 0.8)):
        # a session of its own, like a terminal's foreground group: Ctrl-C reaches every process in it
        proc = subprocess.Popen([sys.executable, "-m", "perflint", "check", "--jobs", "2", "--format", "json", "."],
                                cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                start_new_session=True)
        time.sleep(delay)
        os.killpg(proc.pid, signal.SIGINT)
        start = time.perf_counter()
        out, err = proc.communicate(timeout=20)
        took = time.perf_counter() - start
        assert took < 5, "did not exit at once"
        if proc.returncode == 1:  # finished before the signal arrived: nothing to check this time
            continue
        assert proc.returncode == 130, (attempt, proc.returncode, err)
        assert b"Traceback" not in err and b"Error" not in err, err
        assert b"interrupted" in err and out == b""
        time.sleep(0.2)
        try:
            os.killpg(proc.pid, 0)
            raise AssertionError("a worker outlived the run")
        except ProcessLookupError:
            pass
        assert not list(cache.glob("*.marshal")), "cache written half-way"
        interrupted += 1
    assert interrupted >= 2
