"""The driver: runs the stages in order for each package. Reads like a table of contents."""

from __future__ import annotations

import importlib
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pipeline.config import DEFAULT_CONFIG_DIR, config_digest, load_yaml
from pipeline.errors import InputError, UsageError
from pipeline.gazetteer import Gazetteer, load_gazetteer
from pipeline.ingest import find_packages, ingest
from pipeline.models import Finding, Package
from pipeline.ocr import OcrSettings, Recognition, recognise
from pipeline.publish import Outputs, publish
from pipeline.reconcile import SecondLookSettings, reconcile
from pipeline.repair import load_repairer, repair_pages
from pipeline.tables import extract_tables, other_tables
from pipeline.text import extract_text
from pipeline.validate import validate


@dataclass
class PackageResult:
    package: str
    status: str  # "valid", "invalid" (published, validation failed) or "unreadable"
    message: str = ""
    findings: list[Finding] = field(default_factory=list)
    corrections: list[str] = field(default_factory=list)  # codes corrected, cells read again or derived
    output: Path | None = None
    pages: int = 0
    seconds: float = 0.0


def run_package(package: Package, out_dir: Path, config_dir: Path = DEFAULT_CONFIG_DIR) -> PackageResult:
    """All stages for one package; InputError if one of its PDFs cannot be read."""
    started = time.perf_counter()
    tables_config, gazetteer, ocr_settings, second_look = _configs(config_dir)

    repairer = load_repairer(config_dir)

    with tempfile.TemporaryDirectory(prefix="bilag-") as workdir:
        pages = ingest(package)
        text = extract_text(package, pages)
        recognition = recognise(package, text, repairer, ocr_settings, Path(workdir))
        repaired, repairs = repair_pages(recognition.pages, repairer)
        extraction = extract_tables(repaired, tables_config, gazetteer)
        extraction.corrections += reconcile(extraction, repaired, second_look)
        extraction.raw_tables = other_tables(_as_read(package, recognition), pages, _declared(extraction))
        validation = validate(extraction, tables_config, gazetteer)
        validation.notes[:0] = extraction.corrections
        outputs = Outputs(
            package, config_digest(config_dir), repaired, repairs, extraction, validation, tuple(recognition.searchable)
        )
        output = publish(outputs, out_dir)

    status = "valid" if validation.success else "invalid"
    return PackageResult(
        package.id,
        status,
        findings=validation.findings,
        corrections=extraction.corrections,
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
def _configs(config_dir: Path) -> tuple[dict, Gazetteer, OcrSettings, SecondLookSettings]:
    """Read once per run, not once per package."""
    tables, ocr = load_yaml(config_dir / "tables.yaml"), load_yaml(config_dir / "ocr.yaml")
    return (
        tables,
        load_gazetteer(config_dir / "gazetteer.yaml"),
        OcrSettings.from_config(ocr),
        SecondLookSettings.from_config({**ocr.get("second_look", {}), "dash_means": tables.get("dash_means", 0)}),
    )


def run(
    raw_dir: Path,
    out_dir: Path,
    config_dir: Path = DEFAULT_CONFIG_DIR,
    report: Callable[[PackageResult], None] | None = None,
) -> list[PackageResult]:
    """Every package in ``raw_dir``; one unreadable package does not stop the others."""
    if not raw_dir.is_dir():
        raise UsageError(f"{raw_dir}: no such folder")
    packages = find_packages(raw_dir)
    if packages:
        # great-expectations takes seconds to import; do it while the first package is read and OCR'd.
        threading.Thread(target=importlib.import_module, args=("great_expectations",), daemon=True).start()
    results = []
    for package in packages:
        try:
            result = run_package(package, out_dir, config_dir)
        except InputError as error:
            result = PackageResult(package.id, "unreadable", message=str(error))
        results.append(result)
        if report is not None:
            report(result)
    return results
