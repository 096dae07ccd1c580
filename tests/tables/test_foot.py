"""A table's first rows at the foot of a page, its names printed again over the rest on the next page, start it."""

from __future__ import annotations

import csv
import json

from pipeline.fixtures.web_list import CAPTION as WEB_CAPTION
from pipeline.fixtures.web_list import rows as web_rows
from pipeline.fixtures.web_list import web_list_pdf
from tests.conftest import process


def test_a_tables_first_rows_at_the_foot_of_the_page_before_start_it(tmp_path):
    """The caption, the names and two rows at the foot of a page of prose, the table going on over the next three
    under its names printed again: one table from the foot of the first page, under its caption."""
    result = process(web_list_pdf(tmp_path / "raw" / "foreninger.pdf", lead=2), tmp_path / "out")
    descriptor = json.loads((result.output / "datapackage.json").read_text(encoding="utf-8"))
    (resource,) = [r for r in descriptor["resources"] if str(r["path"]).find("tables/other/") >= 0]
    assert resource["source_pages"] == [1, 2, 3, 4] and resource["title"] == WEB_CAPTION
    printed = [row for path in resource["path"] for row in csv.reader((result.output / path).open(encoding="utf-8"))]
    assert [row[0] for row in printed if row[0].isdigit()] == [row[0] for row in web_rows()]


def test_names_at_the_foot_of_a_page_over_no_rows_start_nothing(tmp_path):
    result = process(web_list_pdf(tmp_path / "raw" / "foreninger.pdf", lead=0), tmp_path / "out")
    descriptor = json.loads((result.output / "datapackage.json").read_text(encoding="utf-8"))
    (resource,) = [r for r in descriptor["resources"] if str(r["path"]).find("tables/other/") >= 0]
    assert resource["source_pages"] == [2, 3, 4]


def test_a_table_found_at_the_foot_is_not_read_again(tmp_path):
    """Eight rows at the foot: camelot finds them; the names over the next page's rows take nothing more there."""
    result = process(web_list_pdf(tmp_path / "raw" / "foreninger.pdf", lead=8), tmp_path / "out")
    descriptor = json.loads((result.output / "datapackage.json").read_text(encoding="utf-8"))
    (resource,) = [r for r in descriptor["resources"] if str(r["path"]).find("tables/other/") >= 0]
    printed = [row for path in resource["path"] for row in csv.reader((result.output / path).open(encoding="utf-8"))]
    assert [row[0] for row in printed if row[0].isdigit()] == [row[0] for row in web_rows()]
