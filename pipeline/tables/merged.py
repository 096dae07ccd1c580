"""A table's first row of figures read into its header: the header printed turned over it, no rule between.

Column names printed turned 90° stand in the same ruled cell as the first row's figures when no
rule parts them: the header's last row then reads ``Alcona | Abdul El-Sayed 15 | Shri Thanedar 28``,
and the row's figures are lost from the body (its totals fall short by exactly them). The row is
split back when its first cell is a label (no figure) and every other cell it fills ends in a figure
after its words, two at least: the words are the header, the label and the figures a row of the
body. The split is only a reading to weigh: the table keeps it where more of its totals hold so
(:func:`pipeline.tables.tidy.tidy`); a header such as ``Område | Uge 1 | Uge 2`` is left alone.
"""

from __future__ import annotations

import re

from pipeline.tables.structure import Grid, figure, header_rows
from pipeline.tables.typing import decimal_mark

TRAILING = re.compile(r"^(.*\D)\s+(\S+)$")
MIN_SPLIT = 2
NAMES_ROW = "(column names)"  # the row a finding names for figures read into the column names


def merged_first_row(cells: Grid) -> Grid | None:
    """The grid with its header's last row split into names and a row of figures, or None."""
    mark = decimal_mark([v for row in cells for v in row])
    count = header_rows(cells, mark)
    if count == 0:
        return None
    row = cells[count - 1]
    if not row[0] or re.search(r"\d", row[0]):
        return None
    parts = [_split(v, mark) for v in row[1:]]
    if any(p is None for p in parts) or sum(1 for p in parts if p and p[0]) < MIN_SPLIT:
        return None
    names = ("",) + tuple(p[0] if p else "" for p in parts)
    figures = (row[0],) + tuple(p[1] if p else "" for p in parts)
    return cells[: count - 1] + (names, figures) + cells[count:]


def _split(text: str, mark: str) -> tuple[str, str] | None:
    """(words, figure) of a cell that ends in a figure after its words; ("", figure) of a bare figure;
    () of an empty cell; None of anything else."""
    text = text.strip()
    if not text:
        return ()
    if figure(text, mark):
        return ("", text)
    match = TRAILING.match(text)
    if match and figure(match.group(2), mark) and not figure(match.group(1).split()[-1], mark):
        return (match.group(1).strip(), match.group(2))
    return None


def figures_in_names(columns: list[str], mark: str) -> list[tuple[int, str]]:
    """(column's place, figures) for each column name that ends in two figures or more (``John James 164
    173``, ``439 55``): a row of figures read into the names when no split gave more totals holding; the body
    lacks that row. Years are no figures here (``Budget 2025 2026``), nor is one number (``Uge 1``)."""
    found = []
    for c, column in enumerate(columns[1:], 1):
        tokens = column.split()
        count = next((n for n, token in enumerate(reversed(tokens)) if not figure(token, mark)), len(tokens))
        if count >= MIN_SPLIT:
            found.append((c, " ".join(tokens[-count:])))
    return found
