"""Tables: the declared tables read from pages, whatever the layout."""

from __future__ import annotations

import csv

import pytest

from pipeline.tables import parse_number
from tests.conftest import GOLDEN, process


def read(path):
    with path.open(encoding="utf-8") as handle:
        return list(csv.reader(handle))


@pytest.mark.parametrize("name", ["regionskvoter", "befolkning", "familiesammenfoeringer", "kommunekvoter"])
def test_sample_tables_match_the_golden_files_cell_for_cell(sample_result, name):
    assert read(sample_result.output / "tables" / f"{name}.csv") == read(GOLDEN / f"{name}.csv")


@pytest.mark.parametrize("options", [{"font": "Times-Roman", "ruled": True}, {"ruled": True}])
def test_other_fonts_and_ruling_lines_give_the_same_tables(build, tmp_path, options):
    result = process(build(**options), tmp_path / "out")
    assert result.status == "valid", result.findings
    for name in ("regionskvoter", "befolkning", "familiesammenfoeringer", "kommunekvoter"):
        assert read(result.output / "tables" / f"{name}.csv") == read(GOLDEN / f"{name}.csv")


def test_other_tables_are_kept_as_cells(sample_result):
    other = sorted((sample_result.output / "tables" / "other").glob("*.csv"))
    assert [p.name for p in other] == ["page-001-table-1.csv"]
    assert read(other[0])[1] == ["Sprogskole", "412", "87 %"]


def test_provenance_says_how_each_cell_was_read(sample_result):
    rows = read(sample_result.output / "tables" / "befolkning.provenance.csv")
    assert rows[0] == ["kommunekode", "column", "page", "how"]
    assert ["101", "asylansoegere", "3", "blank-means-zero"] in rows
    assert ["201", "asylansoegere", "3", "text-layer"] in rows


@pytest.mark.parametrize(
    ("text", "value"),
    [("1.234.567", 1234567), ("600", 600), ("-", 0), ("2173", 2173), ("12,5", None), ("1.23", None), ("4O", None)],
)
def test_parse_number(text, value):
    assert parse_number(text, dash_means=0) == value
