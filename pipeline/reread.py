"""Reading one table cell again from the page image: crop, clean, scale, Tesseract (digits only).

The crop is taken at the scan's full resolution, binarised (scan noise and JPEG
artefacts mislead Tesseract's own thresholding), trimmed to its ink, and scaled to
the glyph height Tesseract reads best. An empty crop or a lone dash needs no OCR.
Many crops are read in one Tesseract run: starting a process per cell costs more
than reading it.
"""

from __future__ import annotations

import os
import subprocess

from pipeline.errors import MissingToolError
from pipeline.models import Cell, PageText, PrintedTotal
from pipeline.numbers import Reading


def crop_for_reading(
    cell: Cell | PrintedTotal, page: PageText, image, margin: float, glyph_height: int, dash_means: int
):
    """The cell cropped from the page image, cleaned and scaled for Tesseract.

    An empty crop or a lone dash needs no OCR: the Reading is returned directly.
    """
    from PIL import Image  # lazy: only a second look needs it

    x0, top, x1, bottom = cell.box
    m, scale, skew = margin, page.points_per_pixel, page.skew
    corners = [
        ((x - skew * y) / scale, (y + skew * x) / scale) for x in (x0 - m, x1 + m) for y in (top - m, bottom + m)
    ]
    box = (
        int(min(c[0] for c in corners)),
        int(min(c[1] for c in corners)),
        int(max(c[0] for c in corners)) + 1,
        int(max(c[1] for c in corners)) + 1,
    )
    ink = _binarise(image.crop(box))
    extent = _ink_extent(ink)
    if extent is None:
        return Reading(None)  # nothing printed
    if _is_dash(extent, ink.height):
        return Reading(dash_means)
    ink = ink.crop((extent[0], extent[1], extent[2], extent[3]))
    factor = glyph_height / max(extent[3] - extent[1], 1)
    return ink.resize((max(1, round(ink.width * factor)), max(1, round(ink.height * factor))), Image.LANCZOS)


def _binarise(crop):
    """Black ink on white: scan noise and JPEG artefacts mislead Tesseract's own thresholding."""
    from PIL import ImageFilter

    histogram = crop.histogram()
    light = next(v for v in range(255, -1, -1) if sum(histogram[v:]) >= crop.width * crop.height / 50)
    dark = crop.filter(ImageFilter.MedianFilter(3)).getextrema()[0]
    if light - dark < 60:  # no contrast: an empty cell
        return crop.point(lambda v: 255)
    threshold = (dark + light) / 2
    return crop.point(lambda v: 0 if v < threshold else 255)


def _ink_extent(ink) -> tuple[int, int, int, int] | None:
    """The box around the ink, specks (single dots of scan noise) left out."""
    from PIL import ImageFilter, ImageOps

    return ImageOps.invert(ink.filter(ImageFilter.MedianFilter(3))).getbbox()


def _is_dash(extent: tuple[int, int, int, int], height: int) -> bool:
    """A lone short horizontal bar: the table's dash."""
    x0, y0, x1, y1 = extent
    return (x1 - x0) >= 2 * (y1 - y0) and (y1 - y0) <= height / 6


def read_crops(crops: list, glyph_height: int) -> list[str]:
    """Each crop's text: the crops stacked into one image, read by one Tesseract run, one line each."""
    from PIL import Image

    if not crops:
        return []
    gap = 2 * glyph_height
    width = max(crop.width for crop in crops) + 2 * gap
    sheet = Image.new("L", (width, sum(crop.height + gap for crop in crops) + gap), 255)
    y = gap
    for crop in crops:
        sheet.paste(crop, (gap, y))
        y += crop.height + gap
    lines = [line for line in _tesseract_digits(sheet, psm=6).splitlines() if line.strip()]
    if len(lines) == len(crops):
        return [line.replace(" ", "") for line in lines]
    # Tesseract merged or dropped a line: read each crop alone.
    from PIL import ImageOps

    return [_tesseract_digits(ImageOps.expand(crop, border=gap, fill=255), psm=7).replace(" ", "") for crop in crops]


def _tesseract_digits(image, psm: int) -> str:
    import io

    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    # English model: only digits, '.' and '-' are allowed, and the language adds nothing to those.
    command = ["tesseract", "stdin", "stdout", "--psm", str(psm), "-l", "eng"]
    command += ["-c", "tessedit_char_whitelist=0123456789.-"]
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}  # threads only slow Tesseract down on a few pixels
    try:
        done = subprocess.run(command, input=buffer.getvalue(), capture_output=True, timeout=60, check=False, env=env)
    except FileNotFoundError:
        raise MissingToolError("a second look at a cell needs Tesseract (tesseract-ocr)") from None
    return done.stdout.decode("utf-8", "replace").strip()
