"""A header's upper lines that camelot's unruled region left out above it, taken back in.

A word processor prints a header over two lines in its cells (``Regnskab`` over ``2024``), text set left
in the cell and figures right: the header's words stand over no figure, and camelot's unruled reading may
start its region at the header's last line, the lines above it left for the caption (the table is then
titled ``Regnskab Budget``, its columns named by the years alone). A line just above the region is the
header's line when it stands a line's height above the region's first row (a cell's next line, not a
row's padding apart: a caption stands farther off), prints no figure, and its words make two or more
cells, each standing in a column of the first row aligned with that row's text there (starting, ending or
centred where it does). A caption or a heading over several columns lines up with no such cells.
"""

from __future__ import annotations

from dataclasses import replace

from pipeline.base.models import PageText, Word
from pipeline.tables.columns import placed_words, words_placeable
from pipeline.tables.detect import Candidate
from pipeline.tables.structure import header_rows
from pipeline.tables.words import FIGURE, SLACK

LINE = 1.6  # a cell's next line stands at most this many of its words' heights under the line above
ALIGNED = 1.0  # points: a header line's cell starts, ends or is centred this close to the text under it
MIN_CELLS = 2  # a header line fills at least this many columns


def with_header_lines(candidate: Candidate, page: PageText) -> Candidate:
    """The unruled candidate with the header lines printed just above its region as its first rows."""
    if candidate.engine != "stream" or not words_placeable(candidate, page) or header_rows(candidate.cells) == 0:
        return candidate
    first = placed_words(candidate, page)[0]
    height = page.info.height
    while any(first):
        top = min(w.top for cell in first for w in cell)
        above = [ln for ln in page.lines if max(w.bottom for w in ln) <= top + 1 and _over(ln, candidate.box)]
        line = max(above, key=lambda ln: max(w.bottom for w in ln), default=None)
        cells = _header_cells(line, first, candidate) if line is not None else None
        if cells is None:
            break
        texts = tuple(" ".join(w.text for w in cell) for cell in cells)
        line_top, line_bottom = min(w.top for w in line), max(w.bottom for w in line)
        candidate = replace(
            candidate,
            cells=(texts, *candidate.cells),
            row_spans=((height - line_top, height - line_bottom), *candidate.row_spans),
            box=(*candidate.box[:3], max(candidate.box[3], height - line_top)),
        )
        first = cells
    return candidate


def _over(line: list[Word], box: tuple[float, float, float, float]) -> bool:
    """Every word of the line stands within the region's width."""
    return all(box[0] - SLACK <= (w.x0 + w.x1) / 2 <= box[2] + SLACK for w in line)


def _header_cells(line: list[Word], first: list[list[Word]], candidate: Candidate) -> list[list[Word]] | None:
    """The line's words by column, if it is a header line over ``first`` (see the module's doc); else None."""
    top = min(w.top for cell in first for w in cell)
    size = max(w.bottom - w.top for w in line)
    if not 0 < top - min(w.top for w in line) <= LINE * size or any(FIGURE.match(w.text) for w in line):
        return None
    cells: list[list[Word]] = [[] for _ in candidate.col_spans]
    for word in line:
        middle = (word.x0 + word.x1) / 2
        cells[min(range(len(cells)), key=lambda c: _distance(middle, candidate.col_spans[c]))].append(word)
    filled = [c for c, cell in enumerate(cells) if cell]
    if len(filled) < MIN_CELLS or not all(first[c] and _aligned(cells[c], first[c]) for c in filled):
        return None
    return cells


def _distance(x: float, span: tuple[float, float]) -> float:
    return max(span[0] - x, 0.0, x - span[1])


def _aligned(cell: list[Word], under: list[Word]) -> bool:
    """The cell's text starts, ends or is centred where the text under it is."""
    a0, a1 = min(w.x0 for w in cell), max(w.x1 for w in cell)
    b0, b1 = min(w.x0 for w in under), max(w.x1 for w in under)
    return min(abs(a0 - b0), abs(a1 - b1), abs((a0 + a1) - (b0 + b1)) / 2) <= ALIGNED
