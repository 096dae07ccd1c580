"""pdfminer reading simple fonts as it ships, whatever else the process has imported.

OCRmyPDF, when imported, replaces pdfminer's ``PDFSimpleFont.__init__`` so that a simple font
with neither /Encoding nor /ToUnicode has no text at all. Every glyph of a page set in the
standard Helvetica or Times without an /Encoding entry (many government PDFs) then reads as
``(cid:N)``. bilag imports OCRmyPDF for scans, and preloads it when a run has several
packages: the same born-digital page read right alone and as unmapped glyphs in a folder
(ICDAR-2013's tables, cells F1 .918 -> .738). The PDF standard's default for such a font is
its built-in encoding, StandardEncoding for the standard Latin fonts, which is what pdfminer
reads. OCRmyPDF's own use of the patch does not concern bilag: it OCRs pages without text, or
replaces their text (``pipeline.ocr``).
"""

from __future__ import annotations

import sys

PDFMINER_MODULE = "pdfminer.pdffont"


def simple_fonts_as_shipped() -> bool:
    """Put pdfminer's own ``PDFSimpleFont.__init__`` back if another library replaced it; whether it had."""
    from pdfminer.pdffont import PDFSimpleFont

    current = PDFSimpleFont.__init__
    if current.__module__ == PDFMINER_MODULE:
        return False
    own = _kept_original(sys.modules.get(current.__module__))
    if own is None:  # a replacement that keeps no original: nothing to put back
        return False
    PDFSimpleFont.__init__ = own  # type: ignore[method-assign]
    return True


def _kept_original(module):
    """The original ``__init__`` a patching module kept among its names (OCRmyPDF keeps it so)."""
    for value in vars(module).values() if module is not None else ():
        if getattr(value, "__module__", None) == PDFMINER_MODULE and getattr(value, "__qualname__", "") == (
            "PDFSimpleFont.__init__"
        ):
            return value
    return None
