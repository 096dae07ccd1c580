"""Where packages are processed: each in its own fenced child process here, or on a Dask cluster.

The output does not depend on where a package ran: Tesseract reads a page the same in any
process, and publishing is atomic, so a package a lost Dask worker had half done is done again.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pipeline.base.errors import UsageError
from pipeline.base.models import Package
from pipeline.base.settings import FenceLimits
from pipeline.running.fence import Preload, run_fenced, run_one_fenced
from pipeline.running.results import PackageResult, Progress
from pipeline.running.worker import Task


@dataclass(frozen=True)
class Scheduler:
    """A Dask cluster to run the packages on: its scheduler's address, and how long to try to reach it."""

    address: str  # tcp://HOST:8786
    timeout: float = 10.0  # seconds


def _lost(package: Package) -> PackageResult:
    message = "bilag failed: the Dask workers working on it were lost 3 times (KilledWorker); tried again next run"
    return PackageResult(package.id, "failed", message=message)


def plan(jobs: int | None, packages: int) -> tuple[int, int | None, bool]:
    """(worker processes, OCR processes per package, whether the packages share the OCR's cores page by
    page) for ``--jobs``.

    No ``--jobs``: one package at a time, its OCR on every core. ``--jobs N``: N processes in all;
    packages spread over up to N workers, and each package's OCR may read N pages at once, the
    run's N page slots shared by all of them (pipeline/base/slots.py): a package left alone at the
    end of a run gets every core for its pages.
    """
    if jobs is None:
        return 1, None, False
    jobs = jobs or os.cpu_count() or 1
    workers = max(1, min(jobs, packages))
    return workers, jobs, workers > 1


def largest_first(packages: list[Package]) -> list[Package]:
    """The packages, the largest (in bytes) first: a large package started last would finish alone."""
    return sorted(packages, key=lambda package: -sum(_size(pdf) for pdf in package.pdfs))


def _size(pdf: Path) -> int:
    try:
        return pdf.stat().st_size
    except OSError:  # gone since it was found: preflight will say so
        return 0


def execute(
    tasks: list[Task],
    workers: int,
    scheduler: Scheduler | None,
    progress: Progress,
    fence: FenceLimits,
    preload: Preload,
) -> Iterator[PackageResult]:
    """The tasks' results, in the order they finish: each package in its own fenced child process,
    ``workers`` at a time (pipeline/running/fence.py), or as a task on a Dask cluster."""
    if scheduler:
        yield from _on_dask(tasks, scheduler, fence, preload)
    else:
        yield from run_fenced(tasks, workers, fence, progress, preload)


def _on_dask(tasks: list[Task], scheduler: Scheduler, fence: FenceLimits, preload: Preload) -> Iterator[PackageResult]:
    """Packages as tasks on a Dask cluster, each fenced on its worker as here; a task whose worker is lost
    is rerun elsewhere, and a package on which workers were lost three times is marked failed."""
    try:
        from distributed import Client, KilledWorker, as_completed
    except ImportError:  # pragma: no cover - distributed is a dependency; a broken install
        raise UsageError("--scheduler needs dask's distributed package (pip install distributed)") from None
    try:
        client = Client(scheduler.address, timeout=f"{scheduler.timeout:g}s")
    except OSError as error:
        raise UsageError(f"cannot reach the Dask scheduler at {scheduler.address}: {error}") from None
    tasks = [task.absolute() for task in tasks]  # a worker's working folder is not ours
    with client:
        futures = {
            client.submit(
                run_one_fenced,
                task,
                fence,
                preload,
                key=f"bilag-{task.package.id}-{task.package.sha256[:12]}",
                retries=2,
                pure=False,
            ): task
            for task in tasks
        }
        for future in as_completed(futures):
            try:
                yield future.result()
            except KilledWorker:  # the machine's trouble (the fence keeps a package's own memory in bounds)
                yield _lost(futures[future].package)
