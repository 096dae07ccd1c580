"""Underlines told from table rules: an underlined heading keeps its line in the image Tesseract reads.

An underline runs through the descenders of the text it underlines (``g``, ``j``, ``p``, ``ø``);
whitened as a rule, it takes the foot of each ``g`` with it, and Tesseract reads ``Levering``
as ``Leverinq`` and ``og`` as ``oq`` (a 200 dpi scan of an underlined heading), or loses the
word. Tesseract reads underlined text well as it is. An underline is a horizontal rule that
meets no vertical rule and has text standing right on it along its whole length: ink just
above it over much of it, no gap wider than a few word spaces, from end to end. A table's
rules meet its vertical rules, or run on past the text of a row standing on them.
"""

from __future__ import annotations

ABOVE_INCHES = 0.03  # text standing on a line has ink this close above it (a table's text has padding)
JOIN_INCHES = 0.05  # pieces of one line (broken by a skew's steps, or a descender) this far apart are one line
SHARE = 0.4  # ink just above at least this share of the line's columns
GAP_INCHES = 0.15  # no stretch without ink above wider than this (words are closer; a table's columns not)
END_INCHES = 0.08  # and the text begins and ends within this of the line's ends
STEP = 4  # lines are labelled at every STEP-th column


def underlines(horizontal, vertical, ink, dpi: float):
    """The pixels of ``horizontal`` (a mask of rule pixels) that underline text; ``vertical``: the vertical
    rules, ``ink``: the page's ink (masks of one shape)."""
    import numpy as np

    kept = np.zeros_like(horizontal)
    rows = np.flatnonzero(horizontal.any(axis=1))
    if not len(rows):
        return kept
    band = slice(max(0, rows[0] - round(ABOVE_INCHES * dpi) - 2), rows[-1] + 3)  # the rows with lines, and above
    kept[band] = _underlines(horizontal[band], vertical[band], ink[band], dpi)
    return kept


def _underlines(horizontal, vertical, ink, dpi: float):
    import cv2
    import numpy as np

    join = max(STEP + 1, round(JOIN_INCHES * dpi))
    lines = cv2.dilate(horizontal.view(np.uint8), np.ones((5, join), np.uint8))
    # Labelled at every STEP-th column (a line is wider than that once joined): a quarter of the work.
    count, labels, stats, _ = cv2.connectedComponentsWithStats(np.ascontiguousarray(lines[:, ::STEP]), connectivity=8)
    near_vertical = cv2.dilate(vertical.view(np.uint8), np.ones((5, STEP + 1), np.uint8))[:, ::STEP].view(bool)
    touching = np.zeros(count, dtype=bool)
    touching[np.unique(labels[near_vertical])] = True
    touching[0] = True  # the background
    kept = np.zeros_like(horizontal)
    for label in np.flatnonzero(~touching):
        x, y, width, height = stats[label, :4]
        box = (slice(y, y + height), slice(x * STEP, min((x + width) * STEP, horizontal.shape[1])))
        own = np.repeat(labels[y : y + height, x : x + width], STEP, axis=1)[:, : box[1].stop - box[1].start]
        line = horizontal[box] & (own == label)
        if _underlines_text(line, horizontal, ink, (box[0].start, box[1].start), dpi):
            kept[box] |= line
    return kept


def _underlines_text(line, horizontal, ink, origin: tuple[int, int], dpi: float) -> bool:
    """Whether text stands on the line (a mask within its box at ``origin``) from end to end."""
    import numpy as np

    columns = np.flatnonzero(line.any(axis=0))
    if len(columns) < 2:
        return False
    tops = origin[0] + line[:, columns].argmax(axis=0)
    reach = max(2, round(ABOVE_INCHES * dpi))
    rows = tops[None, :] - np.arange(2, reach + 1)[:, None]  # above the line, clear of its own fringe
    inside = rows >= 0
    rows = np.where(inside, rows, 0)
    xs = np.broadcast_to(origin[1] + columns, rows.shape)
    above = ((ink[rows, xs] & ~horizontal[rows, xs]) & inside).any(axis=0)
    marked = np.flatnonzero(above)
    if len(marked) < SHARE * len(columns):
        return False
    steps = np.diff(columns[marked], prepend=columns[0], append=columns[-1])
    return bool(steps.max() <= GAP_INCHES * dpi and max(steps[0], steps[-1]) <= END_INCHES * dpi)
