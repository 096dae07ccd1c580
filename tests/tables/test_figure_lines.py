"""Small tables of figures camelot's unruled reading passes over (``pipeline.tables.figure_lines``).

Built by ``pipeline.fixtures.form``: a form whose box, rules and column names are pixels of a picture of the
page, its two rows of filled-in figures a text layer over it. Negatives: an unruled table beside it stays as
read; lines of prose holding figures, and two lines of figures that do not line up, are no table.
"""

from __future__ import annotations

import re

import playa
import pytest
from camelot.utils import get_image_char_and_text_objects, get_page_layout

from pipeline.fixtures.foot_rows import GROUP, NAMES, ROWS, foot_rows_pdf
from pipeline.fixtures.form import MONTHS, READINGS, form_pdf
from pipeline.intake.ingest import find_packages, ingest
from pipeline.tables.figure_lines import figure_regions
from pipeline.tables.other import other_tables
from pipeline.text import extract_text


def digits(rows) -> list[tuple[str, ...]]:
    return [tuple(re.sub(r"\D", "", v) for v in row) for row in rows]


@pytest.fixture(scope="module")
def form(tmp_path_factory):
    pdf = form_pdf(tmp_path_factory.mktemp("form") / "form.pdf")
    package = next(p for p in find_packages(pdf.parent) if p.pdfs[0] == pdf)
    found = other_tables((pdf,), extract_text(package, ingest(package)), set())
    return pdf, found.tables


def test_two_rows_of_figures_over_a_picture_of_their_box_are_a_table(form):
    _, tables = form
    assert digits(READINGS) in [digits(t.rows) for t in tables if t.page == 1]


def test_an_unruled_table_beside_them_stays_as_read(form):
    _, tables = form
    months = [t for t in tables if t.page == 1 and t.rows[0][0] == MONTHS[0][0]]
    assert len(months) == 1 and digits(months[0].rows) == digits(MONTHS)


def test_prose_with_figures_and_figures_that_do_not_line_up_make_no_table(form):
    pdf, tables = form
    assert not [t for t in tables if t.page == 2]
    with playa.open(str(pdf), space="page") as document:
        layout, _ = get_page_layout(document.pages[1], boxes_flow=None)
        _, _, across, _ = get_image_char_and_text_objects(layout)
        assert figure_regions(across, []) == []
        layout, _ = get_page_layout(document.pages[0], boxes_flow=None)
        _, _, across, _ = get_image_char_and_text_objects(layout)
        assert len(figure_regions(across, [])) == 1  # the readings (the months print two figures a line)


def test_a_tables_first_rows_at_a_pages_foot_keep_their_labels_and_column_names(tmp_path):
    """Real class (a web page's budget broken over its pages): two rows of a label and four figures under a group's
    name and the column names, the page ending under them. camelot finds no region; the figures' lines are read
    with the labels before them and the names over them (they were published as bare figures, silently)."""
    pdf = foot_rows_pdf(tmp_path / "foot.pdf")
    package = next(p for p in find_packages(pdf.parent) if p.pdfs[0] == pdf)
    tables = other_tables((pdf,), extract_text(package, ingest(package)), set()).tables
    assert len(tables) == 1
    rows = [tables[0].header[0] if tables[0].header else tuple(f.name for f in tables[0].fields), *tables[0].rows]
    assert [v for v in rows[0] if v] == list(NAMES)
    assert [row[0] for row in tables[0].rows] == [GROUP, *(row[0] for row in ROWS)]
    assert digits([row[1:] for row in tables[0].rows[1:]]) == digits([row[1:] for row in ROWS])
