"""Where packages are processed: each in its own fenced child process here, or on a Dask cluster.

A package is the unit of work: ``process`` runs every stage of one package and
publishes it, wherever it runs, and turns what can go wrong with that package into its
result (the driver then quarantines and records it, in one place). Only a missing tool,
a broken configuration or an output folder that cannot be written stops the run. The
output does not depend on where a package ran: Tesseract reads a page the same in any
process, and publishing is atomic, so a package a lost Dask worker had half done is done again.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from pipeline.base.errors import (
    ConfigError,
    DiskError,
    InputError,
    MissingToolError,
    StillArrivingError,
    UsageError,
)
from pipeline.running.fence import FenceLimits, address_space_named, run_fenced, run_one_fenced
from pipeline.base.models import Package

DISK_ERRORS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS}  # the output folder's fault, never the package's


@dataclass(frozen=True)
class Task:
    package: Package
    out_dir: Path
    config_dir: Path
    ocr_jobs: int | None  # processes for the package's OCR; None: as configs/ocr.yaml says


def process(task: Task, progress=None, limits=None):
    """Worker entry: one package, all stages, published; its PackageResult whatever happened.

    In the fence (``limits``, pipeline/running/fence.py) a package that runs out of memory, stack or
    file handles is refused with the limit named; a full or read-only output folder stops the run.
    """
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
    except OSError as error:
        if error.errno in DISK_ERRORS:
            raise DiskError(disk_message(task.out_dir, error)) from None
        if limits is None or error.errno not in (errno.EMFILE, errno.ENOMEM):
            raise
        if error.errno == errno.ENOMEM:  # a program it started could not be given memory
            result = over_limit(package, address_space_named(limits))
        else:
            result = over_limit(package, f"opened more than {limits.open_files} files (open_files)")
    except MemoryError:
        result = over_limit(package, address_space_named(limits) if limits else "needed more than the memory there is")
    except RecursionError:
        depth = f"the recursion limit of {limits.recursion} (recursion)" if limits else "Python's recursion limit"
        result = over_limit(package, f"went deeper than {depth}: nested too deep")
    except Exception as error:  # a bug in bilag on this package must not stop the others
        logging.getLogger("bilag").exception("%s: bilag failed", package.id)
        result = PackageResult(package.id, "failed", message=f"bilag failed: {type(error).__name__}: {error}")
    result.seconds = time.perf_counter() - started
    return result


def over_limit(package: Package, limit: str):
    from pipeline.running.fence import shown_source
    from pipeline.run import PackageResult

    return PackageResult(package.id, "refused", message=f"{shown_source(package)}: refused: bilag's work on it {limit}")


def _lost(package: Package):
    from pipeline.run import PackageResult

    message = "bilag failed: the Dask workers working on it were lost 3 times (KilledWorker); tried again next run"
    return PackageResult(package.id, "failed", message=message)


def disk_message(out_dir: Path, error: OSError) -> str:
    """One line: which folder, what is wrong with it, what to do; what was published stays."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        fix = "free some space there"
    else:  # read-only, or not ours
        fix = "make it writable (or give --out another folder)"
    return (
        f"{out_dir}: cannot write there ({error.strerror}): {fix} and run bilag again; "
        "what was published is intact (bilag status lists it)"
    )


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


def execute(tasks: list[Task], workers: int, scheduler: str | None, progress, fence: FenceLimits) -> Iterator:
    """The tasks' results, in the order they finish: each package in its own fenced child process,
    ``workers`` at a time (pipeline/running/fence.py), or as a task on a Dask cluster."""
    if scheduler:
        yield from _on_dask(tasks, scheduler, fence)
    else:
        yield from run_fenced(tasks, workers, fence, progress)


def _absolute(task: Task) -> Task:
    package = replace(
        task.package, source=task.package.source.resolve(), pdfs=tuple(p.resolve() for p in task.package.pdfs)
    )
    return Task(package, task.out_dir.resolve(), task.config_dir.resolve(), task.ocr_jobs)


def _on_dask(tasks: list[Task], scheduler: str, fence: FenceLimits) -> Iterator:
    """Packages as tasks on a Dask cluster, each fenced on its worker as here; a task whose worker is lost
    is rerun elsewhere, and a package on which workers were lost three times is marked failed."""
    try:
        from distributed import Client, KilledWorker, as_completed
    except ImportError:  # pragma: no cover - distributed is a dependency; a broken install
        raise UsageError("--scheduler needs dask's distributed package (pip install distributed)") from None
    try:
        client = Client(scheduler, timeout="10s")
    except OSError as error:
        raise UsageError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from None
    tasks = [_absolute(task) for task in tasks]  # a worker's working folder is not ours
    with client:
        futures = {
            client.submit(
                run_one_fenced,
                task,
                fence,
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
