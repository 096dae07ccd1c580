"""Word processors' tables read whole: header names wrapped in their cells, lists whose every row wraps, a row
broken over a page boundary, a header line left above camelot's region, rows left out of every region named.

Built by ``pipeline.fixtures.word_lists`` (reportlab), and by words placed as a page prints them with a candidate
as camelot's unruled reading gives it. Negatives: names the author broke over two lines in wide cells stay two
header rows; the header printed again over figures on the next page is no row's end; a caption above a table is
no header line; prose with figures in it names no rows lost.
"""

from __future__ import annotations

import pytest

from pipeline.base.models import PageInfo, PageText
from pipeline.fixtures.word_lists import (
    BROKEN_HEADER,
    LIST_HEADER,
    LIST_ROWS,
    WRAPPED_HEADER,
    WRAPPED_ROWS,
    word_lists_pdf,
)
from pipeline.intake.ingest import find_packages, ingest
from pipeline.tables.carried import going_on
from pipeline.tables.header_lines import with_header_lines
from pipeline.tables.other import other_tables
from pipeline.tables.outside import lost_rows
from pipeline.text import extract_text
from tests.conftest import DATA
from tests.tables.test_word_cells import HEIGHT, line, read_as


@pytest.fixture(scope="module")
def found(tmp_path_factory):
    pdf = word_lists_pdf(tmp_path_factory.mktemp("lists") / "lists.pdf")
    package = next(p for p in find_packages(pdf.parent) if p.pdfs[0] == pdf)
    return other_tables((pdf,), extract_text(package, ingest(package)), set())


def tables(found) -> dict:
    return {t.title.split(":")[0]: t for t in found.tables}


def test_header_names_the_word_processor_wrapped_are_one_cell_each(found):
    """``Budget (1.000`` / ``kr.) 2025`` one name, ``Kommuneko`` / ``de`` one word."""
    wrapped = tables(found)["Tabel 1"]
    assert wrapped.header == (WRAPPED_HEADER,)
    assert [row[0] for row in wrapped.rows] == [row[0] for row in WRAPPED_ROWS]


def test_names_the_author_broke_over_two_lines_stay_two_header_rows(found):
    """``Regnskab`` over ``2024`` in a wide cell: the next word had room, so the break is the author's."""
    broken = tables(found)["Tabel 2"]
    assert broken.header == tuple(tuple(name[k] for name in BROKEN_HEADER) for k in range(2))


def test_a_list_whose_every_row_wraps_is_one_row_a_firm_over_its_pages(found):
    """Names set right and wrapped over two or three lines, a word broken at the cell's edge, the header printed
    again on the next page and the row at the first page's foot broken over the boundary: one row each."""
    firms = tables(found)["Tabel 3"]
    assert firms.pages == (2, 3)
    assert firms.header == (LIST_HEADER,)
    assert [tuple(row) for row in firms.rows] == LIST_ROWS
    assert found.problems == []


def test_the_header_printed_again_over_figures_is_no_row_going_on():
    """A budget going on over a page: the header printed again at the next page's top stands over figure cells
    (``200``), where no line of text goes on."""
    before = (("Pollutant", "to air", "to water"), ("Zinc", "200", "100"), ("Lead", "100", "20"))
    rows = (("", "THRESHOLD FOR", "RELEASES"), ("Nickel", "50", "20"))
    assert going_on(before, rows) == 0
    names = (("Nr.", "Virksomhed", "By"), ("1", "Ågård", "Aalborg"), ("2", "Klitmøller", "Høje"))
    assert going_on(names, (("", "Camping Syd", "Taastrup"), ("3", "Særslev", "Thisted"))) == 1


FIGURES = [("Skoler", "47.200", "162.567"), ("Veje", "95.679", "31.409"), ("Kultur", "8.113", "9.004")]
SPANS = [(30, 140), (140, 250), (250, 360)]


def budget(above: list) -> tuple[list, PageText]:
    """A budget whose names stand left in wide cells over figures set right; ``above``: lines over its header's
    last line (``2024``, ``2025``)."""
    header = [line(112, (150, "2024"), (260, "2025"))]
    body = [line(112 + 22 * n, (40, label), (205, a), (315, b)) for n, (label, a, b) in enumerate(FIGURES, 1)]
    lines = above + header + body
    return header + body, PageText(PageInfo(1, "p.pdf", 1, 595, HEIGHT, 100), lines, "text")


def test_a_header_line_left_above_camelot_s_region_is_taken_in():
    """``Regnskab`` / ``Budget`` a line over ``2024`` / ``2025``, starting where they start."""
    region, page = budget([line(100, (150, "Regnskab"), (260, "Budget"))])
    read = read_as(region, SPANS)
    assert with_header_lines(read, page).cells == (("", "Regnskab", "Budget"), *read.cells)


def test_a_caption_above_the_region_is_no_header_line():
    """The caption stands a row off and over no column's text: the region stays as read (its title)."""
    region, page = budget([line(80, (40, "Tabel 2: Budget for udvalget"))])
    read = read_as(region, SPANS)
    assert with_header_lines(read, page).cells == read.cells


def test_rows_of_figures_outside_every_table_read_are_named():
    """A list's first rows at a page's foot, under its header, left out of every region: named, with a line (its
    numbers step evenly, as a chart's ticks do, but its other figures do not)."""
    firms = [("Ågård", "18192977", "3400"), ("Klitmøller", "23545419", "5000"), ("Særslev", "31754143", "2750")]
    rows = [line(676 + 24 * n, (40, str(n)), (60, name), (150, cvr), (230, postnr)) for n, (name, cvr, postnr) in
            enumerate(firms, 1)]  # fmt: skip
    page = PageText(PageInfo(1, "p.pdf", 1, 595, HEIGHT, 100), rows, "text")
    (finding,) = lost_rows([page], {1: [(30, 500, 360, 700)]})  # the region read stands higher up the page
    assert finding.slug == "table-rows-lost" and finding.page == 1 and "1 Ågård 18192977 3400" in finding.message
    assert lost_rows([page], {1: [(30, 60, 360, 140)]}) == []  # the rows are within a region read


def test_prose_that_mentions_figures_names_no_rows_lost():
    """Sentences with figures in them do not line up in columns."""
    first = [(40, "Tallene"), (80, "er"), (95, "opgjort"), (135, "pr."), (155, "1."), (165, "januar"), (200, "2024.")]
    second = [(40, "Udgiften"), (85, "var"), (105, "12.500"), (145, "kr."), (165, "i"), (172, "2023")]
    prose = [line(700, *first), line(712, *second)]
    page = PageText(PageInfo(1, "p.pdf", 1, 595, HEIGHT, 100), prose, "text")
    assert lost_rows([page], {}) == []


def test_a_chart_s_value_axes_name_no_rows_lost():
    """Two value axes side by side, their ticks stepping evenly, a legend's words beside them."""
    ticks = [(f"7,{4 - n}00", f"0.1{2 - n}") for n in range(3)]
    lines = [line(100 + 20 * n, (40, left), (120, right), (160, "Premature mortality")) for n, (left, right) in
             enumerate(ticks)]  # fmt: skip
    page = PageText(PageInfo(1, "p.pdf", 1, 595, HEIGHT, 100), lines, "text")
    assert lost_rows([page], {}) == []


def test_a_table_of_contents_names_no_rows_lost():
    """Real bug (Ballerup's SFU minutes, page 2): its contents print an item's number, a title and its page
    (``1. Meddelelser`` … ``3``): two figures a line, lined up, but no table's rows. A row whose label starts with
    a number (``1. kvartal``) and prints two figures is still a row (the negative)."""
    titles = ["Meddelelser", "Bygningsvedligeholdelse", "Kvalitetsstandarder", "Takstreduktion"]
    contents = [line(200 + 14 * n, (40, f"{n}."), (55, title), (500, str(2 + n))) for n, title in enumerate(titles, 1)]
    page = PageText(PageInfo(1, "p.pdf", 1, 595, HEIGHT, 100), contents, "text")
    assert lost_rows([page], {}) == []
    figures = [("123", "416"), ("310", "98"), ("87", "1.204")]
    quarters = [
        line(200 + 14 * n, (40, f"{n}."), (55, "kvartal"), (300, a), (400, b)) for n, (a, b) in enumerate(figures, 1)
    ]
    page = PageText(PageInfo(1, "p.pdf", 1, 595, HEIGHT, 100), quarters, "text")
    assert [f.slug for f in lost_rows([page], {})] == ["table-rows-lost"]


@pytest.mark.slow
def test_the_real_minutes_with_a_table_of_contents_are_valid(tmp_path):
    pdf = DATA / "real" / "ballerup-sfu-referat-2012-12-04.pdf"
    package = next(p for p in find_packages(pdf.parent) if p.pdfs[0] == pdf)
    pages = [p for p in extract_text(package, ingest(package)) if p.info.number <= 3]
    assert lost_rows(pages, {}) == []
