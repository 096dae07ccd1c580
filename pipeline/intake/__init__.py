"""Intake: packages found in raw/, fingerprinted, their PDFs checked (preflight) and their pages listed."""

from __future__ import annotations

from pipeline.base.context import PackageContext
from pipeline.base.models import PageInfo
from pipeline.intake.ingest import ingest
from pipeline.intake.preflight import check_pdf


def preflight(context: PackageContext) -> None:
    """Preflight stage entry: InputError naming the first of the package's PDFs that is refused."""
    for pdf in context.package.pdfs:
        check_pdf(pdf, context.settings.inputs)


def list_pages(context: PackageContext) -> list[PageInfo]:
    """Ingest stage entry: the package's pages, in order."""
    return ingest(context.package)
