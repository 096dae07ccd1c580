"""An OCRmyPDF plugin: ruling lines and lone specks are removed from the image Tesseract reads.

Tesseract reads a table page best as one block of rows (``--psm 6``), but in that
mode the grid of a ruled table turns rows into noise (``[inde 1 T odkedere Corner]``).
Long straight runs of ink are never letters or digits at these sizes, so they are
whitened before OCR, as are the specks of a dirty scan (:mod:`pipeline.ocr.specks`); an
underline is kept (:mod:`pipeline.ocr.underlines`: whitened, it takes the foot of each ``g``
with it). Only the image OCR sees changes; the searchable PDF shows the page as scanned.
"""

from __future__ import annotations

from ocrmypdf import hookimpl

from pipeline.ocr.raster import PNG_LEVEL  # the cleaned image is saved as the page was: fast
from pipeline.ocr.specks import remove_specks
from pipeline.ocr.underlines import underlines

RULE_INCHES = 0.35  # a run of ink at least this long (horizontal or vertical) is a rule, not a glyph
RULE_THICKNESS_INCHES = 0.025  # a rule is thinner than this; ink running on across it is a figure
# ... or as thick as it is drawn, up to this (a text box's 2-3 pt border); a thicker band of ink is no rule
THICK_RULE_INCHES = 0.06
SOLID = 0.5  # ... where at least this share of it is a solid line with paper on both sides
INK = 200  # grey levels below this are ink (a hairline rule is grey, not black, in a scan)


@hookimpl
def filter_ocr_image(page, image):  # noqa: ARG001 - the hook's signature
    """Whiten the rules and specks; a page without any is handed back untouched (OCRmyPDF then skips
    re-encoding it)."""
    from PIL import Image

    path = getattr(image, "filename", "")
    if not path:
        return cleaned_for_ocr(image)
    with Image.open(path) as copy:  # read a copy: reading ``image`` itself would make OCRmyPDF re-encode it
        copy.info.setdefault("dpi", image.info.get("dpi", (300, 300)))
        cleaned = cleaned_for_ocr(copy)
        return image if cleaned is copy else cleaned


def cleaned_for_ocr(image):
    """The image with horizontal and vertical rules and lone specks (``pipeline.ocr.specks``) painted white
    (same size, mode and dpi)."""
    import numpy as np

    dpi = image.info.get("dpi", (300, 300))
    grey = np.asarray(image.convert("L"))
    clean = remove_specks(grey, dpi[0])
    ruled = _without_rules(grey if clean is None else clean, dpi)
    if ruled is not None:  # specks beside a rule were near a larger blot; with the rule gone they stand alone
        again = remove_specks(ruled, dpi[0])
        ruled = ruled if again is None else again
    if ruled is None and clean is None:
        return image
    return _image(ruled if ruled is not None else clean, dpi)


def _image(pixels, dpi):
    from PIL import Image

    result = Image.fromarray(pixels, mode="L")
    result.info["dpi"] = dpi
    # OCRmyPDF saves the image as PNG at zlib's default level (a second a page); it is read once.
    result.encoderinfo = {"compress_level": PNG_LEVEL}
    return result


def _without_rules(grey, dpi):
    """The page (a numpy array) with its rules painted white; None when it has none."""
    import numpy as np

    # Found at half resolution (a quarter of the work). A 2x2 block counts as ink if any of
    # its pixels is, so a hairline rule (one pixel at 200 dpi) survives the halving.
    full = grey < INK
    height, width = (full.shape[0] // 2) * 2, (full.shape[1] // 2) * 2
    quads = full[:height, :width]
    ink = quads[0::2, 0::2] | quads[1::2, 0::2] | quads[0::2, 1::2] | quads[1::2, 1::2]
    # A skewed rule steps by a pixel every so often: a run may continue one pixel above or below.
    wide_h, wide_v = ink.copy(), ink.copy()
    wide_h[1:, :] |= ink[:-1, :]
    wide_h[:-1, :] |= ink[1:, :]
    wide_v[:, 1:] |= ink[:, :-1]
    wide_v[:, :-1] |= ink[:, 1:]
    across = int(dpi[0] * RULE_INCHES / 2), int(dpi[1] * RULE_INCHES / 2)
    horizontal, vertical = runs(wide_h, across[0], axis=1) & ink, runs(wide_v, across[1], axis=0) & ink
    horizontal = _confirmed(horizontal, full, int(dpi[0] * RULE_INCHES), axis=1)
    vertical = _confirmed(vertical, full, int(dpi[1] * RULE_INCHES), axis=0)
    horizontal &= ~underlines(horizontal, vertical, full, dpi[1])  # an underlined heading keeps its line
    if not (horizontal.any() or vertical.any()):
        return None
    thickness, thickest = max(2, round(dpi[1] * RULE_THICKNESS_INCHES)), round(dpi[1] * THICK_RULE_INCHES)
    rules = _grow(rule_pixels(horizontal, vertical, full, thickness, thickest))  # and the rule's anti-aliased fringe
    return np.where(rules, 255, grey).astype(np.uint8)


def _full_size(mask, shape):
    """A half-resolution mask (grown by a pixel) at full resolution."""
    import numpy as np

    big = _grow(mask).repeat(2, axis=0).repeat(2, axis=1)
    return np.pad(big, ((0, shape[0] - big.shape[0]), (0, shape[1] - big.shape[1])))


def _confirmed(candidates, ink, length: int, axis: int):
    """The (half-resolution) candidates that lie in a run of ink ``length`` long at full resolution.

    At half resolution the gaps between letters close up: at 200 dpi the serifs along a
    line of Times join into a 'rule', and whitening it turns ``m`` into ``nn``. Only
    the bands that hold a candidate are examined again, pixel by pixel.
    """
    import numpy as np

    if not candidates.any():
        return np.zeros_like(ink)
    candidates = _full_size(candidates, ink.shape) & ink
    if axis == 0:
        return _confirmed_rows(candidates.T, ink.T, length).T
    return _confirmed_rows(candidates, ink, length)


def _confirmed_rows(candidates, ink, length: int):
    import numpy as np

    confirmed = np.zeros_like(candidates)
    for band in _bands(candidates.any(axis=1), 1):
        wide = ink[band].copy()  # a skewed rule steps a pixel up or down now and then
        wide[1:, :] |= ink[band][:-1, :]
        wide[:-1, :] |= ink[band][1:, :]
        confirmed[band] = candidates[band] & runs(wide, length, axis=1)
    return confirmed


def rule_pixels(horizontal, vertical, ink, thickness: int, thickest: int = 0):
    """The pixels of the rule candidates that are rule, not a figure touching one.

    Across a rule the ink is no thicker than ``thickness`` pixels, or than the rule as drawn
    (up to ``thickest``: a text box's thick border); where a figure touches it, its stroke
    runs on across: those pixels stay, so the figure keeps its foot (``342.335`` cut along its
    baseline reads as ``247 225``). Across a horizontal rule a vertical rule is no figure, and
    the other way round. Only the bands of rows (columns) that hold a rule are examined: a
    letterhead line must not cost a pass over the whole page.
    """
    import numpy as np

    rules = np.zeros_like(ink)
    for band in _bands(horizontal.any(axis=1), thickness + 1):
        length = _across(horizontal[band], ink[band], thickness, thickest, 0)
        across = runs(ink[band] & ~vertical[band], length, axis=0)
        rules[band] |= horizontal[band] & ~across
    for band in _bands(vertical.any(axis=0), thickness + 1):
        length = _across(vertical[:, band], ink[:, band], thickness, thickest, 1)
        across = runs(ink[:, band] & ~horizontal[:, band], length, axis=1)
        rules[:, band] |= vertical[:, band] & ~across
    return rules


def _across(rule, ink, thickness: int, thickest: int, axis: int) -> int:
    """How long a run of ink across the rules of a band is a figure's stroke: longer than ``thickness``,
    or than the rules as drawn (up to ``thickest``, and two pixels of JPEG's blur) where they are solid
    lines with paper on both sides along most of their length (a shaded cell is no rule)."""
    import numpy as np

    if axis == 1:
        rule, ink = rule.T, ink.T
    count = rule.sum(axis=0)
    first, last = rule.argmax(axis=0), len(rule) - 1 - rule[::-1].argmax(axis=0)
    places = np.arange(rule.shape[1])
    paper = ~ink[np.maximum(first - 1, 0), places] & ~ink[np.minimum(last + 1, len(rule) - 1), places]
    solid = (count > 0) & (last - first + 1 == count) & paper & (first > 0) & (last < len(rule) - 1)
    drawn = int(np.median(count[solid])) + 2 if solid.any() and solid.sum() >= SOLID * (count > 0).sum() else 0
    return (drawn if thickness < drawn <= thickest else thickness) + 1


def _bands(marked, pad: int) -> list[slice]:
    """Runs of marked rows (or columns), each widened by ``pad`` on both sides, merged where they touch."""
    import numpy as np

    bands: list[slice] = []
    for index in np.flatnonzero(marked):
        start, stop = max(0, index - pad), min(len(marked), index + pad + 1)
        if bands and start <= bands[-1].stop:
            bands[-1] = slice(bands[-1].start, max(bands[-1].stop, stop))
        else:
            bands.append(slice(start, stop))
    return bands


def runs(ink, length: int, axis: int):
    """Pixels that lie in an unbroken run of ink at least ``length`` long along ``axis``.

    A morphological opening with a line ``length`` long: erode so that a pixel stays where a
    full run starts, then dilate back over the run (OpenCV: a tenth of the time of cumulative sums).
    """
    import cv2
    import numpy as np

    if length < 2 or ink.shape[axis] < length:
        return np.zeros_like(ink)
    line = np.ones((1, length) if axis == 1 else (length, 1), np.uint8)
    end = (length - 1, 0) if axis == 1 else (0, length - 1)  # (x, y): the dilation reaches back to the start
    outside = {"borderType": cv2.BORDER_CONSTANT, "borderValue": 0}  # beyond the image is paper, not ink
    starts = cv2.erode(ink.view(np.uint8), line, anchor=(0, 0), **outside)
    return cv2.dilate(starts, line, anchor=end, **outside).view(bool)


def _grow(mask):

    grown = mask.copy()
    grown[1:, :] |= mask[:-1, :]
    grown[:-1, :] |= mask[1:, :]
    grown[:, 1:] |= mask[:, :-1]
    grown[:, :-1] |= mask[:, 1:]
    return grown
