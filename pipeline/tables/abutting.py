"""Figures set right in their column that the next column's text follows close, parted from that text.

A spreadsheet prints a number right-aligned in its cell and the next cell's text left-aligned, a word gap apart
or less (``1 Ågård Efterskole``; ``9000Aalborg``, one word in the text layer): camelot reads one run over both
columns and puts it in one cell. When most cells of a column start with a figure and the page prints those
figures as a column of their own (:func:`_gutter`: glued to their text, or set right with the text set left
after them, their several widths, their numbering or a column's name over the text saying so), each cell is
parted: the figure goes to the column left of it where that is empty in those rows (the figures' own, under its
name: ``Nr.``), else the text to the column right of it where that is empty (``Postnr.`` over the figures,
``By`` over nothing), else the figures get a column of their own; the columns' spans meet at the gutter between
figures and text. A figure that is part of its text (``3 værelser``, ``12 værelser``) is set left with it: its
text does not start in line, or the same text follows most figures (a unit: ``9 år``), and the cell stays
whole.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from statistics import median

from pipeline.base.models import PageText, Word
from pipeline.tables.columns import placed_words, words_placeable
from pipeline.tables.detect import Candidate

# a cell's first run: a figure (``1``, ``9000``, ``1.234``, ``-12,5``), then, a space apart or not, a word's letter
LEADING = re.compile(r"(-?\d[\d.,]*?)( ?)([^\W\d_]\S*)(.*)")
MIN_ROWS = 3  # rows of the column that print a figure glued to its text
MOST = 0.6  # of the column's filled cells
ALIGNED = 1.0  # points: edges this close stand in line (a column's edge)

Grid = tuple[list[list[str]], list[list[float]]]  # rows of cells, and each column's [left, right]


def figures_apart(candidate: Candidate, page: PageText) -> Candidate:
    """The candidate with each column's figures set right against its text parted from it (a text-layer page;
    never an OCR'd one)."""
    if page.source != "text-layer" or candidate.sources or not words_placeable(candidate, page):
        return candidate
    placed = placed_words(candidate, page) if candidate.engine == "stream" else _row_words(candidate, page)
    rows = [list(row) for row in candidate.cells]
    spans = [list(span) for span in candidate.col_spans]
    c = 0
    while c < len(spans):
        split = _split_rows(rows, c)
        filled = sum(1 for row in rows if row[c])
        above = [w for p in placed[: min(split, default=0)] for cell in p for w in cell]  # the names over them
        printed = {r: _printed(placed[r], *split[r]) for r in split}
        gutter = _gutter(split, printed, above) if len(split) >= max(MIN_ROWS, MOST * filled) else None
        if gutter is not None:
            for r, (figure, rest) in _stragglers(rows, placed, c, gutter).items():
                rows[r][c - 1], rows[r][c] = figure, rest
            inserted = _part(rows, spans, c, split, gutter)
            placed = [p[:c] + [[]] + p[c:] for p in placed] if inserted else placed
            c += inserted
        c += 1
    cells = tuple(tuple(row) for row in rows)
    if cells == candidate.cells:
        return candidate
    if candidate.engine == "lattice" and len(spans) == len(candidate.col_spans):
        return replace(candidate, cells=cells)  # a ruled grid's columns stand between its rules
    return replace(candidate, cells=cells, col_spans=tuple((left, right) for left, right in spans))


def _row_words(candidate: Candidate, page: PageText) -> list[list[list[Word]]]:
    """A ruled grid's rows' words (each row one cell of them: :func:`_printed` finds the figure's wherever it is),
    by their middles within the row's rules (its words matched by text miss ``1Ågård`` read as ``1 Ågård``)."""
    height, (x0, _, x1, _) = page.info.height, candidate.box
    words = [w for line in page.lines for w in line if x0 <= (w.x0 + w.x1) / 2 <= x1]
    spans = candidate.row_spans
    return [[[w for w in words if bottom <= height - (w.top + w.bottom) / 2 <= top]] for top, bottom in spans]


def _split_rows(rows: list[list[str]], c: int) -> dict[int, tuple[str, str]]:
    """The rows whose cell in column ``c`` starts with a figure: the figure, and the rest of the cell."""
    found = {}
    for r, row in enumerate(rows):
        match = LEADING.fullmatch(row[c])
        if match:
            found[r] = (match.group(1), (match.group(3) + match.group(4)).strip())
    return found


def _part(rows: list[list[str]], spans: list[list[float]], c: int, split: dict, gutter: float) -> bool:
    """Each split row's figure and text in two columns, the spans parted at ``gutter``; whether a column was
    inserted (the figures' own, where neither neighbour is free)."""
    if c > 0 and all(not rows[r][c - 1] for r in split):
        for r, (figure, rest) in split.items():
            rows[r][c - 1], rows[r][c] = figure, rest
        spans[c - 1][1] = spans[c][0] = gutter
        return False
    if c + 1 < len(spans) and all(not rows[r][c + 1] for r in split):
        for r, (figure, rest) in split.items():
            rows[r][c], rows[r][c + 1] = figure, rest
        spans[c][1] = spans[c + 1][0] = gutter
        return False
    for r, row in enumerate(rows):
        figure, rest = split.get(r, ("", row[c]))
        row[c : c + 1] = [figure, rest]
    spans[c : c + 1] = [[spans[c][0], gutter], [gutter, spans[c][1]]]
    return True


def _stragglers(rows: list[list[str]], placed: list, c: int, gutter: float) -> dict[int, tuple[str, str]]:
    """Rows of the figures' column left of column ``c`` that hold a figure and its text both, column ``c`` empty
    (camelot put the run in the cell it starts in), the page printing them across the ``gutter``: parted too."""
    found = {}
    for r, (figure, rest) in _split_rows(rows, c - 1).items() if c > 0 else ():
        words = _printed(placed[r], figure, rest)
        if not rows[r][c] and words and words[0].x0 < gutter < words[-1].x1:
            found[r] = (figure, rest)
    return found


def _printed(row: list[list[Word]], figure: str, rest: str) -> list[Word]:
    """The words of the row that print the figure and the text after it (in whichever columns they were placed):
    one word glued (``25Skovhuset``), or the figure and the next word; none when the row prints neither."""
    words = sorted((w for cell in row for w in cell), key=lambda w: w.x0)
    first = rest.split()[0]
    for k, word in enumerate(words):
        if word.text == figure + first:
            return [word]
        if word.text == figure and k + 1 < len(words) and words[k + 1].text == first:
            return words[k : k + 2]
    return []


def _gutter(split: dict[int, tuple[str, str]], words: dict[int, list[Word]], above: list[Word]) -> float | None:
    """Where the rows' figures end and their text starts, when the figures stand in a column of their own; None
    when they do not. So the page prints each glued to a name (one word, ``9000Aalborg``: no gap a word makes;
    ``1a``, ``25g`` are codes and units), or set right (their right edges in line) with the text after them set
    left (its left edges in line), not the same text after most (a unit: ``9 år``, ``10 år``), and one of: their
    left edges not in line (figures of several widths), figures that count the rows (``63``, ``64``), or a
    column's name ``above`` them starting where the text does (``By`` over the towns)."""
    glued = [(words[r][0], len(figure)) for r, (figure, rest) in split.items() if len(words[r]) == 1 and _named(rest)]
    if len(glued) == len(split):  # where the figure ends in its word, by its share of the word's letters
        return median(w.x0 + (w.x1 - w.x0) * n / len(w.text) for w, n in glued)
    pairs = [words[r] for r in split if len(words[r]) == 2]
    if len(pairs) != len(split) or Counter(rest for _, rest in split.values()).most_common(1)[0][1] >= len(split) / 2:
        return None  # not so printed, or the same text after most figures: their unit (``9 år``, ``10 år``)
    right, left, after = ([getattr(pair[k], edge) for pair in pairs] for k, edge in ((0, "x1"), (0, "x0"), (1, "x0")))
    if _spread(right) > ALIGNED or _spread(after) > ALIGNED:
        return None
    counting = _counting([figure for figure, _ in split.values()])
    named = any(abs(w.x0 - min(after)) <= ALIGNED for w in above)
    return (max(right) + min(after)) / 2 if _spread(left) > ALIGNED or counting or named else None


def _named(text: str) -> bool:
    """Text that starts as a name does: a capital letter, then another letter (``Aalborg``; not ``a``, ``G``)."""
    return len(text) > 1 and text[0].isupper() and text[1].isalpha()


def _counting(figures: list[str]) -> bool:
    """The figures number the rows: each one more than the one before."""
    numbers = [int(f) if f.isdigit() else None for f in figures]
    return None not in numbers and all(b == a + 1 for a, b in zip(numbers, numbers[1:]))


def _spread(values: list[float]) -> float:
    return max(values) - min(values)
