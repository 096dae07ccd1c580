"""A helper process for the validate stage: great-expectations is imported there, on another core.

Importing great-expectations takes 2.5 s of CPU, nearly all of it holding the GIL: in a
thread it only slows down what the process does meanwhile (re-reading cells, reading
tables), so a scanned package cost 2.5 s more. The helper is started when a package's OCR
is done, imports it while the tables are read, and then runs every validation of the run.
In a worker process (--jobs, Dask), or when the helper dies, validation runs in the process
itself, after a thread has imported great-expectations.
"""

from __future__ import annotations

import atexit
import importlib
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
HEAVY = ("great_expectations", "camelot")  # validation; the other tables (about 2.5 s of CPU together)
_state: dict[str, object] = {}  # "helper": the ProcessPoolExecutor, "started": True once warm_up ran


def prepare() -> None:
    """In a worker (a fenced child, --jobs, Dask): import the heavy libraries in a thread now, while the OCR
    mostly waits for Tesseract, not later when they would hold the GIL over the tables. Elsewhere: nothing
    (the helper starts after the OCR, on the core the tables leave free)."""
    if multiprocessing.parent_process() is not None and not _state.get("started"):
        _state["started"] = True
        os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
        _import_in_a_thread()


def warm_up() -> None:
    """Start the helper (or, where it cannot start, a thread importing great-expectations); once per process."""
    if _state.get("started"):
        return
    _state["started"] = True
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
    if multiprocessing.parent_process() is not None:
        # A worker (--jobs, Dask): it may not start children, or would wait for its helper
        # at exit while the helper waits for it to go. Workers are busy anyway.
        _import_in_a_thread()
        return
    from concurrent.futures import ProcessPoolExecutor

    # spawn, not fork: this process runs threads (OCRmyPDF's, the progress display's).
    context = multiprocessing.get_context("spawn")
    helper = ProcessPoolExecutor(max_workers=1, mp_context=context, initializer=_helper_starts, initargs=(os.getpid(),))
    helper.submit(int)  # the process starts on the first task: now, not when validation needs it
    _state["helper"] = helper
    atexit.register(shut_down)


def call(function: Callable[..., T], *args) -> T:
    """``function(*args)`` in the helper if it runs, else here."""
    from concurrent.futures.process import BrokenProcessPool

    helper = _state.get("helper")
    if helper is not None:
        try:
            return helper.submit(function, *args).result()
        except BrokenProcessPool:  # the helper died (out of memory, killed): do it here
            shut_down()
    return function(*args)


def shut_down() -> None:
    helper = _state.pop("helper", None)
    if helper is not None:
        helper.shutdown(wait=True, cancel_futures=True)


def _import_in_a_thread() -> None:
    missing = [name for name in HEAVY if name not in sys.modules]
    if missing:
        threading.Thread(target=_import_all, args=(missing,), daemon=True).start()


def _import_all(names: list[str]) -> None:
    for name in names:
        importlib.import_module(name)


def _helper_starts(parent: int) -> None:
    """In the helper: import great-expectations, and leave when the parent is gone (killed: no goodbye)."""
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()
    importlib.import_module(HEAVY[0])
