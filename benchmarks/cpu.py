"""CPU seconds of a command and of every process it started, fork servers included.

This process makes itself the subreaper of what it starts (Linux): a fork server outlives the
command that started it and is adopted here, and once it is reaped its children's CPU comes
with it. What the kernel has counted for reaped children is ``RUSAGE_CHILDREN``.
"""

from __future__ import annotations

import ctypes
import os
import resource
import subprocess
import time
from dataclasses import dataclass

PR_SET_CHILD_SUBREAPER = 36


@dataclass
class Cost:
    cpu: float  # CPU seconds of every process the command started
    wall: float


def adopt_orphans() -> None:
    """Orphans of what this process starts come to it (and their CPU into RUSAGE_CHILDREN once reaped)."""
    ctypes.CDLL(None).prctl(PR_SET_CHILD_SUBREAPER, 1)


def children_cpu(wait: float = 30.0) -> float:
    """CPU seconds of every child reaped so far, after reaping those ending now (for at most ``wait`` s)."""
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:  # none left
            break
        if pid == 0:
            time.sleep(0.02)
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def measured(command: list[str], env: dict | None = None) -> Cost:
    """The CPU seconds of ``command`` and every process it started, and its wall seconds."""
    adopt_orphans()
    before = children_cpu(0)
    started = time.perf_counter()
    subprocess.run(command, check=False, capture_output=True, env=env)
    wall = time.perf_counter() - started
    return Cost(children_cpu() - before, wall)
