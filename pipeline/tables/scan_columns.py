"""An OCR'd table's columns that camelot read as one, split where a printed column starts.

camelot finds an OCR'd page's columns from the searchable PDF's invisible words. One word the OCR
read across two printed columns (a name clipped at its cell's edge runs into the address:
``VognporterSct.``) closes the gap between them, and camelot reads both as one column: every row then
publishes a name and an address as one cell. bilag's own words still show the printed column: most
rows start a word at one x (a left-aligned column), each well apart from the word before it, and hardly
a word runs across that x. The column is split there. A word that does run across it is cut at the
edge, in proportion to its letters (at a change from small to capital letter where one stands next to
that place: ``Vognporter`` | ``Sct.``); both cells are marked (``Cell.across``) and named by a finding:
where the cut falls is an estimate.
"""

from __future__ import annotations

import re
from dataclasses import replace
from statistics import median

from pipeline.base.models import PageText, Word
from pipeline.tables.detect import Candidate
from pipeline.tables.words import SLACK, column_of, from_words, lines_across

FLUSH = 2.0  # points: the words of a left-aligned column start this close on an OCR'd page
APART = 2.5  # ... each at least this many of the table's spaces between words after the word before it
MIN_STARTS = 4  # rows that start a word at the column's edge
ALIGNED = 0.85  # share of the rows with words on both sides of the edge that start flush at it
SET_LEFT = 10.0  # points: the cells starting at an edge end this far apart at least: the column is set left
MAX_ACROSS = 0.2  # share of those rows (at least one row) whose word may run across the edge

Cells = list[list[list[Word]]]  # a row per line, a list of words per column


def from_words_split(candidate: Candidate, page: PageText) -> Candidate:
    """An OCR'd region's cells from bilag's own words (:func:`pipeline.tables.words.from_words`), each column
    that holds two printed ones split at the second one's left edge first, and each word printed across a
    left-aligned column's edge cut there, its two cells marked ``across``."""
    if page.source != "ocr" or not candidate.col_spans:
        return from_words(candidate, page)
    placed = _placed(candidate, page)
    space = _space(placed)
    splits = {c: found for c in range(len(candidate.col_spans)) if (found := column_starts(placed, c, space))}
    edges = {c: x for c in range(1, len(candidate.col_spans)) if (x := column_edge(placed, c)) is not None}
    every = sorted([*edges.values(), *(x for xs in splits.values() for x in xs)])
    cut_page, cuts = _words_cut(page, candidate, every, space)
    split = from_words(_with_columns(_at_edges(candidate, edges), splits), cut_page)
    if not split.sources:  # not read from the words after all: camelot's columns stand
        return from_words(candidate, page)
    return _marked_across(split, cuts) if cuts else split


def column_edge(placed: Cells, column: int) -> float | None:
    """The x where a left-aligned column starts: most of its cells start there, ending at different places,
    and (almost) no word runs across it; None for a column set otherwise (figures set right, centred)."""
    firsts = sorted(cell[0].x0 for row in placed if (cell := row[column]))
    runs: list[list[float]] = []
    for x in firsts:
        if runs and x - runs[-1][0] <= FLUSH:
            runs[-1].append(x)
        else:
            runs.append([x])
    if not runs:
        return None
    run = max(runs, key=len)
    x = median(run)
    ends = [cell[-1].x1 for row in placed if (cell := row[column]) and abs(cell[0].x0 - x) <= FLUSH]
    if max(ends) - min(ends) < SET_LEFT:
        return None  # cells of one width (codes, telephone numbers): set left, right or centred alike
    words = [[*row[column - 1], *row[column]] for row in placed if row[column]]
    across = sum(1 for cell in words if any(_runs_across(w, x) for w in cell))
    judged = len(firsts)
    if len(run) >= MIN_STARTS and len(run) >= ALIGNED * judged and across <= max(1, MAX_ACROSS * judged):
        return x
    return None


def column_starts(placed: Cells, column: int, space: float) -> list[float]:
    """The x where a printed column starts inside ``column``: most rows with words on both sides of it start a
    word there, well apart from the word before, and (almost) no word runs across it."""
    found: list[float] = []
    for x in _flush_starts([row[column] for row in placed], space):
        across = sum(1 for row in placed if any(_runs_across(w, x) for w in row[column]))
        sides = [c for row in placed if _both_sides(c := row[column], x) and not any(_runs_across(w, x) for w in c)]
        starts = sum(1 for cell in sides if _starts_at(cell, x, space))
        judged = len(sides) + across
        if starts >= MIN_STARTS and starts >= ALIGNED * judged and across <= max(1, MAX_ACROSS * judged):
            found.append(x)
    return found


def _flush_starts(cells: list[list[Word]], space: float) -> list[float]:
    """The x of each run of at least MIN_STARTS words, not a cell's first, that start within FLUSH of each
    other, each well apart from the word before it (a run's middle start)."""
    starts = sorted(b.x0 for cell in cells for a, b in zip(cell, cell[1:]) if b.x0 - a.x1 >= APART * space)
    runs: list[list[float]] = []
    for x in starts:
        if runs and x - runs[-1][0] <= FLUSH:
            runs[-1].append(x)
        else:
            runs.append([x])
    return [median(run) for run in runs if len(run) >= MIN_STARTS]


def _both_sides(cell: list[Word], x: float) -> bool:
    return any(w.x1 <= x + FLUSH for w in cell) and any(w.x0 >= x - FLUSH for w in cell)


def _starts_at(cell: list[Word], x: float, space: float) -> bool:
    """A word of the cell starts at x, apart from the one before it."""
    return any(abs(b.x0 - x) <= FLUSH and b.x0 - a.x1 >= APART * space for a, b in zip(cell, cell[1:]))


def _runs_across(word: Word, x: float) -> bool:
    return word.x0 < x - FLUSH and word.x1 > x + FLUSH


def _placed(candidate: Candidate, page: PageText) -> Cells:
    """The words of each line of the region in the column of their middle, as :func:`from_words` puts them."""
    x0, _, x1, _ = candidate.box
    placed = []
    for line in lines_across(page, candidate.box):
        row: list[list[Word]] = [[] for _ in candidate.col_spans]
        for word in sorted(line, key=lambda w: w.x0):
            if x0 - SLACK <= (word.x0 + word.x1) / 2 <= x1 + SLACK:
                row[column_of(word, candidate.col_spans)].append(word)
        placed.append(row)
    return placed


def _space(placed: Cells) -> float:
    """The table's space between words: the median gap between neighbouring words of a cell."""
    gaps = [b.x0 - a.x1 for row in placed for cell in row for a, b in zip(cell, cell[1:]) if b.x0 > a.x1]
    return median(gaps) if gaps else 3.0


def _with_columns(candidate: Candidate, edges: dict[int, list[float]]) -> Candidate:
    """The candidate with each column of ``edges`` split at its edges (camelot's cells padded to the new
    columns: the words are put in them again)."""
    spans: list[tuple[float, float]] = []
    cells = [list(row) for row in candidate.cells]
    for c, (left, right) in enumerate(candidate.col_spans):
        cuts = [left, *edges.get(c, []), right]
        spans += [(a - (FLUSH if a != left else 0), b - (FLUSH if b != right else 0)) for a, b in zip(cuts, cuts[1:])]
    width = len(spans)
    cells = [row + [""] * (width - len(row)) for row in cells]
    return replace(candidate, col_spans=tuple(spans), cells=tuple(tuple(row) for row in cells))


def _words_cut(
    page: PageText, candidate: Candidate, edges: list[float], space: float
) -> tuple[PageText, list[tuple[float, float, float]]]:
    """The page with each word of the region's body that runs across an edge, and goes on there (the next word
    a space after it), cut there; and where each cut was made (the edge, the cut's x, the word's middle height)."""
    spans = candidate.col_spans
    # a line of the body fills half its columns at least: a heading printed across them is no error
    region = {id(line) for line in lines_across(page, candidate.box) if 2 * _filled(line, spans) >= len(spans)}
    cuts: list[tuple[float, float, float]] = []
    lines = []
    for line in page.lines:
        words: list[Word] = []
        ordered = sorted(line, key=lambda w: w.x0)
        for word, after in zip(ordered, [*ordered[1:], None]):
            goes_on = after is not None and after.x0 - word.x1 < APART * space
            x = next((x for x in edges if id(line) in region and goes_on and _runs_across(word, x)), None)
            parts = _cut(word, x) if x is not None else (word,)
            if len(parts) == 2:
                cuts.append((x, parts[0].x1, (word.top + word.bottom) / 2))
            words += parts
        lines.append(words)
    return (replace(page, lines=lines), cuts) if cuts else (page, [])


def _filled(line: list[Word], spans: tuple[tuple[float, float], ...]) -> int:
    return len({i for w in line for i, (left, right) in enumerate(spans) if left <= (w.x0 + w.x1) / 2 <= right})


CAPITAL_AFTER_SMALL = re.compile(r"(?<=[a-zæøå])(?=[A-ZÆØÅ])")


def _cut(word: Word, x: float) -> tuple[Word, ...]:
    """The word in two at x, its letters shared out in proportion to its width; at a change from small to
    capital letter one letter either side of that place, if there is one."""
    text, width = word.text, word.x1 - word.x0
    at = round((x - word.x0) / width * len(text))
    near = [m.start() for m in CAPITAL_AFTER_SMALL.finditer(text) if abs(m.start() - at) <= 1]
    at = min(max(near[0] if near else at, 1), len(text) - 1)
    if len(text) < 2:
        return (word,)
    middle = word.x0 + width * at / len(text)
    return replace(word, text=text[:at], x1=middle), replace(word, text=text[at:], x0=middle)


def _at_edges(candidate: Candidate, edges: dict[int, float]) -> Candidate:
    """The candidate with each column of ``edges`` starting at its printed edge (camelot may start it at a word
    that runs across it)."""
    spans = list(candidate.col_spans)
    for c, x in edges.items():
        spans[c - 1], spans[c] = (spans[c - 1][0], x - FLUSH), (x - FLUSH, spans[c][1])
    return replace(candidate, col_spans=tuple(spans))


def _marked_across(candidate: Candidate, cuts: list[tuple[float, float, float]]) -> Candidate:
    """Each cell that holds a part of a word cut at an edge marked ``across``."""
    sources = tuple(
        tuple(
            replace(cell, across=True)
            if cell.box
            and any(
                cell.box[0] - FLUSH <= x <= cell.box[2] + FLUSH and cell.box[1] <= y <= cell.box[3] for _, x, y in cuts
            )
            else cell
            for cell in row
        )
        for row in candidate.sources
    )
    return replace(candidate, sources=sources)
