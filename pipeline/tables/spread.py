"""A printed line camelot put in one cell across several columns, spread over the columns it stands in.

camelot's unruled reading groups a line's characters into runs of text; where two columns stand a space
apart (a tight report: ``184066 BAW AJANTA CABAB``), a run covers several of them and lands in one cell,
the cells beside it left empty. bilag's own words still stand where they are printed: a word goes to the
empty cell of the column it stands in when it starts where that column's words start in other rows, or
ends where they end (left- or right-aligned, as the column is printed). A title or a long label that runs
on over a column lines up with none of its words there, and stays as camelot read it. In a ruled grid
camelot puts a line's text in the cell it starts in though a rule parts it (``141,000 799,750``): a word
goes to the empty cell whose rules it stands within, when it is a figure (a heading over a row whose rules
are not drawn stays whole).
"""

from __future__ import annotations

from dataclasses import replace

from pipeline.base.models import PageText, Word
from pipeline.tables.columns import placed_words, words_placeable
from pipeline.tables.detect import Candidate
from pipeline.tables.headed import headed_columns
from pipeline.tables.header_lines import with_header_lines
from pipeline.tables.words import FIGURE

ALIGNED = 1.0  # points: a word starts (or ends) this close to where its column's words start (or end)
MIN_ALIGNED = 2  # other rows of the column whose words start (or end) there


def spread_lines(candidate: Candidate, page: PageText) -> Candidate:
    """The candidate with each row whose words camelot put in one cell over several columns spread out (a
    header's lines left out above the region taken in first, :mod:`pipeline.tables.header_lines`, and a header
    printed beside its figures one column with them, :mod:`pipeline.tables.headed`)."""
    candidate = headed_columns(with_header_lines(candidate, page), page)
    if not words_placeable(candidate, page):
        return candidate
    placed = placed_words(candidate, page)
    ruled = candidate.col_spans if candidate.engine == "lattice" else None
    rows = [_spread(r, candidate.cells[r], placed, ruled) for r in range(len(candidate.cells))]
    cells = tuple(rows)
    return candidate if cells == candidate.cells else replace(candidate, cells=cells)


def _spread(
    r: int, row: tuple[str, ...], placed: list[list[list[Word]]], ruled: tuple[tuple[float, float], ...] | None
) -> tuple[str, ...]:
    """The row as its words stand, when it fills only cells camelot left empty, with words aligned in their
    columns (in a ruled grid: figures within their column's rules), and spells what camelot read; else the row as
    camelot read it."""
    words = placed[r]
    texts = tuple(" ".join(w.text for w in cell) for cell in words)
    if texts == row or _letters(texts) != _letters(row):
        return row
    filled = [c for c, cell in enumerate(words) if cell and not row[c]]
    if ruled is not None:
        fits = all(
            ruled[c][0] <= w.x0 and w.x1 <= ruled[c][1] and FIGURE.match(w.text) for c in filled for w in words[c]
        )
    else:
        fits = all(_aligned(words[c], c, r, placed) for c in filled)
    return texts if filled and fits else row


def _aligned(cell: list[Word], column: int, r: int, placed: list[list[list[Word]]]) -> bool:
    """The cell's words start where the column's words start in other rows, or end where they end."""
    others = [row[column] for n, row in enumerate(placed) if n != r and row[column]]
    starts = sum(1 for words in others if abs(words[0].x0 - cell[0].x0) <= ALIGNED)
    ends = sum(1 for words in others if abs(words[-1].x1 - cell[-1].x1) <= ALIGNED)
    return max(starts, ends) >= MIN_ALIGNED


def _letters(cells: tuple[str, ...]) -> list[str]:
    return sorted("".join(cells).replace(" ", ""))
