"""Choosing a page's tables from camelot's readings: each region read once."""

from __future__ import annotations

import pytest

from pipeline.fixtures.sections import NAMES, SECTIONS, sections_pdf
from pipeline.tables.detect import Candidate, choose
from tests.conftest import process, published_tables

CELLS = (
    ("Age", "Total", "Age", "Total"),
    ("Under 1 year", "3533692", "40 years", "2468083"),
    ("1 year", "3269557", "41 years", "2375849"),
    ("2 years", "3223816", "42 years", "2325572"),
)


def reading(box: tuple[float, float, float, float], cells=CELLS) -> Candidate:
    x0, y0, x1, y1 = box
    pitch = (y1 - y0) / len(cells)
    rows = tuple((y1 - pitch * n, y1 - pitch * (n + 1)) for n in range(len(cells)))
    width = (x1 - x0) / len(cells[0])
    cols = tuple((x0 + width * n, x0 + width * (n + 1)) for n in range(len(cells[0])))
    return Candidate(1, "stream", cells, box, rows, cols)


def test_a_region_camelot_read_several_times_over_is_one_table():
    """Three readings of one region, their boxes a few points apart, two losing a row's right half: the one
    that fills most cells is kept."""
    cut = CELLS[:-1] + (("2 years", "3223816", "", ""),)
    found = choose([reading((64, 218, 512, 736), cut), reading((64, 212, 496, 730)), reading((60, 218, 485, 736), cut)])
    assert [c.cells for c in found] == [CELLS]


def test_tables_side_by_side_or_one_under_the_other_are_each_kept():
    left, right, below = reading((40, 500, 290, 700)), reading((310, 500, 560, 700)), reading((40, 200, 560, 400))
    assert len(choose([left, right, below])) == 3


@pytest.fixture(scope="module")
def sections(tmp_path_factory) -> list[list[list[str]]]:
    """The two result lists one under the other (pipeline/fixtures/sections.py), as published."""
    raw = tmp_path_factory.mktemp("raw")
    return published_tables(process(sections_pdf(raw / "proever.pdf"), tmp_path_factory.mktemp("out")).output)


def test_tables_one_under_the_other_each_under_its_own_names_are_two(sections):
    """camelot read them as overlapping regions of as many columns; the lower prints names of its own."""
    assert len(sections) == len(SECTIONS)
    for table, rows in zip(sections, SECTIONS.values()):
        assert table[0] == list(NAMES) and table[1:-1] == [list(row) for row in rows]
        assert table[-1][0] == f"{len(rows)} elev(er) i klassen"  # its count line, not the one above


def test_overlapping_readings_of_one_table_of_figures_are_still_one():
    """The lower reading's new rows are figures only (no names of its own): more rows of the upper one."""
    upper = reading((40, 500, 560, 700))
    lower = reading((40, 450, 560, 600), CELLS[2:] + (("3 years", "3187912", "43 years", "2290011"),))
    (joined,) = choose([upper, lower])
    assert joined.cells == CELLS + (("3 years", "3187912", "43 years", "2290011"),)


def test_overlapping_readings_whose_new_rows_open_with_other_names_are_still_one():
    """A section's own heading row over its figures (a wine list's ``Les Rouges | 12 CL``) is not the names of
    the table above printed again: one table in sections."""
    section = (("Girls", "Count", "Boys", "Count"), ("3 years", "3187912", "43 years", "2290011"))
    upper = reading((40, 500, 560, 700))
    lower = reading((40, 400, 560, 550), CELLS[3:] + section)
    (joined,) = choose([upper, lower])
    assert joined.cells == CELLS + section
