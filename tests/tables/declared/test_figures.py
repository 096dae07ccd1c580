"""A figure earns its confidence: specks cut from it, its place in its column and its row's count checked."""

from __future__ import annotations

from pipeline.base.models import Word
from pipeline.tables.declared.figures import DOUBTFUL, cut_specks
from pipeline.tables.declared.rows import Line, find_columns, read_cells, split

FULL = [("101", 100, 118), ("København", 122, 180), ("667.099", 300, 340), ("52.544", 400, 436)]


def line(*specs, source="ocr", confidence=0.96):
    return Line(1, [Word(text, x0, x1, 100, 110, confidence=confidence) for text, x0, x1 in specs], source)


def cells(row_line, width=2, blank=frozenset()):
    columns = find_columns([line(*FULL, source=row_line.source)], width)
    return [cell for cell, _ in read_cells(split(row_line, columns), columns, width, 0, blank)]


def test_specks_before_or_after_a_danish_figure_are_cut_and_the_figure_is_doubtful():
    for printed, value, x0, x1 in (
        ("59.650i", 59650, 300, 345),
        ("i73.944", 73944, 296, 340),
        ("E.58.612", 58612, 290, 340),
    ):
        first, _ = cells(line(("563", 100, 118), ("Fanø", 122, 150), (printed, x0, x1), ("3.270", 406, 436)))
        assert first.value == value and first.confidence == DOUBTFUL, printed
        assert first.box[2] <= 341  # the crop to read again ends where the figure does, not at the speck


def test_a_speck_word_beside_a_figure_is_dropped_but_not_a_word_that_is_no_figure():
    first, second = cells(
        line(("580", 100, 118), ("Aabenraa", 122, 170), ("É", 296, 299), ("58.621", 304, 340), ("2.721", 406, 436))
    )
    assert (first.value, second.value) == (58621, 2721)
    first, _ = cells(line(("580", 100, 118), ("Aabenraa", 122, 170), ("TAL", 310, 340), ("2.721", 406, 436)))
    assert first.value is None and first.how == "unreadable"


def test_what_is_not_a_well_formed_figure_of_the_column_is_not_cut():
    assert cut_specks("12ab34", 300, 340, 340) is None  # letters inside: no figure
    assert cut_specks("5.9650", 300, 340, 340) is None  # no Danish number left
    assert cut_specks("59.650ii", 300, 380, 340) is None  # what is left ends far left of the column's figures


def test_a_row_whose_figures_sit_off_their_columns_is_doubtful_as_a_whole_and_boxed_by_column():
    # Figures shifted a column to the right: nothing in the first column, the first figure past the second.
    first, second = cells(line(("147", 100, 118), ("Frederiksberg", 122, 190), ("105.840", 400, 436)))
    assert first.value is None
    assert second.value == 105840 and second.confidence == DOUBTFUL
    first, second = cells(
        line(("147", 100, 118), ("Frederiksberg", 122, 190), ("105.840", 280, 318), ("6.474", 406, 436))
    )
    assert first.confidence == DOUBTFUL == second.confidence  # 22 points left of its column
    assert first.box[2] >= 340  # its box is its column's span, for the second look


def test_a_sound_row_keeps_its_confidence_and_a_blank_column_may_be_empty():
    first, second = cells(line(("151", 100, 118), ("Ballerup", 122, 170), ("52.939", 306, 340), ("4.621", 406, 436)))
    assert first.confidence == second.confidence == 0.96
    first, second = cells(line(("151", 100, 118), ("Ballerup", 122, 170), ("52.939", 306, 340)), blank=frozenset({1}))
    assert first.confidence == 0.96 and second.value is None


def test_a_born_digital_row_is_not_judged_by_its_geometry():
    first, _ = cells(
        line(
            ("147", 100, 118),
            ("Frederiksberg", 122, 190),
            ("105.840", 280, 318),
            ("6.474", 406, 436),
            source="text-layer",
            confidence=None,
        )
    )
    assert first.value == 105840 and first.confidence is None
