"""Unruled tables as a word processor sets them (``pipeline.tables.headed``, ``pipeline.tables.cell_lines``).

Built by ``pipeline.fixtures.word_cells``: headers printed left in their cells over figures printed right
(a short header beside its figures, not over them), labels wrapped in a narrow column under their row's
figures, a name broken where the column ends. Negatives: section headings a row pitch apart stay rows of
their own; a header over an empty column beside a column of figures printed without one stay two columns.
"""

from __future__ import annotations

import re

import pytest

from pipeline.fixtures.word_cells import AREAS, AREAS_HEADER, BUDGET, BUDGET_HEADER, NOTED, NOTED_HEADER, word_cells_pdf
from pipeline.intake.ingest import find_packages, ingest
from pipeline.tables.other import other_tables
from pipeline.text import extract_text


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
