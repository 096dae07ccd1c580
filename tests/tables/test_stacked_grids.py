"""A ruled table's total row boxed apart under it (``pipeline.tables.stacked_grids``), built by
``pipeline.fixtures.stacked_grids``: the box's row is the table's last row, its label and first figure printed left
of the box in their columns; negatives: a one-row grid ruled over columns of its own, and one under a caption of its
own, are not joined to the grid above them, and each is named (``pipeline.tables.apart``: ``table-row-apart``)."""

from __future__ import annotations

import pytest

from pipeline.fixtures.stacked_grids import BUDGET, OTHER_ROW, TOTAL, stacked_grids_pdf
from pipeline.intake.ingest import find_packages, ingest
from pipeline.tables.engines import read_candidates
from pipeline.tables.other import other_tables
from pipeline.text import extract_text


@pytest.fixture(scope="module")
def stacked(tmp_path_factory):
    pdf = stacked_grids_pdf(tmp_path_factory.mktemp("stacked") / "stacked.pdf")
    package = next(p for p in find_packages(pdf.parent) if p.pdfs[0] == pdf)
    found = other_tables((pdf,), extract_text(package, ingest(package)), set())
    return pdf, found


def test_a_total_row_boxed_apart_under_its_grid_is_the_tables_last_row(stacked):
    _, found = stacked
    table = next(t for t in found.tables if t.page == 1)
    assert table.rows[-1][0] == TOTAL[0]
    assert [v.replace(".", "") for v in table.rows[-1][1:]] == [v.replace(".", "") for v in TOTAL[1:]]
    assert not [f for f in found.problems if f.slug == "table-total-mismatch"]


def test_a_grid_ruled_its_own_way_or_under_its_own_caption_stays_apart(stacked):
    pdf, _ = stacked
    grids = [c.cells for c in read_candidates(pdf, [2]) if c.engine == "lattice"]
    assert grids == [tuple(BUDGET), (OTHER_ROW,), tuple(BUDGET), (TOTAL,)]


def test_a_ruled_row_of_figures_no_table_holds_is_named_and_a_joined_one_is_not(stacked):
    _, found = stacked
    apart = [f for f in found.problems if f.slug == "table-row-apart"]
    assert len(apart) == 2 and {f.page for f in apart} == {2}
    assert any(" ".join(OTHER_ROW) in f.message for f in apart)
    assert any(" ".join(TOTAL) in f.message for f in apart)
