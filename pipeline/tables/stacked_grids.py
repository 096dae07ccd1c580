"""A ruled table's last rows drawn as a grid of their own, a gap above them: one table, not a lost row.

A table's total row is often boxed apart: a gap under the body's grid, then a grid of one row whose rules down
are the body's (``Totals 9237 3396 371 ...`` under an election return). camelot reads two grids, and a grid of
one row is believed by no reading: the totals were published nowhere. :func:`joined_below` joins to a ruled
grid each grid of at most :data:`FEW` rows printed right under it (nothing printed between, the gap no more
than :data:`GAP_ROWS` of the grid's rows) whose every rule down stands on one of the grid's and which reaches
no further left or right than the grid: its cells go in the grid's columns. A grid of other rules (a region's
total under one province's list, ruled over the label columns of both) stays apart.
"""

from __future__ import annotations

from dataclasses import replace
from statistics import median

from pipeline.tables.detect import Candidate

FEW = 2  # rows: a grid this short may be another grid's last rows
GAP_ROWS = 2.0  # the gap above it at most this many of the grid's rows high
WALL = 2.0  # points: rules down this close stand on one another


def joined_below(candidates: list[Candidate], lines: list) -> list[Candidate]:
    """The page's candidates with each short ruled grid joined to the ruled grid it closes; ``lines``: the
    page's text lines across as camelot's layout holds them."""
    grids = sorted((c for c in candidates if c.engine == "lattice"), key=lambda c: -c.box[3])
    joined: list[Candidate] = []
    for grid in grids:
        above = joined[-1] if joined else None
        if above is not None and _closes(above, grid, lines):
            joined[-1] = _joined(above, grid, lines)
        else:
            joined.append(grid)
    return joined + [c for c in candidates if c.engine != "lattice"]


def _closes(above: Candidate, grid: Candidate, lines: list) -> bool:
    """The short grid stands right under the grid above, its rules down on the grid's, within its width."""
    if len(grid.cells) > FEW or len(above.cells) <= FEW or not above.row_spans or not grid.row_spans:
        return False
    gap = above.box[1] - grid.box[3]
    row = median(top - bottom for top, bottom in above.row_spans)
    if not -WALL <= gap <= GAP_ROWS * row:
        return False
    if any(grid.box[3] < (line.y0 + line.y1) / 2 < above.box[1] for line in lines):
        return False  # a line printed between them: a caption, a note
    edges = _edges(above)
    inside = above.box[0] - WALL <= grid.box[0] and grid.box[2] <= above.box[2] + WALL
    return inside and all(any(abs(x - e) <= WALL for e in edges) for x in _edges(grid))


def _edges(candidate: Candidate) -> list[float]:
    return [left for left, _ in candidate.col_spans] + [candidate.col_spans[-1][1]] if candidate.col_spans else []


def _joined(above: Candidate, grid: Candidate, lines: list) -> Candidate:
    """The grid above with the short grid's rows under it, each cell in the column its middle stands in; a
    column the short grid does not reach takes the lines printed in it on the row (``9237`` left of the box
    of totals, under the column of figures it closes)."""
    width = len(above.col_spans)
    rows = []
    for row, (top, bottom) in zip(grid.cells, grid.row_spans):
        cells = [""] * width
        for (left, right), text in zip(grid.col_spans, row):
            column = _column((left + right) / 2, above.col_spans)
            cells[column] = f"{cells[column]} {text}".strip()
        for c, (left, right) in enumerate(above.col_spans):
            if right <= grid.box[0] + WALL or left >= grid.box[2] - WALL:
                cells[c] = " ".join(_printed(lines, left, right, top, bottom))
        rows.append(tuple(cells))
    box = (min(above.box[0], grid.box[0]), grid.box[1], max(above.box[2], grid.box[2]), above.box[3])
    return replace(
        above,
        cells=above.cells + tuple(rows),
        box=box,
        row_spans=above.row_spans + grid.row_spans,
        stacked=above.stacked + grid.stacked,
        walls=above.walls + grid.walls,
    )


def _column(x: float, spans: tuple[tuple[float, float], ...]) -> int:
    return min(range(len(spans)), key=lambda i: max(spans[i][0] - x, 0, x - spans[i][1]))


def _printed(lines: list, left: float, right: float, top: float, bottom: float) -> list[str]:
    """The text of the lines whose middle stands within the cell, left to right."""
    inside = [
        line for line in lines if left <= (line.x0 + line.x1) / 2 <= right and bottom <= (line.y0 + line.y1) / 2 <= top
    ]
    return [line.get_text().strip() for line in sorted(inside, key=lambda line: line.x0)]
