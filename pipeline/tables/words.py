"""A table on an OCR'd page read again from bilag's own words.

camelot reads an OCR'd page from the searchable PDF's invisible text, where a label may sit a
little lower than its figures and one printed row comes out as two. bilag's words of that page
are deskewed, grouped into lines and repaired (the same rule as the page's text): the table's
rows are those lines within the region camelot found, each word put in the column it stands in.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.models import PageText, Word
from pipeline.tables.detect import Candidate
from pipeline.text.glyphs import UNMAPPED

SLACK = 4.0  # points a word may stand outside the region and still belong to it
SOUND_SHARE = 0.6  # at least this share of an OCR'd table's cells must read as words or figures
FIGURE = re.compile(r"^[(−–+-]?\d[\d.,]*%?\)?[.,:;]?$")
WORD = re.compile(r"^[(\"']?[^\W\d_]*[aeiouyæøåéAEIOUYÆØÅÉ][^\W\d_]*[.,:;)\"']?$")


def from_words(candidate: Candidate, page: PageText) -> Candidate:
    """The candidate's cells from the page's own lines, when there are columns to put them in.

    On an OCR'd page, and in a region where pdfminer misread glyphs that bilag read from their
    font (camelot reads through pdfminer), the page's own words are the ones to trust.
    """
    if not candidate.col_spans:
        return candidate
    x0, y0, x1, y1 = candidate.box
    top, bottom = page.info.height - y1, page.info.height - y0  # the region, measured from the page's top
    lines = [line for line in page.lines if top - SLACK <= _middle(line) <= bottom + SLACK]
    if page.source != "ocr" and not any(_read_from_font(w) for line in lines for w in line):
        return candidate
    rows = []
    for line in lines:
        cells = [""] * len(candidate.col_spans)
        for word in line:
            if x0 - SLACK <= (word.x0 + word.x1) / 2 <= x1 + SLACK:
                column = _column(word, candidate.col_spans)
                cells[column] = f"{cells[column]} {word.text}".strip()
        if any(cells):
            rows.append(tuple(cells))
    if len(rows) < 2:
        return candidate
    return replace(candidate, cells=tuple(rows), row_spans=())


def _middle(line: list[Word]) -> float:
    return sum((w.top + w.bottom) / 2 for w in line) / len(line)


def _read_from_font(word: Word) -> bool:
    return word.reread or UNMAPPED in word.text


def is_legible(cells: tuple[tuple[str, ...], ...]) -> bool:
    """Most cells read as words or figures: not what an OCR makes of a sideways page or a picture."""
    filled = [v for row in cells for v in row if v]
    sound = sum(1 for v in filled if _sound(v))
    return bool(filled) and sound >= SOUND_SHARE * len(filled)


def _sound(cell: str) -> bool:
    tokens = cell.split()
    good = sum(1 for t in tokens if FIGURE.match(t) or t in "%-–" or (len(t) >= 2 and WORD.match(t)))
    return good * 2 >= len(tokens) + 1


def _column(word: Word, spans: tuple[tuple[float, float], ...]) -> int:
    """The column a word stands in: the one holding its middle, else the nearest."""
    middle = (word.x0 + word.x1) / 2
    return min(range(len(spans)), key=lambda i: max(spans[i][0] - middle, 0, middle - spans[i][1]))
