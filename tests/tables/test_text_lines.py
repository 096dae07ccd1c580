"""camelot's text lines as printed (``pipeline.tables.text_lines``), built by ``pipeline.fixtures.turned_cells``:
cells whose lines are turned read in their own order (negative: upright cells, and a cell whose lines are turned
different ways, as they stand); a fixed-pitch header's first glyph, stacked under lines of blanks, kept."""

from __future__ import annotations

import pytest

from pipeline.fixtures.turned_cells import LINES, MIXED, REPORT, TURNS, turned_cells_pdf
from pipeline.intake.ingest import find_packages, ingest
from pipeline.tables.other import other_tables
from pipeline.text import extract_text


@pytest.fixture(scope="module")
def by_page(tmp_path_factory):
    pdf = turned_cells_pdf(tmp_path_factory.mktemp("turned_cells") / "turned_cells.pdf")
    package = next(p for p in find_packages(pdf.parent) if p.pdfs[0] == pdf)
    found = other_tables((pdf,), extract_text(package, ingest(package)), set())
    return {table.page: table for table in found.tables}


def test_cells_turned_every_way_read_their_lines_in_their_own_order(by_page):
    table = by_page[1]
    printed = [tuple(" ".join(LINES[turn]) for turn in turns) for turns in TURNS]
    assert [f.name for f in table.fields] == list(printed[0])
    assert table.rows[: len(TURNS) - 1] == printed[1:]


def test_a_cell_whose_lines_are_turned_different_ways_stays_as_the_page_stands(by_page):
    assert by_page[1].rows[-1] == (" ".join(MIXED), "", "")


def test_a_fixed_pitch_headers_first_glyph_under_lines_of_blanks_is_kept(by_page):
    table = by_page[2]
    assert [f.name for f in table.fields] == list(REPORT[0])
    assert [row[:2] for row in table.rows] == [row[:2] for row in REPORT[1:]]
