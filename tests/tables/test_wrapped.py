"""A text table's cells wrapped over several lines are one cell each; rows of figures are never joined."""

from __future__ import annotations

from pipeline.base.models import PageInfo, PageText
from pipeline.tables.detect import Candidate
from pipeline.tables.wrapped import joined_wrapped

PAGE = PageText(PageInfo(1, "p.pdf", 1, 595, 842, 100), [], "text")

SOURCES = (
    ("Kilde", "Definition", "Eksempler"),
    ("Store", "Udledning af 10 tons om året eller", "Værker, raffinaderier,"),
    ("", "mere af et luftgiftstof, eller 25", "stålværker"),
    ("", "tons om året af flere stoffer", ""),
    ("Små", "Udledning af mindre end 10 tons", "Renserier, tankstationer,"),
    ("", "om året af et luftgiftstof", "autolakerere"),
    ("Mobile:", "", ""),
    ("Vejtrafik", "Udledning fra motorkøretøjer", "Biler, busser, let- og tung-"),
    ("", "på offentlige veje", "vognstrafik"),
)


def candidate(cells: tuple[tuple[str, ...], ...]) -> Candidate:
    spans = tuple((800.0 - 12 * n, 790.0 - 12 * n) for n in range(len(cells)))
    return Candidate(
        1, "stream", cells, (50, spans[-1][1], 550, spans[0][0]), spans, ((50, 150), (150, 350), (350, 550))
    )


def test_a_text_table_s_wrapped_cells_are_joined_into_the_row_they_start_on():
    joined = joined_wrapped(candidate(SOURCES), PAGE)
    assert joined.cells == (
        SOURCES[0],
        (
            "Store",
            "Udledning af 10 tons om året eller mere af et luftgiftstof, eller 25 tons om året af flere stoffer",
            "Værker, raffinaderier, stålværker",
        ),
        ("Små", "Udledning af mindre end 10 tons om året af et luftgiftstof", "Renserier, tankstationer, autolakerere"),
        ("Mobile:", "", ""),
        ("Vejtrafik", "Udledning fra motorkøretøjer på offentlige veje", "Biler, busser, let- og tung-vognstrafik"),
    )
    assert len(joined.row_spans) == len(joined.cells)
    assert joined.row_spans[1] == (candidate(SOURCES).row_spans[1][0], candidate(SOURCES).row_spans[3][1])


def test_rows_of_figures_and_new_rows_are_not_joined():
    """A label's second line printing the figures, a row of text under a row of figures (a group's columns
    named again), and a row starting with a capital stay rows of their own."""
    cells = (
        ("Post", "2024", "2025"),
        ("Udgifter til", "", ""),
        ("administration", "1.200", "1.350"),
        ("I alt", "4.500", "4.700"),
        ("", "heraf drift", "heraf anlæg"),
        ("Indtægter", "", ""),
        ("Skatter", "3.100", "3.300"),
    )
    assert joined_wrapped(candidate(cells), PAGE).cells == cells


def test_a_group_label_then_unlabelled_figures_then_the_next_group_s_label_stay_three_rows():
    """Each a row apart (the table's pitch): a group's label row, a row of figures, the next group's label;
    only a label's two lines with the figures midway between them are one row (tests/tables/test_sides.py)."""
    cells = (
        ("Område", "2024", "2025"),
        ("Skoler", "1.200", "1.310"),
        ("Veje", "", ""),
        ("", "450", "470"),
        ("Parker", "", ""),
        ("Nord", "120", "130"),
    )
    assert joined_wrapped(candidate(cells), PAGE).cells == cells
