"""The smallest explanation of totals that do not hold: the one printed figure that is off, named once."""

from __future__ import annotations

from decimal import Decimal

from pipeline.tables.diagnosis import as_printed, diagnose
from pipeline.tables.totals import total_sums


def _diagnosed(labels, names, rows):
    values = [[None if v is None else Decimal(v) for v in row] for row in rows]
    width = len(names)
    sums = total_sums(labels, names, values, [0] * width, [False] + [True] * (width - 1))
    return diagnose(sums, values, labels, names, [0] * width, ",")


REPORT = ["Område", "2024", "2025", "I alt"]


def test_a_wrong_subtotal_is_named_once_and_the_total_column_across_it_holds_with_its_parts_in_its_place():
    labels = ["Dagpleje", "Vuggestuer", "I alt dagtilbud", "Skoler", "SFO", "I alt skoler", "I alt"]
    rows = [
        [None, 11900, 12345, 24245],
        [None, 47005, 48210, 95215],
        [None, 58905, 60555, 119460],
        [None, 301200, 310450, 611650],
        [None, 40120, 41300, 81420],
        [None, 341320, 352750, 693070],  # 2025 printed 1.000 too high
        [None, 400225, 412305, 812530],
    ]
    checks, (mismatch,) = _diagnosed(labels, REPORT, rows)
    assert (mismatch.row, mismatch.column, mismatch.printed, mismatch.expected) == (
        "I alt skoler",
        "2025",
        "352.750",
        "351.750",
    )
    assert mismatch.difference == "1.000" and mismatch.too_high and mismatch.is_total
    assert mismatch.also == ("row 'I alt skoler', column 'I alt'",)
    assert [(c.row, c.column) for c in checks if not c.held] == [("I alt skoler", "2025")]


def test_a_figure_both_its_row_and_its_column_total_disagree_with_is_named_not_the_totals():
    labels = ["Skoler", "SFO", "I alt"]
    rows = [[None, 10, 20, 30], [None, 5, 9, 15], [None, 15, 30, 45]]  # SFO 2025 printed 9, not 10
    checks, (mismatch,) = _diagnosed(labels, REPORT, rows)
    assert (mismatch.row, mismatch.column, mismatch.expected, mismatch.is_total) == ("SFO", "2025", "10", False)
    assert not mismatch.too_high and len([c for c in checks if not c.held]) == 2


def test_a_lone_wrong_total_names_its_own_figures():
    checks, (mismatch,) = _diagnosed(["a", "b", "I alt"], ["x", "y"], [[None, 10], [None, 5], [None, 16]])
    assert (mismatch.row, mismatch.printed, mismatch.expected, mismatch.difference) == ("I alt", "16", "15", "1")


def test_figures_are_written_as_the_table_prints_them():
    assert as_printed(Decimal("12450"), 0, ",") == "12.450"
    assert as_printed(Decimal("-1234.5"), 1, ",") == "-1.234,5"
    assert as_printed(Decimal("145.69"), 2, ".") == "145.69"
