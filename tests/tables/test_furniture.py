"""A page's running header and footer are no rows of a table, nor its notes; a table's header printed again at
each page's top is its header."""

from __future__ import annotations

import csv
import json
from dataclasses import replace

import pytest

from pipeline.fixtures.roster import HEADER as NAMES
from pipeline.fixtures.roster import RUNNING, WEEKS, roster_pdf, week
from pipeline.fixtures.web_list import NAMES as WEB_NAMES
from pipeline.fixtures.web_list import rows as web_rows
from pipeline.fixtures.web_list import web_list_pdf
from pipeline.tables.furniture import names_columns, without_running_lines
from tests.conftest import process, published_tables
from tests.tables.test_columns import HEIGHT, candidate_of, page_of, words_at

HEADER = ("Budgetopfølgning 2025", "Side 3 af 12")


def budget_page(running: tuple[int, int]):
    """A running header (title, page number) at y = 40, a table under it from y = 70, a footer at y = 800."""
    lines = [words_at(40, (60, HEADER[0]), (480, HEADER[1]))]
    rows = [("Område", "Budget"), ("Skoler", "1.200"), ("Veje", "450"), ("Budgetopfølgning", "2025")]
    lines += [words_at(70 + 14 * n, (60, label), (480, figure)) for n, (label, figure) in enumerate(rows)]
    lines.append(words_at(800, (60, "Aarhus Kommune"), (480, "12. marts 2025")))
    page = replace(page_of(lines), running=running)
    return page, candidate_of(lines, [(50, 300), (300, 560)])


def test_running_lines_a_table_takes_in_are_dropped_from_its_top_and_bottom():
    page, candidate = budget_page((1, 1))
    assert candidate.cells[0] == HEADER and candidate.cells[-1] == ("Aarhus Kommune", "12. marts 2025")
    table = without_running_lines(candidate, page)
    assert table.cells == candidate.cells[1:-1]  # the last row prints the title's words, but is no running line
    assert table.box[3] == HEIGHT - 70 + 2 and len(table.row_spans) == len(table.cells)


def test_a_page_without_running_lines_keeps_every_row():
    page, candidate = budget_page((0, 0))
    assert without_running_lines(candidate, page) == candidate


@pytest.fixture(scope="module")
def roster(tmp_path_factory) -> list[list[list[str]]]:
    """The ruled list printed over four pages (pipeline/fixtures/roster.py), each page's part as published."""
    raw = tmp_path_factory.mktemp("raw")
    return published_tables(process(roster_pdf(raw / "vagtplan.pdf"), tmp_path_factory.mktemp("out")).output)


def test_a_grid_at_the_same_place_on_every_page_keeps_its_first_rows(roster):
    """The column names and the days alike every week stand where a running header would: the grid's own."""
    assert len(roster) == WEEKS
    assert roster[0] == [list(NAMES), *map(list, week(1))]
    assert roster[1:] == [list(map(list, week(n))) for n in range(2, WEEKS + 1)]


def test_the_running_header_above_the_grid_is_no_row_and_the_repeated_names_are_published_once(roster):
    cells = [v for part in roster for row in part for v in row]
    assert not any(RUNNING in v or "Side" in v for v in cells)
    assert cells.count("Personale") == 1


def test_a_web_tables_header_printed_again_on_every_page_is_its_header_not_furniture(tmp_path):
    """A browser prints a table's thead again at the top of each page, where a running header stands: it names
    the columns under it and stays the table's header, the table one over the three pages."""
    result = process(web_list_pdf(tmp_path / "raw" / "foreninger.pdf"), tmp_path / "out")
    descriptor = json.loads((result.output / "datapackage.json").read_text(encoding="utf-8"))
    (resource,) = [r for r in descriptor["resources"] if str(r["path"]).find("tables/other/") >= 0]
    assert [f["name"] for f in resource["schema"]["fields"]] == list(WEB_NAMES)
    assert resource["source_pages"] == [1, 2, 3]
    printed = [row for path in resource["path"] for row in csv.reader((result.output / path).open(encoding="utf-8"))]
    assert [row[0] for row in printed if row[0].isdigit()] == [row[0] for row in web_rows()]


def test_names_a_column_off_their_figures_are_names_a_running_line_is_not():
    body = (("", "61 Særslev Smedje", "", "41991202", "2600 Glostrup", "", "169.836"),) * 3
    names = ("Nr.", "", "Virksomhed", "CVR-nr.", "Postnr.", "By", "Tilskud (kr.)")  # camelot's header cut apart
    assert names_columns((names, *body), 0)
    running = ("Budgetopfølgning 2025", "", "", "Aarhus Kommune", "", "", "Side 3 af 12")
    assert not names_columns((running, *body), 0)
    dated = ("Tilskud 2025", "", "", "Aarhus Kommune", "5.12.2026", "", "")
    assert not names_columns((dated, *body), 0)
