"""One package, every stage in order: reads like a table of contents.

Each stage entry takes the package's context (pipeline/base/context.py) and the results of
the stages before it, and returns its own result; nothing here changes a result after the fact.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from pipeline.base.context import PackageContext
from pipeline.base.files import temp_prefix
from pipeline.base.models import Package
from pipeline.base.settings import Settings
from pipeline.danish.repair import repair
from pipeline.intake import list_pages, preflight
from pipeline.ocr import Recognition, read_scans
from pipeline.publish.package import Outputs, publish
from pipeline.running.background import call, prepare, warm_up
from pipeline.running.results import PackageResult
from pipeline.second_look import look_again
from pipeline.tables import declared_tables, undeclared_tables
from pipeline.text import glyph_notes, read_text
from pipeline.validate import validate_package


def run_package(
    package: Package, out_dir: Path, settings: Settings, watcher: Callable[[str, str], None] | None = None
) -> PackageResult:
    """All stages for one package, published to ``out_dir``; InputError if one of its PDFs is refused."""
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix=temp_prefix()) as workdir:
        context = PackageContext(package, settings, Path(workdir), out_dir, *([watcher] if watcher else []))
        context.stage("preflight")
        admitted = preflight(context)
        # every stage reads the PDFs as admitted (a repaired copy where intake made one); publish describes
        # the package's own files (names, SHA-256) and crops from the PDFs as read
        reading = replace(context, package=replace(package, pdfs=admitted.pdfs))
        context.stage("ingest")
        pages = list_pages(reading)
        text = read_text(reading, pages)
        context.stage("ocr")
        prepare()  # in a worker: great-expectations and camelot are imported while the OCR runs
        recognition = read_scans(reading, text)
        warm_up()  # the validation helper imports great-expectations while the tables are read
        context.stage("repair")
        repaired = repair(reading, recognition.pages)
        context.stage("tables")
        declared = declared_tables(reading, repaired.pages)
        declared = replace(declared, problems=[*declared.problems, *recognition.findings])  # pages read as noise
        looked = look_again(reading, declared, repaired.pages)
        others = undeclared_tables(reading, _as_read(reading.package, recognition), repaired.pages, declared)
        extraction = replace(
            declared,
            problems=[*looked.problems, *others.problems],
            corrections=[*declared.corrections, *looked.notes, *others.corrections],
            others=others.tables,
        )
        context.stage("validate")
        validation = call(validate_package, reading, extraction)
        notes = [*admitted.notes, *extraction.corrections, *glyph_notes(repaired.pages), *validation.notes]
        validation = replace(validation, notes=notes)
        context.stage("publish")
        searchable = tuple(recognition.searchable)
        outputs = Outputs(repaired.pages, repaired.records, extraction, validation, searchable, admitted.pdfs)
        published = publish(context, outputs)
    return PackageResult(
        package.id,
        "valid" if validation.success else "invalid",
        findings=validation.findings,
        corrections=extraction.corrections,
        notes=list(admitted.notes),
        ocr_pages=[page.info.index for page in repaired.pages if page.source == "ocr"],
        output=published.folder,
        pages=len(pages),
        seconds=time.perf_counter() - started,
        flagged=published.flagged,
    )


def _as_read(package: Package, recognition: Recognition) -> tuple[Path, ...]:
    """Each PDF as the tables were read from it: where pages were OCR'd, the searchable one with those pages as
    bilag's straight words."""
    ocrd = {pdf.name: pdf for pdf in recognition.for_tables}
    return tuple(ocrd.get(pdf.name, pdf) for pdf in package.pdfs)
