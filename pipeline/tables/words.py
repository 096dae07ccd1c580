"""A table on an OCR'd page read again from bilag's own words.

camelot reads an OCR'd page from the searchable PDF's invisible text, where a label may sit a
little lower than its figures and one printed row comes out as two. bilag's words of that page
are deskewed, grouped into lines and repaired (the same rule as the page's text): the table's
rows are those lines within the region camelot found, each word put in the column it stands in.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.base.models import Cell, PageText, Word
from pipeline.tables.declared.figures import DOUBTFUL, SPECKED, cut_specks
from pipeline.tables.detect import Candidate
from pipeline.tables.typing import parse_number
from pipeline.text.glyphs import UNMAPPED

TURNED = 1.6  # a word's box this many times its type's size tall stands turned
SLACK = 4.0  # points a word may stand outside the region and still belong to it
SOUND_SHARE = 0.6  # at least this share of an OCR'd table's cells must read as words or figures
FIGURE = re.compile(r"^[(−–+-]?\d[\d.,]*%?\)?[.,:;]?$")
WORD = re.compile(r"^[(\"']?[^\W\d_]*[aeiouyæøåéAEIOUYÆØÅÉ][^\W\d_]*[.,:;)\"']?$")
SPECK = re.compile(r"^[.,:;'\"`´|¦!_~•·°^*‘’“”=\-–—]{1,3}$")  # a dot of scan noise read as punctuation
FAINT = re.compile(r"^[.,:;'\"`´|¦‘’“”]{1,3}$")  # such a speck that is no dash: never a cell's meaning


def from_words(candidate: Candidate, page: PageText) -> Candidate:
    """The candidate's cells from the page's own lines, when there are columns to put them in; with
    each cell's place on the page and the OCR's confidence in it (``sources``), for a second look.

    On an OCR'd page, and in a region where pdfminer misread glyphs that bilag read from their
    font (camelot reads through pdfminer), the page's own words are the ones to trust.
    """
    if not candidate.col_spans:
        return candidate
    x0, _, x1, _ = candidate.box
    lines = lines_across(page, candidate.box)
    if page.source != "ocr" and not any(_read_from_font(w) for line in lines for w in line):
        return candidate
    # a heading or a sentence at the region's top or bottom that runs on outside it, or over its columns, is no
    # row of the table
    while lines and (_runs_outside(lines[0], x0, x1) or _prose_across(lines[0], candidate.col_spans)):
        lines = lines[1:]
    while lines and (_runs_outside(lines[-1], x0, x1) or _prose_across(lines[-1], candidate.col_spans)):
        lines = lines[:-1]
    rows, sources = [], []
    for line in lines:
        words: list[list[Word]] = [[] for _ in candidate.col_spans]
        for word in line:
            if x0 - SLACK <= (word.x0 + word.x1) / 2 <= x1 + SLACK:
                words[column_of(word, candidate.col_spans)].append(word)
        words = [_unspecked(cell) for cell in words]
        if any(words):
            found = [_source(cell, line, span, page) for cell, span in zip(words, candidate.col_spans)]
            texts = [" ".join(w.text for w in cell) for cell in words]
            if page.source == "ocr":  # a figure with a speck glued to it is still a figure, a doubtful one
                texts = [texts[0]] + [_figure_unspecked(t, cell) for t, cell in zip(texts[1:], found[1:])]
            rows.append(tuple(texts))
            sources.append(tuple(found))
    if len(rows) < 2:
        return candidate
    # the region as far as its rows reach (a heading left out above it is found as its title)
    box = (x0, page.info.height - max(w.bottom for w in lines[-1]), x1, page.info.height - min(w.top for w in lines[0]))
    return replace(candidate, cells=tuple(rows), box=box, row_spans=(), sources=tuple(sources))


def _unspecked(words: list[Word]) -> list[Word]:
    """A cell's words without specks read as punctuation beside them (``412.300 .``, ``; Skoler``); a dash
    standing alone, or with words between, stays what it is."""
    while len(words) > 1 and FAINT.match(words[-1].text):
        words = words[:-1]
    while len(words) > 1 and FAINT.match(words[0].text):
        words = words[1:]
    return words


def _figure_unspecked(text: str, source: Cell) -> str:
    """A figure the OCR read with specks glued to it (``20.310.``, ``59.650i``, ``"342.335``) as the figure
    (``20.310``), its source's confidence capped (flagged, and read again where a total needs it); any other
    text as it is."""
    if " " in text or any(parse_number(text, mark) is not None for mark in ",."):
        return text
    cut = cut_specks(text, 0.0, 1.0, None)
    if cut is None:
        return text
    core = SPECKED.match(text)["core"]
    source.confidence = DOUBTFUL if source.confidence is None else min(source.confidence, DOUBTFUL)
    return core


def is_speck(text: str) -> bool:
    """A cell that holds only specks of scan noise read as punctuation (``.``, ``—``, ``; :``)."""
    tokens = text.split()
    return bool(tokens) and all(SPECK.match(t) for t in tokens)


def _source(words: list[Word], line: list[Word], span: tuple[float, float], page: PageText) -> Cell:
    """Where a cell is printed (its words, or its column on its line when empty) and the OCR's confidence."""
    left, right = (min(w.x0 for w in words), max(w.x1 for w in words)) if words else span
    box = (left, min(w.top for w in words or line), right, max(w.bottom for w in words or line))
    confidences = [w.confidence for w in words if w.confidence is not None]
    text = " ".join(w.text for w in words)
    how = "ocr" if page.source == "ocr" else "text-layer"
    return Cell(None, page.info.index, how, box, min(confidences) if confidences else None, text)


def is_turned(word: Word) -> bool:
    """A word printed turned 90° (a column name set vertically): a box taller than its type, or far taller than
    wide."""
    height = word.bottom - word.top
    return height > TURNED * word.size if word.size else len(word.text) > 1 and height > 2 * (word.x1 - word.x0)


def lines_across(page: PageText, box: tuple[float, float, float, float]) -> list[list[Word]]:
    """The page's lines whose middle lies within the region's height (``box`` in PDF points, y upwards)."""
    top, bottom = page.info.height - box[3], page.info.height - box[1]  # measured from the page's top
    return [line for line in page.lines if top - SLACK <= _middle(line) <= bottom + SLACK]


def _runs_outside(line: list[Word], left: float, right: float) -> bool:
    """Words of the line inside the region and others outside it, and no figure: a heading or a sentence
    (a row of figures, a total above all, stays whatever its label does)."""
    inside = [left - SLACK <= (w.x0 + w.x1) / 2 <= right + SLACK for w in line]
    return any(inside) and not all(inside) and not any(FIGURE.match(w.text) for w in line)


def _prose_across(line: list[Word], spans: tuple[tuple[float, float], ...]) -> bool:
    """Running text laid over the columns: words more than three in four (a year or an amount in a sentence),
    each a word's space (no more than the line's x-height) after the one before, from one column into another
    (a row's cells stand a gap apart)."""
    if len(line) < 2 or 4 * sum(bool(FIGURE.match(w.text)) for w in line) >= len(line):
        return False
    close = all(b.x0 - a.x1 <= a.bottom - a.top for a, b in zip(line, line[1:]))
    return close and len({column_of(w, spans) for w in line}) > 1


def _middle(line: list[Word]) -> float:
    return sum((w.top + w.bottom) / 2 for w in line) / len(line)


def _read_from_font(word: Word) -> bool:
    return word.reread or UNMAPPED in word.text


def is_legible(cells: tuple[tuple[str, ...], ...]) -> bool:
    """Most cells read as words or figures: not what an OCR makes of a sideways page or a picture."""
    filled = [v for row in cells for v in row if v]
    sound = sum(1 for v in filled if is_sound(v))
    return bool(filled) and sound >= SOUND_SHARE * len(filled)


def is_sound(cell: str) -> bool:
    """Reads as words or figures (at least half of its tokens), not as scan noise."""
    tokens = cell.split()
    good = sum(1 for t in tokens if FIGURE.match(t) or t in "%-–" or (len(t) >= 2 and WORD.match(t)))
    return good * 2 >= len(tokens) + 1


def column_of(word: Word, spans: tuple[tuple[float, float], ...]) -> int:
    """The column a word stands in: the one holding its middle, else the nearest."""
    middle = (word.x0 + word.x1) / 2
    return min(range(len(spans)), key=lambda i: max(spans[i][0] - middle, 0, middle - spans[i][1]))
