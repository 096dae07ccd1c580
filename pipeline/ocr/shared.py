"""An OCRmyPDF plugin: Tesseract reads a page only while it holds one of the run's slots.

The run hands its slots (pipeline/base/slots.py) down through the environment, because
OCRmyPDF's page workers are other processes; without them the engine is OCRmyPDF's own.
"""

from __future__ import annotations

from ocrmypdf import hookimpl
from ocrmypdf.builtin_plugins.tesseract_ocr import TesseractOcrEngine

from pipeline.base.slots import Slots, slots_from_environment


class SharedTesseract(TesseractOcrEngine):
    """OCRmyPDF's Tesseract engine, each page read inside a slot."""

    def __init__(self, slots: Slots):
        self.slots = slots

    def generate_hocr(self, input_file, output_hocr, output_text, options):
        with self.slots.held():
            TesseractOcrEngine.generate_hocr(input_file, output_hocr, output_text, options)

    def generate_pdf(self, input_file, output_pdf, output_text, options):
        with self.slots.held():
            TesseractOcrEngine.generate_pdf(input_file, output_pdf, output_text, options)


@hookimpl(tryfirst=True)
def get_ocr_engine(options):
    """SharedTesseract when the run shares its cores page by page; else None (OCRmyPDF's own engine)."""
    if options is not None and getattr(options, "ocr_engine", "auto") not in ("auto", "tesseract"):
        return None
    slots = slots_from_environment()
    return SharedTesseract(slots) if slots else None
