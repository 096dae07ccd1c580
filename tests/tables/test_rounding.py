"""Totals of rounded figures: misses of a unit held where the table shows it rounds, never on one miss alone."""

from __future__ import annotations

from decimal import Decimal

from pipeline.tables.rounding import rounded
from pipeline.tables.totals import total_sums

NAMES = ["År", "Offentlig", "Privat", "Total"]  # thousands, each figure rounded on its own


def _checked(rows):
    values = [[None if v is None else Decimal(v) for v in row] for row in rows]
    sums = total_sums([f"{2010 + n}" for n in range(len(rows))], NAMES, values, [0] * 4, [False, True, True, True])
    return rounded(sums, values, [0] * 4)


def test_misses_of_a_unit_both_ways_in_a_table_are_rounding_and_hold_with_a_note():
    rows = [[None, 3246, 432, 3679], [None, 3283, 428, 3711], [None, 3312, 426, 3737], [None, 3357, 425, 3782]]
    sums, (note,) = _checked(rows)
    assert all(s.check.held for s in sums)
    assert note.startswith("2 totals differ from their printed parts by no more than the rounding")


def test_one_miss_of_a_unit_is_still_a_miss():
    rows = [[None, 3246, 432, 3678], [None, 3283, 428, 3712], [None, 3312, 426, 3738]]
    sums, notes = _checked(rows)
    assert notes == [] and [s.check.held for s in sums] == [True, False, True]


def test_misses_all_one_way_or_larger_than_rounding_stay_misses():
    one_way = [[None, 3246, 432, 3679], [None, 3283, 428, 3712], [None, 3312, 426, 3738]]
    sums, notes = _checked(one_way)
    assert notes == [] and [s.check.held for s in sums] == [False, False, True]
    larger = [[None, 3246, 432, 3680], [None, 3283, 428, 3709], [None, 3312, 426, 3738]]  # 2 over two parts
    sums, notes = _checked(larger)
    assert notes == [] and [s.check.held for s in sums] == [False, False, True]
