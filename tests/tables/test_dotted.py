"""Rules drawn dotted or dashed (``pipeline.tables.dotted``), built by ``pipeline.fixtures.dotted``: three tables
one under the other, ruled in round dots, in short dashes stopping short of the rules they meet, and with a
dash pattern, are three tables; the negative: a table of contents with dotted leaders is no ruled grid."""

from __future__ import annotations

import pytest

from pipeline.fixtures.dotted import TABLES, dotted_pdf
from pipeline.tables.dotted import _as_run, _runs
from pipeline.tables.engines import read_candidates, ruled_pages


@pytest.fixture(scope="module")
def dotted(tmp_path_factory):
    pdf = dotted_pdf(tmp_path_factory.mktemp("dotted") / "dotted.pdf")
    return pdf, read_candidates(pdf, [1, 2])


def test_tables_ruled_in_dots_dashes_and_a_dash_pattern_are_read_by_their_rules(dotted):
    _, found = dotted
    ruled = [c.cells for c in found if c.page == 1 and c.engine == "lattice"]
    assert ruled == [tuple(rows) for _, rows in TABLES.values()]


def test_a_table_of_contents_with_dotted_leaders_is_no_ruled_grid(dotted):
    pdf, found = dotted
    assert 2 not in ruled_pages(pdf, [2])
    assert not [c for c in found if c.page == 2 and c.engine == "lattice"]


def test_a_run_of_marks_is_a_rule_only_when_evenly_spaced_and_long_enough():
    dots = [(100.0, 10.0 + 2.5 * k, 10.8 + 2.5 * k) for k in range(20)]
    assert _runs(dots) == [(100.0, 10.0, 58.3, 2.5)]
    assert _runs(dots[:4]) == []  # four marks: a short row of bullets, not a rule
    assert _as_run(dots[:10] + [(100.0, 40.0, 40.8)]) == []  # one gap far wider than the rest
    touching = [(100.0, 10.0 + 5 * k, 15.0 + 5 * k) for k in range(10)]
    assert _runs(touching) == []  # a solid rule drawn in pieces is rules.py's, not a pattern
