"""On an OCR'd page, a label wrapped in its cell joined into its row (tables/scan_lines.py)."""

from __future__ import annotations

from pipeline.base.models import Cell
from pipeline.tables.detect import Candidate
from pipeline.tables.scan_lines import joined_scan_lines

LINE = 11.0  # a line's height: a cell's lines stand this far apart
ROW = 16.0  # rows stand a line and the cells' padding apart


def ocr_table(lines: list[tuple[float, tuple[str, ...]]]) -> Candidate:
    """A table as read from an OCR'd page's lines: each line's top, and its cells (the first column 80 points
    wide, its widest text reaching 150)."""
    lefts = (70.0, 160.0, 230.0)
    sources = tuple(
        tuple(
            Cell(None, 1, "ocr", (left, top, left + min(80.0, 6.0 * len(text)), top + 9), 0.9, text)
            for left, text in zip(lefts, cells)
        )
        for top, cells in lines
    )
    cells = tuple(cells for _, cells in lines)
    return Candidate(
        1, "stream", cells, (70.0, 500.0, 300.0, 700.0), (), ((70, 150), (160, 220), (230, 300)), sources=sources
    )


def test_a_label_wrapped_in_its_cell_is_one_cell_and_a_heading_a_row_apart_stays_a_row():
    lines = [
        (100.0, ("Område", "2024", "2025")),
        (100.0 + ROW, ("Drift", "", "")),
        (100.0 + 2 * ROW, ("Veje og parker", "4.721", "209.459")),
        (100.0 + 3 * ROW, ("Ældre og", "225.363", "222.040")),
        (100.0 + 3 * ROW + LINE, ("sundhed", "", "")),
        (100.0 + 4 * ROW + LINE, ("I alt", "230.084", "431.499")),
        (100.0 + 5 * ROW + LINE, ("Anlæg", "", "")),
        (100.0 + 6 * ROW + LINE, ("Skoler", "1.200", "1.300")),
    ]
    joined = joined_scan_lines(ocr_table(lines))
    assert [row[0] for row in joined.cells] == [
        "Område", "Drift", "Veje og parker", "Ældre og sundhed", "I alt", "Anlæg", "Skoler",
    ]  # fmt: skip
    assert len(joined.sources) == len(joined.cells)


def test_a_word_broken_at_its_columns_edge_is_joined_whole():
    lines = [
        (100.0, ("Gribskov", "4.721", "209.459")),
        (100.0 + ROW, ("Frederikssun", "225.363", "222.040")),  # the column's widest text: broken at its edge
        (100.0 + ROW + LINE, ("d", "", "")),
        (100.0 + 2 * ROW + LINE, ("Ishøj", "1.200", "1.300")),
    ]
    assert [row[0] for row in joined_scan_lines(ocr_table(lines)).cells] == ["Gribskov", "Frederikssund", "Ishøj"]
