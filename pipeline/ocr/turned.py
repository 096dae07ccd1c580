"""Pages fed turned (sideways or upside down), suspected before their OCR from a 75 dpi rendering.

A turned page read as it stands reads as noise, and a sideways one costs Tesseract about
three times an upright page; Tesseract's orientation detection (OSD) costs 0.6 CPU-s a page
whatever the page (mostly its model loading), a sixth more on every upright page of a scan.
So each page to OCR is first looked at at 75 dpi, and OSD is asked only about the pages
suspected. A page that is one JPEG (a scan) is decoded at half its size or less, as JPEG
allows, and shrunk to 75 dpi by averaging, as pdfium renders (10-20 ms a page); any other
page is rendered by pdfium (60-90 ms a 300 dpi scan, most of it decoding the image at full
size). The look itself costs 10-20 ms.

Sideways: at 75 dpi the letters of a word are a pixel or two apart and the lines of print
further apart than that. Closing the ink over gaps of 3 pixels along the rows merges the
letters of lines that run across the page; along the columns, those of lines that run up it.
Ruling lines (ink longer than 0.4 in) are taken out first: a table's rules would join
everything. A page is suspected when closing along the columns merges more than twice as
many blots as along the rows.

Upside down: Latin print has more ink above the band of its small letters (ascenders,
capitals, figures) than below it (descenders). In each word (its letters closed along the
rows) the band is the rows holding at least half its ink's widest row; a page is suspected
when the ink below the bands outweighs the ink above them by a fifth of both.

Measured by ``make bench-turned`` (``benchmarks/turned.py``) on the generated scans, the
real Ballerup scan, pictures and 173 born-digital pages: every sideways page suspected, no
upright page; most pages upside down suspected, the rest found after their OCR, as before
(``pipeline.ocr.orientation``).

The suspected pages reach OCRmyPDF's page workers through the environment
(``pipeline.ocr.shared``): OCRmyPDF's own page rotation asks OSD about them alone and turns a
page before its OCR where OSD agrees (sideways: 90 or 270; upside down: 180).
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import cv2
import numpy as np
import pypdfium2
import pypdfium2.raw as pdfium_c
from PIL import Image

from pipeline.base.slots import environment

DPI = 75.0  # the rendering looked at
GAP = 3  # pixels at DPI (0.04 in): wider than the gap between letters, narrower than between lines
RULE = 0.4  # inches: ink at least this long in a row or a column is a rule, not print
SIDEWAYS_BELOW = 0.5  # merges along the rows / merges along the columns: below it, lines run up the page
UPSIDE_DOWN_BELOW = -0.2  # (ink above the bands - ink below) / both: below it, the print stands on its head
FEWEST_BLOTS = 30  # a page with fewer blots of ink (blank, a page number) is not judged
FEWEST_WORDS = 10
SIDEWAYS, UPSIDE_DOWN = 90, 180  # what a page is suspected of: OSD must find it turned so
SUSPECTED_ENV = "BILAG_OCR_TURNED"  # the suspected pages: "3:90,7:180"


def suspicion(pixels: np.ndarray, dpi: float = DPI) -> int:
    """SIDEWAYS, UPSIDE_DOWN or 0 for a greyscale page (0 black, 255 white) at ``dpi``."""
    print_ = _print(pixels, dpi)
    ratio = rows_against_columns(print_)
    if ratio is None:
        return 0
    if ratio < SIDEWAYS_BELOW:
        return SIDEWAYS
    heads = tops_against_bottoms(print_, dpi)
    return UPSIDE_DOWN if heads is not None and heads < UPSIDE_DOWN_BELOW else 0


def rows_against_columns(print_: np.ndarray) -> float | None:
    """Merges of blots of print (``_print``) closed along the rows, over those closed along the columns;
    None for a page with too little ink to judge."""
    blots = _blots(print_)
    if blots < FEWEST_BLOTS:
        return None
    along_rows = blots - _blots(cv2.morphologyEx(print_, cv2.MORPH_CLOSE, _line(GAP, 1)))
    along_columns = blots - _blots(cv2.morphologyEx(print_, cv2.MORPH_CLOSE, _line(1, GAP)))
    return (along_rows + 1) / (along_columns + 1)


def tops_against_bottoms(print_: np.ndarray, dpi: float = DPI) -> float | None:
    """(ink above the band of small letters - ink below it) / both, over the page's words; None if few words."""
    words = cv2.morphologyEx(print_, cv2.MORPH_CLOSE, _line(GAP, 1))
    count, _, boxes, _ = cv2.connectedComponentsWithStats(words, connectivity=8)
    above = below = 0.0
    judged = 0
    for x, y, width, height, _ in boxes[1:]:
        if not (dpi * 0.05 <= height <= dpi * 0.22 and width >= 1.5 * height):  # a word of print, not a blot
            continue
        rows = print_[y : y + height, x : x + width].sum(axis=1, dtype=np.int64)
        band = np.flatnonzero(rows * 2 >= rows.max())
        above += rows[: band[0]].sum()
        below += rows[band[-1] + 1 :].sum()
        judged += 1
    return (above - below) / (above + below + 1) if judged >= FEWEST_WORDS else None


def _print(pixels: np.ndarray, dpi: float) -> np.ndarray:
    """The page's ink (1) without its ruling lines."""
    _, ink = cv2.threshold(pixels, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    long = max(8, round(dpi * RULE))
    across = cv2.morphologyEx(ink, cv2.MORPH_OPEN, _line(long, 1))
    return ink & (1 - (across | cv2.morphologyEx(ink, cv2.MORPH_OPEN, _line(1, long))))


def suspected(pdf: Path, numbers: list[int]) -> dict[int, int]:
    """The pages (numbered from 1) of ``pdf`` among ``numbers`` that look turned as shown (with /Rotate),
    and what they are suspected of."""
    try:
        document = pypdfium2.PdfDocument(str(pdf))
    except pypdfium2.PdfiumError:  # the OCR will say what is wrong with it
        return {}
    try:
        found = {n: _suspicion_of(document, n) for n in numbers}
    finally:
        document.close()
    return {n: kind for n, kind in found.items() if kind}


def _suspicion_of(document: pypdfium2.PdfDocument, number: int) -> int:
    try:
        return suspicion(shown(document[number - 1]))
    except (pypdfium2.PdfiumError, OSError, ValueError):  # a page not drawn here is read as it stands
        return 0


def shown(page: pypdfium2.PdfPage) -> np.ndarray:
    """The page as shown (its /Rotate applied), greyscale at DPI."""
    scanned = _scan_at_dpi(page)
    return scanned if scanned is not None else _rendered(page)


def _rendered(page: pypdfium2.PdfPage) -> np.ndarray:
    bitmap = page.render(scale=DPI / 72, grayscale=True)
    pixels = bitmap.to_numpy()
    return np.ascontiguousarray(pixels[..., 0] if pixels.ndim == 3 else pixels)


def _scan_at_dpi(page: pypdfium2.PdfPage) -> np.ndarray | None:
    """A page that is one grey or RGB JPEG drawn upright over its whole box, decoded small (JPEG's own
    scaling, to twice DPI: a quarter of the work or less) and averaged down to DPI; None for any other page."""
    objects = list(page.get_objects(max_depth=1))
    if len(objects) != 1 or objects[0].type != pdfium_c.FPDF_PAGEOBJ_IMAGE or objects[0].get_filters() != ["DCTDecode"]:
        return None
    a, b, c, d, e, f = objects[0].get_matrix().get()
    box = page.get_mediabox()
    if page.get_cropbox() != box or b or c or max(abs(e - box[0]), abs(f - box[1])) > 1:
        return None
    if abs(a - (box[2] - box[0])) > 1 or abs(d - (box[3] - box[1])) > 1:
        return None
    image = Image.open(io.BytesIO(bytes(objects[0].get_data(decode_simple=False))))
    if image.mode not in ("L", "RGB"):
        return None
    size = (round(a / 72 * DPI), round(d / 72 * DPI))
    image.draft("L", (2 * size[0], 2 * size[1]))  # at twice DPI, then averaged: as pdfium's rendering looks
    pixels = cv2.resize(np.asarray(image.convert("L")), size, interpolation=cv2.INTER_AREA)
    return np.ascontiguousarray(np.rot90(pixels, -page.get_rotation() // 90))  # /Rotate turns it clockwise


def _line(width: int, height: int) -> np.ndarray:
    return cv2.getStructuringElement(cv2.MORPH_RECT, (width, height))


def _blots(ink: np.ndarray) -> int:
    return cv2.connectedComponents(ink, connectivity=8)[0] - 1


@contextmanager
def exported(suspects: dict[int, int]) -> Iterator[None]:
    """The suspected pages in this process's environment for the block (OCRmyPDF's page workers inherit it)."""
    with environment(SUSPECTED_ENV, ",".join(f"{n}:{kind}" for n, kind in sorted(suspects.items()))):
        yield


def suspected_from_environment() -> dict[int, int]:
    """The pages suspected of being turned, as exported by the OCR stage (none outside it)."""
    pairs = (item.split(":") for item in os.environ.get(SUSPECTED_ENV, "").split(",") if ":" in item)
    return {int(n): int(kind) for n, kind in pairs if n.isdigit() and kind.isdigit()}
