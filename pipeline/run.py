"""The batch: every new or changed package of a raw folder, each worked on in its fence, recorded and combined.

One package's stages are pipeline/stages.py; where packages run (here, --jobs, Dask) is pipeline/running/.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path

from pipeline import __version__
from pipeline.base.doctor import disk_errors, require_environment, require_writable
from pipeline.base.errors import UsageError
from pipeline.base.files import STATE_DIR, now, write_atomic
from pipeline.base.models import Package
from pipeline.base.names import shown
from pipeline.base.settings import Settings
from pipeline.base.slots import Slots
from pipeline.intake.ingest import find_packages
from pipeline.intake.preflight import QUARANTINE, quarantine
from pipeline.publish.combine import COMBINED, combine
from pipeline.publish.index import INDEX, write_index
from pipeline.running.background import shut_down
from pipeline.running.fence import Preload
from pipeline.running.ledger import Entry, Ledger, recover, run_lock, sweep_temp
from pipeline.running.results import PackageResult, Progress, Silent
from pipeline.running.schedule import Scheduler, execute, largest_first, plan
from pipeline.running.worker import Task
from pipeline.stages import run_package

# What the fence's fork server imports once: everything for several packages; for one, just the stages.
PRELOAD = Preload(many=("pipeline.preload",), one=("pipeline.stages",))


def run(
    raw_dir: Path,
    out_dir: Path,
    settings: Settings,
    progress: Progress | None = None,
    force: bool = False,
    wait: float = 0.0,
    jobs: int | None = None,
    scheduler: Scheduler | None = None,
) -> list[PackageResult]:
    """Every new or changed package in ``raw_dir`` (or just the PDF ``raw_dir`` names); a refused or failing
    package does not stop the others.

    One run at a time holds the lock on ``out_dir`` (BusyError after ``wait`` seconds).
    A package is done again only when its PDFs, bilag's version or the configs changed,
    or with ``force``. ``jobs`` processes share the work (pipeline/running/schedule.py), or the
    Dask cluster at ``scheduler`` does it.
    """
    raw_dir, only = _where(raw_dir)
    progress = progress or Silent()
    with disk_errors(out_dir), run_lock(out_dir, wait):
        require_writable(out_dir)
        sweep_temp()  # what runs killed before left in $TMPDIR
        for note in recover(out_dir):
            print(f"bilag: {note}", file=sys.stderr)
        ledger = Ledger(out_dir)
        packages = [p for p in find_packages(raw_dir, ledger.file_sha256) if only in (None, p.source)]
        ledger.save_hashes()
        todo = [p for p in packages if force or not _up_to_date(p, out_dir, settings.digest, ledger)]
        if todo:
            require_environment(settings)  # a missing Tesseract is the machine's fault: nothing quarantined
        progress.started(len(packages), len(todo))
        pending = {id(p) for p in todo}  # by identity: tens of thousands of packages must stay cheap
        done = [p for p in packages if id(p) not in pending]
        results = [PackageResult(p.id, "up-to-date") for p in done]
        for package in done:
            _catch_up(package, out_dir, ledger)
        workers, ocr_jobs, shared = plan(jobs, len(todo))
        slots = Slots(out_dir / STATE_DIR / "ocr-slots", ocr_jobs) if shared and ocr_jobs and not scheduler else None
        by_id = {package.id: package for package in todo}
        work = [Task(p, out_dir, settings, ocr_jobs, run_package, slots) for p in largest_first(todo)]
        # Until _combined is rebuilt it may lag the packages: a run killed in between leaves
        # this mark, and the next run (with nothing else to do) rebuilds it.
        stale = out_dir / STATE_DIR / "combine-pending"
        if todo:
            write_atomic(stale, "packages were published after _combined was built\n")
        try:
            for result in execute(work, workers, scheduler, progress, settings.fence, PRELOAD):
                results.append(_settle(result, by_id[result.package], raw_dir, ledger, progress))
        finally:
            shut_down()  # the validation helper, if this process started one
        if stale.exists() or not (out_dir / COMBINED).exists():
            combine(out_dir)
            stale.unlink(missing_ok=True)
        if todo or not (out_dir / INDEX).exists():  # a run with nothing to do rewrites nothing
            write_index(out_dir, _index_rows(results, ledger), now())
    return results


def _index_rows(results: list[PackageResult], ledger: Ledger) -> list[dict]:
    """Each package of this run as the ledger now records it (a package still arriving, as it is)."""
    rows = []
    for result in results:
        entry = ledger.entries.get(result.package)
        if entry is None or result.status == "waiting":
            rows.append({"package": result.package, "state": result.status, "message": result.message})
        else:
            rows.append(asdict(entry))
    return rows


def _where(source: Path) -> tuple[Path, Path | None]:
    """The raw folder, and the one PDF to process when ``source`` is a file (``bilag run raw/x.pdf``)."""
    if source.is_dir():
        return source, None
    if not source.exists():
        raise UsageError(f"{source}: no such file or folder")
    if source.suffix.lower() != ".pdf" or source.name.startswith("."):
        raise UsageError(f"{source}: not a PDF (give a PDF or a folder of packages)")
    return source.parent, source


def _settle(
    result: PackageResult, package: Package, raw_dir: Path, ledger: Ledger, progress: Progress
) -> PackageResult:
    """A refused package is quarantined; every outcome but "still arriving" goes in the ledger."""
    result.message = shown(result.message)  # one line, whatever bytes a file name holds
    changed = _changed_file(package, ledger) if result.status == "refused" else None
    if changed is not None:  # refused for bytes no longer there: a file being written is judged once it settles
        result.status = "waiting"
        result.message = f"{shown(changed)}: still arriving (its size or modification time changed while bilag read it)"
    elif result.status == "refused":
        moved = quarantine(package, result.message, raw_dir)
        where = f"moved to {shown(moved)}" if moved else f"could not be moved to {raw_dir / QUARANTINE}"
        result.status, result.message = "quarantined", f"{result.message} ({where})"
    if result.status != "waiting":
        state = {"valid": "published", "invalid": "failed-validation"}.get(result.status, result.status)
        ledger.record(
            Entry(
                package.id,
                state,
                now(),
                package.sha256,
                result.pages,
                len(result.findings),
                result.message,
                result.flagged,
                round(result.seconds, 1),
                result.peak_mb,
                result.cpu_seconds,
            )
        )
    progress.finished(result)
    return result


def _changed_file(package: Package, ledger: Ledger) -> Path | None:
    """The first of the package's PDFs whose size or mtime changed since the run hashed it (it is being written)."""
    return next((pdf for pdf in package.pdfs if ledger.changed_since_hashed(pdf)), None)


def _catch_up(package: Package, out_dir: Path, ledger: Ledger) -> None:
    """A run killed between publishing and its ledger entry: the entry is written from the manifest."""
    entry = ledger.entries.get(package.id)
    if entry is not None and entry.sha256 == package.sha256:
        return
    manifest_path = out_dir / package.id / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    state = "published" if manifest.get("valid") else "failed-validation"
    when = datetime.fromtimestamp(manifest_path.stat().st_mtime, UTC).replace(microsecond=0).isoformat()
    ledger.record(Entry(package.id, state, when, package.sha256, manifest.get("pages", 0)))


def _up_to_date(package: Package, out_dir: Path, digest: str, ledger: Ledger) -> bool:
    """Published from these very PDFs by this version with these configs (or refused as they are)."""
    entry = ledger.entries.get(package.id)
    if entry and entry.state == "quarantined" and entry.sha256 == package.sha256:
        return True  # raw/ could not be changed; it stays refused until the file changes
    try:
        manifest = json.loads((out_dir / package.id / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return False
    return (
        manifest.get("package_sha256") == package.sha256
        and manifest.get("bilag_version") == __version__
        and manifest.get("config_digest") == digest
    )
