"""Blocks of a spreadsheet set one under the other, each under its own title, are tables of their own; a table
going on in a section under a title, its column names printed again, stays one."""

from __future__ import annotations

import csv

from pipeline.fixtures.sheet_blocks import BUDGET, KEY, SECTION, sheet_blocks_pdf
from tests.conftest import process


def published(tmp_path, sections: bool) -> list[list[list[str]]]:
    result = process(sheet_blocks_pdf(tmp_path / "raw" / "ark.pdf", sections), tmp_path / "out")
    tables = []
    for path in sorted((result.output / "tables" / "other").glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            tables.append(list(csv.reader(handle)))
    return tables


def labels(table: list[list[str]]) -> list[str]:
    return [row[0] for row in table if row and row[0]]


def test_blocks_under_their_own_titles_are_two_tables(tmp_path):
    first, second = published(tmp_path, sections=False)
    assert [row[0] for row in BUDGET] == labels(first)[-len(BUDGET) :]
    assert not {row[0] for row in KEY} & set(labels(first))
    body = [[v for v in row if v] for row in second if row and row[0] in {k[0] for k in KEY}]
    assert body == [[name, code, *(f.replace(".", "").replace(",", ".") for f in rest)] for name, code, *rest in KEY]


def test_a_section_with_the_names_printed_again_stays_in_its_table(tmp_path):
    (table,) = published(tmp_path, sections=True)
    assert {row[0] for row in SECTION} <= set(labels(table))
    assert {row[0] for row in BUDGET} <= set(labels(table))
