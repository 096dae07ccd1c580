"""Rows: a printed table line to a label and cells."""

from __future__ import annotations

from pipeline.base.models import Word
from pipeline.tables.declared.rows import Line, find_columns, read_cells, shifted_columns, split, unglue


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


def test_a_smudged_total_read_as_a_letter_is_an_unreadable_cell_not_a_word_of_its_label():
    # A bold total is wider than the column's figures, the smudge over it wider still: it starts
    # left of the figure zone. Read as "E", it is the total's unreadable cell (the line once vanished).
    full = [
        Line(1, words(("751", 100, 118), ("Aarhus", 122, 160), ("12", 426, 436))),
        Line(1, words(("706", 100, 118), ("Syddjurs", 122, 166), ("8", 431, 436))),
    ]
    columns = find_columns(full, 1)
    for smudge, x0 in (("E", 408), ("@", 416), ("E", 412)):
        row = split(
            Line(
                1,
                words(
                    ("Region", 100, 130),
                    ("Midtjylland", 134, 190),
                    ("i", 194, 197),
                    ("alt", 200, 214),
                    (smudge, x0, 438),
                ),
            ),
            columns,
        )
        assert row.label == "Region Midtjylland i alt"
        ((cell, printed),) = read_cells(row, columns, 1, dash_means=0)
        assert cell.value is None and cell.how == "unreadable" and printed == smudge


def test_a_long_label_word_reaching_into_the_figure_zone_stays_label():
    full = [Line(1, words(("101", 100, 118), ("København", 122, 180), ("667.099", 300, 340), ("52.544", 400, 436)))]
    columns = find_columns(full, 2)
    row = split(
        Line(
            1,
            words(
                ("760", 100, 118),
                ("Ringkøbing-Skjern-Kommunes-Navn", 122, 298),
                ("55.582", 306, 340),
                ("2.025", 405, 436),
            ),
        ),
        columns,
    )
    assert row.label == "760 Ringkøbing-Skjern-Kommunes-Navn"
    assert [w.text for w in row.values] == ["55.582", "2.025"]


def test_a_speck_read_as_a_dash_does_not_place_the_columns():
    # Most rows print nothing in the last column (a blank means 0); one prints all three. A speck
    # read as a dash after a figure makes a second "complete" row, one column short of the truth:
    # the columns stay where the rows that print every figure put them.
    rows = [
        Line(
            1,
            words(("201", 60, 72), ("Allerød", 76, 110), ("26.128", 284, 314), ("1.201", 421, 442), ("360", 525, 540)),
        ),
        Line(
            1,
            words(
                ("210", 60, 72), ("Fredensborg", 76, 130), ("42.186", 284, 313), ("-", 416, 417), ("3.008", 421, 444)
            ),
        ),
    ]
    rows += [
        Line(1, words((code, 60, 72), ("Navn", 76, 100), ("24.365", 284, 313), ("4.366", 420, 443)))
        for code in ("183", "185", "187", "190")
    ]
    columns = find_columns(rows, 3)
    assert [round(edge) for edge in columns.right] == [313, 443, 540]
    row = split(rows[1], columns)
    cells = read_cells(row, columns, 3, dash_means=0, may_be_blank=frozenset({2}))
    assert [cell.value for cell, _ in cells] == [42186, 3008, None] and cells[2][1] is None  # nothing printed


def test_a_dash_after_a_figure_in_its_column_is_a_speck_but_not_a_dash_alone():
    full = [Line(1, words(("101", 100, 118), ("København", 122, 180), ("667.099", 300, 340), ("52.544", 400, 436)))]
    columns = find_columns(full, 2)
    row = split(
        Line(
            1,
            words(
                ("849", 100, 118), ("Jammerbugt", 122, 180), ("37.954", 302, 340), ("-", 343, 344), ("1.067", 410, 436)
            ),
        ),
        columns,
    )
    first, second = (cell for cell, _ in read_cells(row, columns, 2, dash_means=0))
    assert (first.value, first.confidence, first.text, second.value) == (37954, 0.96, "37.954", 1067)  # no speck cut
    row = split(
        Line(1, words(("849", 100, 118), ("Jammerbugt", 122, 180), ("-", 334, 340), ("1.067", 410, 436))), columns
    )
    assert [(cell.value, cell.how) for cell, _ in read_cells(row, columns, 2, dash_means=0)][0] == (
        0,
        "dash-means-zero",
    )


def test_a_page_without_complete_rows_takes_the_other_pages_columns_shifted_to_its_figures():
    """A scanned page whose last column is blank in every row prints no complete row: its columns are those
    of the other pages, moved as far as its figures stand from them (a scan shifts the whole page)."""
    printed = words(("101", 60, 72), ("Navn", 76, 100), ("52.939", 272, 303), ("4.366", 412, 433), ("360", 515, 530))
    elsewhere = find_columns([Line(1, printed)], 3)
    page = [
        Line(2, words((code, 75, 87), ("Navn", 91, 120), ("24.365", 289, 318), ("4.366", 427, 448)))
        for code in ("183", "185", "187", "190")
    ]
    assert find_columns(page, 3) is None
    columns = shifted_columns(page, elsewhere)
    assert [round(edge) for edge in columns.right] == [318, 448, 545]
    cells = read_cells(split(page[0], columns), columns, 3, dash_means=0, may_be_blank=frozenset({2}))
    assert [cell.value for cell, _ in cells] == [24365, 4366, None]
    assert all(cell.confidence == 0.96 for cell, _ in cells[:2])  # aligned: not put in doubt
    assert shifted_columns(page[:1], elsewhere) == elsewhere  # two figures are too few to tell: left as found
