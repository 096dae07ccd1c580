"""A line headed as a total that adds up nothing printed beside it: one note, no problem; a total that
holds but in one row: that row named. Through every stage on the project's own PDFs
(``pipeline.fixtures.not_sums``), and on the checks alone."""

from __future__ import annotations

import csv
import json
from decimal import Decimal
from pathlib import Path

import pytest

from pipeline.fixtures.not_sums import FEW, pupils_pdf, shares_with_marks_pdf
from pipeline.tables.no_sum import no_sums
from pipeline.tables.totals import total_sums
from tests.conftest import process

VALIDATION, PACKAGE = "validation.json", "datapackage.json"


def _sums(labels, names, rows):
    values = [[None if v is None else Decimal(v) for v in row] for row in rows]
    return total_sums(labels, names, values, [0] * len(names), [False] + [True] * (len(names) - 1))


def test_a_total_column_holding_in_no_row_is_one_note_and_its_checks_are_dropped():
    names = ["Distrikt", "Total", "Folkeskole", "Friskole"]
    rows = [[None, 2951, 2412, 388], [None, 2573, 1975, 502], [None, 3553, 3104, 241]]
    kept, notes = no_sums(_sums(["Nord", "Syd", "Øst"], names, rows), names)
    assert kept == []
    assert notes == [
        "column 'Total' is headed as a total but is not the sum of the columns printed beside it "
        "('Folkeskole', 'Friskole') in any of its 3 rows: not checked as a sum"
    ]


def test_a_total_column_holding_in_one_row_is_checked_in_every_row():
    names = ["Distrikt", "Total", "Folkeskole", "Friskole"]
    rows = [[None, 2800, 2412, 388], [None, 2573, 1975, 502], [None, 3553, 3104, 241]]
    kept, notes = no_sums(_sums(["Nord", "Syd", "Øst"], names, rows), names)
    assert notes == [] and [s.check.held for s in kept] == [True, False, False]


def test_a_total_row_below_its_parts_everywhere_is_a_note_above_them_a_problem():
    names = ["Område", "a", "b"]
    labels = ["Køn", "Mænd", "Kvinder", "Alder", "Under 40", "Over 40", "I alt"]
    heading = [None, None, None]
    below = [heading, [None, 10, 4], [None, 5, 2], heading, [None, 9, 1], [None, 6, 5], [None, 15, 6]]
    assert all(s.check.held for s in _sums(labels, names, below))  # two breakdowns of one whole: one adds up
    rates = below[:-1] + [[None, 12, 7]]  # errors or rates: the rows above add up to more in each column
    kept, notes = no_sums(_sums(labels, names, rates), names)
    assert kept == [] and notes[0].startswith("row 'I alt' is labelled as a total but is less than")
    lost = below[:-1] + [[None, 40, 20]]  # above every reading: a row of its parts not read, perhaps
    kept, notes = no_sums(_sums(labels, names, lost), names)
    assert notes == [] and [s.check.held for s in kept] == [False, False]


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    def _run(build, name: str, **options) -> tuple[dict, dict, Path]:
        pdf = build(tmp_path_factory.mktemp("raw") / f"{name}.pdf", **options)
        out = process(pdf, tmp_path_factory.mktemp("out")).output
        validation, package = (
            json.loads((out / f).read_text(encoding="utf-8")) for f in ("validation.json", "datapackage.json")
        )
        return validation, package, out

    return _run


def test_a_total_column_counting_columns_not_printed_is_a_note_and_the_package_valid(run):
    validation, _, _ = run(pupils_pdf, "pupils")
    assert validation["valid"] and validation["findings"] == []
    (table,) = validation["other_tables"]
    assert [(c["column"], c["held"]) for c in table["totals"]] == [
        ("Total", True),
        ("Folkeskole", True),
        ("Friskole", True),
    ]
    (note,) = table["total_notes"]
    assert "column 'Total' is headed as a total but is not the sum of the columns printed beside it" in note
    assert "in any of its 5 rows" in note and any(note in n for n in validation["notes"])


def test_a_true_total_column_with_one_wrong_cell_names_that_row_as_a_problem(run):
    validation, _, _ = run(pupils_pdf, "pupils-wrong", unprinted=False, too_high="Syd")
    assert not validation["valid"]
    (finding,) = validation["findings"]
    assert finding["slug"] == "table-total-mismatch"
    assert "row 'Syd', column 'Total': the total printed is 2.577, its parts add up to 2.477" in finding["message"]
    assert "(printed 100 too high)" in finding["message"]
    assert validation["other_tables"][0]["total_notes"] == []


def test_shares_marked_by_parentheses_stay_as_printed_and_their_mean_is_no_problem(run):
    validation, package, out = run(shares_with_marks_pdf, "shares")
    assert validation["valid"] and validation["findings"] == []
    (table,) = validation["other_tables"]
    assert [(c["row"], c["column"], c["held"]) for c in table["totals"]] == [("I alt", "Antal svar", True)]
    (resource,) = [r for r in package["resources"] if r["name"] == table["name"]]
    share = next(f for f in resource["schema"]["fields"] if f["name"] == "Tilfreds")
    assert share["type"] == "string" and "marked by its parentheses, not a negative" in share["description"]
    rows = list(csv.reader((out / resource["path"]).open(encoding="utf-8-sig")))
    (few,) = [row for row in rows if row and row[0] == FEW]
    assert few[1:4] == ["(52,0)", "(36,0)", "(12,0)"]  # as printed, never -52.0
