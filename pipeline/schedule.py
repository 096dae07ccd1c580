"""Where packages are processed: one after another, on local processes, or on a Dask cluster.

A package is the unit of work: ``process`` runs every stage of one package and
publishes it, wherever it runs, and turns what can go wrong with that package into its
result (the driver then quarantines and records it, in one place). Only a missing tool or
a broken configuration stops the run. The output does not depend on where a package
ran: Tesseract reads a page the same in any process, and publishing is atomic, so a
package a lost Dask worker had half done is simply done again.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from pipeline.errors import ConfigError, InputError, MissingToolError, StillArrivingError, UsageError
from pipeline.models import Package


@dataclass(frozen=True)
class Task:
    package: Package
    out_dir: Path
    config_dir: Path
    ocr_jobs: int | None  # processes for the package's OCR; None: as configs/ocr.yaml says


def process(task: Task, progress=None):
    """Worker entry: one package, all stages, published; its PackageResult whatever happened."""
    import logging
    import time

    from pipeline.run import PackageResult, run_package

    started = time.perf_counter()
    package = task.package
    try:
        return run_package(package, task.out_dir, task.config_dir, progress, ocr_jobs=task.ocr_jobs)
    except StillArrivingError as error:
        return PackageResult(package.id, "waiting", message=str(error))
    except InputError as error:
        result = PackageResult(package.id, "refused", message=str(error))
    except (MissingToolError, ConfigError):
        raise  # no package can be done without them: the run stops
    except Exception as error:  # a bug in bilag on this package must not stop the others
        logging.getLogger("bilag").exception("%s: bilag failed", package.id)
        result = PackageResult(package.id, "failed", message=f"bilag failed: {type(error).__name__}: {error}")
    result.seconds = time.perf_counter() - started
    return result


def plan(jobs: int | None, packages: int) -> tuple[int, int | None]:
    """(worker processes, OCR processes per package) for ``--jobs``.

    No ``--jobs``: one package at a time, its OCR on every core. ``--jobs N``: N processes
    in all; packages spread over up to N workers, and a package's OCR gets the cores its
    worker does not share (a lone large package still uses all N for its pages).
    """
    if jobs is None:
        return 1, None
    jobs = jobs or os.cpu_count() or 1
    workers = max(1, min(jobs, packages))
    return workers, max(1, jobs // workers)


def execute(tasks: list[Task], workers: int, scheduler: str | None, progress) -> Iterator:
    """The tasks' results, in the order they finish."""
    if scheduler:
        yield from _on_dask(tasks, scheduler)
    elif workers > 1:
        yield from _on_processes(tasks, workers, progress)
    else:
        for task in tasks:
            yield process(task, progress)


def _on_processes(tasks: list[Task], workers: int, progress) -> Iterator:
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    # spawn, not fork: the driver may already run threads (a fork copies their locks held).
    context = multiprocessing.get_context("spawn")
    with (
        context.Manager() as manager,
        ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool,
    ):
        stages = manager.Queue()  # the workers' stage events, shown by the driver
        futures = {pool.submit(process, task, _Relay(stages)) for task in tasks}
        try:
            while futures:
                finished, futures = wait(futures, timeout=0.2, return_when=FIRST_COMPLETED)
                while not stages.empty():
                    progress.stage(*stages.get())
                for future in finished:
                    yield future.result()
        finally:
            for future in futures:
                future.cancel()


class _Relay:
    """Stands in for the progress display in a worker process: passes stage events back to the driver."""

    def __init__(self, queue):
        self.queue = queue

    def stage(self, package: str, stage: str) -> None:
        self.queue.put((package, stage))


def _absolute(task: Task) -> Task:
    package = replace(
        task.package, source=task.package.source.resolve(), pdfs=tuple(p.resolve() for p in task.package.pdfs)
    )
    return Task(package, task.out_dir.resolve(), task.config_dir.resolve(), task.ocr_jobs)


def _on_dask(tasks: list[Task], scheduler: str) -> Iterator:
    """Packages as tasks on a Dask cluster; a task whose worker is lost is rerun elsewhere."""
    try:
        from distributed import Client, as_completed
    except ImportError:  # pragma: no cover - distributed is a dependency; a broken install
        raise UsageError("--scheduler needs dask's distributed package (pip install distributed)") from None
    try:
        client = Client(scheduler, timeout="10s")
    except OSError as error:
        raise UsageError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from None
    tasks = [_absolute(task) for task in tasks]  # a worker's working folder is not ours
    with client:
        futures = [
            client.submit(
                process, task, key=f"bilag-{task.package.id}-{task.package.sha256[:12]}", retries=2, pure=False
            )
            for task in tasks
        ]
        for future in as_completed(futures):
            yield future.result()
