"""Text stage: the words of every page, with positions, from the PDF's text layer.

Words are grouped into lines by their vertical position, so a table row reads as one
line whatever the column gaps. Pages without a text layer are kept (empty) and marked;
OCR of such pages is a later stage's work.
"""

from __future__ import annotations

from pipeline.models import Package, PageInfo, PageText, Word

LINE_TOLERANCE = 3.0  # points: words whose tops differ less sit on one line


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
                result.append(PageText(info=info, lines=group_lines(words), source=source))
    return result


def group_lines(words: list[Word], tolerance: float = LINE_TOLERANCE) -> list[list[Word]]:
    """Words grouped into lines top to bottom, each line left to right."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        if lines and abs(lines[-1][0].top - word.top) <= tolerance:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w.x0) for line in lines]
