"""Rules however they are drawn (``pipeline.tables.rules``), and a page turned only when its characters are.

Built by ``pipeline.fixtures.drawn``: a grid of boxes drawn as paths closed twice (``re h S``) whose figures are
turned 90° both ways (camelot sees no rule and guesses the page turned), a grid drawn cell by cell in pieces
shorter than a rule. Negative: a page with a frame, an underline in pieces and a chart's axes has no table.
Built by ``pipeline.fixtures.thick_rules``: a grid ruled with filled boxes 1.9 points thick is read by its rules;
negative: a chart of thin bars over an axis is no grid.
"""

from __future__ import annotations

import pytest

from pipeline.fixtures.drawn import PIECES, TURNED_NAMES, TURNED_ROWS, drawn_pdf
from pipeline.fixtures.thick_rules import NAMES, VOTES, thick_rules_pdf
from pipeline.intake.ingest import find_packages, ingest
from pipeline.tables.engines import read_candidates, ruled_pages
from pipeline.tables.other import other_tables
from pipeline.tables.rules import draws_rules
from pipeline.text import extract_text


@pytest.fixture(scope="module")
def drawn(tmp_path_factory):
    pdf = drawn_pdf(tmp_path_factory.mktemp("drawn") / "drawn.pdf")
    package = next(p for p in find_packages(pdf.parent) if p.pdfs[0] == pdf)
    found = other_tables((pdf,), extract_text(package, ingest(package)), set())
    return pdf, {table.page: table for table in found.tables}


def test_a_grid_of_boxes_closed_twice_with_turned_figures_is_read_upright_by_its_rules(drawn):
    _, by_page = drawn
    table = by_page[1]
    assert [f.name for f in table.fields] == list(TURNED_NAMES)
    assert table.rows == TURNED_ROWS


def test_a_grid_drawn_cell_by_cell_in_short_pieces_is_read_by_its_rules(drawn):
    pdf, by_page = drawn
    assert 2 in ruled_pages(pdf, [2])
    table = by_page[2]
    assert [f.name for f in table.fields] == list(PIECES[0])
    assert table.rows == [(n, name, amount.replace(".", "")) for n, name, amount in PIECES[1:]]


def test_a_frame_an_underline_in_pieces_and_a_charts_axes_make_no_table(drawn):
    _, by_page = drawn
    assert 3 not in by_page


def test_pieces_that_continue_one_another_make_a_rule_and_pieces_apart_do_not():
    across = [(0.0, 700.0, 100.0, 700.5), (0.0, 650.0, 100.0, 650.5)]
    down_in_pieces = [(x, 650.0 + 9.6 * n, x + 0.5, 659.6 + 9.6 * n) for x in (0.0, 50.0) for n in range(5)]
    assert draws_rules(across + down_in_pieces)
    down_apart = [(x, 650.0 + 12 * n, x + 0.5, 659.6 + 12 * n) for x in (0.0, 50.0) for n in range(5)]
    assert not draws_rules(across + down_apart)


@pytest.fixture(scope="module")
def thick(tmp_path_factory):
    pdf = thick_rules_pdf(tmp_path_factory.mktemp("thick") / "thick.pdf")
    return read_candidates(pdf, [1, 2])


def test_a_grid_ruled_with_filled_boxes_thicker_than_camelots_limit_is_read_by_its_rules(thick):
    ruled = [c for c in thick if c.page == 1 and c.engine == "lattice"]
    assert [c.cells for c in ruled] == [(("Kreds", *NAMES), *VOTES)]


def test_a_chart_of_thin_bars_over_an_axis_is_no_grid(thick):
    assert not [c for c in thick if c.page == 2 and c.engine == "lattice"]
