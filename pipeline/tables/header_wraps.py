"""A header cell's text wrapped by the word processor, one cell again; lines the author broke stay lines.

A column name too long for its cell wraps onto the next lines (``Budget (1.000`` / ``kr.) 2023``), a word
longer than the cell broken where the cell ends (``Kommuneko`` / ``de``); camelot's unruled reading makes a
header row of each line. A line is the wrapped cell above it going on when it stands a line under it, set
left where it starts (as a word processor sets a cell's text), in a column whose text shows both edges of its
cells (two lines or more set left start at one, two or more set right, its figures, end at the other), and its
first word would not have fitted on the line above within those edges. A line the author broke (``Regnskab``
over ``2024`` in a wide cell) had room for the next word, and stays a header row of its own, as a stacked
heading set centred stays (``Loans`` / ``from`` / ``Banks``: camelot's suites expect its lines as rows). The
lines of a title at the top of the region stay as printed.
"""

from __future__ import annotations

from dataclasses import replace

from pipeline.base.models import PageText, Word
from pipeline.tables.cell_lines import BROKEN_REST
from pipeline.tables.columns import placed_words, words_placeable
from pipeline.tables.detect import Candidate
from pipeline.tables.structure import header_rows, split_title
from pipeline.tables.typing import decimal_mark

LINE = 1.6  # a cell's next line stands at most this many of its words' heights under the line above
ALIGNED = 1.0  # points: a cell's lines set left start this close to one another
SPACE = 0.2  # a space's width, as a share of the type's height
FITS = 0.5  # points: a line and a word this much wider than the column's text still fit


def joined_header_wraps(candidate: Candidate, page: PageText) -> Candidate:
    """The unruled candidate with each header cell the word processor wrapped over lines one cell."""
    if candidate.engine != "stream" or not words_placeable(candidate, page):
        return candidate
    cells = candidate.cells
    header = header_rows(cells, decimal_mark([v for row in cells for v in row]))
    if header < 2:
        return candidate
    placed = placed_words(candidate, page)
    titles = len(split_title(cells[:header])[0])  # lone lines at the top: a title's lines stay as printed
    rows = [list(row) for row in cells[:header]]
    width = len(candidate.col_spans)  # rows whose words stand where camelot read them: no line of prose across
    sound = [row for r, row in enumerate(placed) if all(bool(cells[r][c]) == bool(row[c]) for c in range(width))]
    for c in range(width):
        room = _room(sound, c)
        if room is None:
            continue
        owner, last = None, []
        for r in range(titles, header):
            line = placed[r][c]
            if owner is not None and rows[r][c] and line and last and _wraps(last, line, room):
                rows[owner][c] = _joined(rows[owner][c], rows[r][c], last, room)
                rows[r][c] = ""
            elif rows[r][c]:
                owner = r
            else:
                owner = None
            last = line
    kept = [r for r in range(header) if any(rows[r])]
    if len(kept) == header:
        return candidate
    spans = candidate.row_spans
    return replace(
        candidate,
        cells=tuple(tuple(rows[r]) for r in kept) + cells[header:],
        row_spans=tuple(spans[r] for r in kept) + spans[header:],
    )


def _room(rows: list[list[list[Word]]], c: int) -> float | None:
    """How wide column ``c``'s cells hold text, where its text shows both edges: lines set left start at one
    (two or more), figures set right end at the other (two or more); else None (a name set right, or centred,
    or wider than all under it shows no more of its cell than its own width)."""
    lines = [row[c] for row in rows if row[c]]
    if not lines:
        return None
    starts, ends = [min(w.x0 for w in ln) for ln in lines], [max(w.x1 for w in ln) for ln in lines]
    left, right = min(starts), max(ends)
    if sum(1 for x in starts if x <= left + ALIGNED) < 2 or sum(1 for x in ends if x >= right - ALIGNED) < 2:
        return None
    return right - left


def _wraps(above: list[Word], line: list[Word], room: float) -> bool:
    """``line`` is the cell's text above going on: a line under it, set alike, its first word no room above."""
    size = max(w.bottom - w.top for w in above)
    if not 0 < min(w.top for w in line) - min(w.top for w in above) <= LINE * size:
        return False
    a0, a1 = min(w.x0 for w in above), max(w.x1 for w in above)
    if abs(a0 - min(w.x0 for w in line)) > ALIGNED:
        return False  # set left, as a word processor sets a cell's text: a stacked heading is centred
    first = min(line, key=lambda w: w.x0)
    return (a1 - a0) + SPACE * size + (first.x1 - first.x0) > room + FITS


def _joined(text: str, more: str, above: list[Word], room: float) -> str:
    """The cell's lines as one text: no space where one word was broken (it alone fills the column, its last
    letters, a few in lower case, on the next line)."""
    one = len(above) == 1 and above[0].x1 - above[0].x0 >= room - _letter(above[0])
    rest = more.split()[0]
    broken = rest.islower() and ((one and len(rest) <= BROKEN_REST) or text.endswith("-"))
    return text + more if broken else f"{text} {more}"


def _letter(word: Word) -> float:
    return (word.x1 - word.x0) / max(len(word.text), 1)
