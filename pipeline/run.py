"""The driver: runs the stages in order for each package. Reads like a table of contents."""

from __future__ import annotations

import json
import sys
import tempfile
import time
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from pipeline import __version__
from pipeline.running.background import call, prepare, shut_down, warm_up
from pipeline.publish.combine import COMBINED, combine
from pipeline.base.config import DEFAULT_CONFIG_DIR, config_digest, load_yaml
from pipeline.base.doctor import disk_errors, require_environment, require_writable
from pipeline.base.errors import UsageError
from pipeline.running.fence import FenceLimits
from pipeline.base.gazetteer import Gazetteer, load_gazetteer
from pipeline.intake.ingest import find_packages, ingest, shown
from pipeline.running.ledger import STATE_DIR, Entry, Ledger, now, recover, run_lock, sweep_temp, temp_prefix, write_atomic
from pipeline.base.models import Finding, Package
from pipeline.ocr import OcrSettings, Recognition, recognise
from pipeline.intake.preflight import QUARANTINE, InputLimits, check_pdf, quarantine
from pipeline.publish.package import Outputs, publish
from pipeline.second_look.reconcile import SecondLookSettings, reconcile
from pipeline.danish.repair import load_repairer, repair_pages
from pipeline.running.schedule import Task, execute, plan
from pipeline.base.schema import check_folder
from pipeline.tables import extract_tables, other_tables
from pipeline.text import extract_text, glyph_notes
from pipeline.second_look.relations import CrossCheck
from pipeline.validate.suites import validate


@dataclass
class PackageResult:
    package: str
    # valid / invalid: published (invalid: validation found problems); up-to-date: nothing to do;
    # quarantined: an input was refused (a worker says "refused", the driver quarantines);
    # waiting: still being copied in; failed: bilag itself failed
    status: str
    message: str = ""
    findings: list[Finding] = field(default_factory=list)
    corrections: list[str] = field(default_factory=list)  # codes corrected, cells read again or derived
    ocr_pages: list[int] = field(default_factory=list)  # pages read by OCR (scans, poor OCR layers)
    output: Path | None = None
    pages: int = 0
    seconds: float = 0.0


class Progress(Protocol):
    """What the driver tells whoever watches the run (the CLI: a progress bar, log lines or JSON)."""

    def started(self, packages: int, todo: int) -> None: ...
    def stage(self, package: str, stage: str) -> None: ...
    def finished(self, result: PackageResult) -> None: ...


class _Silent:
    def started(self, packages: int, todo: int) -> None:
        pass

    def stage(self, package: str, stage: str) -> None:
        pass

    def finished(self, result: PackageResult) -> None:
        pass


def run_package(
    package: Package,
    out_dir: Path,
    config_dir: Path = DEFAULT_CONFIG_DIR,
    progress: Progress | None = None,
    ocr_jobs: int | None = None,
) -> PackageResult:
    """All stages for one package; InputError if one of its PDFs is refused or cannot be read."""
    started = time.perf_counter()
    tables_config, gazetteer, ocr_settings, second_look, limits = _configs(config_dir)
    if ocr_jobs is not None:
        ocr_settings, second_look = replace(ocr_settings, jobs=ocr_jobs), replace(second_look, jobs=ocr_jobs)
    step = (progress or _Silent()).stage

    with tempfile.TemporaryDirectory(prefix=temp_prefix()) as workdir:
        step(package.id, "preflight")
        for pdf in package.pdfs:
            check_pdf(pdf, limits)
        repairer = load_repairer(config_dir)
        step(package.id, "ingest")
        pages = ingest(package)
        text = extract_text(package, pages)
        step(package.id, "ocr")
        prepare()  # in a worker: great-expectations and camelot are imported while the OCR runs
        recognition = recognise(package, text, repairer, ocr_settings, Path(workdir))
        warm_up()  # the validation helper imports great-expectations while the tables are read
        step(package.id, "repair")
        repaired, repairs = repair_pages(recognition.pages, repairer)
        step(package.id, "tables")
        extraction = extract_tables(repaired, tables_config, gazetteer)
        extraction.problems += recognition.findings  # pages that read as noise
        extraction.corrections += reconcile(
            extraction, repaired, second_look, CrossCheck.from_config(tables_config.get("checks", []))
        )
        others = other_tables(_as_read(package, recognition), repaired, _declared(extraction), second_look)
        extraction.others, extraction.problems = others.tables, extraction.problems + others.problems
        extraction.corrections += others.corrections
        step(package.id, "validate")
        validation = call(validate, extraction, tables_config, gazetteer)
        validation.notes[:0] = extraction.corrections + glyph_notes(repaired)
        step(package.id, "publish")
        outputs = Outputs(
            package,
            config_digest(config_dir),
            repaired,
            repairs,
            extraction,
            validation,
            tuple(recognition.searchable),
            tables_config,
            gazetteer,
            second_look.below_confidence,
        )
        output = publish(outputs, out_dir)

    status = "valid" if validation.success else "invalid"
    return PackageResult(
        package.id,
        status,
        findings=validation.findings,
        corrections=extraction.corrections,
        ocr_pages=[page.info.index for page in repaired if page.source == "ocr"],
        output=output,
        pages=len(pages),
        seconds=time.perf_counter() - started,
    )


def _as_read(package: Package, recognition: Recognition) -> tuple[Path, ...]:
    """Each PDF as the tables were read from it: the searchable one where pages were OCR'd."""
    ocrd = {pdf.name: pdf for pdf in recognition.searchable}
    return tuple(ocrd.get(pdf.name, pdf) for pdf in package.pdfs)


def _declared(extraction) -> set[int]:
    return {p for table in extraction.tables.values() for p in table.pages}


@lru_cache(maxsize=4)
def _configs(config_dir: Path) -> tuple[dict, Gazetteer, OcrSettings, SecondLookSettings, InputLimits]:
    """Read once per run, not once per package."""
    tables, ocr = load_yaml(config_dir / "tables.yaml"), load_yaml(config_dir / "ocr.yaml")
    return (
        tables,
        load_gazetteer(config_dir / "gazetteer.yaml"),
        OcrSettings.from_config(ocr),
        SecondLookSettings.from_config(
            {**ocr.get("second_look", {}), "dash_means": tables.get("dash_means", 0), "jobs": ocr.get("jobs", 0)}
        ),
        InputLimits.from_config(load_yaml(config_dir / "inputs.yaml") or {}),
    )


@lru_cache(maxsize=4)
def _fence(config_dir: Path) -> FenceLimits:
    return FenceLimits.from_config((load_yaml(config_dir / "inputs.yaml") or {}).get("fence") or {})


def run(
    raw_dir: Path,
    out_dir: Path,
    config_dir: Path = DEFAULT_CONFIG_DIR,
    progress: Progress | None = None,
    force: bool = False,
    wait: float = 0.0,
    jobs: int | None = None,
    scheduler: str | None = None,
) -> list[PackageResult]:
    """Every new or changed package in ``raw_dir`` (or just the PDF ``raw_dir`` names); a refused or failing
    package does not stop the others.

    One run at a time holds the lock on ``out_dir`` (BusyError after ``wait`` seconds).
    A package is done again only when its PDFs, bilag's version or the configs changed,
    or with ``force``. ``jobs`` processes share the work (pipeline/running/schedule.py), or the
    Dask cluster at ``scheduler`` does it.
    """
    raw_dir, only = _where(raw_dir)
    check_folder(config_dir)  # a configuration error stops the run before it touches anything
    progress = progress or _Silent()
    with disk_errors(out_dir), run_lock(out_dir, wait):
        require_writable(out_dir)
        sweep_temp()  # what runs killed before left in $TMPDIR
        for note in recover(out_dir):
            print(f"bilag: {note}", file=sys.stderr)
        ledger = Ledger(out_dir)
        packages = [p for p in find_packages(raw_dir, ledger.file_sha256) if only in (None, p.source)]
        ledger.save_hashes()
        digest = config_digest(config_dir)
        todo = [p for p in packages if force or not _up_to_date(p, out_dir, digest, ledger)]
        if todo:
            require_environment(config_dir)  # a missing Tesseract is the machine's fault: nothing quarantined
        progress.started(len(packages), len(todo))
        pending = {id(p) for p in todo}  # by identity: tens of thousands of packages must stay cheap
        done = [p for p in packages if id(p) not in pending]
        results = [PackageResult(p.id, "up-to-date") for p in done]
        for package in done:
            _catch_up(package, out_dir, ledger)
        workers, ocr_jobs = plan(jobs, len(todo))
        by_id = {package.id: package for package in todo}
        work = [Task(package, out_dir, config_dir, ocr_jobs) for package in todo]
        # Until _combined is rebuilt it may lag the packages: a run killed in between leaves
        # this mark, and the next run (with nothing else to do) rebuilds it.
        stale = out_dir / STATE_DIR / "combine-pending"
        if todo:
            write_atomic(stale, "packages were published after _combined was built\n")
        try:
            for result in execute(work, workers, scheduler, progress, _fence(config_dir)):
                results.append(_settle(result, by_id[result.package], raw_dir, ledger, progress))
        finally:
            shut_down()  # the validation helper, if this process started one
        if stale.exists() or not (out_dir / COMBINED).exists():
            combine(out_dir)
            stale.unlink(missing_ok=True)
    return results


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
    if result.status == "refused":
        moved = quarantine(package, result.message, raw_dir)
        where = f"moved to {shown(moved)}" if moved else f"could not be moved to {raw_dir / QUARANTINE}"
        result.status, result.message = "quarantined", f"{result.message} ({where})"
    if result.status != "waiting":
        state = {"valid": "published", "invalid": "failed-validation"}.get(result.status, result.status)
        ledger.record(
            Entry(package.id, state, now(), package.sha256, result.pages, len(result.findings), result.message)
        )
    progress.finished(result)
    return result


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
