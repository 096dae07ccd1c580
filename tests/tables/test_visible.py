"""A table is what the page shows: text drawn past the page's visible box makes no row, column or table."""

from __future__ import annotations

import csv

from pipeline.fixtures.cropped import SHOWN, cropped_pdf
from tests.conftest import process


def test_a_page_cropped_to_one_box_of_a_form_publishes_that_box_only(tmp_path):
    result = process(cropped_pdf(tmp_path / "raw" / "regning.pdf"), tmp_path / "out")
    assert result.status == "valid" and result.findings == []
    (table,) = sorted((result.output / "tables").glob("*/*.csv"))
    with table.open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    # every row and column the page shows, figures as numbers; nothing of the months drawn below the page
    assert rows == [list(SHOWN[0])] + [[label, *(f.replace(".", "") for f in figures)] for label, *figures in SHOWN[1:]]
