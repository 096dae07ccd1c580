"""A table's structure: header rows joined into column names, the title, empty rows and columns dropped.

The header is the rows above the first row of figures (a row of years with an empty first cell
is header too). An upper header cell spans the columns to its right that it stands above and
that have no upper cell of their own, so ``2024`` over ``Budget`` and ``Regnskab`` names both.
A table of text only has its first row as header. A header row that holds one cell only is the
table's title, when no heading stands above the table.
"""

from __future__ import annotations

import re

from pipeline.tables.typing import is_dash, parse_number

Grid = tuple[tuple[str, ...], ...]
YEAR = re.compile(r"^(19|20)\d\d(/\d\d)?$")
UNIT_ONLY = re.compile(r"^\(?(1\.000|1000|mio\.?|mia\.?)\s*kr\.?\)?$", re.IGNORECASE)  # "1.000 kr." names a unit
MAX_HEADER_ROWS = 8


def squared(cells: Grid) -> Grid:
    """Every row as wide as the widest; rows and columns with no text dropped."""
    width = max((len(row) for row in cells), default=0)
    rows = [tuple(row) + ("",) * (width - len(row)) for row in cells if any(row)]
    keep = [c for c in range(width) if any(row[c] for row in rows)]
    return tuple(tuple(row[c] for c in keep) for row in rows)


def _figure(text: str) -> bool:
    text = text.strip()
    return parse_number(text) is not None and not YEAR.match(text) and not UNIT_ONLY.match(text)


def _body_row(row: tuple[str, ...]) -> bool:
    """A row that prints figures (beside its label)."""
    return any(_figure(v) or is_dash(v) for v in row[1:]) and any(_figure(v) for v in row)


def header_rows(cells: Grid) -> int:
    """How many rows at the top are header."""
    for i, row in enumerate(cells):
        if _body_row(row):
            return i if i <= MAX_HEADER_ROWS else 1
    return 1 if len(cells) > 1 else 0


def split_title(header: Grid) -> tuple[list[str], Grid]:
    """Header rows of a single cell at the top are the title printed inside the table."""
    title = []
    rows = list(header)
    while rows and sum(1 for v in rows[0] if v) == 1 and len(rows) > 1:
        title.append(next(v for v in rows[0] if v))
        rows.pop(0)
    return title, tuple(rows)


def header_grid(header: Grid, width: int) -> list[list[str]]:
    """The header rows as published: an upper cell repeated over the columns it spans, and each empty
    cell given the text above it (or below it, at the top), so each column's cells join to its name."""
    grid = [list(row) + [""] * (width - len(row)) for row in header] or [[""] * width]
    for r in range(len(grid) - 1):
        for c in range(2, width):
            below = any(grid[k][c] for k in range(r + 1, len(grid)))
            if not grid[r][c] and grid[r][c - 1] and below:
                grid[r][c] = grid[r][c - 1]
    for c in range(width):
        column = [row[c] for row in grid]
        first = next((v for v in column if v), f"column {c + 1}")
        for r, value in enumerate(column):
            grid[r][c] = value or (grid[r - 1][c] if r else first)
    return _unique(grid)


def joined(grid: list[list[str]], c: int) -> str:
    """A column's name: its header cells top to bottom, a cell repeated from above counted once."""
    parts: list[str] = []
    for row in grid:
        if not parts or row[c] != parts[-1]:
            parts.append(row[c])
    return " ".join(parts)


def join_header(header: Grid, width: int) -> list[str]:
    """One name per column from the header rows, upper cells spanning right over their columns."""
    grid = header_grid(header, width)
    return [joined(grid, c) for c in range(width)]


def _unique(grid: list[list[str]]) -> list[list[str]]:
    """A column whose name another column has already is told apart in its lowest header cell."""
    seen: dict[str, int] = {}
    for c in range(len(grid[0])):
        name = joined(grid, c)
        seen[name] = seen.get(name, 0) + 1
        if seen[name] > 1:
            grid[-1][c] = f"{grid[-1][c]} ({seen[name]})"
    return grid


def unique_names(names: list[str]) -> list[str]:
    """Column names as a schema needs them: none empty, none twice."""
    seen: dict[str, int] = {}
    out = []
    for c, name in enumerate(names):
        name = name or f"column {c + 1}"
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return out
