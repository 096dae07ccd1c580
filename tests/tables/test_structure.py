"""Header rows found and joined into column names; titles inside the grid; empty rows and columns dropped."""

from __future__ import annotations

from pipeline.tables.structure import (
    column_names,
    column_titles,
    header_rows,
    is_plain,
    split_title,
    squared,
    unique_names,
)


def test_a_spanning_header_names_every_column_it_stands_over():
    header = (
        ("Kommune", "2024", "", "2025", ""),
        ("", "Budget", "Regnskab", "Budget", "Regnskab"),
    )
    assert column_titles(header, 5) == [
        "Kommune",
        "2024 Budget",
        "2024 Regnskab",
        "2025 Budget",
        "2025 Regnskab",
    ]


def test_a_header_cell_with_nothing_below_does_not_spread():
    header = (("Område", "Udgifter", "I alt"), ("", "drift", ""))
    assert column_titles(header, 3) == ["Område", "Udgifter drift", "I alt"]


def test_header_rows_end_at_the_first_row_of_figures():
    cells = (
        ("", "2024", "2025"),
        ("Område", "1.000 kr.", "1.000 kr."),
        ("Skole", "1.200", "1.300"),
        ("I alt", "1.200", "1.300"),
    )
    assert header_rows(cells) == 2


def test_a_table_of_text_has_its_first_row_as_header():
    cells = (("Sag", "Udvalg"), ("Ny skole", "Børn og Unge"), ("Cykelsti", "Teknik"))
    assert header_rows(cells) == 1


def test_a_single_cell_above_the_header_is_the_title():
    title, header = split_title((("Tabel 3. Udgifter",), ("Område", "Beløb")))
    assert title == ["Tabel 3. Udgifter"]
    assert header == (("Område", "Beløb"),)


def test_names_are_never_empty_nor_repeated():
    assert unique_names(["", "I alt", "I alt"]) == ["column 1", "I alt", "I alt (2)"]


def test_squared_drops_empty_rows_and_columns():
    assert squared((("a", "", "b"), ("", "", ""), ("c", "", "d", ""))) == (("a", "b"), ("c", "d"))


def test_the_names_row_joins_each_columns_header_and_invents_nothing_but_a_place():
    header = (("Område", "Udgifter", "", "I alt"), ("", "Drift", "Anlæg", ""))
    titles = column_titles(header, 4)
    assert titles == ["Område", "Udgifter Drift", "Udgifter Anlæg", "I alt"]
    assert column_names(titles) == titles
    assert not is_plain(header, column_names(titles))  # the rows stand as printed, the schema names them
    assert column_names(["", "Total", "Total"]) == ["column 1", "Total", "Total (2)"]


def test_a_single_header_row_that_names_every_column_is_the_names_row():
    header = (("Område", "Drift", "Anlæg"),)
    assert is_plain(header, column_names(column_titles(header, 3)))
    blank = (("", "1996", "1993"),)
    assert not is_plain(blank, column_names(column_titles(blank, 3)))
    assert not is_plain((), column_names(column_titles((), 3)))  # no header printed: named by place


def test_a_centred_group_over_three_columns_spans_only_what_it_stands_over():
    # camelot's 12s0324: "Total", "Male", "Female" centred over three columns each, in the middle one;
    # a second header line ("18 years" / "and over") beside its neighbour spans nothing.
    header = (
        ("", "", "Total", "", "", "Male", "", "", "Female", ""),
        ("Offense charged", "", "Under 18", "18 years", "", "Under 18", "18 years", "", "Under 18", "18 years"),
        ("", "Total", "years", "and over", "Total", "years", "and over", "Total", "years", "and over"),
    )
    assert column_titles(header, 10) == [
        "Offense charged",
        "Total",
        "Total Under 18 years",
        "Total 18 years and over",
        "Total",
        "Male Under 18 years",
        "Male 18 years and over",
        "Total",
        "Female Under 18 years",
        "Female 18 years and over",
    ]


def test_a_group_beside_a_column_of_its_own_does_not_spread_into_it():
    # camelot's health.pdf: "Family" (under Revenue) must not spread into "Total Revenue & Capital"
    header = (
        ("States-A", "Revenue", "", "Capital", "", "Total", "Others(1)", "Total"),
        ("", "", "", "", "", "Revenue &", "", ""),
        ("", "Medical &", "Family", "Medical &", "Family", "", "", ""),
        ("", "", "", "", "", "Capital", "", ""),
        ("", "Public", "Welfare", "Public", "Welfare", "", "", ""),
        ("", "Health", "", "Health", "", "", "", ""),
    )
    assert column_titles(header, 8) == [
        "States-A",
        "Revenue Medical & Public Health",
        "Revenue Family Welfare",
        "Capital Medical & Public Health",
        "Capital Family Welfare",
        "Total Revenue & Capital",
        "Others(1)",
        "Total",
    ]


def test_header_rows_read_figures_with_the_tables_own_decimal_mark():
    cells = (
        ("", "Total", "Male"),
        ("Offense", "all ages", "all ages"),
        ("Murder", "10.0", "9.0"),
        ("Robbery", "102.1", "90.0"),
    )
    assert header_rows(cells) == 2  # read the Danish way, 10.0 is no figure and the table seems all text


def test_rules_that_frame_blocks_of_rows_are_no_grid():
    from pipeline.tables.detect import candidate, is_grid

    stacked = [["State", "Permit", "Pawn"], ["Alabama\nAlaska\nArizona", "18,870\n4,144\n9,631", "209\n3\n0"]]
    one_a_row = [["State", "Permit"], ["Alabama", "18,870"], ["Alaska", "4,144"]]
    assert not is_grid(candidate(1, "lattice", stacked, (0, 0, 100, 100), []))
    assert is_grid(candidate(1, "lattice", one_a_row, (0, 0, 100, 100), []))


def test_ocr_soup_is_not_legible_but_a_table_of_words_and_figures_is():
    from pipeline.tables.words import is_legible

    assert is_legible((("Indsats", "Deltagere", "Gennemført"), ("Sprogskole", "412", "87 %")))
    assert not is_legible((("Tøj (æ]", "(.o)"), ("hl 5) + v", "å8såé dg &"), ("S9933ESSE", "= SS")))


def test_a_merged_cell_holding_a_line_for_each_row_it_spans_is_spread_over_them():
    from pipeline.tables.detect import unstacked

    ruled = (True, True, True, True)
    open_below, open_above = (True, False, True, True), (False, True, True, True)
    middle = (False, False, True, True)
    grid = [["Løn\nKørsel\nHusleje", "10"], ["", "20"], ["", "30"]]
    edges = [[open_below, ruled], [middle, ruled], [open_above, ruled]]
    assert unstacked(grid, edges) == [["Løn", "10"], ["Kørsel", "20"], ["Husleje", "30"]]
    # a wrapped text of two lines in a cell merged over three rows stays where camelot put it
    wrapped = [["Ny skole\nved søen", "10"], ["", "20"], ["", "30"]]
    assert unstacked(wrapped, edges) == wrapped
    # a header cell over two header rows (camelot's us-030: "Cycle Name") keeps its lines
    header = [["Cycle\nName", "Percent"], ["", "Speed"]]
    assert unstacked(header, [[open_below, ruled], [open_above, ruled]]) == header


def test_figures_in_a_cell_merged_over_columns_are_spread_over_them_but_words_are_not():
    from pipeline.tables.detect import unstacked

    open_right, open_left = (True, True, True, False), (True, True, False, True)
    edges = [[open_right, open_left]]
    assert unstacked([["141,000 799,750", ""]], edges) == [["141,000", "799,750"]]
    assert unstacked([["Non Federal", ""]], edges) == [["Non Federal", ""]]


def test_a_paragraph_above_a_table_is_trimmed_off_though_its_drop_capital_stands_apart():
    from pipeline.tables.detect import candidate, trim

    cells = [
        ["F", "or each year, respondents were divided into four categories"],
        ["In current dollars, the ranges for each group are as follows:", ""],
        ["", "1994"],
        ["Lowest", "$9,594 or less"],
        ["Formål", "At borgeren modtager råd og vejledning hurtigst muligt"],  # a row of the table: stays
    ]
    assert trim(candidate(1, "stream", cells, (0, 0, 100, 100), [])).cells == tuple(tuple(r) for r in cells[2:])


def test_a_header_over_two_lines_is_no_title():
    """A web page's header: the first column's name spanning both lines (printed between them) and a heading
    spanning the years over them; the caption above is the title."""
    header = (
        ("Sammenligning af kommuner", "", "", ""),
        ("", "", "Udgift pr. indbygger", ""),
        ("Kommune", "", "", ""),
        ("", "2023", "2024", "2025"),
    )
    title, names = split_title(header)
    assert title == ["Sammenligning af kommuner"] and names == header[1:]


def test_a_title_over_names_with_the_first_column_unnamed_stays_the_title():
    title, names = split_title((("Budget for udvalget", "", ""), ("", "Budget 2025", "Budget 2026")))
    assert title == ["Budget for udvalget"] and len(names) == 1
