"""A printed line camelot put in one cell across several columns is spread over the columns it stands in.

Built from words placed as a page prints them (born-digital: bilag's own words) and a candidate as camelot's
unruled reading gives it.
"""

from __future__ import annotations

from dataclasses import replace

from pipeline.tables.detect import Candidate
from pipeline.tables.spread import spread_lines
from tests.tables.test_columns import HEIGHT, LETTER, candidate_of, page_of, words_at

ROWS = [("648765", "AAA", "Allegiant Air"), ("82030", "AAA", "American Airlines"), ("625422", "BAW", "Sensu")]


def licences(title: str = "") -> tuple[list, object]:
    """Codes right-aligned at x = 70, types at x = 74 and names at x = 100 (left-aligned); camelot's reading of
    the last line is one run of text in the first cell, the others empty."""
    lines = [words_at(88, (45, title))] if title else []
    for n, (code, kind, name) in enumerate([*ROWS, ("184066", "BAW", "Ajanta Curry")]):
        lines.append(words_at(100 + 12 * n, (70 - LETTER * len(code), code), (74, kind), (100, name)))
    candidate = candidate_of(lines, [(30, 72), (72, 98), (98, 200)])
    cells = list(candidate.cells)
    cells[-1] = ("184066 BAW Ajanta Curry", "", "")
    return lines, replace(candidate, cells=tuple(cells))


def test_a_line_read_into_one_cell_is_spread_over_its_columns():
    lines, candidate = licences()
    spread = spread_lines(candidate, page_of(lines))
    assert spread.cells[-1] == ("184066", "BAW", "Ajanta Curry")
    assert spread.cells[:-1] == candidate.cells[:-1]


def test_a_title_running_over_the_columns_stays_one_cell():
    """A title's words line up with no column's words: camelot's reading of it is kept."""
    lines, candidate = licences(title="Licences in force 2014")
    assert candidate.cells[0][0] and candidate.cells[0][1]  # the title stands over the columns' spans
    title = ("Licences in force 2014", "", "")
    candidate = replace(candidate, cells=(title, *candidate.cells[1:]))
    spread = spread_lines(candidate, page_of(lines))
    assert spread.cells[0] == title and spread.cells[-1] == ("184066", "BAW", "Ajanta Curry")


def test_a_line_in_a_ruled_grid_goes_to_the_cells_whose_rules_it_stands_within():
    """camelot put ``141,000 799,750`` in the cell the line starts in, though a rule parts the two figures;
    a label whose last word stands within the next cell's rules (a heading over a row whose rules are not
    drawn) stays as read: only figures are moved."""
    rows = [("Salaries", "940,750", "141,000", "799,750"), ("Travel", "74,000", "11,100", "62,900")]
    lines = [words_at(100 + 12 * n, *zip((40, 150, 210, 270), row)) for n, row in enumerate(rows)]
    lines.append(words_at(124, (40, "Purchase of equipment lease"), (210, "8,200")))
    spans = tuple((HEIGHT - 100 - 12 * n + 2, HEIGHT - 100 - 12 * n - 10) for n in range(3))
    cells = (
        ("Salaries", "940,750", "141,000 799,750", ""),
        ("Travel", "74,000", "11,100 62,900", ""),
        ("Purchase of equipment lease", "", "8,200", ""),
    )
    box = (30, spans[-1][1], 320, spans[0][0])
    candidate = Candidate(1, "lattice", cells, box, spans, ((30, 140), (140, 200), (200, 260), (260, 320)))
    spread = spread_lines(candidate, page_of(lines))
    assert spread.cells == (rows[0], rows[1], cells[2])
