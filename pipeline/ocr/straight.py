"""The PDF the tables are read from where pages were OCR'd: bilag's own words, straight.

The searchable PDF's text layer follows the scan: on a page fed at a slant its lines climb
or fall across the page (1.5° over an A4 page's width is 15 points, a row and more), and
camelot, which finds rows and columns by where words stand, reads a tilted table's words
as one column. bilag reads an OCR'd page's words deskewed (``ocr.hocr``); here each OCR'd
page of the searchable PDF is replaced by a page of the same size that holds only those
words, as invisible text, each where bilag reads it. Only the tables are read from this
copy; the searchable PDF published is the scan with its text layer over it, unchanged.

A page fed straight keeps the text layer OCRmyPDF wrote: its lines drift less than ``MAX_DRIFT``
across the page, under camelot's row tolerance (2 points). A drift of 0.4° (3 points over a page, the
scan fixture's) already set a table's labels on one row and their figures on the next.
"""

from __future__ import annotations

import io
from pathlib import Path

from pipeline.base.models import PageText, Word

FONT = "Helvetica"
MAX_DRIFT = 1.5  # points a line may climb or fall across the page and still be read from OCRmyPDF's layer
SPACE = 0.6  # a gap up to this share of the line's height is a word's space (a gap between columns is wider)
ENCODING = "cp1252"  # the standard font's (WinAnsi): a character outside it is written as ``?``


def straightened(searchable: Path, pages: list[PageText], target: Path) -> Path:
    """A copy of ``searchable`` whose OCR'd ``pages`` (numbered within it) fed at a slant hold bilag's straight
    words only; ``searchable`` itself when none of ``pages`` was."""
    import pikepdf

    ocrd = {page.info.number: page for page in pages if page.source == "ocr" and page.lines and tilted(page)}
    if not ocrd:
        return searchable
    target.parent.mkdir(parents=True, exist_ok=True)
    numbers = sorted(ocrd)
    with pikepdf.open(searchable) as pdf, pikepdf.open(io.BytesIO(_words_pdf([ocrd[n] for n in numbers]))) as words:
        for number, page in zip(numbers, words.pages):
            pdf.pages.insert(number - 1, page)
            del pdf.pages[number]
        pdf.save(target, deterministic_id=True)
    return target


def tilted(page: PageText) -> bool:
    """Whether the page's lines climb or fall more than ``MAX_DRIFT`` points across it as scanned."""
    return abs(page.skew) * page.info.width > MAX_DRIFT


def _words_pdf(pages: list[PageText]) -> bytes:
    """One page for each of ``pages``, its size, each word invisible where bilag reads it."""
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    document = canvas.Canvas(buffer, invariant=True)
    for page in pages:
        document.setPageSize((page.info.width, page.info.height))
        for line in page.lines:
            for word, following in zip(line, [*line[1:], None]):
                _place(document, word, following, page.info.height)
        document.showPage()
    document.save()
    return buffer.getvalue()


def _place(document, word: Word, following: Word | None, height: float) -> None:
    """The word as invisible text on its baseline (its box's bottom), as high as its line (Tesseract's line
    size: about the font's size) and stretched to its box's width; with a space up to the next word when that
    stands a word's space away, so a line of prose reads as one line and a gap between columns stays a gap."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    text = word.text.encode(ENCODING, "replace").decode(ENCODING)
    size = max(word.bottom - word.top, 1.0)
    right = word.x1
    if following is not None and 0 <= following.x0 - word.x1 <= SPACE * size:
        text, right = text + " ", following.x0
    width = stringWidth(text, FONT, size)
    if width <= 0:
        return
    line = document.beginText()
    line.setTextRenderMode(3)  # invisible, as a searchable PDF's text layer
    line.setFont(FONT, size)
    line.setHorizScale(100 * max(right - word.x0, 0.1) / width)
    line.setTextOrigin(word.x0, height - word.bottom)
    line.textOut(text)
    document.drawText(line)
