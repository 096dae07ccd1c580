"""Two tables read as one region: side by side, split at the gap between them; one under the other, split
at the second's caption.

camelot's unruled reading takes two tables that stand side by side, row for row, as one region: the
second table's label column follows the first's last column of figures. Such a column is the start of a
table of its own when the page says so: a numbered caption stands over each (``Tabel 1.`` over the
first, ``Tabel 2.`` over the second), a line above the figures prints a caption over each and nothing
else (``Coverage Tests`` over the first, ``Collateral Quality Tests`` over the second), or both label
columns close with a total (``I alt`` twice on one row). A table that is one table folded into several
column groups (``Age``, ``Total``, ``Age``, ``Total``) repeats its header and prints none of these, and
stays one.

Two tables one under the other, the first's notes and the second's numbered caption (``Table A-4.``)
between them, are one region to camelot when nothing else stands between: the region is split at a line
holding nothing but a numbered caption, with rows of figures above and below it; the lines between the
first table's last row of figures and the caption are its notes, not its rows. Blocks of a spreadsheet set
one under the other have no numbered caption: the line holding nothing but a title splits them when the
next line names columns other than those named above (a group's heading in a budget is followed by
figures; a table going on in sections prints its names again).
"""

from __future__ import annotations

from dataclasses import replace

from pipeline.tables.caption import NUMBERED
from pipeline.tables.detect import Candidate
from pipeline.tables.structure import figure
from pipeline.tables.totals import TOTAL
from pipeline.tables.typing import decimal_mark

LABELS = 0.8  # a label column: this share of its filled body cells are no figures


def side_by_side(candidate: Candidate) -> list[Candidate]:
    """The candidate as the tables it holds side by side (itself alone if one)."""
    width = len(candidate.col_spans)
    if candidate.engine != "stream" or width < 4 or any(len(row) != width for row in candidate.cells):
        return [candidate]
    mark = decimal_mark([v for row in candidate.cells for v in row])
    for c in range(2, width - 1):
        if _second_table(candidate.cells, c, mark):
            return [_columns(candidate, 0, c), *side_by_side(_columns(candidate, c, width))]
    return [candidate]


def one_under_the_other(candidate: Candidate) -> list[Candidate]:
    """The candidate as the tables it holds one under the other, split at a numbered caption between them."""
    if candidate.engine != "stream" or len(candidate.row_spans) != len(candidate.cells):
        return [candidate]
    mark = decimal_mark([v for row in candidate.cells for v in row])
    figures = [any(figure(v, mark) for v in row) for row in candidate.cells]
    for r, row in enumerate(candidate.cells):
        filled = [v for v in row if v]
        caption = len(filled) == 1 and (NUMBERED.match(filled[0]) or _titled(candidate.cells, r, mark))
        if caption and sum(figures[:r]) >= 2 and sum(figures[r:]) >= 2:
            last = max(i for i in range(r) if figures[i])  # the first table's notes are no rows of it
            return [_rows(candidate, 0, last + 1), *one_under_the_other(_rows(candidate, r, len(candidate.cells)))]
    return [candidate]


def _titled(cells: tuple[tuple[str, ...], ...], r: int, mark: str) -> bool:
    """Row ``r`` prints a title over a table of its own: its one cell no figure and no total, the next row names
    columns (two cells or more, no figure) other than the names of the table above, which has names of its own
    (two blocks of a spreadsheet set one under the other; a group's heading is followed by figures, a section of
    one table by its names printed again)."""
    title = next(v for v in cells[r] if v)
    if figure(title, mark) or TOTAL.match(title) or r + 1 >= len(cells):
        return False
    above = [row for row in cells[:r] if _names(row, mark)]
    return _names(cells[r + 1], mark) and bool(above) and above[0] != cells[r + 1]


def _names(row: tuple[str, ...], mark: str) -> bool:
    filled = [v for v in row if v]
    return len(filled) >= 2 and not any(figure(v, mark) for v in filled)


def _rows(candidate: Candidate, start: int, end: int) -> Candidate:
    spans = candidate.row_spans[start:end]
    box = (candidate.box[0], spans[-1][1], candidate.box[2], spans[0][0])
    sources = candidate.sources[start:end] if candidate.sources else ()
    return replace(candidate, cells=candidate.cells[start:end], row_spans=spans, box=box, sources=sources)


def _second_table(cells: tuple[tuple[str, ...], ...], c: int, mark: str) -> bool:
    """Column ``c`` is a table's label column after another table's figures, the page saying so."""
    body = [row for row in cells if any(figure(v, mark) for v in row)]
    if not body or not _labels(body, 0, mark) or not _labels(body, c, mark):
        return False
    if not any(figure(row[c - 1], mark) for row in body) or not any(figure(v, mark) for row in body for v in row[c:]):
        return False
    captions = any(NUMBERED.match(row[0]) and NUMBERED.match(row[c]) for row in cells)
    totals = any(TOTAL.match(row[0]) and TOTAL.match(row[c]) for row in body)
    return captions or totals or any(_captions(row, c, mark) for row in cells[: cells.index(body[0])])


def _captions(row: tuple[str, ...], c: int, mark: str) -> bool:
    """A line above the figures that prints a caption over each table and nothing else: words at the
    first column and at column ``c`` (``Coverage Tests``, ``Collateral Quality Tests``)."""
    filled = [k for k, v in enumerate(row) if v]
    return filled == [0, c] and not any(figure(row[k], mark) for k in filled)


def _labels(body: list[tuple[str, ...]], c: int, mark: str) -> bool:
    filled = [row[c] for row in body if row[c]]
    return len(filled) >= 2 and sum(1 for v in filled if not figure(v, mark)) >= LABELS * len(filled)


def _columns(candidate: Candidate, start: int, end: int) -> Candidate:
    spans = candidate.col_spans[start:end]
    box = (spans[0][0], candidate.box[1], spans[-1][1], candidate.box[3])
    cells = tuple(row[start:end] for row in candidate.cells)
    return replace(candidate, cells=cells, col_spans=spans, box=box)
