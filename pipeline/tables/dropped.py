"""Words camelot's unruled reading put in no cell, put back in the cell of their row and nearest column.

camelot's stream reading sets its columns where the region's text lines up and assigns each text line to
the column holding it; a word standing in the gap between two columns (a header ``By`` set left over a
column of names set right of it, a short name beside a wide one) is in no column, and camelot leaves it
out: the table silently loses a column's name or a cell's word. bilag's words of the page still stand
there. Each word of a row that stands outside every column, and that camelot did not put in some cell of
that row, goes to the cell of the column beside it that is empty on its row (the column it names), else of
the nearest column, before or after its text as printed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from pipeline.base.models import PageText, Word
from pipeline.tables.columns import placed_words, words_placeable
from pipeline.tables.detect import Candidate


def with_dropped_words(candidate: Candidate, page: PageText) -> Candidate:
    """The candidate with the words camelot left out between its columns back in their cells."""
    if candidate.engine != "stream" or not words_placeable(candidate, page):
        return candidate
    spans = candidate.col_spans
    cells = [list(row) for row in candidate.cells]
    for r, row in enumerate(placed_words(candidate, page)):
        read = Counter(token for cell in candidate.cells[r] for token in cell.split())
        for c, words in enumerate(row):
            for word in words:
                if _within(word, spans) or read[word.text] > 0:
                    read[word.text] -= 1
                    continue
                c = _column(word, spans, cells[r], c)
                before = (word.x0 + word.x1) / 2 < spans[c][0]
                cells[r][c] = " ".join(filter(None, (word.text, cells[r][c]) if before else (cells[r][c], word.text)))
    found = tuple(tuple(row) for row in cells)
    return candidate if found == candidate.cells else replace(candidate, cells=found)


def _column(word: Word, spans: tuple[tuple[float, float], ...], row: list[str], nearest: int) -> int:
    """The column of a word standing in the gap between two: the one of them whose cell on its row is empty (the
    column whose name it is), else the nearest."""
    middle = (word.x0 + word.x1) / 2
    left = max((i for i, (_, right) in enumerate(spans) if right < middle), default=None)
    right = min((i for i, (start, _) in enumerate(spans) if start > middle), default=None)
    empty = [i for i in (left, right) if i is not None and not row[i]]
    return empty[0] if len(empty) == 1 else nearest


def _within(word: Word, spans: tuple[tuple[float, float], ...]) -> bool:
    middle = (word.x0 + word.x1) / 2
    return any(left <= middle <= right for left, right in spans)
