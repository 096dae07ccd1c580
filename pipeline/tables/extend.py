"""A table camelot's unruled reading cut short, read on down from bilag's own lines.

camelot's stream reading ends a region where the gap to the next line is wider than it allows
(its ``edge_tol``): a statement that leaves a blank line before its next section (``Total for the
Fund``) is cut there. The lines printed under the region still belong to the table while they
stand within its width, come within :data:`MAX_GAP` row pitches of the line above, and read as its
rows: a label with a figure (or a dash) in one of the table's columns of figures, or a short
label of a group whose figures follow. Running text, a note (``1 The results ...``) or another
table's region ends it; a group label with no figures under it is left to the caption.
"""

from __future__ import annotations

from dataclasses import replace

from pipeline.base.models import PageText, Word
from pipeline.tables.detect import Box, Candidate
from pipeline.tables.prose import FIGURE  # a figure with its share or currency sign (8 €)
from pipeline.tables.typing import is_dash
from pipeline.tables.words import SLACK

MAX_GAP = 2.0  # row pitches between a table's last line and the next line that still continues it
LABEL_WORDS = 6  # a group's label line is at most this many words


def extended(candidate: Candidate, page: PageText, others: list[Box]) -> Candidate:
    """The stream candidate with the rows printed under it that continue it (none past ``others``' regions)."""
    if candidate.engine != "stream" or not candidate.col_spans:
        return candidate
    if len(candidate.row_spans) != len(candidate.cells) or len(candidate.row_spans) < 2:
        return candidate
    height = page.info.height
    tops = [height - top for top, _ in candidate.row_spans]
    pitch = sorted(b - a for a, b in zip(tops, tops[1:]))[(len(tops) - 1) // 2]
    figures = figure_columns(candidate)
    if pitch <= 0 or not figures:
        return candidate
    rows: list[tuple[list[Word], tuple[str, ...]]] = []
    last = height - candidate.box[1]
    for line in sorted((ln for ln in page.lines if ln[0].top >= last - 1), key=lambda ln: ln[0].top):
        top, bottom = min(w.top for w in line), max(w.bottom for w in line)
        if (
            top - last > MAX_GAP * pitch
            or not _within(line, candidate.box)
            or _inside_other(top, bottom, height, others)
        ):
            break
        row = row_in(line, candidate.col_spans)
        if not (figured(row, figures) or _label(row)):
            break
        rows.append((line, row))
        last = bottom
    while rows and not figured(rows[-1][1], figures):
        rows.pop()  # a label with no figures under it: the next heading, or a note
    if not rows:
        return candidate
    spans = tuple((height - min(w.top for w in ln), height - max(w.bottom for w in ln)) for ln, _ in rows)
    box = (candidate.box[0], spans[-1][1], candidate.box[2], candidate.box[3])
    return replace(
        candidate,
        cells=candidate.cells + tuple(row for _, row in rows),
        row_spans=candidate.row_spans + spans,
        box=box,
    )


def figure_columns(candidate: Candidate) -> set[int]:
    """The columns that hold figures (in two rows or more)."""
    width = len(candidate.col_spans)
    return {
        c for c in range(1, width) if sum(1 for row in candidate.cells if c < len(row) and FIGURE.match(row[c])) >= 2
    }


def _within(line: list[Word], box: Box) -> bool:
    return all(box[0] - SLACK <= w.x0 and w.x1 <= box[2] + SLACK for w in line)


def _inside_other(top: float, bottom: float, height: float, others: list[Box]) -> bool:
    middle = height - (top + bottom) / 2
    return any(box[1] - SLACK <= middle <= box[3] + SLACK for box in others)


def row_in(line: list[Word], spans: tuple[tuple[float, float], ...]) -> tuple[str, ...]:
    """The line's words, each in the column its middle stands in (else the nearest)."""
    cells: list[list[str]] = [[] for _ in spans]
    for word in line:
        middle = (word.x0 + word.x1) / 2
        column = min(range(len(spans)), key=lambda i: max(spans[i][0] - middle, 0, middle - spans[i][1]))
        cells[column].append(word.text)
    return tuple(" ".join(words) for words in cells)


def figured(row: tuple[str, ...], figures: set[int]) -> bool:
    """A row of the table: a figure or a dash in one of its columns of figures, and no word of text there."""
    filled = [row[c] for c in figures if row[c]]
    return bool(filled) and all(FIGURE.match(v) or is_dash(v) for v in filled)


def _label(row: tuple[str, ...]) -> bool:
    """A group's label: a few words in one cell, no figure."""
    filled = [v for v in row if v]
    return len(filled) == 1 and len(filled[0].split()) <= LABEL_WORDS and not FIGURE.match(filled[0])
