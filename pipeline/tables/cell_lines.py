"""A cell's text wrapped over several lines, told from the next row by how close its lines stand.

A word processor sets a table's rows apart by the cells' padding: its rows stand a row pitch apart,
the lines of one cell's text closer (a line's height). It aligns a cell's text at the top, so a row's
figures stand on its first line, and a label too long for its column goes on below them
(``Ældre og`` / ``sundhed``), a word longer than the column broken where the column ends, without a
hyphen (``Frederikssun`` / ``d``). camelot's unruled reading makes a row of each line. A line is the
cell above it continued when it stands closer under the line above than the table's row pitch (the
least distance between neighbouring rows of figures), prints no figure, the row above does, and each of
its cells has text in the row above, its words within that text's width (left-aligned: where it starts).
A header's lines stay as printed, line by line (the column names join them: :mod:`structure`). A heading
row (``Drift`` over its rows of figures) stands a row pitch apart and stays a row; a table whose rows of
figures stand a line apart somewhere is left to :mod:`pipeline.tables.wrapped`.
"""

from __future__ import annotations

from dataclasses import replace

from pipeline.base.models import PageText, Word
from pipeline.tables.columns import placed_words, words_placeable
from pipeline.tables.detect import Candidate
from pipeline.tables.structure import figure
from pipeline.tables.typing import decimal_mark, is_dash

CLOSE = 0.75  # a line this close under the one above, as a share of the row pitch, continues its cells
EDGE = 1.0  # points: a word broken at the column's edge ends at least this close to the column's widest text
BROKEN_REST = 3  # letters of a broken word on the next line at most
ALIGN = 1.0  # points: a continued line starts no farther left than its cell's first line

Row = tuple[str, ...]


def joined_cell_lines(candidate: Candidate, page: PageText) -> Candidate:
    """The unruled candidate with each line that continues the cells above it joined into their row."""
    if candidate.engine != "stream" or not words_placeable(candidate, page):
        return candidate
    cells = candidate.cells
    placed = placed_words(candidate, page)
    mark = decimal_mark([v for row in cells for v in row])
    tops = [min((w.top for cell in row for w in cell), default=None) for row in placed]
    pitch = _pitch(cells, tops, mark)
    if pitch is None:
        return candidate
    widest = _widest(cells, placed)
    rows, spans, words = [cells[0]], [candidate.row_spans[0]], [placed[0]]
    for r in range(1, len(cells)):
        if _continues(cells[r], placed[r], rows[-1], words[-1], tops[r - 1], tops[r], pitch, mark):
            rows[-1] = tuple(_joined(a, b, words[-1][c], widest[c]) for c, (a, b) in enumerate(zip(rows[-1], cells[r])))
            words[-1] = [a + b for a, b in zip(words[-1], placed[r])]
            spans[-1] = (spans[-1][0], candidate.row_spans[r][1])
            continue
        rows.append(cells[r])
        spans.append(candidate.row_spans[r])
        words.append(placed[r])
    if len(rows) == len(cells):
        return candidate
    return replace(candidate, cells=tuple(rows), row_spans=tuple(spans))


def _pitch(cells: tuple[Row, ...], tops: list[float | None], mark: str) -> float | None:
    """The row pitch: the least distance from a line of the body (from its first row of figures down) to a row
    of figures under it, where a new row starts (None if none): the row above's last line, its figures where
    it holds one line (a list whose every row wraps has no two rows of figures neighbours). Where two rows of
    figures stand a line apart, the rows are not padded: no line is told by it."""
    first = next((r for r, row in enumerate(cells) if _figured(row, mark)), len(cells))
    gaps = [
        b - a
        for r, (a, b) in enumerate(zip(tops, tops[1:]))
        if r >= first and a is not None and b is not None and _figured(cells[r + 1], mark)
    ]
    return min(gaps) if gaps else None


def _figured(row: Row, mark: str) -> bool:
    """A row that prints figures beside its label."""
    return any(figure(v, mark) for v in row[1:])


def _continues(
    row: Row,
    words: list[list[Word]],
    above: Row,
    above_words: list[list[Word]],
    top_above: float | None,
    top: float | None,
    pitch: float,
    mark: str,
) -> bool:
    """Whether ``row`` is the next line of the cells of ``above`` (see the module's doc)."""
    if top is None or top_above is None or not 0 < top - top_above <= CLOSE * pitch or not _figured(above, mark):
        return False  # a row's lines go on under its figures: a header's lines stay as printed
    if any(figure(v, mark) or is_dash(v) for v in row if v):
        return False
    for c, text in enumerate(row):
        if bool(text) != bool(words[c]):
            return False  # words camelot read elsewhere than they stand: a line across the columns
        if text and not (above[c] and above_words[c] and _under(words[c], above_words[c])):
            return False
    return any(row)


def _under(words: list[Word], above: list[Word]) -> bool:
    """The words stand under the cell's text above as its next line: starting within its width, no farther left
    (set left), or, under a name (letters, no digit), ending where it ends (set right: a name wider than its
    first line; a figure's note set under it, ``2=`` over ``(3 to 6)+14``, is a line of its own)."""
    left, right = min(w.x0 for w in above), max(w.x1 for w in above)
    start, end = min(w.x0 for w in words), max(w.x1 for w in words)
    named = not any(ch.isdigit() for w in above for ch in w.text)
    return left - ALIGN <= start <= right or (named and abs(end - right) <= ALIGN)


def _widest(cells: tuple[Row, ...], placed: list[list[list[Word]]]) -> list[float]:
    """Each column's right-most text edge: where its cells' text ends at the widest (in rows whose words stand
    in the cells camelot read them in: not a line of prose across the columns)."""
    width = len(cells[0]) if cells else 0
    rows = [r for r, row in enumerate(placed) if all(bool(cells[r][c]) == bool(row[c]) for c in range(width))]
    return [max((w.x1 for r in rows for w in placed[r][c]), default=0.0) for c in range(width)]


def _joined(above: str, below: str, above_words: list[Word], widest: float) -> str:
    """A cell's lines as one text: a space between them, none where a single word was broken at the column's
    edge: the line above one word, ending where the column's text ends (within a letter: the next did not fit),
    the next line starting with the word's last letters (a few, in lower case: ``Frederikssun`` / ``d``; a
    word of its own, ``Genoptræning`` / ``efter``, is longer)."""
    if not below:
        return above
    if not above:
        return below
    last_line = [w for w in above_words if abs(w.top - max(v.top for v in above_words)) < 1]
    edge = len(last_line) == 1 and last_line[0].x1 >= widest - _letter(last_line[0])
    rest = below.split()[0]
    broken = edge and rest.islower() and len(rest) <= BROKEN_REST
    if broken or (above.endswith("-") and below[0].islower()):
        return above + below
    return f"{above} {below}"


def _letter(word: Word) -> float:
    """How far short of the column's edge a word broken there may end: a letter's width (the next would not fit)."""
    return max(EDGE, (word.x1 - word.x0) / max(len(word.text), 1))
