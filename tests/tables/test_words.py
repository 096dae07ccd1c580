"""An OCR'd table read again from bilag's own words: sentences over its columns are no rows, specks no digits."""

from __future__ import annotations

from pipeline.base.models import PageInfo, PageText, Word
from pipeline.tables.declared.figures import DOUBTFUL
from pipeline.tables.detect import Candidate
from pipeline.tables.words import from_words

HEIGHT = 842.0
SPANS = ((60.0, 250.0), (250.0, 340.0), (340.0, 430.0))


def _words(text: str, x0: float, top: float) -> list[Word]:
    """Words of ``text`` from ``x0`` on, 4.5 points a character, a word's space (3 points) apart."""
    words, x = [], x0
    for token in text.split():
        words.append(Word(token, x, x + 4.5 * len(token), top, top + 5.0, confidence=0.96))
        x += 4.5 * len(token) + 3.0
    return words


def _right(text: str, right: float, top: float) -> list[Word]:
    return _words(text, right - 4.5 * len(text), top)


def page(source: str = "ocr") -> PageText:
    lines = [
        _words("Forvaltningen fremlægger budgettet for 2026 fordelt på udvalg sammenholdt med 2025", 62, 100),
        _words("1.000", 62, 120) + _right("2026", 336, 120) + _right("2025", 426, 120),
        _words("Dagtilbud", 62, 136) + _right("412.300", 336, 136) + _right("398.750", 426, 136),
        _words("Kulturhuse", 62, 152) + _right("21.650", 336, 152) + _words("20.900.", 426 - 4.5 * 6, 152),
        _words("I alt", 62, 168) + _right("433.950", 336, 168) + _right("419.650", 426, 168),
    ]
    info = PageInfo(index=1, pdf="memo.pdf", number=1, width=595.0, height=HEIGHT, chars=0)
    return PageText(info=info, lines=lines, source=source, triage="image-only" if source == "ocr" else "born-digital")


def test_a_sentence_over_the_columns_is_no_row_and_a_figure_with_a_speck_is_a_doubtful_figure():
    # camelot took the sentence above the table into the region (its box reaches up to it)
    candidate = Candidate(
        1, "stream", (("x", "y", "z"),) * 5, (60.0, HEIGHT - 175, 430.0, HEIGHT - 98), col_spans=SPANS
    )
    read = from_words(candidate, page())
    assert read.cells == (
        ("1.000", "2026", "2025"),
        ("Dagtilbud", "412.300", "398.750"),
        ("Kulturhuse", "21.650", "20.900"),
        ("I alt", "433.950", "419.650"),
    )
    specked = read.sources[2][2]
    assert (specked.text, specked.confidence) == ("20.900.", DOUBTFUL)  # as printed, and flagged
    assert read.sources[2][1].confidence == 0.96


def test_a_row_of_figures_set_close_is_still_a_row():
    # a label with its figures a word's space after it, across the columns: a row of a table, not a sentence
    lines = [_words("Dagtilbud 412.300 398.750", 62, 136), _words("Skoler 655.900 641.200", 62, 152)]
    info = PageInfo(index=1, pdf="memo.pdf", number=1, width=595.0, height=HEIGHT, chars=0)
    spans = ((60.0, 100.0), (100.0, 140.0), (140.0, 200.0))
    candidate = Candidate(
        1, "stream", (("x", "y", "z"),) * 2, (60.0, HEIGHT - 160, 200.0, HEIGHT - 130), col_spans=spans
    )
    read = from_words(candidate, PageText(info=info, lines=lines, source="ocr"))
    assert read.cells == (("Dagtilbud", "412.300", "398.750"), ("Skoler", "655.900", "641.200"))
