"""A ruled grid's cells as the page prints them: each printed line in its row, each word within its rules.

Built by ``pipeline.fixtures.ruled``: marks a few points either side of a drawn rule (camelot reads ``NA NA``
as one run of text, one cell), a rule not drawn under one cell (camelot's merged cell takes the total row's
figures), column names printed turned over the first row of figures. Negatives: labels of two words, a
heading centred over two columns with no rule between them.
"""

from __future__ import annotations

import pytest

from pipeline.fixtures.ruled import MARKS, MERGED, VOTES, ruled_pdf
from pipeline.intake.ingest import find_packages, ingest
from pipeline.tables.other import other_tables
from pipeline.text import extract_text


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    pdf = ruled_pdf(tmp_path_factory.mktemp("ruled") / "ruled.pdf")
    package = next(p for p in find_packages(pdf.parent) if p.pdfs[0] == pdf)
    found = other_tables((pdf,), extract_text(package, ingest(package)), set())
    return {table.page: table for table in found.tables}, found.problems


def test_marks_either_side_of_a_drawn_rule_stand_in_their_own_columns(tables):
    by_page, _ = tables
    table = by_page[1]
    assert [row[3:] for row in table.rows] == [(a, b) for *_, a, b in MARKS]


def test_labels_of_two_words_and_a_heading_over_two_columns_stay_one_cell(tables):
    by_page, _ = tables
    table = by_page[1]
    assert [row[0] for row in table.rows] == [label for label, *_ in MARKS]  # Region Hovedstaden, I alt
    assert [f.name for f in table.fields[:3]] == ["Region", "Antal borgere 2024", "Antal borgere 2025"]
    assert [row[1:3] for row in table.rows][0] == ("1204", "1311")


def test_a_total_rows_figures_in_the_cell_merged_over_it_go_back_to_their_row(tables):
    by_page, problems = tables
    table = by_page[2]
    assert table.rows == [(area, a.replace(".", ""), b) for area, a, b in MERGED[1:]]
    assert table.totals_held is True and len(table.checks) == 2
    assert not [p for p in problems if p.slug == "table-cell-joined"]


def test_a_first_row_of_figures_under_turned_names_is_a_row_not_part_of_the_names(tables):
    by_page, _ = tables
    table = by_page[3]
    assert [f.name for f in table.fields] == ["Distrikt", "Anna Hansen", "Bo Jensen", "Carl Nielsen", "Dorte Berg"]
    assert table.rows == [tuple(row) for row in VOTES]
