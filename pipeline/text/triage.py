"""Page triage: what kind of page this is, which decides what the OCR stage does with it."""

from __future__ import annotations

SCAN_COVERAGE = 0.5  # share of the page an image must cover for the page to be a scan


def page_triage(has_text: bool, image_coverage: float) -> str:
    """born-digital (a text layer drawn as text), ocr-layer (text over a page-sized image:
    a scan someone OCR'd), image-only, or empty."""
    scanned = image_coverage >= SCAN_COVERAGE
    if has_text:
        return "ocr-layer" if scanned else "born-digital"
    return "image-only" if image_coverage > 0 else "empty"


def image_coverage(page) -> float:
    """Share of a pdfplumber page covered by its largest image."""
    area = float(page.width * page.height) or 1.0
    sizes = [abs((i["x1"] - i["x0"]) * (i["bottom"] - i["top"])) for i in page.images]
    return min(1.0, max(sizes, default=0.0) / area)
