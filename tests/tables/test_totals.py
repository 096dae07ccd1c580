"""Totals checked against what they add up to: total rows, subtotal groups, total columns."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from pipeline.tables.totals import check_totals, is_total, total_sums


def _d(rows):
    return [[None if v is None else Decimal(v) for v in row] for row in rows]


def test_total_labels():
    for label in ("I alt", "i alt:", "Total", "Totals", "Sum", "Hele landet", "Region Midtjylland i alt"):
        assert is_total(label), label
    for label in ("Totalforsvar", "Summer", "Aarhus"):
        assert not is_total(label), label


def test_subtotal_groups_and_the_grand_total():
    labels = ["Skole", "SFO", "Børn i alt", "Hjemmepleje", "Plejehjem", "Ældre i alt", "I alt"]
    values = _d([[None, 10], [None, 5], [None, 15], [None, 7], [None, 3], [None, 10], [None, 25]])
    checks = check_totals(labels, ["Område", "Beløb"], values, [0, 0], [False, True])
    assert [(c.row, c.held) for c in checks] == [("Børn i alt", True), ("Ældre i alt", True), ("I alt", True)]


def test_a_wrong_total_is_a_mismatch_naming_row_and_column():
    labels = ["Skole", "SFO", "I alt"]
    values = _d([[None, 10, 1], [None, 5, 2], [None, 16, 3]])
    checks = check_totals(labels, ["Område", "Beløb", "Antal"], values, [0, 0, 0], [False, True, True])
    failed = [c for c in checks if not c.held]
    assert [(c.row, c.column, c.printed, c.computed) for c in failed] == [("I alt", "Beløb", "16", "15")]


def test_a_total_column_adds_the_columns_left_of_it():
    labels = ["Skole", "SFO"]
    values = _d([[None, 1, 2, 3], [None, 4, 5, 10]])
    checks = check_totals(labels, ["Område", "Drift", "Anlæg", "I alt"], values, [0] * 4, [False, True, True, True])
    assert [(c.row, c.kind, c.held) for c in checks] == [("Skole", "column", True), ("SFO", "column", False)]


def test_rounded_decimals_may_be_off_by_half_a_unit_per_part():
    values = _d([[None, "0.4"], [None, "0.4"], [None, "0.9"]])
    checks = check_totals(["a", "b", "I alt"], ["x", "y"], values, [0, 1], [False, True])
    assert checks[0].held


@given(st.lists(st.lists(st.integers(-(10**6), 10**6), min_size=3, max_size=3), min_size=1, max_size=12))
def test_a_printed_sum_always_holds_and_any_change_to_it_never(rows):
    labels = [f"row {i}" for i in range(len(rows))] + ["I alt"]
    totals = [sum(column) for column in zip(*rows)]
    values = _d([[None, *row] for row in rows] + [[None, *totals]])
    names = ["label", "a", "b", "c"]
    checks = check_totals(labels, names, values, [0] * 4, [False, True, True, True])
    assert len(checks) == 3 and all(c.held for c in checks)
    values[-1][2] += 1
    checks = check_totals(labels, names, values, [0] * 4, [False, True, True, True])
    assert [c.column for c in checks if not c.held] == ["b"]


def test_a_grand_total_column_adds_the_subtotal_column_and_the_columns_after_it():
    names = ["Område", "Drift", "Anlæg", "I alt", "Andet", "Total"]
    values = _d([[None, 1, 2, 3, 4, 7]])
    checks = check_totals(["Skole"], names, values, [0] * 6, [False] + [True] * 5)
    assert [(c.column, c.computed, c.held) for c in checks] == [("I alt", "3", True), ("Total", "7", True)]


def test_a_groups_total_printed_before_its_parts_adds_the_columns_right_of_it():
    # camelot's 12s0324: Total, Under 18, 18 and over | Total, Under 18, 18 and over (male, female)
    names = ["Offense", "Total", "Under 18", "18 and over", "Total", "Under 18", "18 and over"]
    values = _d(
        [
            [None, "467.9", "69.1", "398.8", "380.2", "56.5", "323.7"],
            [None, "102.1", "25.5", "76.6", "91.0", "22.9", "67.1"],
        ]
    )
    checks = check_totals(["Violent crime", "Robbery"], names, values, [0] + [1] * 6, [False] + [True] * 6)
    assert [(c.row, c.printed, c.computed, c.held) for c in checks] == [
        ("Violent crime", "467.9", "467.9", True),
        ("Robbery", "102.1", "102.1", True),
        ("Violent crime", "380.2", "380.2", True),
        ("Robbery", "91.0", "90.0", False),  # a wrong figure in one row is still a mismatch
    ]


def test_a_total_column_that_adds_up_no_reading_is_checked_by_the_convention():
    values = _d([[None, 1, 2, 9, 4, 6]])
    checks = check_totals(["Skole"], ["Område", "a", "b", "I alt", "c", "d"], values, [0] * 6, [False] + [True] * 5)
    assert [(c.printed, c.computed, c.held) for c in checks] == [("9", "3", False)]


def test_a_wrong_subtotal_adds_up_its_own_group_and_the_grand_total_is_not_blamed():
    labels = ["Skole", "SFO", "I alt Børn", "Hjemmepleje", "Plejehjem", "I alt Ældre", "I alt"]
    values = _d([[None, 10], [None, 5], [None, 15], [None, 7], [None, 3], [None, 22], [None, 25]])
    checks = check_totals(labels, ["Område", "Beløb"], values, [0, 0], [False, True])
    assert [(c.row, c.computed, c.held) for c in checks] == [
        ("I alt Børn", "15", True),
        ("I alt Ældre", "10", False),  # its own group, not every row above
        ("I alt", "25", True),  # the grand total holds against the items
    ]


def test_a_row_adding_up_its_group_in_every_column_is_a_total_whatever_its_label():
    labels = ["Skole", "SFO", "Talt Børn", "Hjemmepleje", "Plejehjem", "I alt Ældre", "I alt"]
    rows = [[None, 10, 4], [None, 5, 2], [None, 15, 6], [None, 7, 1], [None, 3, 1], [None, 10, 2], [None, 25, 8]]
    checks = check_totals(labels, ["Område", "a", "b"], _d(rows), [0] * 3, [False, True, True])
    assert [c.row for c in checks] == ["Talt Børn"] * 2 + ["I alt Ældre"] * 2 + ["I alt"] * 2
    assert all(c.held for c in checks)


def test_a_row_adding_up_in_one_column_only_is_no_total():
    labels = ["Skole", "SFO", "Fritid", "Hjemmepleje"]
    rows = [[None, 10, 4], [None, 5, 2], [None, 15, 7], [None, 7, 1]]
    assert check_totals(labels, ["Område", "a", "b"], _d(rows), [0] * 3, [False, True, True]) == []
    single = [[None, 1], [None, 2], [None, 3]]  # one figure column: a coincidence proves nothing
    assert check_totals(["a", "b", "c"], ["x", "y"], _d(single), [0, 0], [False, True]) == []


def test_an_average_is_not_checked_as_a_sum_but_the_sum_beside_it_is():
    labels = ["Dagpleje", "Vuggestuer", "Børnehaver", "Total"]
    rows = [[None, 452, "12.5", 40], [None, 301, "8.0", 44], [None, 247, "20.1", 36], [None, 1010, "13.5", 40]]
    checks = check_totals(
        labels, ["Område", "Pladser", "Ventetid", "Alder"], _d(rows), [0, 0, 1, 0], [False] + [True] * 3
    )
    assert [(c.column, c.held) for c in checks] == [("Pladser", False)]


def test_a_total_printed_above_its_parts_adds_up_the_rows_below_it():
    labels = ["I alt", "Skole", "SFO"]
    values = _d([[None, 15, 7], [None, 10, 4], [None, 5, 3]])
    checks = check_totals(labels, ["Område", "a", "b"], values, [0] * 3, [False, True, True])
    assert [(c.row, c.column, c.held) for c in checks] == [("I alt", "a", True), ("I alt", "b", True)]


def test_a_subtotal_with_a_misread_label_is_found_over_a_figure_nobody_could_read():
    """`Talt Kultur` adds up its group in two columns; in the third a line's figure is unread and the subtotal
    leaves room for it: a total, and the grand total adds up the subtotals. Where it leaves no room, no total."""
    labels = ["Skoler", "SFO", "I alt Børn", "Biblioteker", "Kulturhuse", "Talt Kultur", "I alt"]
    rows = [[10, 20, 30], [5, 5, 5], [15, 25, 35], [7, 8, 9], [3, 2, None], [10, 10, 10], [25, 35, 45]]
    values = _d([[None, *row] for row in rows])
    names, summable = ["Område", "a", "b", "c"], [False, True, True, True]
    sums = total_sums(labels, names, values, [0] * 4, summable, frozenset({(4, 3)}))
    found = {(s.check.row, s.check.column): s for s in sums}
    assert {row for row, _ in found} == {"I alt Børn", "Talt Kultur", "I alt"}
    assert [labels[r] for r, _ in found[("I alt", "c")].parts] == ["I alt Børn", "Talt Kultur"]
    assert found[("I alt", "c")].check.held
    values[5][3] = Decimal(8)  # less than the 9 read above it: no room for the unread figure
    sums = total_sums(labels, names, values, [0] * 4, summable, frozenset({(4, 3)}))
    assert "Talt Kultur" not in {s.check.row for s in sums}
