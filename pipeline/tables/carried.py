"""A row broken over a page boundary: its last lines, printed at the top of the next page, joined to it.

A word processor lets a table's row break across pages: a name wrapped in its cell (``Klitmøller`` /
``Camping Syd``) prints its first line at the foot of one page and the rest at the top of the next, under
the header printed again. Read page by page, those lines come out as a row of their own: its key (the
first column) empty, no figure, text only in cells the row above fills. Where every row of the table prints
its key, such lines at the top of the continued part are the last row's cells going on, not a row.
"""

from __future__ import annotations

from pipeline.tables.structure import figure, header_rows
from pipeline.tables.typing import decimal_mark, is_dash

Row = tuple[str, ...]


def carried_over(before: tuple[Row, ...], rest: tuple[Row, ...]) -> tuple[tuple[Row, ...], int]:
    """``before`` with the lines at the top of ``rest`` (the next page's rows under its repeated header) that
    continue its last row joined into that row, and how many rows of ``rest`` they were (at least one row of
    ``rest`` is left as it is)."""
    body = before[header_rows(before) :]
    if not body or not rest or not all(row[0] for row in body if any(row)):
        return before, 0
    mark = decimal_mark([v for row in before + rest for v in row])
    last, carried = body[-1], 0
    while carried < len(rest) - 1 and _goes_on(last, rest[carried], mark):
        last = tuple(_joined(a, b) for a, b in zip(last, rest[carried]))
        carried += 1
    return (before[:-1] + (last,), carried) if carried else (before, 0)


def _goes_on(last: Row, row: Row, mark: str) -> bool:
    """The line prints no key and no figure, and only in cells the last row fills (text going on)."""
    filled = [c for c, v in enumerate(row) if v]
    if not filled or row[0] or len(row) != len(last):
        return False
    return all(last[c] and not figure(row[c], mark) and not is_dash(row[c]) for c in filled)


def _joined(above: str, below: str) -> str:
    if not below:
        return above
    return above + below if above.endswith("-") and below[:1].islower() else f"{above} {below}"
