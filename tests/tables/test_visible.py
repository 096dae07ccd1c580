"""A table is what the page shows: text drawn past the page's visible box makes no row, column or table."""

from __future__ import annotations

import csv
import shutil

from pipeline.fixtures.cropped import SHOWN, cropped_pdf
from tests.conftest import DATA, process, published_tables


def test_a_page_cropped_to_one_box_of_a_form_publishes_that_box_only(tmp_path):
    result = process(cropped_pdf(tmp_path / "raw" / "regning.pdf"), tmp_path / "out")
    assert result.status == "valid" and result.findings == []
    (table,) = sorted((result.output / "tables").glob("*/*.csv"))
    with table.open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    # every row and column the page shows, figures as numbers; nothing of the months drawn below the page
    assert rows == [list(SHOWN[0])] + [[label, *(f.replace(".", "") for f in figures)] for label, *figures in SHOWN[1:]]


def test_a_word_camelot_cuts_at_a_column_edge_keeps_its_column(tmp_path):
    """camelot's unruled reading of camelot's edge_tol.pdf cuts ``Class A`` at a narrow first column
    (``C`` | ``lass A``): the words stand in both columns, so neither is taken for text the page does not show."""
    pdf = tmp_path / "raw" / "edge_tol.pdf"
    pdf.parent.mkdir()
    shutil.copy(DATA / "tables" / "peers" / "pdf" / "camelot-edge_tol.pdf", pdf)
    result = process(pdf, tmp_path / "out")
    cells = {cell for table in published_tables(result.output) for row in table for cell in row}
    assert {"Class A", "Net Asset Value at 31 December", "5,111,372"} <= cells or {
        "Class A",
        "Net Asset Value at 31 December",
        "5111372",
    } <= cells, sorted(cells)
