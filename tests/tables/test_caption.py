"""A table's caption: footnotes at the page's foot are its notes when the table prints their markers; lone lines
at the top of a table's region are its title, and the remarks under the title its headnote."""

from __future__ import annotations

import pytest

from pipeline.tables.caption import caption_of, titled
from tests.tables.test_columns import HEIGHT, page_of, words_at

WRAPPED = "Tabel 2. Antal dødsfald og dødsrater for hjertesygdom og slagtilfælde, fordelt på køn og"
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


@pytest.mark.parametrize(
    ("lines", "title", "headnote"),
    [
        (["Bilag 3: Verserende sager", "Listen omfatter alle sager pr. 1. oktober."],
         "Bilag 3: Verserende sager", ("Listen omfatter alle sager pr. 1. oktober.",)),
        (["Sager på vej", "Listen omfatter alle sager pr. 1. oktober."],
         "Sager på vej", ("Listen omfatter alle sager pr. 1. oktober.",)),
        (["Arrests by Sex and Age", "[In thousands]"], "Arrests by Sex and Age", ("[In thousands]",)),
        (["Appendix A", "Tabel 3. Udgifter", "Mio. kr."], "Appendix A Tabel 3. Udgifter", ("Mio. kr.",)),
        ([WRAPPED, "region, Danmark 2024", "[Pr. 100.000 indbyggere]"],
         f"{WRAPPED} region, Danmark 2024", ("[Pr. 100.000 indbyggere]",)),
        ([WRAPPED, "Tabel 3. Dødsrater"], WRAPPED, ("Tabel 3. Dødsrater",)),  # a second caption is no run-on
    ],
)  # fmt: skip
def test_a_sentence_or_remark_under_the_title_is_its_headnote(lines, title, headnote):
    assert titled(lines) == (title, headnote)


@pytest.mark.parametrize(
    "lines",
    [
        ["Antal borgere fordelt på", "alder og køn"],  # a title over two lines
        ["Budget 2026", "Ældre og Sundhed"],  # a heading and its sub-heading: no sentence
        ["Udgifter i alt."],
    ],
)
def test_a_title_over_several_lines_stays_one_title(lines):
    assert titled(lines) == (" ".join(lines), ())
