"""A chart's labels under the chart's own numbered caption are no table; a table's are."""

from __future__ import annotations

import pytest

from pipeline.base.models import PageInfo, PageText
from pipeline.tables.detect import Candidate
from pipeline.tables.tidy import tidy

PAGE = PageText(PageInfo(1, "p.pdf", 1, 595, 842, 100), [], "text")
ROWS = (("", "2001", "2005", "2010"), ("0-14 år", "30,5", "29,7", "28,7"), ("15-64 år", "49,0", "48,6", "46,3"))


def candidate(caption: str, engine: str = "stream") -> Candidate:
    cells = ((caption, "", "", ""), *ROWS)
    return Candidate(1, engine, cells, (50, 600, 550, 760))


@pytest.mark.parametrize("caption", ["Figur 3. Befolkning efter alder (%)", "Figure A-1: Population by age"])
def test_the_labels_under_a_charts_caption_are_no_table(caption):
    assert tidy(candidate(caption), PAGE, 1) is None


@pytest.mark.parametrize("caption", ["Tabel 3. Befolkning efter alder (%)", "Figurer og tal 2025"])
def test_a_table_under_its_caption_is_a_table(caption):
    table = tidy(candidate(caption), PAGE, 1)
    assert table is not None and table.title == caption


def test_a_ruled_grid_under_a_figure_caption_is_a_table():
    assert tidy(candidate("Figur 3. Befolkning efter alder (%)", engine="lattice"), PAGE, 1) is not None


def test_a_charts_caption_camelot_split_over_two_cells_is_still_its_caption():
    cells = (("Figure 1:", "", "Population by age group (in %)", ""), *ROWS)
    assert tidy(Candidate(1, "stream", cells, (50, 600, 550, 760)), PAGE, 1) is None
