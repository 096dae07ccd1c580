"""Text stage: the words of every page, with positions, from the PDF's text layer, and triage.

Words are grouped into lines by their vertical position, so a table row reads as one
line whatever the column gaps. Each page gets a verdict: born-digital (a text layer
drawn as text), ocr-layer (text over a page-sized image: a scan someone OCR'd),
image-only, or empty. The OCR stage decides from the verdict what to OCR.
"""

from __future__ import annotations

from pipeline.models import Package, PageInfo, PageText, Word

LINE_TOLERANCE = 3.0  # points: words whose tops differ less sit on one line
SCAN_COVERAGE = 0.5  # share of the page an image must cover for the page to be a scan


def extract_text(package: Package, pages: list[PageInfo]) -> list[PageText]:
    import pdfplumber  # lazy: heavy import

    by_pdf: dict[str, list[PageInfo]] = {}
    for info in pages:
        by_pdf.setdefault(info.pdf, []).append(info)
    result: list[PageText] = []
    for pdf_path in package.pdfs:
        with pdfplumber.open(pdf_path) as pdf:
            for info in by_pdf.get(pdf_path.name, []):
                page = pdf.pages[info.number - 1]
                words = [
                    Word(
                        text=w["text"],
                        x0=float(w["x0"]),
                        x1=float(w["x1"]),
                        top=float(w["top"]),
                        bottom=float(w["bottom"]),
                        bold="bold" in str(w.get("fontname", "")).lower(),
                    )
                    for w in page.extract_words(extra_attrs=["fontname"], keep_blank_chars=False)
                ]
                source = "text-layer" if words else "no-text-layer"
                triage = page_triage(bool(words), _image_coverage(page))
                result.append(PageText(info=info, lines=group_lines(words), source=source, triage=triage))
    return result


def page_triage(has_text: bool, image_coverage: float) -> str:
    scanned = image_coverage >= SCAN_COVERAGE
    if has_text:
        return "ocr-layer" if scanned else "born-digital"
    return "image-only" if image_coverage > 0 else "empty"


def _image_coverage(page) -> float:
    """Share of the page covered by its largest image."""
    area = float(page.width * page.height) or 1.0
    sizes = [abs((i["x1"] - i["x0"]) * (i["bottom"] - i["top"])) for i in page.images]
    return min(1.0, max(sizes, default=0.0) / area)


def group_lines(words: list[Word], tolerance: float = LINE_TOLERANCE) -> list[list[Word]]:
    """Words grouped into lines top to bottom, each line left to right."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        if lines and abs(lines[-1][0].top - word.top) <= tolerance:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w.x0) for line in lines]
