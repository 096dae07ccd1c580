"""Row labels printed left of a ruled grid, outside its rules.

A report may rule its figures and print each row's label (a township, a municipality) beside the
grid, unruled: camelot's ruled reading then has rows of figures without their labels. Each ruled
row is matched to the printed line that prints its text (:func:`pipeline.tables.columns.matched_lines`);
when most rows of figures have words printed left of the grid on their line, those words are the
table's first column.
"""

from __future__ import annotations

from dataclasses import replace

from pipeline.base.models import PageText, Word
from pipeline.tables.columns import matched_lines
from pipeline.tables.detect import Box, Candidate
from pipeline.tables.words import FIGURE, SLACK
from pipeline.text.bidi import logical

LABELLED = 0.6  # share of the rows of figures that print a label left of the grid
MIN_ROWS = 3
LABEL_WORDS = 6  # a label is a few words, not a line of running text beside the grid


def with_row_labels(candidate: Candidate, page: PageText, others: list[Box]) -> Candidate:
    """The ruled candidate with the labels printed left of it as its first column, where most rows have one
    (never words of ``others``, the page's other tables, nor figures: a table of figures beside it)."""
    if candidate.engine != "lattice" or page.source == "ocr" or not candidate.col_spans:
        return candidate
    left = candidate.box[0]
    labels = [_left_of(line, left, others, page.info.height) for line in matched_lines(candidate, page)]
    figured = [r for r, row in enumerate(candidate.cells) if any(FIGURE.match(v) for v in row)]
    labelled = [r for r in figured if labels[r]]
    if len(labelled) < MIN_ROWS or len(labelled) < LABELLED * len(figured):
        return candidate
    if any(len(words) > LABEL_WORDS or any(FIGURE.match(w.text) for w in words) for words in labels):
        return candidate
    edge = min(w.x0 for words in labels for w in words)
    cells = tuple((logical(" ".join(w.text for w in labels[r])),) + row for r, row in enumerate(candidate.cells))
    return replace(
        candidate,
        cells=cells,
        col_spans=((edge, left),) + candidate.col_spans,
        box=(edge,) + candidate.box[1:],
    )


def _left_of(line: list[Word], left: float, others: list[Box], height: float) -> list[Word]:
    """The words of the line printed left of the grid, outside the page's other tables."""
    return [w for w in line if w.x1 <= left + SLACK / 2 and not any(_in(w, box, height) for box in others)]


def _in(word: Word, box: Box, height: float) -> bool:
    x, y = (word.x0 + word.x1) / 2, height - (word.top + word.bottom) / 2
    return box[0] - SLACK <= x <= box[2] + SLACK and box[1] - SLACK <= y <= box[3] + SLACK
