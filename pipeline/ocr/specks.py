"""Specks of a scan whitened in the image Tesseract reads.

A dirty scanner glass or toner leaves dots all over a page. Read as one block of rows
(``--psm 6``), Tesseract takes the dots between a table's label and its figures for
letters, and a row of figures turns to noise (``BEEN 840 Rebild SEE``). A speck is a
blot of ink smaller than any glyph (``SPECK_INCHES`` across) that stands apart from
every glyph: a thousands dot, the dot of an ``i`` or the ring of an ``å`` lie close to
their glyph and stay, and so does a dash (wider than a speck). A speck touching a figure
stays too: that is the second look's to judge. Only the image OCR sees changes.
"""

from __future__ import annotations

SPECK_INCHES = 0.03  # a blot at most this wide and high is a speck (a dash is 0.04 in wide at 9.5 pt)
# A dot this close to a glyph may be part of it or of its line: a thousands dot, a full stop after an
# ``r``, an ``i``'s dot or an ``å``'s ring (further along a line than above or below it).
NEAR_INCHES = (0.025, 0.05)  # (up or down, along the line)
INK = 160  # grey levels below this are ink (a speck is dark; JPEG's halo around it is not)


def remove_specks(grey, dpi: float):
    """``grey`` (a numpy array) with its specks painted white; None when it has none."""
    import cv2
    import numpy as np

    ink = (grey < INK).astype(np.uint8)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    if count <= 1:
        return None
    size = max(2, round(SPECK_INCHES * dpi))
    widths, heights = stats[:, cv2.CC_STAT_WIDTH], stats[:, cv2.CC_STAT_HEIGHT]
    small = (widths <= size) & (heights <= size) & (widths < 2 * heights)  # a flat blot may be a dash
    small[0] = False  # the background
    if not small.any():
        return None
    glyphs = ink.copy()
    glyphs[small[labels]] = 0
    down, along = (max(1, round(inches * dpi)) for inches in NEAR_INCHES)
    near = cv2.dilate(glyphs, np.ones((2 * down + 1, 2 * along + 1), np.uint8)).astype(bool)
    touching = np.zeros(count, dtype=bool)
    touching[np.unique(labels[near & small[labels]])] = True
    specks = small & ~touching
    if not specks.any():
        return None
    mask = cv2.dilate(specks[labels].astype(np.uint8), np.ones((3, 3), np.uint8)).astype(bool)  # and its halo
    return np.where(mask, 255, grey).astype(np.uint8)
