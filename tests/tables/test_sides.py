"""Two tables printed side by side are two tables; one table folded into two column groups stays one."""

from __future__ import annotations

import csv

import pytest

from pipeline.fixtures.tables import HALLS, SCHOOLS, halls_with_two_lines, side_by_side_pdf, with_total
from tests.conftest import process


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    raw = tmp_path_factory.mktemp("raw")
    pdf = side_by_side_pdf(raw / "skoler_og_haller.pdf")
    folder = process(pdf, tmp_path_factory.mktemp("out")).output
    tables: dict[int, list[list[list[str]]]] = {}
    for path in sorted((folder / "tables" / "other").glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            tables.setdefault(int(path.name[5:8]), []).append(list(csv.reader(handle)))
    return tables


def figures(rows: list[tuple[str, ...]]) -> list[list[str]]:
    """The rows as published: the header, then figures without their thousands' dots."""
    return [list(rows[0])] + [[row[0], *(v.replace(".", "") for v in row[1:])] for row in rows[1:]]


def test_tables_side_by_side_under_their_own_captions_are_two_tables(published):
    assert [table[-len(SCHOOLS) :] for table in published[1]] == [figures(SCHOOLS), figures(HALLS)]


def test_tables_side_by_side_each_closed_by_its_total_are_two_tables(published):
    expected = [figures(with_total(SCHOOLS)), figures(with_total(HALLS))]
    assert [table[-len(SCHOOLS) - 1 :] for table in published[2]] == expected


def test_one_table_folded_into_two_column_groups_stays_one(published):
    (table,) = published[3]
    assert table[-1][0] == "9 år" and table[-1][2] == "19 år"


def test_tables_one_under_the_other_split_at_the_second_s_caption(published):
    """The first table's note is its note, not a row; the second table starts under its caption."""
    first, second = published[4]
    assert first[-len(SCHOOLS) :] == figures(SCHOOLS) and second[-len(HALLS) :] == figures(HALLS)
    assert not any("Kilde" in v for row in first + second for v in row)


def test_tables_side_by_side_each_under_its_own_caption_line_are_two(published):
    """Unnumbered captions on one line, one over each table; the second's label printed over two lines
    around its figures is one row."""
    first, second = published[5]
    assert first == figures(SCHOOLS)
    assert second == figures(halls_with_two_lines())
