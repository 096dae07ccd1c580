"""A table camelot cut short at a blank line is read on down; notes and running text end it."""

from __future__ import annotations

from pipeline.tables.extend import extended
from tests.tables.test_columns import HEIGHT, candidate_of, page_of, words_at

ROWS = [
    ("Class A", ""),
    ("Net Asset Value", "5,111,372"),
    ("Number of units", "49,136"),
    ("Value per unit", "104.03"),
]
BELOW = [
    ("Total for the Fund", ""),
    ("Net Asset Value", "54,256,197"),
    ("Number of units", "520,691"),
]


def lines_of(rows, top: float) -> list:
    return [
        words_at(top + 20 * n, (70, label), *([(480, figure)] if figure else []))
        for n, (label, figure) in enumerate(rows)
    ]


def test_a_section_after_a_blank_line_continues_the_table():
    table = lines_of(ROWS, 100)
    below = lines_of(BELOW, 100 + 20 * len(ROWS) + 15)  # a blank line's worth more than the pitch
    candidate = candidate_of(table, [(60, 400), (400, 540)])
    grown = extended(candidate, page_of(table + below), [])
    assert grown.cells[len(ROWS) :] == tuple(BELOW)
    assert grown.box[1] < candidate.box[1] and len(grown.row_spans) == len(grown.cells)


def test_notes_running_text_and_another_table_end_it():
    table = lines_of(ROWS, 100)
    after = 100 + 20 * len(ROWS)
    note = [words_at(after, (70, "1 The results cover the period from inception of the Fund through 31 December"))]
    heading = lines_of([("Another heading", "")], after)
    candidate = candidate_of(table, [(60, 400), (400, 540)])
    assert extended(candidate, page_of(table + note), []).cells == candidate.cells
    assert extended(candidate, page_of(table + heading), []).cells == candidate.cells  # no figures under it
    below = lines_of(BELOW, after)
    other = (60, HEIGHT - after - 80, 540, HEIGHT - after + 2)
    assert extended(candidate, page_of(table + below), [other]).cells == candidate.cells
    far = lines_of(BELOW, after + 100)
    assert extended(candidate, page_of(table + far), []).cells == candidate.cells
