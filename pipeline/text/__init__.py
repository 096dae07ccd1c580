"""Text stage: the words of every page as printed, with positions, and triage.

Words come from the text layer's glyphs by position (``words``), grouped into lines
(``layout``); running headers and footers are found across each PDF's pages
(``running``); each page gets a verdict (``triage``) from which the OCR stage decides
what to OCR. ``reading_text`` renders a page in reading order for ``text/page-NNN.txt``.
"""

from __future__ import annotations

from dataclasses import replace

from pipeline.base.context import PackageContext
from pipeline.base.models import Package, PageInfo, PageText
from pipeline.intake.ingest import unreadable
from pipeline.text.frame import turned, turned_size
from pipeline.text.glyphs import GlyphResolver
from pipeline.text.layout import group_lines, reading_lines, reading_text
from pipeline.text.pdfminer_fonts import simple_fonts_as_shipped
from pipeline.text.running import running_lines
from pipeline.text.runs import runs_apart
from pipeline.text.triage import image_coverage, page_triage
from pipeline.text.words import page_words, unmapped_glyphs

__all__ = [
    "extract_text",
    "group_lines",
    "page_text",
    "page_triage",
    "reading_lines",
    "reading_text",
    "glyph_notes",
]


def extract_text(package: Package, pages: list[PageInfo]) -> list[PageText]:
    """Text stage entry: one PageText per page, in package order."""
    import pdfplumber  # lazy: heavy imports

    from pipeline.text.parsed import quick

    simple_fonts_as_shipped()  # OCRmyPDF, once imported, makes standard fonts without /Encoding unreadable
    by_pdf: dict[str, list[PageInfo]] = {}
    for info in pages:
        by_pdf.setdefault(info.pdf, []).append(info)
    result: list[PageText] = []
    for pdf_path in package.pdfs:
        try:
            with pdfplumber.open(pdf_path) as pdf:
                read = [
                    _read_and_close(quick(pdf.pages[info.number - 1]), info) for info in by_pdf.get(pdf_path.name, [])
                ]
        except Exception as error:  # a content stream pdfminer cannot parse: the input's fault
            raise unreadable(pdf_path, error) from None
        running = running_lines([(p.info.height, p.lines) for p in read if p.triage == "born-digital"])
        for page, margins in zip([p for p in read if p.triage == "born-digital"], running):
            page.running = margins
        result += read
    return result


def _read_and_close(page, info: PageInfo) -> PageText:
    """The page read, and its parsed objects let go at once: memory stays flat in the number of pages
    (pdfplumber keeps every page's layout until the PDF is closed)."""
    try:
        return _read_page(page, info)
    finally:
        page.close()


def _read_page(page, info: PageInfo) -> PageText:
    resolver = GlyphResolver(page)
    words, turn = page_words(page, resolver)
    width, height = float(page.width), float(page.height)
    across = "v" if turn % 2 else "h"  # the edges that run across the text's lines
    edges = [turned(e, turn, width, height) for e in page.edges if e["orientation"] == across]
    rules = tuple((float(e["x0"]), float(e["x1"]), float(e["top"])) for e in edges)
    # the page's size in its text's frame, as a turned scan's (pipeline.ocr.orientation)
    width, height = turned_size(turn, width, height)
    return PageText(
        # characters counted here, where the page is parsed once: ingest only lists the pages
        info=replace(info, chars=len(page.chars), width=width, height=height),
        lines=group_lines(words),
        source="text-layer" if words else "no-text-layer",
        triage=page_triage(bool(words), image_coverage(page)),
        unmapped=unmapped_glyphs(words),
        reread=resolver.reread,
        turn=turn,
        rules=rules,
        side_by_side=None if turn else runs_apart(page.chars),
    )


def page_text(page: PageText) -> str:
    """The page as a person reads it: columns one after the other, hyphenated words whole."""
    return reading_text(reading_lines(page.lines, page.rules))


def glyph_notes(pages: list[PageText]) -> list[str]:
    """Pages whose text layer has glyphs without a (right) Unicode mapping: read from the font, or not read."""
    notes = []
    for page in pages:
        if page.reread:
            notes.append(
                f"page {page.info.index}: {page.reread} glyph(s) the text layer does not map (or maps wrongly) "
                "to Unicode, read from the embedded font"
            )
        if page.unmapped:
            notes.append(
                f"page {page.info.index}: {page.unmapped} glyph(s) without a Unicode mapping in the text layer, "
                "shown as (cid:N): words with them are not read as printed"
            )
    return notes


def read_text(context: PackageContext, pages: list[PageInfo]) -> list[PageText]:
    """Text stage entry: the words of every page as its text layer prints them."""
    return extract_text(context.package, pages)
