"""The fence's memory watch: cheap while a package is far below its limit, exact near it."""

import os
import shutil
import signal
import subprocess
import sys

import pytest

from pipeline.running.fence import _tree, over_memory, tree_memory_mb
from tests.conftest import digital_sample

# measures memory: in the fence group, never beside another test that measures or fences memory
pytestmark = pytest.mark.xdist_group("fence")


def test_the_watch_sees_grandchildren_and_decides_by_pss():
    # A child that starts a grandchild: both are in the tree the watch adds up.
    child = subprocess.Popen(
        [sys.executable, "-c", "import subprocess, time; subprocess.Popen(['sleep', '30']); time.sleep(30)"]
    )
    try:
        for _ in range(100):  # until the grandchild has started
            tree = _tree(child.pid)
            if len(tree) == 2:
                break
            subprocess.run(["sleep", "0.05"])
        assert len(tree) == 2 and tree[0] == child.pid
        used = tree_memory_mb(child.pid)
        assert 1 < used < 200
        assert over_memory(child.pid, used / 2)
        assert not over_memory(child.pid, used * 4)
    finally:
        for pid in reversed(_tree(child.pid)):
            os.kill(pid, signal.SIGKILL)
        child.wait()


def test_a_long_tmpdir_does_not_stop_the_fork_server(tmp_path):
    """Its socket lives in a folder of $TMPDIR; a path past a Unix socket's 108 bytes made every package fail
    (``OSError: AF_UNIX path too long``). A real bug: a test's deep tmp_path hit it."""
    deep = tmp_path / ("t" * 60) / ("m" * 60)
    deep.mkdir(parents=True)
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(digital_sample(), raw)
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "run", str(raw), "--out", str(tmp_path / "out")],
        capture_output=True, text=True, env={**os.environ, "TMPDIR": str(deep)},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "1 valid" in done.stdout.splitlines()[-1]
    assert os.listdir(deep) == []  # nothing left behind there
