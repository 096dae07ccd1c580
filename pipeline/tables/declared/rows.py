"""How one printed table line becomes a label and cells.

A table's columns are found from its complete rows (every column filled with a clean
number): the x range of each column and where the figures start. Every other line is
then read by position: words left of the figures are its label; each word in the
figure zone goes to the nearest column; a word that is no number (``TAL``, ``'S)``)
is kept as an unreadable cell with its box, so it can be looked at again.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, replace

from pipeline.base.models import Cell, Word
from pipeline.base.numbers import DASHES, is_mark, read_number
from pipeline.tables.declared.figures import ALIGNED, DOUBTFUL, aligned, cut_specks, without_specks

# "370-Næstved" or '"175' (a rule's remnant before it): an OCR joined the code to what stood beside it.
GLUED_CODE = re.compile(r"^[^\w\s]{0,2}(\d{3})(?:[^\w\s]?([^\W\d_].*)|[^\w\s]{0,2})$")
ZONE_SLACK = 6.0  # points: a figure may start this far left of the leftmost figure seen
JOINED_CONFIDENCE = 0.5  # at most this sure of a figure put together from several OCR words
OUTSIDE = 15.0  # points right of the last column beyond which a word is not part of the table
MIN_FIGURES = 3  # clean figures a page needs to tell how far it stands from the columns found elsewhere
SMUDGE_CHARACTERS = 3  # a blot over a figure reads as a few marks or letters ("E", "@"), never as a label's word


@dataclass(frozen=True)
class Line:
    page: int
    words: list[Word]
    source: str = "text-layer"

    @property
    def text(self) -> str:
        return " ".join(word.text for word in self.words)


@dataclass
class Row:
    """One parsed line: its label and the words in its figure zone."""

    line: Line
    label: str
    values: list[Word]


@dataclass(frozen=True)
class Columns:
    """Where a table's figures are printed, from its complete rows."""

    left: tuple[float, ...]
    right: tuple[float, ...]

    @property
    def zone_start(self) -> float:
        return self.left[0] - ZONE_SLACK


def kommunekode_of(text: str) -> int | None:
    """The three digits a municipality row starts with (an OCR's ``l01`` included)."""
    reading = read_number(text)
    return reading.value if len(text) == 3 and reading.value is not None else None


def unglue(words: list[Word]) -> list[Word]:
    """A kommunekode the OCR joined to a mark before it or the name after it, split off again."""
    glued = GLUED_CODE.match(words[0].text) if words else None
    if glued is None or glued[0] == glued[1]:
        return words
    first = words[0]
    if glued[2] is None:
        return [replace(first, text=glued[1])] + words[1:]
    cut = first.x0 + (first.x1 - first.x0) * (len(first.text) - len(glued[2])) / len(first.text)
    return [replace(first, text=glued[1], x1=cut), replace(first, text=glued[2], x0=cut)] + words[1:]


def _junk_before_code(words: list[Word]) -> int:
    """How many specks or rule remnants ("—", ">", "É") stand before a row's kommunekode."""
    for start in range(min(2, len(words) - 1) + 1):
        if GLUED_CODE.match(words[start].text) or code_like(words[start].text):
            return start
        if len(words[start].text) > 2 and not is_mark(words[start].text):
            return 0
    return 0


def code_like(text: str) -> bool:
    """A token that may be a misread kommunekode ("7173", "$61", "71713"): mostly digits, three to five long."""
    digits = sum(ch.isdigit() for ch in text)
    return 3 <= len(text) <= 5 and digits >= 2


def _label_length(line: Line) -> tuple[Line, int]:
    """The line with a glued kommunekode split off, and how many words at least are label."""
    words = unglue(line.words[_junk_before_code(line.words) :])
    return replace(line, words=words), 2 if kommunekode_of(words[0].text) is not None else 1


def strict_split(line: Line) -> Row | None:
    """Label then clean numbers; None if anything else follows the first number."""
    line, skip = _label_length(line)
    words = line.words
    first = next((i for i, w in enumerate(words) if i >= skip and _clean(w.text)), len(words))
    values = words[first:]
    if any(not _clean(word.text) for word in values):
        return None
    return Row(line, " ".join(word.text for word in words[:first]), values)


def _clean(text: str) -> bool:
    """A dash, or a number read exactly as printed."""
    reading = read_number(text)
    return text in DASHES or (reading.value is not None and not reading.fixed)


def find_columns(lines: list[Line], width: int, dashes: bool = True) -> Columns | None:
    """Where each column's figures stand, from the rows that print a clean figure in every column.

    A scan's speck read as a dash fills a row that prints a blank (``42.186 - 3.008``): on a
    page where few rows print every column, it would pull a column onto the next one's
    figures. So the rows whose every cell is a number decide when there are any (the only
    ones unless ``dashes``), and each column's right edge is then where the page's clean
    figures near it end (the median).
    """
    rows = [row.values for row in map(strict_split, lines) if row is not None]
    full = [values for values in rows if len(values) == width]
    numbers = [values for values in full if not any(w.text in DASHES for w in values)]
    full = numbers or (full if dashes else [])
    if not full:
        return None
    # Right-aligned figures: the column starts where its widest figures start (a low quantile, so
    # one misplaced word does not stretch it) and ends where they all end.
    left = tuple(_low_quantile([values[i].x0 for values in full]) for i in range(width))
    right = tuple(statistics.median(values[i].x1 for values in full) for i in range(width))
    return Columns(left, _settled(right, [w for values in rows for w in values if w.text not in DASHES]))


def shifted_columns(lines: list[Line], columns: Columns) -> Columns:
    """``columns`` (found on other pages) moved as far as this page's figures stand from them.

    A page that prints no complete row (a scan's page where a blank-able column is empty in every
    row, or its figures read with specks) has no columns of its own; a scan shifts the whole page,
    so its clean figures end a like distance right or left of where the other pages' columns end.
    """
    edges = sorted(columns.right)
    reach = min((b - a for a, b in zip(edges, edges[1:])), default=4 * ALIGNED) / 2
    rows = [row.values for row in map(strict_split, lines) if row is not None]
    moves = []
    for word in (w for values in rows for w in values if w.text not in DASHES):
        nearest = min(columns.right, key=lambda edge: abs(word.x1 - edge))
        if abs(word.x1 - nearest) < reach:
            moves.append(word.x1 - nearest)
    if len(moves) < MIN_FIGURES:
        return columns
    move = statistics.median(moves)
    figures = [w for values in rows for w in values if w.text not in DASHES]
    right = _settled(tuple(edge + move for edge in columns.right), figures)
    return Columns(tuple(edge + move for edge in columns.left), right)


def _settled(right: tuple[float, ...], figures: list[Word]) -> tuple[float, ...]:
    """Each column's right edge moved to the median of the clean figures ending near it: within twice
    ``ALIGNED``, then within ``ALIGNED`` of that (an edge with no figure near it stays)."""
    for reach in (2 * ALIGNED, ALIGNED):
        ends = [[w.x1 for w in figures if abs(w.x1 - edge) <= reach] for edge in right]
        right = tuple(statistics.median(near) if near else edge for near, edge in zip(ends, right))
    return right


def split(line: Line, columns: Columns | None) -> Row | None:
    """Label words, then the words in the figure zone (by position when columns are known)."""
    if columns is None:
        return strict_split(line)
    line, skip = _label_length(line)
    words = line.words
    first = next((i for i, w in enumerate(words) if i >= skip and _in_figures(w, columns)), len(words))
    return Row(line, " ".join(word.text for word in words[:first]), [w for w in words[first:] if not is_mark(w.text)])


def _in_figures(word: Word, columns: Columns) -> bool:
    """Mostly in the figure zone, or a number or a smudge ending where a column ends.

    A bold total is wider than any figure, and a smudge over one wider still: read as ``E``
    it must become an unreadable cell of the total's line, not a word of its label (the
    label then no longer reads as a total and the line was dropped without a word).
    """
    if (word.x0 + word.x1) / 2 >= columns.zone_start:
        return True
    if not any(abs(word.x1 - r) <= ZONE_SLACK for r in columns.right):
        return False
    return read_number(word.text).value is not None or len(word.text) <= SMUDGE_CHARACTERS


def read_cells(
    row: Row, columns: Columns | None, width: int, dash_means: int, may_be_blank: frozenset[int] = frozenset()
) -> list[tuple[Cell, str | None]]:
    """One cell per column, each with the text it was read from (None: nothing printed there).

    On an OCR'd page a figure earns its confidence from its place too
    (``pipeline.tables.declared.figures``): a row whose figures do not end where their
    columns' end, or that lacks a figure (a cell read as noise, or none) where its column must print one, is doubtful as
    a whole, each cell boxed by its column's span for the second look.
    """
    slots = [without_specks(words) for words in _slots(row.values, columns, width)]
    cells = [_cell(row, words, columns, index, dash_means) for index, words in enumerate(slots)]
    if columns is None or row.line.source == "text-layer":
        return cells
    holds = all(
        aligned(w, columns.right[i]) and cell.value is not None if w else i in may_be_blank
        for i, (w, (cell, _)) in enumerate(zip(slots, cells))
    )
    if not holds:
        for index, (cell, _) in enumerate(cells):
            cell.box = _box(row, [], columns, index)
            cell.confidence = DOUBTFUL if cell.confidence is None else min(cell.confidence, DOUBTFUL)
    return cells


def _cell(row: Row, words: list[Word], columns: Columns | None, index: int, dash_means: int) -> tuple[Cell, str | None]:
    box = _box(row, words, columns, index)
    if words and columns is not None:  # a misread word may cover only part of the figure
        box = _union(box, _box(row, [], columns, index))
    if not words:
        return Cell(None, row.line.page, "unreadable", box=box), None
    text = "".join(w.text for w in words)
    reading = read_number(text, dash_means)
    confidences = [w.confidence for w in words if w.confidence is not None]
    confidence = min(confidences) if confidences else None
    if confidence is not None and len(words) > 1:
        confidence = min(confidence, JOINED_CONFIDENCE)  # "247 225": one figure, or two misplaced?
    how = row.line.source
    if text in DASHES:
        how = "dash-means-zero"
    elif reading.value is None and (cut := _cut(row, words, columns, index, text)) is not None:
        value, box = cut
        # Specks cut: the rest is a figure, but the second look must confirm it before a total relies on it.
        return Cell(
            value, row.line.page, how, box, DOUBTFUL if confidence is None else min(confidence, DOUBTFUL), text
        ), text
    elif reading.value is None:
        how = "unreadable"
    return Cell(reading.value, row.line.page, how, box, confidence, text), text


def _cut(row: Row, words: list[Word], columns: Columns | None, index: int, text: str):
    """The figure left when specks are cut from ``text``, and its box (see ``figures.cut_specks``)."""
    right = columns.right[index] if columns is not None else None
    cut = cut_specks(text, min(w.x0 for w in words), max(w.x1 for w in words), right)
    if cut is None:
        return None
    value, start, end = cut
    return value, (start, min(w.top for w in row.line.words), end, max(w.bottom for w in row.line.words))


def _union(a: tuple[float, float, float, float], b: tuple[float, float, float, float]):
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


def _low_quantile(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 10]


def _slots(values: list[Word], columns: Columns | None, width: int) -> list[list[Word]]:
    """The words of each column: by position when the columns are known, else in order."""
    if columns is None:
        padded = [[w] for w in values[:width]] + [[] for _ in range(width - len(values))]
        if len(values) > width:  # more words than columns and no positions: the last cell takes the rest
            padded[-1] = values[width - 1 :]
        return padded
    slots: list[list[Word]] = [[] for _ in range(width)]
    for word in values:
        if word.x0 > columns.right[-1] + OUTSIDE:
            continue  # right of the table: a speck or the page's edge, not a figure
        nearest = min(range(width), key=lambda i: _distance(word, columns, i))
        slots[nearest].append(word)
    return slots


def _distance(word: Word, columns: Columns, index: int) -> float:
    """Figures are right-aligned: the distance of right edges."""
    return abs(columns.right[index] - word.x1)


def _box(row: Row, words: list[Word], columns: Columns | None, index: int) -> tuple[float, float, float, float] | None:
    top = min(w.top for w in row.line.words)
    bottom = max(w.bottom for w in row.line.words)
    if words:
        return (min(w.x0 for w in words), top, max(w.x1 for w in words), bottom)
    if columns is None:
        return None
    left = columns.right[index - 1] + 2 if index else columns.zone_start
    return (max(left, columns.left[index] - 30), top, columns.right[index] + 4, bottom)
