"""A table's first rows at the foot of a page, its header printed again over the rest on the next page.

A web page's table that starts near the foot of a printed page prints its header and a row or two there, then
goes on at the top of the next page under its header printed again (the browser repeats a ``thead``; a
spreadsheet its print titles). camelot's unruled reading finds no region in two or three lines at a page's foot,
so the table's first rows (and its caption above them) would be lost. Read back from the table going on: the
page before prints, below its last table, a line of the same column names (word for word), and under it lines of
the table's rows standing in its columns, a figure in a column of figures; those lines are the table's start.
"""

from __future__ import annotations

from pipeline.base.models import PageText, Word
from pipeline.tables.detect import Box, Candidate
from pipeline.tables.extend import figure_columns, figured, row_in
from pipeline.tables.furniture import names_columns


def started_above(going_on: Candidate, page: PageText, before: PageText, boxes: list[Box]) -> Candidate | None:
    """The start of ``going_on`` (the first table at the top of ``page``) printed at the foot of ``before``, below
    its tables' ``boxes``: a candidate of the names line and the rows under it, or None."""
    if going_on.engine != "stream" or not going_on.col_spans or not going_on.cells:
        return None
    if not names_columns(going_on.cells, 0):
        return None
    names = " ".join(v for v in going_on.cells[0] if v).split()
    height, figures = before.info.height, figure_columns(going_on)
    below = max((height - box[1] for box in boxes), default=0.0)  # the lowest table's bottom, from the top
    body = before.lines[: len(before.lines) - before.running[1]] if before.running[1] else before.lines
    lines = [line for line in body if line[0].top > below]
    start = next((k for k, line in enumerate(lines) if [w.text for w in line] == names), None)
    if start is None or not figures:
        return None
    rows: list[tuple[list[Word], tuple[str, ...]]] = []
    for line in lines[start + 1 :]:
        row = row_in(line, going_on.col_spans)
        if not figured(row, figures):
            break
        rows.append((line, row))
    if not rows:
        return None
    printed = [lines[start]] + [line for line, _ in rows]
    spans = tuple((height - min(w.top for w in ln), height - max(w.bottom for w in ln)) for ln in printed)
    box = (going_on.box[0], spans[-1][1], going_on.box[2], spans[0][0])
    cells = (going_on.cells[0], *(row for _, row in rows))
    return Candidate(before.info.number, "stream", cells, box, spans, going_on.col_spans)
