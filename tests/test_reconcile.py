"""Reconcile: derive one unknown from a printed total, never two; never change what adds up."""

from __future__ import annotations

from pipeline.models import Cell, ExtractedTable, Extraction, PrintedTotal, TableRow
from pipeline.reconcile import SecondLookSettings, reconcile


def table(values: list[int | None], total: int | None) -> Extraction:
    rows = [
        TableRow(
            code,
            f"K{code}",
            "Region Nordjylland",
            f"K{code}",
            None,
            {"kvote": Cell(v, 11, "text-layer" if v is not None else "unreadable")},
        )
        for code, v in zip((810, 813, 820), values)
    ]
    totals = [PrintedTotal("t", "Region Nordjylland", "kvote", total, 11)]
    return Extraction({"t": ExtractedTable("t", "kommunekode", ("kvote",), rows, totals, (11,))}, [], None)


def cells(extraction: Extraction) -> list[tuple[int | None, str]]:
    return [(r.cells["kvote"].value, r.cells["kvote"].how) for r in extraction.tables["t"].rows]


def test_one_unknown_is_derived_from_the_printed_total_and_marked():
    extraction = table([5, None, 7], 20)
    notes = reconcile(extraction, [], SecondLookSettings())
    assert cells(extraction) == [(5, "text-layer"), (8, "derived"), (7, "text-layer")]
    assert notes == [
        "t: 813 K813, kvote: derived as 8 from the printed Region Nordjylland total (the cell itself could not be read)"
    ]


def test_two_unknowns_are_never_derived_from_one_total():
    extraction = table([5, None, None], 20)
    assert reconcile(extraction, [], SecondLookSettings()) == []
    assert cells(extraction)[1:] == [(None, "unreadable"), (None, "unreadable")]


def test_no_derivation_without_a_total_or_into_a_negative_number():
    for values, total in (([5, None, 7], None), ([15, None, 7], 20)):
        extraction = table(values, total)
        assert reconcile(extraction, [], SecondLookSettings()) == []
        assert cells(extraction)[1] == (None, "unreadable")


def test_cells_that_add_up_are_left_alone():
    extraction = table([5, 8, 7], 20)
    assert reconcile(extraction, [], SecondLookSettings()) == []
    assert [how for _, how in cells(extraction)] == ["text-layer"] * 3
