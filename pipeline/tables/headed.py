"""A header printed beside its figures, not over them, in one column with them.

A word processor prints a table's text left in its cell and its figures right (or as the author set
them): in a wide cell a short header (``2024``) and the figures under it then stand side by side, no word
of one over a word of the other, and camelot's unruled reading makes two columns of them, the header over
an empty column and the figures under none. The evidence of all rows joins them: a column that prints
only header text, and the column right of it that prints only body text and no header at that height,
with no row printing in both, are one printed column when together they are no wider than the table's
column pitch (how far apart its columns of figures, or its header cells, stand): two printed columns
side by side are wider than that.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from pipeline.base.models import PageText, Word
from pipeline.tables.columns import placed_words, words_placeable
from pipeline.tables.detect import Candidate
from pipeline.tables.structure import header_rows
from pipeline.tables.words import FIGURE

MIN_PITCHES = 1  # gaps between columns of figures to measure the pitch by
FIGURE_SHARE = 0.5  # a column of figures: at least this share of its body's filled cells are figures
ALIGNED = 1.0  # points: a header cell's lines start, end or are centred this close to one another


def headed_columns(candidate: Candidate, page: PageText) -> Candidate:
    """The unruled candidate with each header-only column joined to the body-only column right of it, where
    they make one printed column (see the module's doc)."""
    if candidate.engine != "stream" or not words_placeable(candidate, page):
        return candidate
    header = header_rows(candidate.cells)
    if header == 0 or header >= len(candidate.cells):
        return candidate
    # the table's body ends with its last row of figures: lines under it (prose, the next table's caption
    # and header, read into the same region) are no evidence of its columns
    end = 1 + max((r for r, row in enumerate(candidate.cells) if r >= header and _figured(row)), default=header)
    split, halves = _split(candidate, placed_words(candidate, page)[:end], header)
    placed = placed_words(split, page)[:end]
    view = replace(split, cells=split.cells[:end])
    pitch = _pitch(view, placed, header)
    if pitch is None or end <= header:
        return candidate
    joins: dict[int, int] = {}  # a header-only column -> the body-only column it joins (empty ones between)
    for c in range(1, len(split.col_spans) - 1):  # the row-label column is joined to nothing
        k = next((k for k in range(c + 1, len(split.col_spans)) if any(row[k] for row in view.cells)), None)
        if (
            k is not None
            and not any(a <= c <= b for a, b in joins.items())
            and all(sum(1 for v in row[c : k + 1] if v) <= 1 for row in split.cells)  # no row prints in two
            and _one_column(view, placed, header, c, k, pitch)
        ):
            joins[c] = k
    if not joins:
        return candidate
    used = {n for c, k in joins.items() for n in (c, k)}
    joins |= {c: c + 1 for c in halves if c not in used and c + 1 not in used}  # a column split for nothing
    return _joined(split, joins)


def _split(candidate: Candidate, placed: list[list[list[Word]]], header: int) -> tuple[Candidate, list[int]]:
    """The candidate with each column whose header and body words stand apart, no word of one over a word of
    the other (camelot read a header beside the figures of its neighbour into their column), split between
    them: its header cells in one half, its body cells in the other; and the first halves' indices."""
    cells, spans, halves = [list(row) for row in candidate.cells], list(candidate.col_spans), []
    for c in range(len(candidate.col_spans) - 1, 0, -1):
        named = [r for r in range(header) if candidate.cells[r][c]]
        head = _words(candidate, placed, c, named[-1:])
        body = _words(candidate, placed, c, range(header, len(placed)))
        if not head or not body:
            continue
        (h0, h1), (b0, b1) = _extent(head), _extent(body)
        if h1 < b0 or b1 < h0:
            cut = (h1 + b0) / 2 if h1 < b0 else (b1 + h0) / 2
            head_first = h1 < b0
            for r, row in enumerate(cells):
                text = row[c]
                upper = r < header
                row[c : c + 1] = [text, ""] if upper == head_first else ["", text]
            spans[c : c + 1] = [(spans[c][0], cut), (cut, spans[c][1])]
            halves = [c] + [h + 1 for h in halves]
    return replace(candidate, cells=tuple(tuple(row) for row in cells), col_spans=tuple(spans)), halves


def _extent(words: list[Word]) -> tuple[float, float]:
    return min(w.x0 for w in words), max(w.x1 for w in words)


def _one_column(
    candidate: Candidate, placed: list[list[list[Word]]], header: int, c: int, k: int, pitch: float
) -> bool:
    """Column ``c`` prints only header text, ``k`` body text and no header at the height of ``c``'s lowest
    name or below but that name's next lines (``Antal`` over ``dyreenheder``, set left, the wider second line read
    into ``k``; a heading above may span several columns: ``Budget (1.000 kr.)`` over the years), and their
    words together stand no wider than the pitch."""
    cells = candidate.cells
    if not any(row[c] for row in cells[:header]) or any(row[c] for row in cells[header:]):
        return False
    lowest = max(r for r in range(header) if cells[r][c])
    if not any(row[k] for row in cells[header:]) or cells[lowest][k]:
        return False
    name = _words(candidate, placed, c, [lowest])
    under = [r for r in range(lowest + 1, header) if cells[r][k]]  # the name's next lines, wider, read into k
    if under and not (name and _lines_of(name, _words(candidate, placed, k, under))):
        return False
    words = name + _words(candidate, placed, k, range(header, len(cells)))
    return bool(words) and max(w.x1 for w in words) - min(w.x0 for w in words) <= pitch


def _lines_of(name: list[Word], lines: list[Word]) -> bool:
    """``lines`` stand under the header cell ``name`` as its next lines: set as it is (starting, ending or
    centred where it does)."""
    a0, a1 = _extent(name)
    b0, b1 = _extent(lines)
    return min(abs(a0 - b0), abs(a1 - b1), abs((a0 + a1) - (b0 + b1)) / 2) <= ALIGNED


def _words(candidate: Candidate, placed: list[list[list[Word]]], c: int, rows: Iterable[int]) -> list[Word]:
    """The words that print column ``c``'s text in ``rows``: for each of camelot's words of a cell, the word of
    its row that spells it nearest the column (a word placed by its middle may stand in the next column's
    span though camelot read it in this one); none where camelot read no text (a line of prose under the
    table lies across every column, camelot's text in its first)."""
    left, right = candidate.col_spans[c]
    found = []
    for r in rows:
        wanted = Counter(candidate.cells[r][c].split())
        for word in sorted((w for cell in placed[r] for w in cell), key=lambda w: max(left - w.x1, w.x0 - right, 0)):
            if wanted[word.text] > 0:
                wanted[word.text] -= 1
                found.append(word)
    return found


def _pitch(candidate: Candidate, placed: list[list[list[Word]]], header: int) -> float | None:
    """How wide the table's columns stand: the median distance between the right edges of neighbouring columns
    of body figures, or between the left edges of neighbouring header cells (the lowest of each column),
    whichever is less (a column left empty between two puts them two columns apart); None if neither."""
    figures, names = [], []
    for c in range(1, len(candidate.col_spans)):
        words = _words(candidate, placed, c, range(header, len(placed)))
        filled = [row[c] for row in candidate.cells[header:] if row[c]]
        count = sum(1 for v in filled if _figured(("", v)))
        if words and count >= FIGURE_SHARE * len(filled):
            figures.append(max(w.x1 for w in words))
        named = [r for r in range(header) if candidate.cells[r][c]]
        if named and (words := _words(candidate, placed, c, named[-1:])):
            names.append(min(w.x0 for w in words))
    pitches = [_median([b - a for a, b in zip(edges, edges[1:])]) for edges in (figures, names)]
    return min((p for p in pitches if p is not None), default=None)


def _figured(row: tuple[str, ...]) -> bool:
    return any(FIGURE.match(v.replace(" ", "").rstrip("%")) for v in row[1:] if v)


def _median(gaps: list[float]) -> float | None:
    return sorted(gaps)[len(gaps) // 2] if len(gaps) >= MIN_PITCHES else None


def _joined(candidate: Candidate, joins: dict[int, int]) -> Candidate:
    """Each column in ``joins`` and the columns up to the one it joins (empty between) as one column."""
    inside = {n for c, k in joins.items() for n in range(c + 1, k + 1)}
    keep = [c for c in range(len(candidate.col_spans)) if c not in inside]
    rows = tuple(
        tuple("".join(row[c : joins[c] + 1]) if c in joins else row[c] for c in keep)  # one of them has text
        for row in candidate.cells
    )
    spans = tuple(
        (candidate.col_spans[c][0], candidate.col_spans[joins[c]][1]) if c in joins else candidate.col_spans[c]
        for c in keep
    )
    return replace(candidate, cells=rows, col_spans=spans)
