"""A table under a numbered caption of its own is a new table, though set like the one ending the page before."""

from __future__ import annotations

import json

import pytest

from pipeline.fixtures.captioned import captioned_pdf
from tests.conftest import process


@pytest.mark.parametrize(
    ("caption", "tables"),
    [
        ("Tabel 2: Budget for udvalget (1.000 kr.)", 2),  # a new table: its own caption, its own totals
        ("Tabel 1.2: Budget for udvalget (1.000 kr.)", 2),  # numbered within Tabel 1's chapter: still its own
        ("Tabel 1 (fortsat)", 1),  # the same table going on, its names printed again
    ],
)
def test_a_table_under_its_own_caption_on_the_next_page_is_a_table_of_its_own(tmp_path, caption, tables):
    result = process(captioned_pdf(tmp_path / "raw" / "budget.pdf", caption), tmp_path / "out")
    report = json.loads((result.output / "validation.json").read_text(encoding="utf-8"))
    assert len(report["other_tables"]) == tables, [t["name"] for t in report["other_tables"]]
    if tables == 2:  # each I alt adds up its own rows: the package is valid
        assert result.status == "valid" and result.findings == []
