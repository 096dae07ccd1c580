"""Rows: a printed table line to a label and cells."""

from __future__ import annotations

from pipeline.models import Word
from pipeline.rows import Line, find_columns, read_cells, split, unglue


def words(*specs):
    return [Word(text, x0, x1, 100, 110, confidence=0.96) for text, x0, x1 in specs]


def test_a_code_glued_to_its_name_is_split_off():
    glued = unglue(words(("370-Næstved", 100, 160), ("8", 470, 476)))
    assert [w.text for w in glued] == ["370", "Næstved", "8"]
    assert glued[0].x1 <= glued[1].x0


def test_a_mark_before_a_code_is_dropped():
    assert [w.text for w in unglue(words(('"175', 96, 118), ("Rødovre", 122, 160)))] == ["175", "Rødovre"]
    assert [
        w.text
        for w in unglue(
            words(
                ("2026", 96, 118),
            )
        )
    ] == ["2026"]  # a year is no kommunekode


def test_junk_in_a_figure_column_is_an_unreadable_cell_with_its_box():
    full = [Line(1, words(("101", 100, 118), ("København", 122, 180), ("667.099", 300, 340), ("52.544", 400, 436)))]
    columns = find_columns(full, 2)
    row = split(Line(1, words(("563", 100, 118), ("Fanø", 122, 150), ("3.270", 310, 340), ("TAL", 420, 436))), columns)
    (first, _), (second, printed) = read_cells(row, columns, 2, dash_means=0)
    assert first.value == 3270
    assert second.value is None and second.how == "unreadable" and printed == "TAL"
    x0, top, x1, bottom = second.box  # the word's box, widened to its column: a misread may cover part of it
    assert x0 <= 420 and x1 >= 436 and (top, bottom) == (100, 110)


def test_an_empty_cell_gets_the_box_where_its_figure_would_be():
    full = [Line(1, words(("101", 100, 118), ("København", 122, 180), ("667.099", 300, 340), ("52.544", 400, 436)))]
    columns = find_columns(full, 2)
    row = split(Line(1, words(("147", 100, 118), ("Frederiksberg", 122, 190), ("104.815", 300, 340))), columns)
    (_, _), (missing, printed) = read_cells(row, columns, 2, dash_means=0)
    assert printed is None and missing.value is None
    x0, _, x1, _ = missing.box
    assert x0 < 400 and x1 >= 436
