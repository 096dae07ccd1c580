"""Only what the page shows: a table's rows and columns that lie outside the page's visible box are dropped.

A PDF may draw text no viewer shows (a bill's whole form drawn on a page cropped to one box of it, its
other boxes below the page's foot). The text stage reads no word there (``pipeline.text.words.visible``);
camelot reads the content stream as it is, so its tables are cut to the page here: a row or column that
stands wholly outside is no part of the table, nor a column of text where the page's text layer shows no
word (an unruled column's span reaches to the next column's text, which may lie past the edge); a table
with nothing left is none.
"""

from __future__ import annotations

from dataclasses import replace

from pipeline.base.models import PageText
from pipeline.tables.detect import Candidate

EDGE = 1.0  # points a row or column may reach past the page's edge and still be shown


def shown(candidates: list[Candidate], page: PageText) -> list[Candidate]:
    """The candidates cut to the page's visible box; those with no row or column left dropped. A page turned
    (its text read in a turned frame) is left as camelot read it: its frame is camelot's own."""
    if page.turn:
        return candidates
    width, height = page.info.width, page.info.height
    out = []
    for candidate in candidates:
        cut = _cut(candidate, width, height)
        if cut is not None and page.source == "text-layer":
            cut = _keep(cut, list(range(len(cut.cells))), _seen_columns(cut, page, height))
        if cut is not None:
            out.append(cut)
    return out


def _seen_columns(candidate: Candidate, page: PageText, height: float) -> list[int]:
    """The columns that hold no text, or in whose span some word the page shows stands (a word reaching into
    it counts: camelot's unruled reading may cut a word at a column's edge, ``C`` | ``lass A``)."""
    if len(candidate.col_spans) != candidate.shape[1]:
        return list(range(candidate.shape[1]))
    _, bottom, _, top = candidate.box
    spans = [(w.x0, w.x1) for line in page.lines for w in line if bottom <= height - (w.top + w.bottom) / 2 <= top]
    return [
        c
        for c, (left, right) in enumerate(candidate.col_spans)
        if not any(c < len(row) and row[c] for row in candidate.cells)
        or any(x0 < right and x1 > left for x0, x1 in spans)
    ]


def _cut(candidate: Candidate, width: float, height: float) -> Candidate | None:
    rows, columns = candidate.shape
    if len(candidate.row_spans) != rows or len(candidate.col_spans) != columns:
        x0, y0, x1, y1 = candidate.box
        return candidate if x0 < width + EDGE and x1 > -EDGE and y0 < height + EDGE and y1 > -EDGE else None
    keep_rows = [r for r, (top, bottom) in enumerate(candidate.row_spans) if bottom < height + EDGE and top > -EDGE]
    keep_columns = [c for c, (left, right) in enumerate(candidate.col_spans) if left < width + EDGE and right > -EDGE]
    return _keep(candidate, keep_rows, keep_columns)


def _keep(candidate: Candidate, keep_rows: list[int], keep_columns: list[int]) -> Candidate | None:
    """The candidate with only the given rows and columns (None: nothing left)."""
    if len(keep_rows) == candidate.shape[0] and len(keep_columns) == candidate.shape[1]:
        return candidate
    if not keep_rows or not keep_columns:
        return None
    row_spans = [candidate.row_spans[r] for r in keep_rows] if candidate.row_spans else []
    col_spans = [candidate.col_spans[c] for c in keep_columns]
    _, y0, _, y1 = candidate.box
    box = (
        col_spans[0][0],
        row_spans[-1][1] if row_spans else y0,
        col_spans[-1][1],
        row_spans[0][0] if row_spans else y1,
    )
    return replace(
        candidate,
        cells=tuple(tuple(candidate.cells[r][c] for c in keep_columns) for r in keep_rows),
        row_spans=tuple(row_spans),
        col_spans=tuple(col_spans),
        box=box,
        sources=tuple(tuple(candidate.sources[r][c] for c in keep_columns) for r in keep_rows)
        if candidate.sources
        else (),
    )
