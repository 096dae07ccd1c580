"""What is not a table though its words line up: a chart's labels (and, in test_other, prose, lists and
contents on real pages)."""

from __future__ import annotations

import shutil

import pytest

from pipeline.tables.prose import is_chart, is_table_like
from tests.conftest import DATA, process

CHARTS = {
    "value axis and legend": (
        ("1200", "", ""),
        ("", "Greece", "Spain"),
        ("1000", "", ""),
        ("", "Ireland", "Italy"),
        ("800", "", ""),
        ("600", "", ""),
        ("400", "", ""),
        ("200", "", ""),
    ),
    "thousands, a tick read with its label": (
        ("20,000", "", "", "100"),
        ("18,000", "Elever", "", ""),
        ("16,000", "", "", "80"),
        ("14,000", "", "1990'erne", ""),
        ("12,000", "", "", ""),
        ("10,000 Elever i tusinder", "", "", "60"),
        ("8,000", "", "", ""),
        ("", "1980'erne", "", ""),
    ),
    "an axis below zero": (
        ("1150", "CDS"),
        ("", "Rente"),
        ("950", ""),
        ("750", ""),
        ("550", ""),
        ("350", ""),
        ("150", ""),
        ("-50", ""),
    ),
}
TABLES = {  # real tables with evenly stepped figures: years, row numbers, a dense grid
    "years down the rows": (
        ("År", "Elever"),
        ("2021", "1.204"),
        ("2022", "1.250"),
        ("2023", "1.311"),
        ("2024", "1.290"),
    ),
    "numbered rows, sparse": (("1", "Ny skole", ""), ("2", "", "Teknik"), ("3", "Cykelsti", ""), ("4", "", "")),
    "falling steps, dense": (
        ("Takst", "Timer"),
        ("400", "12"),
        ("300", "9"),
        ("200", "6"),
        ("100", "3"),
    ),
}


@pytest.mark.parametrize("cells", CHARTS.values(), ids=CHARTS.keys())
def test_a_charts_labels_are_no_table(cells):
    assert is_chart(cells) and not is_table_like(cells)


@pytest.mark.parametrize("cells", TABLES.values(), ids=TABLES.keys())
def test_tables_with_stepped_figures_are_no_chart(cells):
    assert not is_chart(cells)


def test_icdar_eu_011_publishes_its_table_and_not_its_charts(tmp_path):
    """Page 1 and 2 draw line charts (axis 0-1200, legends); page 3 has the table."""
    pdf = DATA / "tables" / "icdar2013" / "competition-dataset-eu" / "eu-011.pdf"
    shutil.copy(pdf, tmp_path / pdf.name)
    folder = process(tmp_path / pdf.name, tmp_path / "out").output
    pages = {int(p.name[5:8]) for p in (folder / "tables" / "other").glob("*.csv")}
    assert pages == {3}
