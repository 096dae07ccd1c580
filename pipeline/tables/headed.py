"""A header printed beside its figures, not over them, in one column with them.

A word processor prints a table's text left in its cell and its figures right (or as the author set
them): in a wide cell a short header (``2024``) and the figures under it then stand side by side, no word
of one over a word of the other, and camelot's unruled reading makes two columns of them, the header over
an empty column and the figures under none. The evidence of all rows joins them: a column that prints
only header text, and the column right of it that prints only body text and no header, with no row
printing in both, are one printed column when together they are no wider than the table's column pitch
(how far apart its columns of figures, or its header cells, stand): two printed columns side by side are
wider than that.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from pipeline.base.models import PageText, Word
from pipeline.tables.columns import placed_words, words_placeable
from pipeline.tables.detect import Candidate
from pipeline.tables.structure import header_rows
from pipeline.tables.words import FIGURE

MIN_PITCHES = 1  # gaps between columns of figures to measure the pitch by
FIGURE_SHARE = 0.5  # a column of figures: at least this share of its body's filled cells are figures


def headed_columns(candidate: Candidate, page: PageText) -> Candidate:
    """The unruled candidate with each header-only column joined to the body-only column right of it, where
    they make one printed column (see the module's doc)."""
    if candidate.engine != "stream" or not words_placeable(candidate, page):
        return candidate
    header = header_rows(candidate.cells)
    if header == 0 or header >= len(candidate.cells):
        return candidate
    placed = placed_words(candidate, page)
    pitch = _pitch(candidate, placed, header)
    if pitch is None:
        return candidate
    joins = []
    c = 1  # the row-label column is joined to nothing
    while c < len(candidate.col_spans) - 1:
        if _one_column(candidate, placed, header, c, pitch):
            joins.append(c)
            c += 2
        else:
            c += 1
    return _joined(candidate, joins) if joins else candidate


def _one_column(candidate: Candidate, placed: list[list[list[Word]]], header: int, c: int, pitch: float) -> bool:
    """Column ``c`` prints only header text, ``c + 1`` only body text, and their words together stand no wider
    than the pitch."""
    cells = candidate.cells
    head_only = any(row[c] for row in cells[:header]) and not any(row[c] for row in cells[header:])
    body_only = any(row[c + 1] for row in cells[header:]) and not any(row[c + 1] for row in cells[:header])
    if not (head_only and body_only):
        return False
    lowest = max(r for r in range(header) if cells[r][c])  # a heading above may span several columns
    left = _words(candidate, placed, c, [lowest])
    right = _words(candidate, placed, c + 1, range(header, len(placed)))
    if not left or not right or max(w.x1 for w in left) > min(w.x0 for w in right):
        return False  # the header's words stand over the figures: camelot would have read one column
    return max(w.x1 for w in right) - min(w.x0 for w in left) <= pitch


def _words(candidate: Candidate, placed: list[list[list[Word]]], c: int, rows: Iterable[int]) -> list[Word]:
    """The words of column ``c`` in ``rows`` that stand in cells camelot read text in (a line of prose under the
    table lies across every column, camelot's text in its first)."""
    return [w for r in rows if candidate.cells[r][c] for w in placed[r][c]]


def _pitch(candidate: Candidate, placed: list[list[list[Word]]], header: int) -> float | None:
    """How wide the table's columns stand: the median distance between the right edges of neighbouring columns
    of body figures, or between the left edges of neighbouring header cells (the lowest of each column),
    whichever is less (a column left empty between two puts them two columns apart); None if neither."""
    figures, names = [], []
    for c in range(1, len(candidate.col_spans)):
        words = _words(candidate, placed, c, range(header, len(placed)))
        filled = [row[c] for row in candidate.cells[header:] if row[c]]
        count = sum(1 for v in filled if FIGURE.match(v.replace(" ", "").rstrip("%")))
        if words and count >= FIGURE_SHARE * len(filled):
            figures.append(max(w.x1 for w in words))
        named = [r for r in range(header) if candidate.cells[r][c]]
        if named and (words := _words(candidate, placed, c, named[-1:])):
            names.append(min(w.x0 for w in words))
    pitches = [_median([b - a for a, b in zip(edges, edges[1:])]) for edges in (figures, names)]
    return min((p for p in pitches if p is not None), default=None)


def _median(gaps: list[float]) -> float | None:
    return sorted(gaps)[len(gaps) // 2] if len(gaps) >= MIN_PITCHES else None


def _joined(candidate: Candidate, joins: list[int]) -> Candidate:
    """Each column in ``joins`` and the one right of it as one column."""
    keep = [c for c in range(len(candidate.col_spans)) if c - 1 not in joins]
    rows = tuple(
        tuple(row[c] + row[c + 1] if c in joins else row[c] for c in keep)  # one of the two is empty
        for row in candidate.cells
    )
    spans = tuple(
        (candidate.col_spans[c][0], candidate.col_spans[c + 1][1]) if c in joins else candidate.col_spans[c]
        for c in keep
    )
    return replace(candidate, cells=rows, col_spans=spans)
