"""A table's structure: header rows joined into column names, the title, empty rows and columns dropped.

The header is the rows above the first row of figures (a row of years with an empty first cell
is header too); figures are read with the table's own decimal mark. An upper header cell spans
the columns to its right that have no header cell of their own at its height or above, so
``2024`` over ``Budget`` and ``Regnskab`` names both. A table of text only has its first row as
header. A header row that holds one cell only is the table's title, when no heading stands
above the table.

Each column's name joins its header cells (:func:`column_names`). A single header row that
names every column once is published as the CSV's header row; any other header stands in the
CSV as printed, cell for cell, and the names are the schema's (``datapackage.json``). Nothing
is invented but a name for a column with no header printed at all, and it says so.
"""

from __future__ import annotations

import re

from pipeline.tables.typing import decimal_mark, is_dash, parse_number

Grid = tuple[tuple[str, ...], ...]
YEAR = re.compile(r"^(19|20)\d\d(/\d\d)?$")
UNIT_ONLY = re.compile(r"^\(?(1\.000|1000|mio\.?|mia\.?)\s*kr\.?\)?$", re.IGNORECASE)  # "1.000 kr." names a unit
MAX_HEADER_ROWS = 8
TITLE_WORDS = 25  # a longer lone line at the top is text run on from the page before, not a title
NAME_WORDS = 2  # a column's name printed on a line of its own between a header's lines is a word or two


def squared(cells: Grid) -> Grid:
    """Every row as wide as the widest; rows and columns with no text dropped."""
    rows, columns = kept(cells)
    return tuple(tuple(cells[r][c] if c < len(cells[r]) else "" for c in columns) for r in rows)


def kept(cells: Grid) -> tuple[list[int], list[int]]:
    """The rows and the columns that hold text."""
    width = max((len(row) for row in cells), default=0)
    rows = [r for r, row in enumerate(cells) if any(row)]
    return rows, [c for c in range(width) if any(c < len(cells[r]) and cells[r][c] for r in rows)]


def figure(text: str, mark: str) -> bool:
    """A figure of a table's body: a number (read with ``mark``), not a year or a unit such as ``1.000 kr.``."""
    text = text.strip()
    return parse_number(text, mark) is not None and not YEAR.match(text) and not UNIT_ONLY.match(text)


def _body_row(row: tuple[str, ...], mark: str) -> bool:
    """A row that prints figures (beside its label)."""
    return any(figure(v, mark) or is_dash(v) for v in row[1:]) and any(figure(v, mark) for v in row)


def header_rows(cells: Grid, mark: str | None = None) -> int:
    """How many rows at the top are header; ``mark``: the table's decimal mark (found from its cells if not given)."""
    mark = mark or decimal_mark([v for row in cells for v in row])
    for i, row in enumerate(cells):
        if _body_row(row, mark):
            while i > 0 and _label_only(cells[i - 1]):
                i -= 1  # a group's label row just above its figures is body, not header
            return i if i <= MAX_HEADER_ROWS else 1
    # Text only: the header is the first row of several cells (lone lines above it are titles).
    first = next((i for i, row in enumerate(cells[:MAX_HEADER_ROWS]) if sum(1 for v in row if v) >= 2), 0)
    return first + 1 if len(cells) > first + 1 else 0


def _label_only(row: tuple[str, ...]) -> bool:
    return bool(row[0]) and not any(row[1:])


def split_title(header: Grid) -> tuple[list[str], Grid]:
    """Header rows of a single cell at the top are the title printed inside the table, but for the names of a
    header set over two lines (:func:`_spanned_names`)."""
    title = []
    rows = list(header)
    while rows and len(rows) > 1 and _lone_line(rows[0]) and not _spanned_names(rows):
        title.append(next(v for v in rows[0] if v))
        rows.pop(0)
    return title, tuple(rows)


def _spanned_names(rows: list[tuple[str, ...]]) -> bool:
    """The lone line on top names columns of a header over two lines (a web page's ``th`` spanning rows or
    columns): the first column's name printed between the lines (``Kommune``, column 0 empty in the rows under
    it, the next naming two columns or more), or a heading over columns just above that name (``Udgift pr.
    indbygger`` over the years)."""
    column, text = next((c, v) for c, v in enumerate(rows[0]) if v)
    if column == 0:
        below = rows[1:]
        short = len(text.split()) <= NAME_WORDS
        return short and sum(1 for v in below[0] if v) >= 2 and not any(row[0] for row in below)
    return len(rows) > 2 and _lone_line(rows[1]) and _spanned_names(rows[1:]) and any(r[column] for r in rows[2:])


def column_titles(header: Grid, width: int) -> list[str]:
    """Each column's full name: its header cells top to bottom, and the upper cell that spans it."""
    grid = [list(row) + [""] * (width - len(row)) for row in header]
    spans = [[_spanning(grid, r, c) for c in range(width)] for r in range(len(grid))]
    return [
        " ".join(spans[r][c] or grid[r][c] for r in range(len(grid)) if spans[r][c] or grid[r][c]) for c in range(width)
    ]


def _spanning(grid: list[list[str]], r: int, c: int) -> str:
    """The upper cell of row ``r`` that stands over column ``c`` though printed in another column, or "".

    Column ``c`` has no header of its own at that height or above and has one below. The nearest
    cell to its left in the row spans it (``2024`` over ``Budget``, ``Regnskab``) when it is no
    nearer to the cell on its right (a centred group over three columns sits in the middle one),
    and when it is not one of a run of cells side by side (a header's second line, as ``18 years``
    beside ``Under 18``, spans nothing). The row-label column spans nothing.
    """
    if c < 2 or grid[r][c] or any(grid[k][c] for k in range(r)) or not any(row[c] for row in grid[r + 1 :]):
        return ""
    left = next((k for k in range(c - 1, 0, -1) if grid[r][k]), None)
    right = next((k for k in range(c + 1, len(grid[r])) if grid[r][k]), None)
    if left is None or (left > 1 and grid[r][left - 1]) or (right is not None and right - c < c - left):
        return ""
    return grid[r][left]


def column_names(titles: list[str]) -> list[str]:
    """The names row as published: each column's full title; a column with no header printed is named
    by its place (``column 3``), a title printed twice told apart (``I alt (2)``)."""
    return unique_names(titles)


def is_plain(header: Grid, names: list[str]) -> bool:
    """A header of one row that names every column once: published as the CSV's header row."""
    return len(header) == 1 and list(header[0]) == names


def _lone_line(row: tuple[str, ...]) -> bool:
    """A row of one cell that starts at the left or reads as a sentence (not a header over one column)."""
    filled = [(c, v) for c, v in enumerate(row) if v]
    words = len(filled[0][1].split()) if len(filled) == 1 else 0
    return len(filled) == 1 and words <= TITLE_WORDS and (filled[0][0] == 0 or words >= 3)


def unique_names(names: list[str]) -> list[str]:
    """Column names as a schema needs them: none empty, none twice."""
    seen: dict[str, int] = {}
    out = []
    for c, name in enumerate(names):
        name = name or f"column {c + 1}"
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return out
