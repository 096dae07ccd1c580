"""Right-to-left text (Hebrew, Arabic) published in logical order (issue 21, item 8).

The visual lines are made by the Unicode bidirectional algorithm (python-bidi's ``get_display``) from
logical ones, as a PDF producer lays them out; ``logical`` must give the logical line back.
"""

from __future__ import annotations

import pytest
from bidi import get_display
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.fixtures.rtl import HEADER, LINES, ROWS, right_to_left_pdf
from pipeline.intake.ingest import find_packages, ingest
from pipeline.text import extract_text, page_text
from pipeline.text.bidi import logical
from tests.conftest import process, published_tables

HEBREW_WORD = st.text(alphabet="אבגדהוזחטיכלמנסעפצקרשתםןץףך", min_size=2, max_size=7)
FIGURE = st.from_regex(r"\A[1-9][0-9]{0,2}(\.[0-9]{3})?(,[0-9]{1,2})?%?\Z")


def marked(word: str) -> st.SearchStrategy[str]:
    return st.sampled_from([word, f"{word}.", f"{word},", f"({word})", f"{word}:"])


@settings(max_examples=300, deadline=None)
@given(HEBREW_WORD, st.lists(st.one_of(HEBREW_WORD, HEBREW_WORD.flatmap(marked), FIGURE.flatmap(marked)), max_size=8))
def test_a_hebrew_line_with_figures_reads_back_in_logical_order(first, rest):
    line = " ".join([first, *rest])
    assert logical(get_display(line)) == line


@pytest.mark.parametrize(
    "line",
    [
        "בשנת 2024 גדל התקציב ב-3,5% ל-1.234.567 ש״ח.",  # figures keep their own order
        "התקציב 1.234 5.678 9",  # figures side by side: each keeps its digits, their order is the line's
        "השימוש ב-Microsoft Office גדל",  # a Latin name inside Hebrew stays as written
        "التقرير السنوي للبلدية لعام 2024",  # Arabic
        "Kommunen har 1.234 borgere og et ord på hebraisk: שלום עולם",  # a Hebrew phrase inside Danish
    ],
)
def test_lines_read_back_in_logical_order(line):
    assert logical(get_display(line)) == line


@pytest.mark.parametrize(
    "line", ["Kommunen har 1.234 borgere i Ærø og Søborg.", "Tabel 3: 12,5 % (2024)", "101 København 667.099 52.544"]
)
def test_text_without_right_to_left_letters_is_unchanged(line):
    assert logical(line) is line


def test_the_text_of_a_page_is_in_logical_order(tmp_path):
    pdf = right_to_left_pdf(tmp_path / "raw" / "rtl.pdf")
    package = find_packages(pdf.parent)[0]
    lines = page_text(extract_text(package, ingest(package))[0]).split("\n")
    assert lines[: len(LINES)] == list(LINES)
    assert [" ".join(row) for row in (HEADER, *ROWS)] == lines[len(LINES) :]


@pytest.fixture(scope="module")
def rtl_tables(tmp_path_factory) -> list[list[list[str]]]:
    pdf = right_to_left_pdf(tmp_path_factory.mktemp("raw") / "rtl.pdf")
    return published_tables(process(pdf, tmp_path_factory.mktemp("out")).output)


def test_the_cells_of_a_table_are_in_logical_order(rtl_tables):
    """A name of two words in a cell (``תל אביב``) reads as written; figures as printed."""
    [table] = rtl_tables
    cells = {cell for row in table for cell in row}
    assert set(HEADER) <= cells
    assert {name for name, _, _ in ROWS} <= cells
    assert {figure.replace(".", "") for _, figure, _ in ROWS} <= cells


def test_each_line_of_a_cell_reads_on_its_own():
    """A cell of two printed lines (camelot keeps them apart): each is made logical by itself."""
    assert logical(f"{get_display('תל אביב')}\n{get_display('יפו 3')}") == "תל אביב\nיפו 3"
