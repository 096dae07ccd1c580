"""Unruled tables as a word processor sets them (``pipeline.tables.headed``, ``pipeline.tables.cell_lines``).

Built by ``pipeline.fixtures.word_cells``: headers printed left in their cells over figures printed right
(a short header beside its figures, not over them), labels wrapped in a narrow column under their row's
figures, a name broken where the column ends. Negatives: section headings a row pitch apart stay rows of
their own; a header over an empty column beside a column of figures printed without one stay two columns.
"""

from __future__ import annotations

import re

import pytest

from pipeline.base.models import PageInfo, PageText, Word
from pipeline.fixtures.word_cells import (
    AREAS,
    AREAS_HEADER,
    BUDGET,
    BUDGET_HEADER,
    NOTED,
    NOTED_HEADER,
    WIDE,
    WIDE_HEADER,
    word_cells_pdf,
)
from pipeline.intake.ingest import find_packages, ingest
from pipeline.tables.cell_lines import joined_cell_lines
from pipeline.tables.detect import Candidate
from pipeline.tables.headed import headed_columns
from pipeline.tables.other import other_tables
from pipeline.text import extract_text

HEIGHT = 842.0
LETTER = 5.0  # points a character takes


def digits(text: str) -> str:
    return re.sub(r"\D", "", text)


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    pdf = word_cells_pdf(tmp_path_factory.mktemp("word") / "word.pdf")
    package = next(p for p in find_packages(pdf.parent) if p.pdfs[0] == pdf)
    found = other_tables((pdf,), extract_text(package, ingest(package)), set())
    return {t.title.split(":")[0]: t for t in found.tables}


def test_a_header_beside_its_figures_names_them_one_column(tables):
    areas = tables["Tabel 1"]
    assert [f.name for f in areas.fields] == list(AREAS_HEADER)
    assert [tuple(digits(v) for v in row[1:]) for row in areas.rows] == [
        tuple(digits(v) for v in figures) for _, figures in AREAS
    ]


def test_headers_in_cells_wider_than_header_and_figures_together_name_their_figures(tables):
    wide = tables["Tabel 4"]
    assert [f.name for f in wide.fields] == list(WIDE_HEADER)
    assert [(row[0], *(digits(v) for v in row[1:])) for row in wide.rows] == [
        (label, *(digits(v) for v in figures)) for label, figures in WIDE
    ]


def test_a_label_wrapped_in_its_cell_is_one_row_and_a_broken_word_whole(tables):
    assert [row[0] for row in tables["Tabel 1"].rows] == [label for label, _ in AREAS]


def test_section_headings_a_row_apart_stay_rows_of_their_own(tables):
    budget = tables["Tabel 2"]
    assert [f.name for f in budget.fields] == list(BUDGET_HEADER)
    assert [row[0] for row in budget.rows] == [label for label, _ in BUDGET]
    assert [tuple(digits(v) for v in row[1:]) for row in budget.rows if row[1]] == [
        tuple(digits(v) for v in figures) for _, figures in BUDGET if figures
    ]


def test_a_header_over_nothing_beside_figures_with_no_header_stays_apart(tables):
    noted = tables["Tabel 3"]
    assert [f.name for f in noted.fields][:3] == list(NOTED_HEADER[:3])
    assert [(row[0], digits(row[1]), row[2], digits(row[3])) for row in noted.rows] == [
        (unit, digits(count), "", digits(other)) for unit, count, other in NOTED
    ]


def line(y: float, *placed: tuple[float, str]) -> list[Word]:
    """A line of words, each (x, text) one word."""
    return [Word(text, x, x + LETTER * len(text), y, y + 8) for x, text in placed]


def read_as(lines: list[list[Word]], spans: list[tuple[float, float]]) -> Candidate:
    """The region as camelot's unruled reading gives it: each line a row, each word in the span holding its middle."""
    cells = tuple(
        tuple(" ".join(w.text for w in ln if left <= (w.x0 + w.x1) / 2 < right) for left, right in spans)
        for ln in lines
    )
    rows = tuple((HEIGHT - ln[0].top + 2, HEIGHT - ln[0].bottom - 2) for ln in lines)
    return Candidate(1, "stream", cells, (spans[0][0], rows[-1][1], spans[-1][1], rows[0][0]), rows, tuple(spans))


def test_a_header_read_into_the_column_of_its_neighbour_s_figures_is_split_off_and_names_its_own():
    """``Andel 2024`` printed left in its cell stands nearer the figures of ``2021`` (right in theirs) than its
    own: camelot reads it into their column; no word of it stands over them."""
    lines = [line(100, (40, "Område"), (150, "2021"), (258, "Andel"), (288, "2024"))]
    lines += [line(100 + 22 * n, (40, label), (230, a), (338, b)) for n, (label, a, b) in enumerate(FIGURES, 1)]
    page = PageText(PageInfo(1, "p.pdf", 1, 595, HEIGHT, 100), lines, "text")
    read = read_as(lines, [(30, 140), (140, 200), (200, 300), (300, 360)])
    assert read.cells[0] == ("Område", "2021", "Andel 2024", "")  # the header over the figures of 2021
    assert headed_columns(read, page).cells == (("Område", "2021", "Andel 2024"), *FIGURES)


FIGURES = [("Skoler", "12,5", "30,1"), ("Veje", "41,0", "18,2"), ("Kultur", "22,7", "51,3")]


def test_a_header_s_lines_stay_as_printed_line_by_line():
    """A header's lines a line apart in a table whose rows stand a row pitch apart, left-aligned or centred
    over their column: rows of the header as printed (the column names join them)."""
    spans = [(30, 140), (140, 250), (250, 360)]
    left = [line(100, (40, "Post"), (150, "Budget"), (260, "Budget")), line(111, (150, "kr."), (260, "kr."))]
    centred = [line(100, (40, "Post"), (170, "Budget"), (280, "Budget")), line(111, (182, "kr."), (292, "kr."))]
    for header in (left, centred):
        body = [line(111 + 22 * n, (40, label), (210, a), (320, b)) for n, (label, a, b) in enumerate(FIGURES, 1)]
        page = PageText(PageInfo(1, "p.pdf", 1, 595, HEIGHT, 100), header + body, "text")
        read = read_as(header + body, spans)
        assert joined_cell_lines(read, page).cells == read.cells
