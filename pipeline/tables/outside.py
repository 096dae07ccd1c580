"""Rows of a table printed outside every table read from the page, named: never lost in silence.

camelot's unruled reading finds a table's region from its words' alignment; a table that starts at the
foot of a page (its caption, header and first rows under another table or prose) can be left out of every
region, its rows published nowhere. The page still prints them: lines of a word (a label, a name) and two
figures or more each standing a column's gap apart (a sentence's figures follow a space), their figures in
columns (two lines or more whose figures start or end at the same places, in two columns or more: running
text does not line up so; a chart's ticks print no word, or step evenly down its axis). Such lines outside
every table read from the page are a ``table-rows-lost`` finding for the page, quoting the first. A page
read by OCR with no table at all is :func:`pipeline.tables.unchecked.lost_tables`' to name.
"""

from __future__ import annotations

import re

from pipeline.base.models import Finding, PageText, Word
from pipeline.tables.caption import printed_lines
from pipeline.tables.detect import Box
from pipeline.tables.typing import decimal_mark, parse_number
from pipeline.tables.words import FIGURE, SLACK

ALIGNED = 1.0  # points: figures of one column start or end this close to one another
MIN_FIGURES = 2  # a table's row prints at least this many figures
MIN_COLUMNS = 2  # lines that line up in at least this many columns of figures are a table's rows
AXIS_TICKS = 3  # figures of a column stepping evenly: a chart's value axis
GAP = 0.6  # a column's gap, as a share of the type's height (a space is about a quarter)
LETTERS = re.compile(r"[^\W\d_]{2}")
ITEM = re.compile(r"^\(?\d{1,3}[.)]$")  # an item's number in a list or a table of contents


def lost_rows(pages: list[PageText], boxes: dict[int, list[Box]]) -> list[Finding]:
    """A finding for each page that prints rows of a table outside the tables read from it (``boxes``: their
    regions by package page); an OCR'd page with none read is left to ``lost_tables``."""
    found = (_lost(p, boxes.get(p.info.index, [])) for p in pages if p.source != "ocr" or p.info.index in boxes)
    return [f for f in found if f is not None]


def _lost(page: PageText, boxes: list[Box]) -> Finding | None:
    """A finding if the page prints rows of a table (see the module's doc) outside ``boxes`` (the regions of the
    tables read from it, PDF points, y upwards)."""
    rows = [line for line in printed_lines(page) if _figures(line) and not _inside(line, boxes, page.info.height)]
    ticks = [w for line in printed_lines(page) for w in _figures(line, named=False)]
    rows = [line for line in rows if not _on_axis(line, ticks)]
    aligned = [line for line in rows if any(_lined_up(line, other) for other in rows if other is not line)]
    if len(aligned) < 2:
        return None
    example = " ".join(w.text for w in aligned[0])
    return Finding(
        "table-rows-lost",
        "",
        f"page {page.info.index} ({page.info.pdf}, page {page.info.number}) prints {len(aligned)} lines of figures "
        f"in columns (such as '{example}') outside every table read from it: their figures are not published and "
        "no total among them is checked",
        page=page.info.index,
    )


def _figures(line: list[Word], named: bool = True) -> list[Word]:
    """The line's figures that stand apart, each a column's gap after the word before it (a sentence's figures
    follow a space), when it prints two or more, and (``named``) a word: a label, a name (a chart's ticks none)."""
    if named and not any(LETTERS.search(w.text) for w in line):
        return []
    found = [w for n, w in enumerate(line) if FIGURE.match(w.text) and (n == 0 or w.x0 - line[n - 1].x1 >= _gap(w))]
    if found and found[0] is line[0] and _item_number(line):
        found = found[1:]  # ``1. Meddelelser 3``: an item's number and its page in a table of contents, no row
    return found if len(found) >= MIN_FIGURES else []


def _item_number(line: list[Word]) -> bool:
    """The line starts with an item's number (``1.``, ``(2)``, ``3)``) before words."""
    return len(line) > 1 and bool(ITEM.match(line[0].text)) and bool(LETTERS.search(line[1].text))


def _gap(word: Word) -> float:
    return GAP * (word.bottom - word.top)


def _inside(line: list[Word], boxes: list[Box], height: float) -> bool:
    """The line's middle lies within a table's region, and its words over it."""
    middle = height - sum((w.top + w.bottom) / 2 for w in line) / len(line)
    left, right = min(w.x0 for w in line), max(w.x1 for w in line)
    return any(
        box[1] - SLACK <= middle <= box[3] + SLACK and left < box[2] + SLACK and right > box[0] - SLACK for box in boxes
    )


def _on_axis(line: list[Word], ticks: list[Word]) -> bool:
    """Every figure of the line is a tick of a chart's value axis: the page's figures ending where it ends
    (``ticks``), three or more, step evenly (``7,400``, ``7,300``, ``7,200``; a legend's words may stand beside
    them). A list's numbers step evenly too, its other figures do not."""
    mark = decimal_mark([w.text for w in ticks])
    return all(_stepping(word, ticks, mark) for word in _figures(line))


def _stepping(word: Word, ticks: list[Word], mark: str) -> bool:
    column = sorted((w for w in ticks if abs(w.x1 - word.x1) <= ALIGNED), key=lambda w: w.top)
    values = [n.value for w in column if (n := parse_number(w.text, mark))]
    steps = {b - a for a, b in zip(values, values[1:])}
    return len(values) >= AXIS_TICKS and len(steps) == 1 and steps != {0}


def _lined_up(line: list[Word], other: list[Word]) -> bool:
    """The two lines' figures stand in the same columns, two or more: starting or ending at the same places."""
    columns = 0
    for word in _figures(line):
        if any(abs(word.x1 - w.x1) <= ALIGNED or abs(word.x0 - w.x0) <= ALIGNED for w in _figures(other)):
            columns += 1
    return columns >= MIN_COLUMNS
