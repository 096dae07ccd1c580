"""A first row of figures read into the header (names printed turned over it, no rule between) split back
where the table's totals then hold; a header whose names end in figures (``Uge 1``) left as printed; figures
left in the names, where no split holds better, named."""

from __future__ import annotations

from pipeline.base.models import PageInfo, PageText
from pipeline.tables.detect import Candidate
from pipeline.tables.merged import NAMES_ROW, merged_first_row
from pipeline.tables.tidy import tidy

PAGE = PageText(PageInfo(1, "p.pdf", 1, 595, 842, 100), [], "text")


def _table(cells):
    return tidy(Candidate(1, "lattice", cells, (50, 600, 550, 760)), PAGE, 1)


def test_a_first_row_read_into_turned_names_is_split_back_and_the_totals_hold():
    cells = (
        ("", "Borgmester", ""),
        ("Nord", "Anna Hansen 15", "Bo Jensen 28"),
        ("Syd", "5", "15"),
        ("Øst", "21", "22"),
        ("I alt", "41", "65"),
    )
    table = _table(cells)
    assert [f.title for f in table.fields][1:] == ["Borgmester Anna Hansen", "Borgmester Bo Jensen"]
    assert table.rows[0] == ("Nord", "15", "28")
    assert [(c.row, c.held) for c in table.checks] == [("I alt", True), ("I alt", True)]


def test_names_ending_in_figures_stay_names_when_no_total_says_otherwise():
    cells = (("Område", "Uge 1", "Uge 2"), ("Nord", "5", "15"), ("Syd", "21", "22"), ("I alt", "26", "37"))
    assert merged_first_row(cells) is not None  # a reading to weigh, no more
    table = _table(cells)
    assert [f.title for f in table.fields] == ["Område", "Uge 1", "Uge 2"]
    assert all(c.held for c in table.checks) and len(table.checks) == 2


def test_a_header_of_words_only_is_no_merged_row():
    cells = (("Område", "Budget", "Regnskab"), ("Nord", "5", "15"), ("I alt", "5", "15"))
    assert merged_first_row(cells) is None


def test_a_row_of_figures_left_in_the_names_is_named_not_lost_in_silence():
    """No label beside the merged row and no total to weigh the split: the figures stay in the names, named."""
    cells = (("", "Anna Hansen 439 55", "Bo Jensen 164 173"), ("Syd", "5", "15"), ("Øst", "21", "22"))
    table = _table(cells)
    assert table.joined == (
        (NAMES_ROW, "Anna Hansen 439 55", "439 55"),
        (NAMES_ROW, "Bo Jensen 164 173", "164 173"),
    )


def test_years_and_one_number_in_names_are_no_figures_read_into_them():
    cells = (("Område", "Budget 2025 2026", "Uge 12", "1.000 kr."), ("Nord", "5", "15", "3"), ("Syd", "21", "22", "4"))
    assert _table(cells).joined == ()
