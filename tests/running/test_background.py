"""The validation helper process: used when it runs, replaced by the process itself when it cannot."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import time

from pipeline.running import background


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie (exited, not yet reaped) counts as gone.
    with open(f"/proc/{pid}/stat") as handle:
        return handle.read().split(") ")[1][0] != "Z"


def _imported_there() -> bool:
    return "great_expectations" in sys.modules


def test_work_runs_in_the_helper_and_here_once_the_helper_is_gone():
    background.warm_up()
    try:
        helper = background.call(os.getpid)
        assert helper != os.getpid()
        assert background.call(_imported_there)  # great-expectations was imported in the helper
        os.kill(helper, signal.SIGKILL)  # the helper dies (out of memory, say)
        time.sleep(0.5)
        assert background.call(os.getpid) == os.getpid()  # the work is done here instead
    finally:
        background.shut_down()
        background._state.clear()


def _in_a_worker() -> tuple[int, int, bool]:
    background.warm_up()
    return os.getpid(), background.call(os.getpid), "helper" in background._state


def _in_a_daemon(queue) -> None:
    queue.put(_in_a_worker())


def test_a_worker_process_validates_itself():
    """A --jobs or Dask worker starts no helper: a daemonic one may not, and one at exit would wait for it."""
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:  # as --jobs runs its workers
        own, ran_in, has_helper = pool.submit(_in_a_worker).result(timeout=60)
    assert ran_in == own and not has_helper
    queue = context.Queue()
    worker = context.Process(target=_in_a_daemon, args=(queue,), daemon=True)  # as Dask may
    worker.start()
    own, ran_in, has_helper = queue.get(timeout=60)
    worker.join(30)
    assert ran_in == own and not has_helper and worker.exitcode == 0


def test_the_helper_leaves_when_its_parent_is_killed():
    code = (
        "import os; from pipeline.running import background; background.warm_up(); "
        "print(background.call(os.getpid), flush=True); input()"
    )
    parent = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    helper = int(parent.stdout.readline())
    assert _alive(helper)
    parent.kill()
    parent.wait()
    deadline = time.monotonic() + 10
    while _alive(helper) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _alive(helper)


def test_prepare_leaves_the_main_process_to_the_helper():
    # Outside a worker the helper imports great-expectations after the OCR: prepare starts nothing.
    background.shut_down()  # a package another test ran in this process may have started the helper
    background._state.clear()
    background.prepare()
    assert background._state == {}
