"""The fence: each package is worked on in a child process with limits, so no file can stop the run.

Preflight refuses what it can see cheaply; the fence is what guarantees the run ends. The
child (forked from a server that has imported bilag's heavy libraries once, so a package
pays no start-up) gets, from ``configs/inputs.yaml``:

- ``memory_mb``: the memory (PSS) of the child and everything it starts (Tesseract,
  Ghostscript), watched by the driver, which ends the whole group past it;
- ``address_space_mb``: each process's address space (RLIMIT_AS): a single huge
  allocation fails at once instead of swapping;
- ``cpu_seconds`` (RLIMIT_CPU), ``wall_seconds`` (the driver's clock), ``open_files``
  (RLIMIT_NOFILE) and ``recursion`` (Python's recursion limit).

A package past a limit is refused with the limit named, and quarantined; the run goes on.
Its temporary folder (``$TMPDIR/bilag-<pid>-...``, the child's TMPDIR, so OCRmyPDF's and
Tesseract's files are in it too) is removed when the child ends, however it ended.
This module is the driver's side; the child's is pipeline/running/fence_child.py. What the fork
server imports is the caller's to say (a Preload), so this module knows no stage.
"""

from __future__ import annotations

import errno
import multiprocessing
import os
import shutil
import signal
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from multiprocessing import util
from multiprocessing.connection import wait

import psutil

from pipeline.base.settings import FenceLimits
from pipeline.running.fence_child import child_main
from pipeline.running.ledger import sweep_temp
from pipeline.running.limits import MB, over_limit
from pipeline.running.results import PackageResult, Progress, Silent
from pipeline.running.worker import Task

POLL = 0.1  # seconds between two looks at the children's memory and clocks


@dataclass(frozen=True)
class Preload:
    """Modules the fork server imports once, shared by every child it forks."""

    many: tuple[str, ...] = ()  # for several packages: worth it from the second package on
    one: tuple[str, ...] = ()  # a lone package imports only what it needs (a refused file none of the heavy ones)


class Fenced:
    """A child working on one package, as the driver sees it."""

    def __init__(self, context, target, task, limits: FenceLimits, relay):
        self.task, self.limits, self.relay = task, limits, relay
        self.conn, child_end = context.Pipe(duplex=False)
        self.process = context.Process(target=target, args=(child_end, task, limits), daemon=True)
        self.process.start()
        child_end.close()
        self.started = time.monotonic()
        self.outcome = None  # ("result", PackageResult) or ("error", BilagError) once received
        self.over = ""  # the limit the driver stopped it for
        self.peak_mb = 0.0  # the most its processes were seen to hold together (resident, every look)

    def receive(self) -> None:
        """Read what the child sent: stage events, then its outcome."""
        try:
            while self.conn.poll():
                kind, payload = self.conn.recv()
                if kind == "stage":
                    self.relay(*payload)
                else:
                    self.outcome = (kind, payload)
        except (EOFError, OSError):
            pass

    def watch(self) -> None:
        """End the child's whole group if it is past the memory or wall-clock limit."""
        if self.over or not self.process.is_alive():
            return
        resident = resident_mb(self.process.pid)
        self.peak_mb = max(self.peak_mb, resident)
        if over_memory(self.process.pid, self.limits.memory_mb, resident):
            self.over = f"used more than {self.limits.memory_mb:g} MB of memory (memory_mb)"
        elif time.monotonic() - self.started > self.limits.wall_seconds:
            self.over = f"took longer than {self.limits.wall_seconds:g} s (wall_seconds)"
        if self.over:
            kill_group(self.process.pid)

    def finish(self) -> PackageResult:
        """The child's PackageResult (or its error raised); a child stopped or crashed is a refused package."""
        self.process.join()
        self.receive()
        kill_group(self.process.pid)  # anything it left running (a Tesseract of a killed child)
        sweep_temp(self.process.pid)
        self.conn.close()
        seconds = time.monotonic() - self.started
        if self.outcome is not None and not self.over:
            kind, payload = self.outcome
            if kind == "error":
                raise payload
            result = payload
        else:
            result = over_limit(self.task.package, self.over or self._death(), seconds)
        result.peak_mb = round(self.peak_mb, 1)
        return result

    def _death(self) -> str:
        code = self.process.exitcode or 0
        if code == -signal.SIGXCPU:
            return f"used more than {self.limits.cpu_seconds:g} s of CPU (cpu_seconds)"
        if code in (-signal.SIGSEGV, -signal.SIGABRT, -signal.SIGBUS):
            return (
                f"crashed ({signal.Signals(-code).name}), as a library does at the address-space limit "
                f"({self.limits.address_space_mb:g} MB, address_space_mb) or on a file it cannot parse"
            )
        if code < 0:
            return f"was ended ({signal.Signals(-code).name})"
        return f"ended without a result (exit code {code})"


SOCKET_PATH_MAX = 100  # bytes: sun_path holds 108 on Linux; the listener's own name takes about 18 of them


def _short_socket_folder() -> None:
    """Where the fork server's socket goes, short enough for a Unix socket's address.

    multiprocessing puts it in a folder of $TMPDIR; a long $TMPDIR (a deep work folder, a test's
    tmp_path) made the server fail to start (``OSError: AF_UNIX path too long``) and every package
    with it. Then the folder is made in /tmp instead, removed at exit as multiprocessing's own is.
    """
    config = multiprocessing.current_process()._config
    if config.get("tempdir") or len(os.fsencode(tempfile.gettempdir())) + 30 <= SOCKET_PATH_MAX:
        return
    folder = tempfile.mkdtemp(prefix="pymp-", dir="/tmp")
    util.Finalize(None, shutil.rmtree, args=(folder, True), exitpriority=-100)
    config["tempdir"] = folder


def run_fenced(
    tasks: list[Task],
    workers: int,
    limits: FenceLimits,
    progress: Progress,
    preload: Preload,
    more_to_come: bool = False,
) -> Iterator[PackageResult]:
    """Each task in its own fenced child, ``workers`` at a time; the results as they finish.

    ``more_to_come``: this process will fence other packages later (a Dask worker).
    """
    # A fork server: forking the driver itself would copy its threads' held locks.
    _short_socket_folder()
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(list(preload.many if len(tasks) > 1 or more_to_come else preload.one))
    if tasks:  # the server also loads this run's configs and lexicon, once for every package
        os.environ["BILAG_PRELOAD_CONFIG"] = str(tasks[0].settings.config_dir)

    waiting, running = list(tasks), []
    while waiting or running:
        while waiting and len(running) < workers:
            running.append(Fenced(context, child_main, waiting.pop(0), limits, progress.stage))
        wait([child.conn for child in running] + [child.process.sentinel for child in running], timeout=POLL)
        for child in list(running):
            child.receive()
            child.watch()
            if not child.process.is_alive():
                running.remove(child)
                yield child.finish()


def run_one_fenced(task: Task, limits: FenceLimits, preload: Preload) -> PackageResult:
    """One package in a fenced child of this process: what a Dask worker does with each task.

    A Dask worker is a daemonic process, and multiprocessing refuses to start children from
    one (it could not end them at exit). The fence's child ends with its fork server
    (PR_SET_PDEATHSIG), and the fork server with this process, so none outlives the worker.
    The fork server stays for the worker's next packages.
    """
    multiprocessing.current_process().daemon = False
    sweep_temp()  # what children killed with their worker left on this machine
    return next(run_fenced([task], 1, limits, Silent(), preload, more_to_come=True))


def over_memory(pid: int, limit_mb: float, resident: float | None = None) -> bool:
    """Whether ``pid`` and its descendants use more than ``limit_mb`` (PSS), looked at cheaply.

    Their resident sizes summed (``resident_mb``, given if already read) bound the PSS from above
    and cost microseconds; the PSS, a walk of every page table (milliseconds a process, 2-3 s of CPU
    over a package when looked at ten times a second), is read only when that bound is past the limit.
    """
    resident = resident_mb(pid) if resident is None else resident
    return resident > limit_mb and tree_memory_mb(pid) > limit_mb


def resident_mb(pid: int) -> float:
    """The resident sizes of ``pid`` and its descendants summed, in MB (their PSS where the kernel cannot
    list a process's children)."""
    if not os.path.exists(f"/proc/self/task/{os.getpid()}/children"):  # a kernel without CONFIG_PROC_CHILDREN
        return tree_memory_mb(pid)
    return sum(_resident_bytes(p) for p in _tree(pid)) / MB


def _tree(pid: int) -> list[int]:
    """``pid`` and its descendants, from each thread's list of children (no scan of every process)."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            tasks = os.listdir(f"/proc/{current}/task")
        except OSError:  # ended meanwhile (FileNotFoundError, or ProcessLookupError mid-read)
            continue
        for task in tasks:
            try:
                with open(f"/proc/{current}/task/{task}/children") as children:
                    todo += [int(child) for child in children.read().split()]
            except OSError:  # the thread ended meanwhile
                continue
    return found


def _resident_bytes(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:  # ended meanwhile
        return 0


def tree_memory_mb(pid: int) -> float:
    """PSS of ``pid`` and its descendants (shared pages counted once across them), in MB."""
    try:
        root = psutil.Process(pid)
        processes = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0.0
    total = 0
    for process in processes:
        try:
            total += process.memory_full_info().pss
        except psutil.Error:
            continue
    return total / MB


def kill_group(pid: int) -> None:
    """SIGKILL the child's process group (the child, its Tesseracts, its Ghostscripts)."""
    try:
        os.killpg(pid, signal.SIGKILL)
    except OSError as error:
        if error.errno not in (errno.ESRCH, errno.EPERM):
            raise
