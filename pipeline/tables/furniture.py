"""A page's running header and footer are no rows of a table that reaches them.

The text stage finds the lines repeated at the same place on most of a PDF's pages (``PageText.running``:
a report's title, ``Side 2 af 4``, a date). camelot's unruled reading takes them in where a table stands
near the page's top or bottom; the rows at the table's top or bottom that stand where such a line is
printed and print nothing but its words are dropped (a row printing the same words elsewhere stays).
A ruled grid's rows stand between its rules: a grid printed at the same place on every page (a list ruled
over several pages, its column names or its first rows the same on each) keeps them; only a grid that is
all running lines (a ruled box of page furniture) is emptied. An unruled table's header printed again at the
top of every page (a web page's ``thead``, as a browser prints it) stands where a running line does, but names
the columns under it (:func:`names_columns`): it stays the table's header, and the rows under it its rows.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.base.models import PageText, Word
from pipeline.tables.detect import Candidate
from pipeline.tables.structure import figure
from pipeline.tables.typing import decimal_mark

MIN_NAMES = 3  # column names a header printed again at a page's top holds at least
# a running line's page number (``Side 2 af 4``, ``2/4``, ``Page 2``) or date (``5.12.2026``)
PAGE_OR_DATE = re.compile(r"\b(side|page|s\.)\s*\d|\d\s*(/|af|of)\s*\d|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}", re.IGNORECASE)


def without_running_lines(candidate: Candidate, page: PageText) -> Candidate:
    """The candidate without its top and bottom rows that print only the page's running lines' words."""
    head, foot = page.running
    if not head and not foot or len(candidate.row_spans) != len(candidate.cells):
        return candidate
    lines = page.lines[:head] + (page.lines[len(page.lines) - foot :] if foot else [])
    running = [_prints(row, span, lines, page.info.height) for row, span in zip(candidate.cells, candidate.row_spans)]
    if candidate.engine == "lattice" and not all(running):
        return candidate  # rows within a grid's rules are the grid's
    first = next((i for i, r in enumerate(running) if not r), len(running))
    # the table's header printed again at the top of each page (a web page's thead) is its own, and so is every
    # row under it (a first row alike on several pages, taken for a running line)
    first = next((r for r in range(min(first, len(running) - 1)) if names_columns(candidate.cells, r)), first)
    last = len(running) - next((i for i, r in enumerate(running[::-1]) if not r), len(running))
    if first == 0 and last == len(running):
        return candidate
    keep = range(first, max(first, last))
    spans = tuple(candidate.row_spans[i] for i in keep)
    sources = tuple(candidate.sources[i] for i in keep) if candidate.sources else ()
    cells = tuple(candidate.cells[i] for i in keep)
    box = (candidate.box[0], spans[-1][1], candidate.box[2], spans[0][0]) if spans else candidate.box
    return replace(candidate, cells=cells, row_spans=spans, sources=sources, box=box)


def _prints(row: tuple[str, ...], span: tuple[float, float], lines: list[list[Word]], height: float) -> bool:
    """The row stands where a running line is printed and holds nothing but its words."""
    tokens = {token for cell in row for token in cell.split()}
    top, bottom = span
    return bool(tokens) and any(
        bottom <= height - (line[0].top + line[0].bottom) / 2 <= top and tokens <= {w.text for w in line}
        for line in lines
    )


def names_columns(cells: tuple[tuple[str, ...], ...], r: int) -> bool:
    """Row ``r`` names the columns of the rows under it: three names or more, none a figure, a page number or a
    date (a running line's), most of them over columns the rows under it fill, and at least half as many names
    as such columns (a running header's title, date and page number name two or three at most; the names may
    stand a column off the figures, camelot's columns cut from the header and the body apart)."""
    named = [c for c, v in enumerate(cells[r]) if v]
    filled = {c for row in cells[r + 1 :] for c, v in enumerate(row) if v}
    mark = decimal_mark([v for row in cells for v in row])
    return (
        len(named) >= MIN_NAMES
        and not any(figure(cells[r][c], mark) or PAGE_OR_DATE.search(cells[r][c]) for c in named)
        and 2 * len(set(named) & filled) >= len(named)
        and 2 * len(named) >= len(filled)
    )
