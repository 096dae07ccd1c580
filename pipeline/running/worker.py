"""One package's task, and what its work can come to: whatever happens, a PackageResult.

A package is the unit of work: the task's ``work`` (the stages, given by the driver: this
module knows no stage) runs every stage of one package and publishes it, wherever it runs;
``process`` turns what can go wrong with that package into its result (the driver then
quarantines and records it, in one place). Only a missing tool, a broken configuration or an
output folder that cannot be written stops the run.
"""

from __future__ import annotations

import errno
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from pipeline.base.doctor import DISK_ERRORS, disk_message
from pipeline.base.errors import ConfigError, DiskError, InputError, MissingToolError, StillArrivingError
from pipeline.base.models import Package
from pipeline.base.settings import FenceLimits, Settings
from pipeline.base.slots import Slots
from pipeline.running.limits import address_space_named, over_limit
from pipeline.running.results import PackageResult

# What a package's work is: (package, out_dir, settings, stage watcher) -> its result, published.
Work = Callable[[Package, Path, Settings, Callable[[str, str], None]], PackageResult]


@dataclass(frozen=True)
class Task:
    package: Package
    out_dir: Path
    settings: Settings
    ocr_jobs: int | None  # processes for the package's OCR; None: as configs/ocr.yaml says
    work: Work  # a module-level function: a task is pickled to the fence's child and to Dask workers
    ocr_slots: Slots | None = None  # the run's page slots, shared by the packages running at once

    def absolute(self) -> Task:
        """The task with absolute paths (a Dask worker's working folder is not ours)."""
        package = replace(
            self.package, source=self.package.source.resolve(), pdfs=tuple(p.resolve() for p in self.package.pdfs)
        )
        settings = replace(self.settings, config_dir=self.settings.config_dir.resolve())
        return replace(self, package=package, out_dir=self.out_dir.resolve(), settings=settings)


def process(task: Task, watcher: Callable[[str, str], None], limits: FenceLimits | None = None) -> PackageResult:
    """One package, all stages, published; its PackageResult whatever happened.

    In the fence (``limits``, pipeline/running/fence.py) a package that runs out of memory, stack or
    file handles is refused with the limit named; a full or read-only output folder stops the run.
    """
    started = time.perf_counter()
    package = task.package
    try:
        return task.work(package, task.out_dir, task.settings.with_ocr_jobs(task.ocr_jobs, task.ocr_slots), watcher)
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
