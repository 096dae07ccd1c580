"""An OCRmyPDF plugin: Tesseract reads a page only while it holds one of the run's slots, and
asks its orientation only of pages suspected of being turned.

The run hands its slots (pipeline/base/slots.py) and the OCR stage the pages it suspects
(pipeline/ocr/turned.py) down through the environment, because OCRmyPDF's page workers are
other processes; without either the engine is OCRmyPDF's own.
"""

from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path

from ocrmypdf import OrientationConfidence, hookimpl
from ocrmypdf.builtin_plugins.tesseract_ocr import TesseractOcrEngine

from pipeline.base.slots import Slots, slots_from_environment
from pipeline.ocr.turned import SIDEWAYS, suspected_from_environment

UPRIGHT = OrientationConfidence(angle=0, confidence=0.0)


class SharedTesseract(TesseractOcrEngine):
    """OCRmyPDF's Tesseract engine, each page read inside a slot (if the run has slots); the orientation
    of a page asked of Tesseract only if it is suspected of being turned (if any page is)."""

    def __init__(self, slots: Slots | None, suspects: dict[int, int] | None = None):
        self.slots = slots
        self.suspects = suspects or {}

    def _slot(self):
        return self.slots.held() if self.slots else nullcontext()

    def generate_hocr(self, input_file, output_hocr, output_text, options):
        with self._slot():
            TesseractOcrEngine.generate_hocr(input_file, output_hocr, output_text, options)

    def generate_pdf(self, input_file, output_pdf, output_text, options):
        with self._slot():
            TesseractOcrEngine.generate_pdf(input_file, output_pdf, output_text, options)

    def get_orientation(self, input_file, options) -> OrientationConfidence:
        """Upright for a page not suspected (its preview is not even drawn: ``raster.py``); for a suspected
        page, Tesseract's OSD if it finds it turned as suspected (whatever its confidence), else upright."""
        if not self.suspects:
            with self._slot():
                return TesseractOcrEngine.get_orientation(input_file, options)
        kind = self.suspects.get(page_of(input_file))
        if kind is None:
            return UPRIGHT
        with self._slot():
            found = TesseractOcrEngine.get_orientation(input_file, options)
        return found if found.angle in ((90, 270) if kind == SIDEWAYS else (180,)) else UPRIGHT


def page_of(path: Path | str) -> int:
    """The page number (from 1) of one of OCRmyPDF's page files, which it names ``000003_...``."""
    head = Path(path).name.split("_", 1)[0]
    return int(head) if head.isdigit() else 0


@hookimpl(tryfirst=True)
def get_ocr_engine(options):
    """SharedTesseract when the run shares its cores page by page or pages are suspected of being turned;
    else None (OCRmyPDF's own engine)."""
    if options is not None and getattr(options, "ocr_engine", "auto") not in ("auto", "tesseract"):
        return None
    slots, suspects = slots_from_environment(), suspected_from_environment()
    return SharedTesseract(slots, suspects) if slots or suspects else None
