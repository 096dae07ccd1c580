"""A table's notes: footnotes at the page's foot are its notes when the table prints their markers."""

from __future__ import annotations

from pipeline.tables.caption import caption_of
from tests.tables.test_columns import HEIGHT, page_of, words_at

NOTES = ("1 The results cover the period from inception of the Fund.", "2 The result per unit is calculated on the")


def statement(marker: str) -> tuple[list, tuple[float, float, float, float]]:
    """Three rows from y = 100 (the second's label ending in ``marker``), footnotes 100 points further down."""
    rows = [("Net Asset Value", "5,111,372"), (f"Total result for the period{marker}", "1,969,797"), ("Costs", "(106)")]
    lines = [words_at(100 + 12 * n, (70, label), (480, figure)) for n, (label, figure) in enumerate(rows)]
    notes = [words_at(236 + 10 * n, (70, note)) for n, note in enumerate([*NOTES, "end of the period."])]
    box = (60, HEIGHT - 100 - 12 * len(rows) + 2, 540, HEIGHT - 98)
    return lines + notes, box


def test_footnotes_far_below_a_table_printing_their_markers_are_its_notes():
    lines, box = statement("1")
    assert caption_of(page_of(lines), box).notes == (*NOTES, "end of the period.")


def test_footnotes_far_below_a_table_without_their_markers_are_not_its_notes():
    lines, box = statement("")
    assert caption_of(page_of(lines), box).notes == ()
