"""Cells printed over several lines joined: a text table's wrapped cells are one cell each, not one row a line.

camelot's unruled reading makes a row of each printed line. Where a table's cells hold sentences, a cell
wraps onto the next lines (``Emissions of 10 tons per year or`` / ``more of any one air toxic``), and the
lines under it come out as rows of their own, their other cells empty. A line is the cell above it run on
when it prints no figure, the row above none either, and every cell it fills continues a cell filled above
it: starting in lower case, or after a line that ends in a hyphen or a comma. A new row starts with a
capital (``Area``), and a row of figures, a heading or a note is never joined to anything.

A label printed over two lines with its row's figures set midway between them comes out as three rows: the
label's first line alone, the figures under no label, the label's second line alone
(``Minimum Weighted Average S&P Recovery`` / ``40.50% >= 40.00%`` / ``Rate Test``). They are one row when
the three stand no further apart than the table's rows of a label and figures stand (a group's label row,
a row of figures and the next group's label stand a row apart each).
"""

from __future__ import annotations

from dataclasses import replace

from pipeline.base.models import PageText
from pipeline.tables.cell_lines import joined_cell_lines
from pipeline.tables.detect import Candidate
from pipeline.tables.header_wraps import joined_header_wraps
from pipeline.tables.structure import figure, header_rows
from pipeline.tables.typing import decimal_mark, is_dash

RUNS_ON = ("-", ",")  # a cell's line ending so runs on onto the next line
CENTRED = 1.5  # a label's two lines and the figures between them stand within this many of the table's rows


def joined_wrapped(candidate: Candidate, page: PageText) -> Candidate:
    """The candidate with each wrapped cell's lines joined into the row the cell starts on."""
    if page.source == "ocr" or candidate.engine != "stream" or candidate.sources:
        return candidate
    mark = decimal_mark([v for row in candidate.cells for v in row])
    candidate = _centred_figures(candidate, mark)
    candidate = joined_cell_lines(candidate, page)  # lines a row's padding tells from rows: cell_lines.py
    candidate = joined_header_wraps(candidate, page)  # a header cell the word processor wrapped: header_wraps.py
    cells = candidate.cells
    count = header_rows(cells, mark)
    spans = len(candidate.row_spans) == len(cells)
    rows, row_spans = list(cells[:count]), list(candidate.row_spans[:count]) if spans else []
    for r in range(count, len(cells)):
        if len(rows) > count and _runs_on(rows[-1], cells[r], mark):
            rows[-1] = tuple(_joined(a, b) for a, b in zip(rows[-1], cells[r]))
            if spans:
                row_spans[-1] = (row_spans[-1][0], candidate.row_spans[r][1])
            continue
        rows.append(cells[r])
        if spans:
            row_spans.append(candidate.row_spans[r])
    if len(rows) == len(cells):
        return candidate
    return replace(candidate, cells=tuple(rows), row_spans=tuple(row_spans) if spans else candidate.row_spans)


def _centred_figures(candidate: Candidate, mark: str) -> Candidate:
    """The candidate with each label printed over two lines around its row's figures one row (see the doc)."""
    cells, spans = candidate.cells, candidate.row_spans
    pitches = sorted(top - bottom for row, (top, bottom) in zip(cells, spans) if row[0] and _figures(row[1:], mark))
    if len(spans) != len(cells) or not pitches:
        return candidate
    pitch = pitches[len(pitches) // 2]
    rows, row_spans, r = [], [], 0
    while r < len(cells):
        three = cells[r : r + 3]
        if (
            len(three) == 3
            and _label_only(three[0])
            and _label_only(three[2])
            and not three[1][0]
            and _figures(three[1], mark)
            and spans[r][0] - spans[r + 2][1] <= CENTRED * pitch
        ):
            rows.append((f"{three[0][0]} {three[2][0]}", *three[1][1:]))
            row_spans.append((spans[r][0], spans[r + 2][1]))
            r += 3
            continue
        rows.append(cells[r])
        row_spans.append(spans[r])
        r += 1
    return candidate if len(rows) == len(cells) else replace(candidate, cells=tuple(rows), row_spans=tuple(row_spans))


def _label_only(row: tuple[str, ...]) -> bool:
    return bool(row[0]) and not any(row[1:])


def _figures(row: tuple[str, ...], mark: str) -> bool:
    return any(_figure(v, mark) for v in row)


def _runs_on(above: tuple[str, ...], row: tuple[str, ...], mark: str) -> bool:
    """Whether ``row`` is the next line of cells of ``above`` (see the module's doc)."""
    filled = [c for c, v in enumerate(row) if v]
    if not filled or any(_figure(v, mark) for v in row) or any(_figure(v, mark) for v in above):
        return False
    return all(c < len(above) and above[c] and (row[c][0].islower() or above[c].endswith(RUNS_ON)) for c in filled)


def _figure(text: str, mark: str) -> bool:
    return bool(text) and (figure(text, mark) or is_dash(text))


def _joined(above: str, below: str) -> str:
    if not below:
        return above
    if not above:
        return below
    return above + below if above.endswith("-") and below[0].islower() else f"{above} {below}"
