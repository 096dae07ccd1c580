"""Reading one table cell again from the page image: crop, clean, scale, Tesseract (digits only).

The crop is taken at the scan's full resolution, binarised (scan noise and JPEG
artefacts mislead Tesseract's own thresholding), cleared of what is left of the table's
rules and trimmed to its ink. An empty crop or a lone dash needs no OCR. The crops are
read stacked in one image per glyph size (starting a process per cell costs more than
reading it), and a crop whose readings disagree is read once more alone.
"""

from __future__ import annotations

import os
import subprocess

from pipeline.base.doctor import missing_tesseract
from pipeline.base.models import Cell, PageText, PrintedTotal
from pipeline.base.numbers import Reading

NOTHING = Reading(None, "nothing printed")

# A straight run of ink this long (in points) inside a cell is a piece of a rule: a figure's
# strokes and a dash are shorter; a cell's own height is about 10 points.
RULE_POINTS = 9.0
SHEET_CROPS = 150  # crops stacked in one image (Tesseract takes images up to 32,767 pixels high)
RULE_THICKNESS_POINTS = 1.8  # a rule is thinner; ink running on across it is a figure touching it
TALL = 1.3  # ink this many times as tall as the cell's line holds more than its figure


def crop_for_reading(cell: Cell | PrintedTotal, page: PageText, image, margin: float, dash_means: int):
    """The cell cropped from the page image, cleaned and trimmed to its ink, for Tesseract.

    An empty crop or a lone dash needs no OCR: the Reading is returned directly.
    """
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
    ink = _without_rules(_binarise(image.crop(box)), RULE_POINTS / scale, RULE_THICKNESS_POINTS / scale)
    baseline = round((bottom + skew * (x0 + x1) / 2) / scale) - box[1]  # where the cell's figure stands
    extent = _ink_extent(ink, round(m / scale), (baseline, round((bottom - top) / scale)))
    if extent is None:
        return NOTHING
    if _is_dash(extent, ink.height):
        return Reading(dash_means)
    # The extent was found with specks filtered out, which also thins serifs: keep a little more.
    extent = (
        max(0, extent[0] - 2),
        max(0, extent[1] - 1),
        min(ink.width, extent[2] + 2),
        min(ink.height, extent[3] + 1),
    )
    ink = ink.crop(extent)
    return ink


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


def _without_rules(ink, length: float, thickness: float):
    """The crop with what is left of the table's rules whitened (see ``pipeline.ocr.rules``)."""
    import numpy as np
    from PIL import Image

    from pipeline.ocr.rules import rule_pixels, runs  # lazy: it imports OCRmyPDF

    dark = np.asarray(ink) < 128
    horizontal, vertical = runs(dark, int(length), axis=1), runs(dark, int(length), axis=0)
    rules = rule_pixels(horizontal, vertical, dark, max(2, round(thickness)))
    if not rules.any():
        return ink
    return Image.fromarray(np.where(rules, 255, np.asarray(ink)).astype(np.uint8), mode="L")


def _ink_extent(ink, margin: int, line: tuple[int, int] | None = None) -> tuple[int, int, int, int] | None:
    """The box around the cell's own ink, specks left out.

    The crop's ``margin`` (pixels on each side) may take in the edge of the row above or
    below: ink there counts only where it runs on from ink inside the cell's own box. A box
    as tall as the row's pitch (a row read from a scan's tall line) holds the foot of the
    figure above it too, a band of ink apart: given the cell's ``line`` (its baseline and
    height, in the crop's pixels), a band cut off by the crop's edge away from the baseline is
    a neighbour's, and where the rest is taller than the line allows, the band filling most of
    the line is the cell's.
    """
    import numpy as np
    from PIL import ImageFilter

    dark = np.asarray(ink.filter(ImageFilter.MedianFilter(3))) < 128
    inked = dark.any(axis=1)
    core = np.flatnonzero(inked[margin : len(inked) - margin]) + margin
    if core.size == 0:
        return None
    bands = _bands_of(inked, int(core[0]), int(core[-1]))
    if line is not None:
        baseline, height = line
        bands = _joined([band for band in bands if not _neighbours(band, len(inked), baseline, height)], height // 4)
        if not bands:
            return None
    top, bottom = bands[0][0], bands[-1][1]
    if line is not None and bottom - top > TALL * line[1]:
        top, bottom = max(
            bands, key=lambda band: (_overlap(band, baseline - height, baseline), -abs(band[1] - baseline))
        )
    columns = np.flatnonzero(dark[top : bottom + 1].any(axis=0))
    return int(columns[0]), top, int(columns[-1]) + 1, bottom + 1


def _joined(bands: list[tuple[int, int]], gap: int) -> list[tuple[int, int]]:
    """Bands less than ``gap`` rows apart joined: the parts of one figure (a ``5``'s flag, a ``;``)."""
    joined: list[tuple[int, int]] = []
    for band in bands:
        if joined and band[0] - joined[-1][1] <= gap:
            joined[-1] = (joined[-1][0], band[1])
        else:
            joined.append(band)
    return joined


def _overlap(band: tuple[int, int], top: int, bottom: int) -> int:
    """How many rows of ``band`` lie between ``top`` and ``bottom``: a figure fills its line, a rule's remnant
    or a neighbour's foot only a few rows of it."""
    return max(0, min(band[1], bottom) - max(band[0], top) + 1)


def _neighbours(band: tuple[int, int], rows: int, baseline: int, height: int) -> bool:
    """A band of ink the crop cuts off at its top and that ends well above the baseline (the foot of the
    figure above), or cuts off at its bottom and that starts below the baseline (the head of the one below)."""
    return (band[0] == 0 and band[1] < baseline - height / 2) or (band[1] == rows - 1 and band[0] > baseline + 2)


def _bands_of(inked, first: int, last: int) -> list[tuple[int, int]]:
    """The runs of inked rows (first and last row of each) that reach into rows ``first`` to ``last``."""
    bands: list[tuple[int, int]] = []
    row = first
    while row <= last:
        if not inked[row]:
            row += 1
            continue
        top = row
        while top > 0 and inked[top - 1]:
            top -= 1
        while row + 1 < len(inked) and inked[row + 1]:
            row += 1
        bands.append((top, row))
        row += 1
    return bands


def _is_dash(extent: tuple[int, int, int, int], height: int) -> bool:
    """A lone short horizontal bar: the table's dash."""
    x0, y0, x1, y1 = extent
    return (x1 - x0) >= 2 * (y1 - y0) and (y1 - y0) <= height / 6


def read_crops(crops: list, glyph_heights: tuple[int, ...], jobs: int = 0) -> list[tuple[str, set[str]]]:
    """Each crop's text when Tesseract reads it the same at every glyph height, and every text it read.

    Tesseract reads a lone figure unreliably (a ``1`` may come out as ``4`` at one size and
    right at another, or as nothing: a lone narrow glyph gives its line recognition too
    little to go on). The crops are stacked into one image per height and read in one run
    each; where the readings differ, the crop is read alone as a line, and twice side by
    side (``11`` read for a lone ``1`` that every reading of it alone lost): it counts if
    those two agree, or if one is empty and the other is the only figure any size read.
    All the texts seen are kept: a printed total may tell which is right.
    """
    from concurrent.futures import ThreadPoolExecutor

    if not crops:  # nothing to read (a born-digital package): no threads started
        return []
    # Tesseract runs in its own process: threads keep every core busy.
    with ThreadPoolExecutor(max_workers=jobs or os.cpu_count() or 1) as pool:
        batches = [crops[start : start + SHEET_CROPS] for start in range(0, len(crops), SHEET_CROPS)]
        per_height = [pool.map(lambda b, h=h: _read_stacked(b, h), batches) for h in glyph_heights]
        readings = [[text for batch in height for text in batch] for height in per_height]
        seen = [{reading[i].replace(".", "") for reading in readings} for i in range(len(crops))]  # 3.725 = 3725
        doubtful = [i for i in range(len(crops)) if len(seen[i]) > 1]
        # Each crop is a page of its own in one multi-page image: one Tesseract run for each way.
        framed = [_scaled(crops[i], glyph_heights[0], border=True) for i in doubtful]
        doubled = [_doubled(crops[i], glyph_heights[0]) for i in doubtful]
        line, twice = pool.map(lambda images: _read_pages(images, 7), (framed, doubled))
        alone = {i: (texts[0], _half(texts[1])) for i, texts in zip(doubtful, zip(line, twice))}
    results = []
    for index, texts in enumerate(seen):
        if index not in alone:
            results.append((next(iter(texts)), texts))
        else:
            line, half = alone[index]
            results.append((_agreed(line, half, texts), texts | {line, half}))
    return results


def _agreed(line: str, half: str, sizes: set[str]) -> str:
    """The reading of a crop whose sizes disagreed: its two readings alone if they agree; one of them
    if the other read nothing and no size read another figure; else nothing."""
    if line == half:
        return line
    if not (line and half) and sizes - {""} == {line or half}:
        return line or half
    return ""


def _doubled(crop, height: int):
    """The crop twice side by side (half a glyph apart), framed: a lone figure read with its twin beside it."""
    from PIL import Image, ImageOps

    scaled = _scaled(crop, height)
    pair = Image.new("L", (2 * scaled.width + height // 2, height), 255)
    pair.paste(scaled, (0, 0))
    pair.paste(scaled, (scaled.width + height // 2, 0))
    return ImageOps.expand(pair, height, fill=255)


def _half(text: str) -> str:
    """What a doubled crop says its figure is: the first half of a reading made of two equal halves, else nothing."""
    half = len(text) // 2
    return text[:half] if len(text) % 2 == 0 and text[:half] == text[half:] else ""


def _read_pages(images: list, psm: int) -> list[str]:
    """Each image read on its own (as one page of a multi-page TIFF), in one Tesseract run."""
    if not images:
        return []
    texts = [""] * len(images)
    for page, _left, _top, _height, text in _tesseract_words(images, psm=psm):
        texts[page] += text
    return [text.replace(".", "") for text in texts]


def _scaled(crop, height: int, border: bool = False):
    from PIL import Image, ImageOps

    scaled = crop.resize((max(1, round(crop.width * height / crop.height)), height), Image.LANCZOS)
    return ImageOps.expand(scaled, height, fill=255) if border else scaled


def _read_stacked(crops: list, height: int) -> list[str]:
    """The crops scaled to ``height``, stacked one under another, read in one Tesseract run."""
    from PIL import Image

    if not crops:
        return []
    gap = 2 * height
    scaled = [_scaled(crop, height) for crop in crops]
    sheet = Image.new("L", (max(c.width for c in scaled) + 2 * gap, len(scaled) * (height + gap) + gap), 255)
    for index, crop in enumerate(scaled):
        sheet.paste(crop, (gap, gap + index * (height + gap)))
    texts = [""] * len(crops)
    for _page, _left, top, word_height, text in _tesseract_words([sheet], psm=6):
        index = int((top + word_height / 2 - gap / 2) // (height + gap))  # the crop whose band holds the word
        if 0 <= index < len(crops):
            texts[index] += text
    return texts


def _tesseract_words(images: list, psm: int) -> list[tuple[int, int, int, int, str]]:
    """(page, left, top, height, text) of each word Tesseract reads in the images, digits, '.' and '-' only.

    The images go in as the pages of one TIFF: Tesseract reads each page on its own, and
    starting it once instead of per image saves most of the cost of a few small crops.
    """
    import io

    buffer = io.BytesIO()
    images[0].save(buffer, format="TIFF", save_all=True, append_images=images[1:], compression="raw")
    # English model: only digits, '.' and '-' are allowed, and the language adds nothing to those.
    command = ["tesseract", "stdin", "stdout", "--psm", str(psm), "-l", "eng"]
    command += ["-c", "tessedit_char_whitelist=0123456789.-", "tsv"]
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}  # threads only slow Tesseract down on a few pixels
    try:
        done = subprocess.run(
            command, input=buffer.getvalue(), capture_output=True, timeout=60 + len(images), check=False, env=env
        )
    except FileNotFoundError:
        raise missing_tesseract() from None
    except subprocess.TimeoutExpired:
        return []  # nothing read: the cells stay as they were, and validation names them
    words = []
    for line in done.stdout.decode("utf-8", "replace").splitlines()[1:]:
        fields = line.split("\t")
        if len(fields) == 12 and fields[0] == "5" and fields[11].strip():
            words.append((int(fields[1]) - 1, int(fields[6]), int(fields[7]), int(fields[9]), fields[11].strip()))
    return sorted(words)
