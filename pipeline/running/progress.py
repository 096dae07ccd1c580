"""What a run shows its operator: a progress bar on a terminal, log lines under cron, JSON for log shippers.

Results go to stdout (one line per package, a PDF intake repaired or decrypted as ``  intake: ...``,
the pages it OCR'd as ``  ocr: pages ...``, its findings as ``  - [slug] message`` and its
corrections as ``  ~ note``); refused, waiting and failed packages and the stage log go to stderr.
``--log-format json`` writes one JSON object per event on stdout instead.
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import dataclass, field
from datetime import datetime
from typing import TextIO

from pipeline.running.results import PackageResult

PUBLISHED = ("valid", "invalid")


@dataclass
class Summary:
    """The run in figures, printed last."""

    packages: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    pages: int = 0
    seconds: float = 0.0

    def add(self, results: list[PackageResult], seconds: float) -> None:
        self.packages = len(results)
        for status in ("valid", "invalid", "quarantined", "failed", "waiting", "up-to-date"):
            self.counts[status] = sum(1 for r in results if r.status == status)
        self.pages = sum(r.pages for r in results)
        self.seconds = seconds

    def line(self) -> str:
        c = self.counts
        return (
            f"{self.packages} package(s): {c['valid']} valid, {c['invalid']} not valid, "
            f"{c['quarantined']} quarantined, {c['failed']} failed, {c['up-to-date']} up to date"
            + (f", {c['waiting']} still arriving" if c["waiting"] else "")
            + f"; {self.pages} pages in {self.seconds:.1f} s"
        )


class LineReporter:
    """Plain lines: for a pipe, a log file or cron's mail."""

    def __init__(self, out: TextIO | None = None, err: TextIO | None = None):
        # the streams of the moment, not of import time: --log-file redirects them
        self.out, self.err = out or sys.stdout, err or sys.stderr

    def started(self, packages: int, todo: int) -> None:
        if todo:
            self._log(f"{todo} of {packages} package(s) to do")

    def stage(self, package: str, stage: str) -> None:
        self._log(f"{package}: {stage}")

    def finished(self, result: PackageResult) -> None:
        for line, to_err in result_lines(result):
            print(line, file=self.err if to_err else self.out, flush=True)

    def summary(self, summary: Summary) -> None:
        print(summary.line(), file=self.out, flush=True)

    def close(self) -> None:
        pass

    def _log(self, message: str) -> None:
        print(f"bilag: {datetime.now().strftime('%Y-%m-%d %H:%M:%S')} {message}", file=self.err, flush=True)


class BarReporter(LineReporter):
    """A terminal: a progress bar (rich) over the packages to do, the results printed above it."""

    def __init__(self) -> None:
        super().__init__()
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.console = Console(stderr=True, highlight=False)
        self.bar = Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            console=self.console, transient=True,
        )  # fmt: skip
        self.task = None

    def started(self, packages: int, todo: int) -> None:
        if todo:
            self.bar.start()
            self.task = self.bar.add_task("starting", total=todo)

    def stage(self, package: str, stage: str) -> None:
        if self.task is not None:
            self.bar.update(self.task, description=f"{package}: {stage}")

    def finished(self, result: PackageResult) -> None:
        for line, _ in result_lines(result):
            self.console.print(line, markup=False, soft_wrap=True)
        if self.task is not None:
            self.bar.advance(self.task)

    def summary(self, summary: Summary) -> None:
        self.bar.stop()
        self.console.print(summary.line(), markup=False, soft_wrap=True)

    def close(self) -> None:
        self.bar.stop()


class JsonReporter(LineReporter):
    """One JSON object per line on stdout, for log shippers."""

    def started(self, packages: int, todo: int) -> None:
        self._emit("run-started", packages=packages, todo=todo)

    def stage(self, package: str, stage: str) -> None:
        self._emit("stage", package=package, stage=stage)

    def finished(self, result: PackageResult) -> None:
        self._emit(
            "package",
            package=result.package,
            status=result.status,
            pages=result.pages,
            seconds=round(result.seconds, 2),
            output=str(result.output) if result.output else None,
            message=result.message,
            findings=[{"slug": f.slug, "message": f.message} for f in result.findings],
            corrections=result.corrections,
            notes=result.notes,
            ocr_pages=result.ocr_pages,
            flagged=result.flagged,
            peak_mb=result.peak_mb,
            cpu_seconds=result.cpu_seconds,
        )

    def summary(self, summary: Summary) -> None:
        self._emit(
            "run-finished", packages=summary.packages, pages=summary.pages, seconds=round(summary.seconds, 2),
            **{status.replace("-", "_"): n for status, n in summary.counts.items()},
        )  # fmt: skip

    def error(self, message: str) -> None:
        self._emit("error", message=message)

    def _emit(self, event: str, **fields) -> None:
        record = {"time": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "event": event, **fields}
        print(json.dumps(record, ensure_ascii=False), file=self.out, flush=True)


def result_lines(result: PackageResult) -> list[tuple[str, bool]]:
    """The lines a package's result shows, each with whether it goes to stderr."""
    if result.status == "up-to-date":
        return []
    if result.status not in PUBLISHED:
        label = {"quarantined": "quarantined", "waiting": "waiting", "failed": "FAILED"}[result.status]
        return [(f"{result.package}: {label}: {result.message}", True)]
    verdict = "valid" if result.status == "valid" else f"NOT valid, {len(result.findings)} problem(s)"
    lines = [(f"{result.package}: {result.pages} pages, published to {result.output}: {verdict}", False)]
    lines += [(f"  intake: {note}", False) for note in result.notes]
    if result.ocr_pages:
        lines.append((f"  ocr: {_page_ranges(result.ocr_pages)} read by OCR (Tesseract, Danish)", False))
    lines += [(f"  - [{f.slug}] {f.message}", False) for f in result.findings]
    lines += [(f"  ~ {note}", False) for note in result.corrections]
    return lines


def _page_ranges(pages: list[int]) -> str:
    """``page 9``, ``pages 1-3, 9``."""
    runs: list[list[int]] = []
    for page in sorted(pages):
        if runs and page == runs[-1][-1] + 1:
            runs[-1].append(page)
        else:
            runs.append([page])
    text = ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}-{r[-1]}" for r in runs)
    return f"page {text}" if len(pages) == 1 else f"pages {text}"


def reporter(log_format: str) -> LineReporter:
    """JSON if asked; a progress bar when both streams are a terminal; plain lines otherwise."""
    if log_format == "json":
        return JsonReporter()
    if sys.stdout.isatty() and sys.stderr.isatty():
        return BarReporter()
    return LineReporter()
