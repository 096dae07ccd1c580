"""What a package's run came to, and what the driver tells whoever watches the run."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from pipeline.base.models import Finding


@dataclass
class PackageResult:
    package: str
    # valid / invalid: published (invalid: validation found problems); up-to-date: nothing to do;
    # quarantined: an input was refused (a worker says "refused", the driver quarantines);
    # waiting: still arriving (being copied in); failed: bilag itself failed
    status: str
    message: str = ""
    findings: list[Finding] = field(default_factory=list)
    corrections: list[str] = field(default_factory=list)  # codes corrected, cells read again or derived
    notes: list[str] = field(default_factory=list)  # intake's: a PDF repaired or decrypted before it was read
    ocr_pages: list[int] = field(default_factory=list)  # pages read by OCR (scans, poor OCR layers)
    output: Path | None = None
    pages: int = 0
    seconds: float = 0.0
    # the most memory its processes held together, as the fence saw it (resident sizes summed every 0.1 s;
    # 0: not run in the fence)
    peak_mb: float = 0.0
    flagged: int = 0  # figures published for a person to check (read again, derived, doubtful)
    cpu_seconds: float = 0.0  # CPU its fenced child and the programs it ran used (0: not run in the fence)


class Progress(Protocol):
    """What the driver tells whoever watches the run (the CLI: a progress bar, log lines or JSON)."""

    def started(self, packages: int, todo: int) -> None: ...
    def stage(self, package: str, stage: str) -> None: ...
    def finished(self, result: PackageResult) -> None: ...


class Silent:
    """No one watches (a library call, a Dask worker: the driver sees the package when it is done)."""

    def started(self, packages: int, todo: int) -> None:
        pass

    def stage(self, package: str, stage: str) -> None:
        pass

    def finished(self, result: PackageResult) -> None:
        pass
