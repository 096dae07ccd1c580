"""A chosen grid made a table: a chart's labels under the chart's own numbered caption are no table (a
table's are), and on an OCR'd page a thousands dot read as a comma is a figure to read again."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.base.models import PageInfo, PageText
from pipeline.tables.detect import Candidate
from pipeline.tables.tidy import _typed, tidy

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


BODY = [
    ["Dagtilbud", "412.300", "398.750"],
    ["Skoler", "655.900", "641.200"],
    ["Ungdomsskole", "160.610", "155,400"],
    ["I alt", "1.228.810", "1.195.350"],
]
NAMES, TITLES = ["label", "budget_2026", "budget_2025"], ["", "Budget 2026", "Budget 2025"]


def test_a_comma_for_a_thousands_dot_among_whole_figures_is_a_figure_to_read_again():
    fields, _, values, _, unreadable = _typed(NAMES, TITLES, [list(r) for r in BODY], "Budget", ocr=True)
    assert fields[2].type == "integer" and unreadable == {(2, 2)} and values[2][2] is None  # never 155.4
    assert values[1][2] == Decimal(641200)


def test_born_digital_or_a_column_of_decimals_keeps_its_commas():
    _, _, values, _, unreadable = _typed(NAMES, TITLES, [list(r) for r in BODY], "Budget", ocr=False)
    assert values[2][2] == Decimal("155.4") and not unreadable  # a printed decimal stays one (typing decides)
    rates = [["A", "1", "0,125"], ["B", "2", "0,250"], ["C", "3", "0,375"]]
    _, _, values, _, unreadable = _typed(NAMES, TITLES, rates, "Rater", ocr=True)
    assert not unreadable  # every figure with three decimals: none is a misread thousands dot
