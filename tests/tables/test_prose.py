"""What is not a table though its words line up: a chart's labels (and, in test_other, prose, lists and
contents on real pages)."""

from __future__ import annotations

import shutil

import pytest

from pipeline.tables.prose import (
    is_chart,
    is_justified_prose,
    is_scattered,
    is_table_like,
    running_text_column,
)
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
    "ticks without thousands separators": (
        ("14000", ""),
        ("", "S. Enteritidis"),
        ("12000", "Other serovars"),
        ("10000", ""),
        ("8000", ""),
        ("6000", ""),
    ),
    "ticks in kroner": (
        ("4.000.000 kr.", "", ""),
        ("", "Udgifter", "Indtægter"),
        ("3.000.000 kr.", "", ""),
        ("2.000.000 kr.", "", ""),
        ("1.000.000 kr.", "", ""),
        ("0 kr.", "", ""),
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


# a bar chart's value labels, each printed over its bar (its own line), the axis's labels among them
BAR_LABELS = (
    ("80", "", "", "", ""),
    ("50", "59", "", "", ""),
    ("60", "", "", "", ""),
    ("41", "", "", "", ""),
    ("", "", "17", "22", "25"),
    ("", "", "", "", "10"),
    ("20", "", "", "", ""),
    ("0", "", "", "", ""),
)
# a sparse table: group headings alone in the first column, a figure in one column of each row
GROUPED = (
    ("Skoler", "", "", "", ""),
    ("Ny skole", "1.200", "", "", ""),
    ("Tilbygning", "", "450", "", ""),
    ("Veje", "", "", "", ""),
    ("Cykelsti", "", "", "300", ""),
    ("Kryds", "", "", "", "125"),
    ("Kultur", "", "", "", ""),
    ("Bibliotek", "80", "", "", ""),
)


def test_labels_scattered_over_a_plot_are_no_table():
    assert is_scattered(BAR_LABELS) and not is_table_like(BAR_LABELS)


def test_a_sparse_table_with_group_headings_is_not_scattered():
    assert not is_scattered(GROUPED) and is_table_like(GROUPED)


# a table with a column of running text printed beside it: the text's lines fall between its rows
BESIDE = (
    ("Kommune", "Antal", "Andel", "Borgere med handicap oplever ofte"),
    ("", "", "", "at adgangen til hjælp afhænger af"),
    ("Aarhus", "1.204", "12,5", ""),
    ("", "", "", "hvor de bor, og at sagsbehandlin-"),
    ("Odense", "987", "11,2", ""),
    ("", "", "", "gen tager lang tid. Derfor under-"),
    ("Aalborg", "812", "10,9", ""),
    ("", "", "", "søger vi her, hvor mange der får"),
    ("Esbjerg", "455", "9,8", ""),
)
# a table whose last column is a description wrapped over two lines in each row
WRAPPED = (
    ("Mål", "Antal", "Beskrivelse"),
    ("Pålidelighed", "12", "Hvor ens scoren er når den samme"),
    ("", "", "person måles to gange på kort tid"),
    ("Gyldighed", "9", "Om instrumentet måler det som det"),
    ("", "", "er tænkt at måle i målgruppen her"),
    ("Følsomhed", "7", "Om scoren ændrer sig når personens"),
    ("", "", "tilstand ændrer sig over tid i alt"),
)


def test_a_column_of_running_text_beside_a_table_is_found():
    assert running_text_column(BESIDE) == 3


def test_a_column_of_cells_wrapped_over_lines_is_no_running_text():
    assert running_text_column(WRAPPED) is None


# a justified paragraph camelot split into columns at its stretched spaces
JUSTIFIED = (
    ("Til", "de", "lærere,", "der", "underviser", "i", "kompetencebaserede", "uddannelser"),
    ("", "(en efteruddannelse for", "", "", "", "som", "giver adgang) og studier", "for"),
    ("Lærere", "", "er forpligtet", "", "til at deltage", "i", "kurser", "om året"),
)
# tables of words whose lower-case values repeat: answers, ratings
ANSWERS = (("Kommune", "Skole", "Hal", "Bad"), ("Aarhus", "ja", "nej", "ja"), ("Odense", "nej", "nej", "ja"))
RATINGS = (
    ("Kommune", "Pris", "Kvalitet", "Tid"),
    ("Aarhus", "høj", "lav", "middel"),
    ("Vejle", "lav", "middel", "høj"),
)


def test_a_justified_paragraph_split_at_its_spaces_is_no_table():
    assert is_justified_prose(JUSTIFIED) and not is_table_like(JUSTIFIED)


def test_tables_of_lower_case_words_that_repeat_are_tables():
    assert not is_justified_prose(ANSWERS) and not is_justified_prose(RATINGS)
