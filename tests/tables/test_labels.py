"""Row labels printed left of a ruled grid, unruled: the table's first column."""

from __future__ import annotations

from pipeline.tables.detect import Candidate
from pipeline.tables.labels import with_row_labels
from tests.tables.test_columns import HEIGHT, page_of, words_at

TOWNS = [("Alcona", "963", "26"), ("Caledonia", "923", "23"), ("Curtis", "1026", "30"), ("Gustin", "611", "35")]


def grid(rows, labelled: bool) -> tuple:
    lines = [
        words_at(100 + 12 * n, *([(10, town)] if labelled else []), (100, a), (150, b))
        for n, (town, a, b) in enumerate(rows)
    ]
    spans = tuple((HEIGHT - 98 - 12 * n, HEIGHT - 110 - 12 * n) for n in range(len(rows)))
    cells = tuple((a, b) for _, a, b in rows)
    box = (90, spans[-1][1], 200, spans[0][0])
    return page_of(lines), Candidate(1, "lattice", cells, box, spans, ((90, 140), (140, 200)))


def test_labels_left_of_a_ruled_grid_are_its_first_column():
    page, candidate = grid(TOWNS, labelled=True)
    found = with_row_labels(candidate, page, [])
    assert found.cells == tuple(TOWNS)
    assert found.box[0] == 10 and len(found.col_spans) == 3


def test_a_grid_with_nothing_beside_it_and_prose_beside_a_grid_are_left_alone():
    page, candidate = grid(TOWNS, labelled=False)
    assert with_row_labels(candidate, page, []) == candidate
    prose = [(f"a line of running text that goes on for a while {n}", a, b) for n, (_, a, b) in enumerate(TOWNS)]
    lines = [words_at(100 + 12 * n, (-200, t), (100, a), (150, b)) for n, (t, a, b) in enumerate(prose)]
    assert with_row_labels(candidate, page_of(lines), []) == candidate


def test_the_table_beside_it_is_no_column_of_labels():
    """Three ruled tables side by side: the one on the left is a table of its own (and prints figures)."""
    page, candidate = grid(TOWNS, labelled=True)
    assert with_row_labels(candidate, page, [(0, 0, 80, 842)]) == candidate
    figures = [(f"{town} {n}", a, b) for n, (town, a, b) in enumerate(TOWNS)]
    page, candidate = grid(figures, labelled=True)
    assert with_row_labels(candidate, page, []) == candidate
