"""A chosen grid typed: on an OCR'd page a thousands dot read as a comma is a figure to read again."""

from __future__ import annotations

from decimal import Decimal

from pipeline.tables.tidy import _typed

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
