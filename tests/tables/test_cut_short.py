"""A table camelot read in two overlapping parts, a price list, a word cut at a column boundary."""

from __future__ import annotations

from dataclasses import replace

from pipeline.tables.columns import rejoined
from pipeline.tables.detect import Candidate, joined_overlapping
from pipeline.tables.prose import is_table_like
from tests.tables.test_columns import candidate_of, page_of, words_at

WINES = [
    ("Les Blancs", "12,5 CL"),
    ("A.O.P Côtes du Rhône", ""),
    ("Domaine de la Guicharde « Autour de la chapelle » 2016", "8 €"),
    ("A.O.P Vacqueyras", ""),
    ("Domaine de Montvac « Melodine » 2016", "10 €"),
    ("Domaine de Beaurenard 2017", "13 €"),
]


def part(rows: list[tuple[str, str]], top: float) -> Candidate:
    spans = tuple((top - 12 * n, top - 12 * n - 10) for n in range(len(rows)))
    return Candidate(1, "stream", tuple(rows), (60, spans[-1][1], 540, top), spans)


def test_a_price_list_is_a_table_not_prose_cut_into_lines():
    assert is_table_like(tuple(WINES))


def test_running_text_beside_no_figures_is_still_prose():
    lines = tuple((f"line {n} of a paragraph that runs on and on here", "") for n in range(6))
    assert not is_table_like(lines)


def test_two_overlapping_readings_of_one_table_are_one_table_each_row_once():
    upper = part(WINES[:4], 800)
    lower = part(WINES[3:], 800 - 36)  # its first row is the upper part's last
    (joined,) = joined_overlapping([upper, lower])
    assert joined.cells == tuple(WINES)


def test_two_tables_one_under_the_other_stay_two():
    upper = part(WINES[:3], 800)
    lower = part(WINES[3:], 700)
    assert len(joined_overlapping([upper, lower])) == 2


def test_a_first_letter_camelot_set_apart_is_joined_to_its_word():
    lines = [words_at(100 + 12 * n, (40, text), (300, figure)) for n, (text, figure) in enumerate(KEYS)]
    page = page_of(lines)
    whole = candidate_of(lines, [(30, 46), (46, 290), (290, 340)])
    cut = tuple((text[0], text[1:], figure) for text, figure in KEYS)  # as camelot read them
    fixed = rejoined(replace(whole, cells=cut), page)
    assert [row[:2] for row in fixed.cells] == [("", text) for text, _ in KEYS]


KEYS = [("Class A", ""), ("Net Asset Value", "5,111,372"), ("Number of units", "49,136")]


def test_words_that_are_two_words_as_printed_stay_apart():
    lines = [words_at(100 + 12 * n, (40, "A"), (60, "Net value"), (300, "12")) for n in range(3)]
    candidate = candidate_of(lines, [(30, 50), (50, 290), (290, 340)])
    assert rejoined(candidate, page_of(lines)) == candidate
