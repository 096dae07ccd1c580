"""Tesseract's pages shared by every package of a run: at most N pages read at once on this machine.

Under ``--jobs N`` several packages run at once, each in its own fenced process. Were each
package's OCR given a fixed share of the cores, the last, largest package would read its
pages on one core while the others stood idle. Instead every package may read up to N pages
at once, and a page takes one of N slots for as long as Tesseract reads it: while packages
run side by side they share the cores page by page, and a package left alone gets them all.

A slot is a lock file held with ``flock``: the kernel releases it when its holder dies, so a
package killed by the fence never keeps one. The slots reach OCRmyPDF's page workers (other
processes) through the environment (pipeline/ocr/shared.py).
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

SLOTS_ENV = "BILAG_OCR_SLOTS"  # "<count>:<folder>"
OMP_THREAD_LIMIT = "OMP_THREAD_LIMIT"  # Tesseract's OpenMP threads
POLL = 0.02  # seconds between looks for a free slot (a page takes a second or more)


@dataclass(frozen=True)
class Slots:
    folder: Path
    count: int

    @contextmanager
    def held(self) -> Iterator[int]:
        """Wait for a free slot and hold it for the block; its number."""
        self.folder.mkdir(parents=True, exist_ok=True)
        while True:
            for number in range(self.count):
                handle = os.open(self.folder / f"slot-{number}", os.O_RDWR | os.O_CREAT, 0o644)
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    os.close(handle)
                    continue
                try:
                    yield number
                finally:
                    os.close(handle)  # closing the last descriptor releases the lock
                return
            time.sleep(POLL)

    @contextmanager
    def exported(self) -> Iterator[None]:
        """The slots in this process's environment for the block (the OCR's page workers inherit it)."""
        with environment(SLOTS_ENV, f"{self.count}:{self.folder}"):
            yield


def slots_from_environment() -> Slots | None:
    """The slots an OCR page worker was given (None: read without waiting for one)."""
    value = os.environ.get(SLOTS_ENV, "")
    count, _, folder = value.partition(":")
    if not (count.isdigit() and int(count) > 0 and folder):
        return None
    return Slots(Path(folder), int(count))


@contextmanager
def one_thread_per_tesseract() -> Iterator[None]:
    """Tesseract single-threaded for the block, unless the user set ``OMP_THREAD_LIMIT``.

    OCRmyPDF gives Tesseract OpenMP threads when a PDF has fewer pages than jobs (a one-page scan: two
    threads on two cores). Those threads spin while they wait: measured on a 300 dpi page while the
    machine ran other work, 4.1 CPU-s and 11.6-17 s with two threads against 1.0 CPU-s and 8-9 s with
    one. Pages, not Tesseract's loops, are what bilag spreads over the cores."""
    chosen = os.environ.get(OMP_THREAD_LIMIT, "")
    with environment(OMP_THREAD_LIMIT, chosen if chosen.isdigit() else "1"):
        yield


@contextmanager
def environment(name: str, value: str) -> Iterator[None]:
    """``name=value`` in this process's environment for the block, as it was after."""
    before = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = before
