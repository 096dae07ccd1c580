"""A row broken over a page boundary: its last lines, printed at the top of the next page, joined to it.

A word processor lets a table's row break across pages: a name wrapped in its cell (``Klitmøller`` /
``Camping Syd``) prints its first line at the foot of one page and the rest at the top of the next, under
the header printed again. Read page by page, those lines come out as a row of their own: its key (the
first column) empty, no figure, text only in cells where the row above prints text. Where every row of the
table prints its key, such lines at the top of the continued part are the last row's cells going on, not a row.
"""

from __future__ import annotations

from pipeline.tables.structure import figure, header_rows
from pipeline.tables.typing import decimal_mark, is_dash

Row = tuple[str, ...]


def going_on(before: tuple[Row, ...], rows: tuple[Row, ...]) -> int:
    """How many of ``rows`` (the next page's, from the top or under its repeated header) are lines that continue
    the last row of ``before`` (see the module's doc); at least one row of ``rows`` is left."""
    body = before[header_rows(before) :]
    if not body or not rows or not all(row[0] for row in body if any(row)):
        return 0
    mark = decimal_mark([v for row in before + rows for v in row])
    count = 0
    while count < len(rows) - 1 and _goes_on(body[-1], rows[count], mark):
        count += 1
    return count


def joined_into_last(before: tuple[Row, ...], lines: tuple[Row, ...]) -> tuple[Row, ...]:
    """``before`` with ``lines`` joined into its last row, cell by cell."""
    last = before[-1]
    for line in lines:
        last = tuple(_joined(a, b) for a, b in zip(last, line))
    return before[:-1] + (last,)


def _goes_on(last: Row, row: Row, mark: str) -> bool:
    """The line prints no key and no figure, and only under cells of text the last row fills (text going on)."""
    filled = [c for c, v in enumerate(row) if v]
    if not filled or row[0] or len(row) != len(last):
        return False
    return all(_text(last[c], mark) and _text(row[c], mark) for c in filled)


def _text(value: str, mark: str) -> bool:
    """A cell of text (a name, a place): no figure, no dash; a figure's cell goes on in no line of text (the
    header printed again over figures is no row's end)."""
    return bool(value) and not figure(value, mark) and not is_dash(value)


def _joined(above: str, below: str) -> str:
    if not below:
        return above
    return above + below if above.endswith("-") and below[:1].islower() else f"{above} {below}"
