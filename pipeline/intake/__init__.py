"""Intake: packages found in raw/, fingerprinted, their PDFs checked (preflight) and their pages listed."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pipeline.base.context import PackageContext
from pipeline.base.models import PageInfo
from pipeline.intake.ingest import ingest
from pipeline.intake.preflight import check_pdf
from pipeline.intake.readable import write_readable

READABLE_DIR = "readable"  # in the package's work folder: the copies qpdf repaired or decrypted


@dataclass(frozen=True)
class Admitted:
    """A package's PDFs as the stages are to read them, once preflight let them in."""

    pdfs: tuple[Path, ...]  # in package order, each the file itself or its repaired copy (same name)
    notes: tuple[str, ...]  # what was repaired or decrypted, and in which file


def preflight(context: PackageContext) -> Admitted:
    """Preflight stage entry: InputError naming the first of the package's PDFs that is refused."""
    pdfs, notes = [], []
    for pdf in context.package.pdfs:
        flaws = check_pdf(pdf, context.settings.inputs)
        if flaws:
            pdf = write_readable(pdf, context.workdir / READABLE_DIR / pdf.name)
        pdfs.append(pdf)
        notes += flaws
    return Admitted(tuple(pdfs), tuple(notes))


def list_pages(context: PackageContext) -> list[PageInfo]:
    """Ingest stage entry: the package's pages, in order."""
    return ingest(context.package)
