"""On an OCR'd page, a cell's text wrapped over several lines, told from the next row by how close its lines
stand (:mod:`pipeline.tables.cell_lines` does this for a text layer's words).

An OCR'd table's rows are the page's lines (:func:`pipeline.tables.words.from_words`), so a label too long
for its column (``Ældre og`` / ``sundhed``, ``Autoværkste`` / ``d II``) comes out as a row of its own.
A line continues the cells above it when it stands closer under them than the table's row pitch (the least
distance between neighbouring lines of figures), prints no figure, the line above does, and each of its
cells has text above it. A word broken where the column ends (its first line reaching the column's widest
text, the rest three lower-case letters at most) is joined whole; else the lines join with a space.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.base.models import Cell
from pipeline.tables.detect import Candidate
from pipeline.tables.structure import figure
from pipeline.tables.typing import decimal_mark, is_dash

CLOSE = 0.75  # a line this close under the one above, as a share of the row pitch, continues its cells
EDGE = 2.0  # points: a broken word's first part ends this close to its column's widest text (an OCR's box)
BROKEN_REST = re.compile(r"^[a-zæøå]{1,3}\b")  # the rest of a word broken at the column's edge

Row = tuple[str, ...]


def joined_scan_lines(candidate: Candidate) -> Candidate:
    """The OCR'd candidate (cells from its lines, with their sources) with each line that continues the cells
    above it joined into their row."""
    sources = candidate.sources
    if not sources or len(sources) != len(candidate.cells):
        return candidate
    mark = decimal_mark([v for row in candidate.cells for v in row])
    tops = [_top(row) for row in sources]
    pitch = _pitch(candidate.cells, tops, mark)
    if pitch is None:
        return candidate
    widest = [max((c.box[2] for c in column if c.text and c.box), default=0.0) for column in zip(*sources)]
    rows, kept = [candidate.cells[0]], [sources[0]]
    for r in range(1, len(candidate.cells)):
        row, above = candidate.cells[r], rows[-1]
        close = tops[r] is not None and tops[r - 1] is not None and tops[r] - tops[r - 1] < CLOSE * pitch
        if close and _continues(row, above, mark):
            rows[-1] = tuple(_joined(a, b, s, widest[c]) for c, (a, b, s) in enumerate(zip(above, row, kept[-1])))
            kept[-1] = tuple(_merged(a, b) for a, b in zip(kept[-1], sources[r]))
        else:
            rows.append(row)
            kept.append(sources[r])
    if len(rows) == len(candidate.cells):
        return candidate
    return replace(candidate, cells=tuple(rows), sources=tuple(kept), row_spans=())


def _top(row: tuple[Cell, ...]) -> float | None:
    tops = [c.box[1] for c in row if c.text and c.box]
    return min(tops) if tops else None


def _pitch(cells: tuple[Row, ...], tops: list[float | None], mark: str) -> float | None:
    """The least distance between two neighbouring lines that both print figures."""
    gaps = [
        b - a
        for (row_a, a), (row_b, b) in zip(zip(cells, tops), zip(cells[1:], tops[1:]))
        if a is not None and b is not None and _figures(row_a, mark) and _figures(row_b, mark) and b > a
    ]
    return min(gaps) if gaps else None


def _figures(row: Row, mark: str) -> bool:
    return any(figure(v, mark) or is_dash(v) for v in row[1:] if v)


def _continues(row: Row, above: Row, mark: str) -> bool:
    """No figure, the line above prints some, and every cell of the line has text above it."""
    filled = [c for c, v in enumerate(row) if v]
    return bool(filled) and not _figures(row, mark) and _figures(above, mark) and all(above[c] for c in filled)


def _joined(above: str, below: str, source: Cell, widest: float) -> str:
    if not below:
        return above
    broken = source.box is not None and source.box[2] >= widest - EDGE and BROKEN_REST.match(below)
    return above + below if broken else f"{above} {below}"


def _merged(above: Cell, below: Cell) -> Cell:
    """The two lines' cell as one: its box around both, the lesser confidence, the text joined."""
    if not below.text:
        return above
    if not above.text or above.box is None or below.box is None:
        return below if not above.text else above
    box = (min(above.box[0], below.box[0]), above.box[1], max(above.box[2], below.box[2]), below.box[3])
    confidences = [c for c in (above.confidence, below.confidence) if c is not None]
    text = f"{above.text} {below.text}"
    return replace(above, box=box, confidence=min(confidences) if confidences else None, text=text)
