"""Rows of a page that print two runs of text apart: what an unruled table is made of.

camelot's unruled reading (stream) lays a page out into runs of text (pdfminer's text lines:
glyphs drawn one after the other, each within a glyph's width of the last) and makes a
table's columns where several runs stand on one row. A page with no such row has nothing for
it to read as a table, and its layout (a third of a born-digital page's cost) need not be made.
The runs are found here from the glyphs as drawn, splitting a little more readily than
pdfminer does (a closer glyph, a smaller overlap), so that a row camelot sees as two runs is
never seen as one.
"""

from __future__ import annotations

CHAR_MARGIN = 0.8  # pdfminer (camelot's layout) starts a new run past 1.0 glyph widths: split sooner
LINE_OVERLAP = 0.6  # ... and where two glyphs overlap by less than 0.5 of the lower one's height
ROW_TOLERANCE = 3.0  # points: camelot puts runs whose bottoms lie within 2 of a row's first on that row


def runs_apart(chars: list[dict]) -> int:
    """How many rows of the page hold two or more runs of text (glyph dicts as pdfplumber gives them, in the
    order drawn; spaces count for the runs, as in pdfminer, not as a run of their own)."""
    runs = [run for run in _runs(chars) if run[2]]
    runs.sort(key=lambda run: (-run[0], run[1]))
    rows = 0
    row_bottom, in_row = None, 0
    for bottom, _, _ in runs:
        if row_bottom is not None and abs(row_bottom - bottom) <= ROW_TOLERANCE:
            in_row += 1
            continue
        rows += in_row >= 2
        row_bottom, in_row = bottom, 1
    return rows + (in_row >= 2)


def _runs(chars: list[dict]) -> list[tuple[float, float, bool]]:
    """Each run's bottom, left edge and whether it prints anything but spaces."""
    runs: list[tuple[float, float, bool]] = []
    previous = None
    for char in chars:
        box = (float(char["x0"]), float(char["y0"]), float(char["x1"]), float(char["y1"]))
        printed = not char["text"].isspace()
        if previous is not None and _together(previous, box):
            bottom, left, filled = runs[-1]
            runs[-1] = (min(bottom, box[1]), min(left, box[0]), filled or printed)
        else:
            runs.append((box[1], box[0], printed))
        previous = box
    return runs


def _together(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    """Whether pdfminer could put glyph ``b`` on glyph ``a``'s run: side by side, on one line (boxes as
    x0, y0, x1, y1)."""
    ax0, ay0, ax1, ay1 = a
    bx0, by0, bx1, by1 = b
    if not (by0 <= ay1 and ay0 <= by1):
        return False
    overlap = min(abs(ay0 - by1), abs(ay1 - by0))
    if overlap <= LINE_OVERLAP * min(ay1 - ay0, by1 - by0):
        return False
    distance = 0.0 if (bx0 <= ax1 and ax0 <= bx1) else min(abs(ax0 - bx1), abs(ax1 - bx0))
    return distance < CHAR_MARGIN * max(ax1 - ax0, bx1 - bx0)
