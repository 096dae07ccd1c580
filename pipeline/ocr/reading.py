"""One OCRmyPDF run over chosen pages of a PDF: their hOCR, read as words in page points.

Pages suspected of being turned (``turned.py``) are turned by OCRmyPDF itself before
their OCR, as its ``--rotate-pages`` would, but only where Tesseract's OSD finds them turned
as suspected (``shared.py``); OCRmyPDF records the turn beside each page's hOCR, and the searchable PDF shows
the page upright.
"""

from __future__ import annotations

import json
import logging
from contextlib import nullcontext
from dataclasses import replace
from pathlib import Path

from pipeline.base.doctor import missing_for_ocr
from pipeline.base.errors import InputError
from pipeline.base.models import PageInfo, PageText
from pipeline.base.settings import OcrSettings
from pipeline.base.slots import one_thread_per_tesseract
from pipeline.ocr.hocr import read_hocr
from pipeline.ocr.turned import exported

TURNED_BEFORE = "turned upright ({} degrees counter-clockwise) before its OCR"


def mode(pages: list[PageInfo]) -> str:
    """OCRmyPDF's mode for these pages of one PDF."""
    # Force mode replaces an old OCR layer (and re-encodes the page image shown); a PDF whose
    # chosen pages have no text keeps its scan as it is, byte for byte.
    return "force" if any(p.chars for p in pages) else "default"


def ocr_pdf(
    pdf: Path, pages: list[PageInfo], workdir: Path, settings: OcrSettings, suspects: dict[int, int] | None = None
) -> list[PageText]:
    """OCR ``pages`` (all of one PDF); their words, in page points, grouped into lines. Pages among
    ``suspects`` (``turned.suspected``) that OSD finds turned are read turned upright; their note says so."""
    if not pages:
        return []
    hocr_dir = hocr_by_ocrmypdf(pdf, [p.number for p in pages], workdir, settings, mode(pages), suspects)
    read = []
    for info in pages:
        correction = turned_by_ocrmypdf(hocr_dir, info.number) if suspects else 0
        if correction % 180:  # as it stands once turned
            info = replace(info, width=info.height, height=info.width)
        page = read_hocr(hocr_dir / f"{info.number:06d}_ocr_hocr.hocr", info, settings.line_tolerance)
        if correction:
            page.note = TURNED_BEFORE.format(correction)
        read.append(page)
    return read


def turned_by_ocrmypdf(hocr_dir: Path, number: int) -> int:
    """Degrees counter-clockwise OCRmyPDF turned page ``number`` before its OCR (0 if not, or not read)."""
    result = hocr_dir / f"{number:06d}_hocr.json"
    if not result.exists():
        return 0
    return int(json.loads(result.read_text()).get("orientation_correction") or 0)


def hocr_by_ocrmypdf(
    pdf: Path,
    numbers: list[int],
    workdir: Path,
    settings: OcrSettings,
    how: str,
    suspects: dict[int, int] | None = None,
) -> Path:
    """OCRmyPDF's hOCR of pages ``numbers`` of ``pdf`` in ``workdir`` (OCRmyPDF's work folder, kept)."""
    import ocrmypdf  # lazy: heavy import
    from ocrmypdf.api import _pdf_to_hocr

    workdir.mkdir(parents=True, exist_ok=True)
    logging.getLogger("ocrmypdf").setLevel(logging.ERROR)
    suspects = {n: kind for n, kind in (suspects or {}).items() if n in numbers and not settings.rotate_pages}
    plugins = ["pipeline.ocr.raster"] + (["pipeline.ocr.rules"] if settings.remove_rules else [])
    if settings.slots or suspects:
        plugins.append("pipeline.ocr.shared")
    try:
        with (
            settings.slots.exported() if settings.slots else nullcontext(),
            exported(suspects) if suspects else nullcontext(),
            one_thread_per_tesseract(),
        ):
            _pdf_to_hocr(
                pdf,
                workdir,
                language=[settings.language],
                mode=how,
                pages=",".join(str(n) for n in numbers),
                rotate_pages=settings.rotate_pages or bool(suspects),
                # a suspected page is turned whatever OSD's confidence (a sideways table: 7, under 14)
                rotate_pages_threshold=0.0 if suspects else None,
                jobs=settings.jobs or None,
                tesseract_timeout=settings.timeout,
                tesseract_pagesegmode=settings.pagesegmode,
                oversample=settings.oversample or None,
                plugins=plugins,
                progress_bar=False,
            )
    except ocrmypdf.exceptions.MissingDependencyError as error:
        raise missing_for_ocr(settings.language, str(error)) from None
    except ocrmypdf.exceptions.ExitCodeException as error:
        said = " ".join(str(error).split("\n", 1)[0].split())
        raise InputError(f"{pdf}: OCR could not read it ({type(error).__name__}: {said})") from None
    return workdir
