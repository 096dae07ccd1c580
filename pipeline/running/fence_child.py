"""The fence's child: it sets its limits, works on one package and sends the outcome (pipeline/running/fence.py).

Everything it might fail with is sent as an outcome the driver can act on: a result (a
refused package names the limit it passed), or a BilagError that stops the run (a tool
missing, a full disk, a limit too low to start in). A child that cannot send is judged by
the driver from how it ended.
"""

from __future__ import annotations

import ctypes
import os
import pickle
import resource
import signal
import sys
import tempfile

from pipeline.base.errors import BilagError, ConfigError
from pipeline.base.files import temp_prefix
from pipeline.base.settings import FenceLimits
from pipeline.running.limits import MB, address_space_named, over_limit
from pipeline.running.worker import Task, process


def child_main(conn, task: Task, limits: FenceLimits) -> None:
    """In the child: set the limits, work on the package, send its outcome."""

    os.setpgrp()  # its own group: the driver ends it with everything it started
    _die_with_parent()
    # Made while there is memory: sent if the outcome cannot be (pickling it needs memory too).
    past_address_space = ("result", over_limit(task.package, address_space_named(limits)))
    fallback = pickle.dumps(past_address_space)
    try:
        _room_to_start(limits, task.settings.config_dir)
    except BilagError as error:
        conn.send(("error", error))
        return
    _limit(resource.RLIMIT_AS, int(limits.address_space_mb * MB))
    _limit(resource.RLIMIT_CPU, int(limits.cpu_seconds))
    _limit(resource.RLIMIT_NOFILE, int(limits.open_files))
    sys.setrecursionlimit(int(limits.recursion))
    folder = tempfile.mkdtemp(prefix=temp_prefix())
    os.environ["TMPDIR"] = tempfile.tempdir = folder

    def stage(package: str, name: str) -> None:
        conn.send(("stage", (package, name)))

    try:
        result = process(task, stage, limits=limits)
        result.cpu_seconds = round(_cpu_seconds(), 2)
        outcome = ("result", result)
    except BilagError as error:  # a missing tool, a broken config, a full disk: the run stops
        outcome = ("error", error)
    except MemoryError:  # raised again while a failure was being reported (its traceback needs memory too)
        outcome = past_address_space
    try:
        conn.send(outcome)
    except MemoryError:
        conn.send_bytes(fallback)
    conn.close()


STARTUP_ROOM_MB = 256  # beyond what the child maps when forked: a package's first steps need that much


def _room_to_start(limits: FenceLimits, config_dir) -> None:
    """ConfigError if ``address_space_mb`` is not above what the child already maps, with room to start.

    Below that, the child would fail at whatever allocation came first: a crash in a C
    library one time, a MemoryError or a thread that cannot start another.
    """
    mapped = _mapped_mb()
    if limits.address_space_mb < mapped + STARTUP_ROOM_MB:
        raise ConfigError(
            f"{config_dir / 'inputs.yaml'}: fence.address_space_mb: {limits.address_space_mb:g} MB is too little: "
            f"a package's process maps {mapped:.0f} MB before it starts (give at least {mapped + STARTUP_ROOM_MB:.0f})"
        )


def _mapped_mb() -> float:
    """This process's virtual address space (VmSize), in MB."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _cpu_seconds() -> float:
    """The CPU this child and the programs it started and waited for (Tesseract, Ghostscript) used."""
    own, started = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + started.ru_utime + started.ru_stime


def _die_with_parent() -> None:
    """A driver killed with -9 takes its fork server with it, and so this child: never two runs writing at once."""
    parent = os.getppid()
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG (Linux)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # it died before the call
        os._exit(1)


def _limit(kind: int, value: int) -> None:
    soft, hard = resource.getrlimit(kind)
    if hard != resource.RLIM_INFINITY:
        value = min(value, hard)
    resource.setrlimit(kind, (value, hard))
