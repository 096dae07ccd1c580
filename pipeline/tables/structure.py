"""A table's structure: header rows joined into column names, the title, empty rows and columns dropped.

The header is the rows above the first row of figures (a row of years with an empty first cell
is header too). An upper header cell spans the columns to its right that it stands above and
that have no upper cell of their own, so ``2024`` over ``Budget`` and ``Regnskab`` names both.
A table of text only has its first row as header. A header row that holds one cell only is the
table's title, when no heading stands above the table.
"""

from __future__ import annotations

import re

from pipeline.models import PageText
from pipeline.tables.typing import is_dash, parse_number

Grid = tuple[tuple[str, ...], ...]
YEAR = re.compile(r"^(19|20)\d\d(/\d\d)?$")
UNIT_ONLY = re.compile(r"^\(?(1\.000|1000|mio\.?|mia\.?)\s*kr\.?\)?$", re.IGNORECASE)  # "1.000 kr." names a unit
MAX_HEADER_ROWS = 8
HEADING_REACH = 45.0  # points above a table within which a line is its heading
TITLE_WORDS = 25  # a longer lone line at the top is text run on from the page before, not a title


def squared(cells: Grid) -> Grid:
    """Every row as wide as the widest; rows and columns with no text dropped."""
    rows, columns = kept(cells)
    return tuple(tuple(cells[r][c] if c < len(cells[r]) else "" for c in columns) for r in rows)


def kept(cells: Grid) -> tuple[list[int], list[int]]:
    """The rows and the columns that hold text."""
    width = max((len(row) for row in cells), default=0)
    rows = [r for r, row in enumerate(cells) if any(row)]
    return rows, [c for c in range(width) if any(c < len(cells[r]) and cells[r][c] for r in rows)]


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
            while i > 0 and _label_only(cells[i - 1]):
                i -= 1  # a group's label row just above its figures is body, not header
            return i if i <= MAX_HEADER_ROWS else 1
    # Text only: the header is the first row of several cells (lone lines above it are titles).
    first = next((i for i, row in enumerate(cells[:MAX_HEADER_ROWS]) if sum(1 for v in row if v) >= 2), 0)
    return first + 1 if len(cells) > first + 1 else 0


def _label_only(row: tuple[str, ...]) -> bool:
    return bool(row[0]) and not any(row[1:])


def split_title(header: Grid) -> tuple[list[str], Grid]:
    """Header rows of a single cell at the top are the title printed inside the table."""
    title = []
    rows = list(header)
    while rows and len(rows) > 1 and _lone_line(rows[0]):
        title.append(next(v for v in rows[0] if v))
        rows.pop(0)
    return title, tuple(rows)


def column_titles(header: Grid, width: int) -> list[str]:
    """Each column's full name: its header cells top to bottom, an upper cell spanning right over the
    columns it stands above that have no upper cell of their own (``2024`` over ``Budget``, ``Regnskab``)."""
    grid = [list(row) + [""] * (width - len(row)) for row in header]
    for r in range(len(grid) - 1):
        for c in range(2, width):
            below = any(grid[k][c] for k in range(r + 1, len(grid)))
            if not grid[r][c] and grid[r][c - 1] and below:
                grid[r][c] = grid[r][c - 1]
    return [" ".join(row[c] for row in grid if row[c]) for c in range(width)]


def column_names(header: Grid, width: int) -> list[str]:
    """The names row as published: the lowest header row, an empty cell named by the nearest one above."""
    names = []
    for c in range(width):
        printed = [row[c] for row in header if c < len(row) and row[c]]
        names.append(printed[-1] if printed else "")
    return unique_names(names)


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


def heading_above(page: PageText, box: tuple[float, float, float, float]) -> str:
    """The line printed just above the table (within a few lines), as its title."""
    top = page.info.height - box[3]
    best = ""
    best_gap = HEADING_REACH
    for words in page.lines:
        bottom = max(w.bottom for w in words)
        gap = top - bottom
        overlaps = min(w.x1 for w in words) < box[2] and max(w.x1 for w in words) > box[0]
        if -2 <= gap < best_gap and overlaps:
            text = " ".join(w.text for w in words).strip()
            if 1 < len(text) <= 160 and not text[0].islower():  # a lower-case start runs on a sentence
                best, best_gap = text, gap
    return best
