"""Figures set right in a spreadsheet's narrow column, the next column's text close after, stand in their column."""

from __future__ import annotations

import csv
import json

import pytest

from pipeline.fixtures.sheet_list import GLUED, SPACED, rows, sheet_list_pdf
from tests.conftest import process


def published(tmp_path, glued: bool, gap: float = GLUED, boxed: bool = False) -> tuple[list[list[str]], dict]:
    """The one table bilag publishes from the fixture's page, and its resource."""
    result = process(sheet_list_pdf(tmp_path / "raw" / "list.pdf", glued, gap, boxed), tmp_path / "out")
    descriptor = json.loads((result.output / "datapackage.json").read_text(encoding="utf-8"))
    (resource,) = [r for r in descriptor["resources"] if r["path"].startswith("tables/other/")]
    with open(result.output / resource["path"], encoding="utf-8") as handle:
        return list(csv.reader(handle)), resource


@pytest.mark.parametrize(("gap", "boxed"), [(GLUED, False), (SPACED, False), (GLUED, True)])
def test_figures_set_right_before_the_next_columns_text_go_back_to_their_column(tmp_path, gap, boxed):
    table, resource = published(tmp_path, glued=True, gap=gap, boxed=boxed)
    body = [row for row in table if row and row[0] != "Nr."]
    assert [row[:4] for row in body] == [list(row[:4]) for row in rows(glued=True)]
    types = {f["name"]: f["type"] for f in resource["schema"]["fields"]}
    assert types["Postnr."] == "string"  # 0800 keeps its leading zero: a code, not a number


def test_text_that_starts_with_a_figure_a_word_gap_apart_stays_whole(tmp_path):
    table, _ = published(tmp_path, glued=False)
    cells = {cell for row in table for cell in row}
    assert {row[1] for row in rows(glued=False)} <= cells  # '3 værelser' one cell, as printed
    assert {row[2] for row in rows(glued=False)} <= cells
