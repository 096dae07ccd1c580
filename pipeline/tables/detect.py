"""Finding tables: camelot's two readings of a page, chosen region by region by their evidence.

camelot reads a page twice: by its ruling lines (lattice) and by how its words line up
(stream). A ruled grid that holds a real table (two or more filled columns and rows) is
believed where it stands; a box around a heading or a one-column frame is not a table and
does not stop the page's unruled tables from being read. A stream table keeps the rows that
no believed grid covers. Prose, bullet lists and tables of contents are refused
(:mod:`pipeline.tables.prose`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from pipeline.base.models import Cell
from pipeline.tables.prose import FIGURE, is_table_like, running_text_column
from pipeline.tables.structure import figure, header_rows
from pipeline.tables.typing import decimal_mark
from pipeline.text.bidi import logical

SAME_REGION = 0.8  # two unruled readings whose boxes overlap by this share of the smaller are one region

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in PDF points, y upwards (camelot's)


@dataclass(frozen=True)
class Candidate:
    """One table as an engine read it."""

    page: int  # page number within its PDF
    engine: str  # "lattice" or "stream"
    cells: tuple[tuple[str, ...], ...]
    box: Box
    row_spans: tuple[tuple[float, float], ...] = ()  # each row's (top, bottom), y upwards
    col_spans: tuple[tuple[float, float], ...] = ()  # each column's (left, right)
    stacked: int = 0  # cells holding the figures of several printed rows (rows the rules do not separate)
    # On an OCR'd page: where each cell is printed and how sure the OCR was (for a second look)
    sources: tuple[tuple[Cell, ...], ...] = ()
    # A ruled grid's rules drawn down between its cells: (x, bottom, top) each, y upwards
    walls: tuple[tuple[float, float, float], ...] = ()

    @property
    def shape(self) -> tuple[int, int]:
        return len(self.cells), max((len(row) for row in self.cells), default=0)


def from_camelot(table, engine: str) -> Candidate:
    """A camelot table as a candidate."""
    grid = table.df.values.tolist()
    if engine == "lattice":
        grid = unstacked(
            grid, [[(cell.top, cell.bottom, cell.left, cell.right) for cell in row] for row in table.cells]
        )
    found = candidate(int(table.page), engine, grid, table._bbox, table.rows)
    spans = tuple((float(left), float(right)) for left, right in table.cols)
    return replace(found, col_spans=spans, walls=_walls(table) if engine == "lattice" else ())


def _walls(table) -> tuple[tuple[float, float, float], ...]:
    """The rules a ruled grid draws down beside its cells: (x, bottom, top) of each cell's drawn left and right."""
    drawn = {
        (round(float(x), 1), float(cell.y1), float(cell.y2))
        for row in table.cells
        for cell in row
        for x, ruled in ((cell.x1, cell.left), (cell.x2, cell.right))
        if ruled
    }
    return tuple(sorted(drawn))


def candidate(page: int, engine: str, grid: list[list], box, rows) -> Candidate:
    """A candidate from an engine's grid of texts (line breaks kept in ``grid``), box and row positions."""
    texts = [[str(v) for v in row] for row in grid]
    stacked = sum(1 for row in texts for v in row if _stacked_figures(v))
    return Candidate(
        page,
        engine,
        tuple(tuple(" ".join(logical(v).split()) for v in row) for row in texts),  # each line in reading order
        tuple(float(v) for v in box),
        tuple((float(top), float(bottom)) for top, bottom in rows),
        stacked=stacked,
    )


def unstacked(grid: list[list], edges: list[list[tuple[bool, bool, bool, bool]]]) -> list[list]:
    """Cells camelot merged over rows of figures or over columns with no rule between them (it puts the text
    in the first one), holding one line for each row they span, or one figure for each column: each in its
    own cell (a column of labels left unruled beside ruled figures). A header cell over two header rows
    keeps its lines. ``edges``: each cell's (top, bottom, left, right) rule."""
    grid = [list(row) for row in grid]
    for c in range(len(grid[0]) if grid else 0):
        runs = _runs([not edges[r][c][1] and r + 1 < len(grid) and not edges[r + 1][c][0] for r in range(len(grid))])
        for start, end in runs:
            lines = [line.strip() for line in str(grid[start][c]).splitlines() if line.strip()]
            if all(_figures_beside(grid[r], c) for r in range(start, end + 1)):  # rows of figures, not a header
                _spread(grid, [(r, c) for r in range(start, end + 1)], lines)
    for r, row in enumerate(grid):
        runs = _runs([not edges[r][c][3] and c + 1 < len(row) and not edges[r][c + 1][2] for c in range(len(row))])
        for start, end in runs:
            tokens = str(row[start]).split()
            if all(FIGURE.match(t) for t in tokens):
                _spread(grid, [(r, c) for c in range(start, end + 1)], tokens)
    return grid


def _figures_beside(row: list, column: int) -> bool:
    return any(FIGURE.match(str(v).strip()) for c, v in enumerate(row) if c != column and str(v).strip())


def _runs(joined: list[bool]) -> list[tuple[int, int]]:
    """The runs of places each joined to the next: (first, last) of each run of two or more."""
    runs, start = [], None
    for i, link in enumerate(joined):
        if link and start is None:
            start = i
        if not link and start is not None:
            runs.append((start, i))
            start = None
    return runs


def _spread(grid: list[list], places: list[tuple[int, int]], parts: list[str]) -> None:
    """One part in each place, when there are as many parts as places and all but the first are empty."""
    if len(parts) == len(places) and not any(str(grid[r][c]).strip() for r, c in places[1:]):
        for (r, c), part in zip(places, parts):
            grid[r][c] = part


def _stacked_figures(text: str) -> bool:
    """A cell holding the figures of several printed rows, one per line."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return len(lines) >= 3 and sum(bool(FIGURE.match(line)) for line in lines) >= 2


def filled_columns(cells: tuple[tuple[str, ...], ...]) -> int:
    """Columns that hold text in at least two rows."""
    width = max((len(row) for row in cells), default=0)
    return sum(sum(1 for row in cells if c < len(row) and row[c]) >= 2 for c in range(width))


def is_grid(candidate: Candidate) -> bool:
    """A ruled grid that holds a table, not a frame around a heading or a paragraph."""
    rows = sum(1 for row in candidate.cells if sum(1 for v in row if v) >= 2)
    if candidate.stacked >= max(2, rows // 2):
        return False  # the rules frame blocks of rows: the words' alignment reads it better
    return rows >= 2 and filled_columns(candidate.cells) >= 2


def choose(candidates: list[Candidate]) -> list[Candidate]:
    """The tables of one page: believed grids, then stream's rows outside them; prose refused."""
    grids = [c for c in candidates if c.engine == "lattice" and is_grid(c) and is_table_like(c.cells, ruled=True)]
    chosen = list(grids)
    for stream in (c for c in candidates if c.engine == "stream"):
        rest = _outside(stream, [g.box for g in grids])
        for part in (trim(without_running_text(p)) for p in rest):
            if part.shape[0] >= 2 and filled_columns(part.cells) >= 2 and is_table_like(part.cells):
                chosen.append(part)
    return joined_overlapping(sorted(_one_reading_each(chosen), key=lambda c: -c.box[3]))


def _one_reading_each(chosen: list[Candidate]) -> list[Candidate]:
    """One unruled reading of each region: camelot may find a region several times over, its boxes a few
    points apart; the reading that fills the most cells is kept."""
    kept: list[Candidate] = []
    for item in sorted(chosen, key=lambda c: -sum(1 for row in c.cells for v in row if v)):
        if not any(item.engine == k.engine == "stream" and _same_region(item.box, k.box) for k in kept):
            kept.append(item)
    return kept


def _same_region(a: Box, b: Box) -> bool:
    """Most of the smaller box lies inside the other."""
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    smaller = min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1]))
    return width > 0 and height > 0 and width * height >= SAME_REGION * smaller


def joined_overlapping(chosen: list[Candidate]) -> list[Candidate]:
    """Two unruled readings of one table that overlap (camelot found a region's lower rows again as a region
    of their own, a row read twice), with the same columns: one table, each row once. A lower region whose rows
    below the upper one print the upper one's column names again over figures is a table of its own (the rows
    it read again left to the upper one)."""
    joined: list[Candidate] = []
    for item in chosen:
        last = joined[-1] if joined else None
        if last is None or not _continues(last, item):
            joined.append(item)
            continue
        below = _new_rows(last, item)
        if below and _own_header([item.cells[i] for i in below], last.cells):
            spans = tuple(item.row_spans[i] for i in below)
            box = (item.box[0], item.box[1], item.box[2], spans[0][0])
            joined.append(replace(item, cells=tuple(item.cells[i] for i in below), row_spans=spans, box=box))
            continue
        box = (min(last.box[0], item.box[0]), item.box[1], max(last.box[2], item.box[2]), last.box[3])
        joined[-1] = replace(
            last,
            cells=last.cells + tuple(item.cells[i] for i in below),
            row_spans=last.row_spans + tuple(item.row_spans[i] for i in below),
            box=box,
        )
    return joined


def _continues(above: Candidate, below: Candidate) -> bool:
    """``below`` overlaps ``above``'s lowest rows, with as many columns standing where they stand."""
    spans = (above.row_spans, below.row_spans)
    if (
        above.engine != "stream"
        or below.engine != "stream"
        or any(len(s) != len(c.cells) for s, c in zip(spans, (above, below)))
    ):
        return False
    if above.shape[1] != below.shape[1] or not _x_overlap(above.box, below.box):
        return False
    return below.box[3] > above.box[1] and below.box[1] < above.box[1]


def _new_rows(above: Candidate, below: Candidate) -> list[int]:
    """The rows of ``below`` that stand under ``above``: not a row of ``above`` read again (its top within
    ``above``'s box, printing the same words)."""
    seen = {_words(row) for row in above.cells}
    return [
        i
        for i, (top, bottom) in enumerate(below.row_spans)
        if (top + bottom) / 2 < above.box[1] and not (top > above.box[1] and _words(below.cells[i]) in seen)
    ]


def _words(row: tuple[str, ...]) -> str:
    return " ".join(" ".join(v.split()) for v in row if v)


def _own_header(rows: list[tuple[str, ...]], above: tuple[tuple[str, ...], ...]) -> bool:
    """``rows`` print the column names of the table above again (two or more, letters and digits alike)
    before their first row of figures: a table of its own under its own names, not more rows of that one."""
    mark = decimal_mark([v for row in (*above, *rows) for v in row])
    names = {_key(row) for row in above[: header_rows(above, mark)] if sum(1 for v in row if v) >= 2}
    for n, row in enumerate(rows):
        if any(figure(v, mark) for v in row):
            return False
        if _key(row) in names:
            return any(figure(v, mark) for later in rows[n + 1 :] for v in later)
    return False


def _key(row: tuple[str, ...]) -> str:
    return re.sub(r"\W", "", "".join(row)).lower()


def trim(candidate: Candidate) -> Candidate:
    """Without the lines of running text stream takes in above and below a table (kept by the title finder)."""
    keep = [i for i, row in enumerate(candidate.cells) if not _text_line(row)]
    if not keep:
        return replace(candidate, cells=())
    first, last = keep[0], keep[-1]
    spans = candidate.row_spans[first : last + 1] if len(candidate.row_spans) == len(candidate.cells) else ()
    box = (candidate.box[0], spans[-1][1], candidate.box[2], spans[0][0]) if spans else candidate.box
    return replace(candidate, cells=candidate.cells[first : last + 1], row_spans=spans, box=box)


def without_running_text(candidate: Candidate) -> Candidate:
    """Without a column of running text printed beside the table (:func:`running_text_column`)."""
    column = running_text_column(candidate.cells)
    if column is None or len(candidate.col_spans) != len(candidate.cells[0]):
        return candidate
    spans = candidate.col_spans[:column] + candidate.col_spans[column + 1 :]
    box = (spans[0][0], candidate.box[1], spans[-1][1], candidate.box[3])
    cells = tuple(row[:column] + row[column + 1 :] for row in candidate.cells)
    filled = [sum(1 for v in row if v) for row in cells]
    if sum(1 for n in filled if n >= 2) < max(2, sum(1 for n in filled if n) / 3):
        return candidate  # what is left is no table either: rows of one cell, not of a label and its figures
    return replace(candidate, cells=cells, col_spans=spans, box=box)


def _text_line(row: tuple[str, ...]) -> bool:
    """A line of running text: one cell of five words or more, alone or beside a paragraph's drop capital
    or bullet that stream reads as a column of its own (``F`` | ``or each year, ...``)."""
    filled = [v for v in row if v]
    if not filled:
        return True
    text = [v for v in filled if len(v.split()) >= 5]
    marks = [v for v in filled if len(v) == 1 and not v.isdigit()]
    return len(text) == 1 and len(filled) == 1 + len(marks) and len(marks) <= 1


def _outside(stream: Candidate, boxes: list[Box]) -> list[Candidate]:
    """The runs of a stream table's rows that lie outside every believed grid."""
    if not boxes:
        return [stream]
    if len(stream.row_spans) != len(stream.cells):
        return [] if any(_overlaps(stream.box, box) for box in boxes) else [stream]
    runs: list[list[int]] = [[]]
    for i, (top, bottom) in enumerate(stream.row_spans):
        middle = (top + bottom) / 2
        inside = any(box[1] - 2 <= middle <= box[3] + 2 and _x_overlap(stream.box, box) for box in boxes)
        if inside:
            runs.append([])
        else:
            runs[-1].append(i)
    parts = []
    for run in (r for r in runs if r):
        spans = tuple(stream.row_spans[i] for i in run)
        box = (stream.box[0], min(s[1] for s in spans), stream.box[2], max(s[0] for s in spans))
        parts.append(replace(stream, cells=tuple(stream.cells[i] for i in run), box=box, row_spans=spans))
    return parts


def _x_overlap(a: Box, b: Box) -> bool:
    return min(a[2], b[2]) - max(a[0], b[0]) > 0.3 * min(a[2] - a[0], b[2] - b[0])


def _overlaps(a: Box, b: Box) -> bool:
    return _x_overlap(a, b) and min(a[3], b[3]) > max(a[1], b[1])
