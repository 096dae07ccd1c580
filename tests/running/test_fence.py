"""The fence's memory watch: cheap while a package is far below its limit, exact near it."""

import os
import signal
import subprocess
import sys

import pytest

from pipeline.running.fence import _tree, over_memory, tree_memory_mb

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
