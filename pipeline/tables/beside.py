"""One table camelot's unruled reading found twice, cut at different columns: joined into one.

camelot's stream reading may find a wide table as two regions that overlap side by side (a list's first
columns, and its last columns with some of the first again), each with every row of the table. Published as
they are, the columns both read are printed twice, in two tables. Two readings are one table when they have
the same rows (as many, each at the same height) and every column they both read prints the same text in each
row: the left one's columns, then the right one's columns past its edge.
"""

from __future__ import annotations

from dataclasses import replace

from pipeline.tables.detect import Candidate

SAME_LINE = 2.0  # points: two rows this close in height are one printed line
MIN_ROWS = 3


def joined_beside(chosen: list[Candidate]) -> list[Candidate]:
    """The page's chosen tables, readings of one table side by side joined (see the module's doc)."""
    out: list[Candidate] = []
    for item in chosen:
        k = next((k for k, other in enumerate(out) if _one_table(other, item)), None)
        if k is None:
            out.append(item)
        else:
            out[k] = _union(out[k], item)
    return out


def _one_table(a: Candidate, b: Candidate) -> bool:
    if not (a.engine == b.engine == "stream" and a.col_spans and b.col_spans and not a.sources and not b.sources):
        return False
    if len(a.cells) != len(b.cells) or len(a.cells) < MIN_ROWS or len(a.row_spans) != len(a.cells):
        return False
    if len(b.row_spans) != len(b.cells):
        return False
    if any(abs(p[0] - q[0]) > SAME_LINE or abs(p[1] - q[1]) > SAME_LINE for p, q in zip(a.row_spans, b.row_spans)):
        return False
    left, right = (a, b) if a.box[0] <= b.box[0] else (b, a)
    shared = _shared(left, right)
    if not shared or right.box[2] <= left.box[2]:
        return False
    return all(lrow[i] == rrow[j] for lrow, rrow in zip(left.cells, right.cells) for i, j in shared)


def _shared(left: Candidate, right: Candidate) -> list[tuple[int, int]]:
    """The columns both read: each of the right reading's columns that starts inside the left one, with the left
    one's column it overlaps most."""
    pairs = []
    for j, (x0, x1) in enumerate(right.col_spans):
        if x0 >= left.box[2] - SAME_LINE:
            continue
        overlap = [min(x1, r) - max(x0, lft) for lft, r in left.col_spans]
        best = max(range(len(overlap)), key=overlap.__getitem__)
        if overlap[best] <= 0:
            return []
        pairs.append((best, j))
    return pairs


def _union(a: Candidate, b: Candidate) -> Candidate:
    """The left reading's columns, then the right one's past its edge; one box over both."""
    left, right = (a, b) if a.box[0] <= b.box[0] else (b, a)
    extra = [j for j, (x0, _) in enumerate(right.col_spans) if x0 >= left.box[2] - SAME_LINE]
    cells = tuple(tuple(lrow) + tuple(rrow[j] for j in extra) for lrow, rrow in zip(left.cells, right.cells))
    spans = left.col_spans + tuple(right.col_spans[j] for j in extra)
    box = (left.box[0], min(a.box[1], b.box[1]), right.box[2], max(a.box[3], b.box[3]))
    return replace(left, cells=cells, col_spans=spans, box=box)
