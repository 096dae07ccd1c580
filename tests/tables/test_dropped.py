"""Words camelot's unruled reading left out between its columns, back in their cells (tables/dropped.py)."""

from __future__ import annotations

from pipeline.base.models import PageInfo, PageText, Word
from pipeline.tables.detect import Candidate
from pipeline.tables.dropped import with_dropped_words

HEIGHT = 792.0
# camelot's columns where the values line up: Postnr. (set right, ending at 367) and By (set right, from 402)
SPANS = ((301.0, 373.0), (393.0, 445.0))
LINES = [  # (top, words at their x): the header set left in its cells, the values set right
    (80.0, [("Postnr.", 306.1, 346.9), ("By", 378.1, 392.2)]),
    (100.0, [("7700", 341.9, 367.3), ("Thisted", 402.5, 439.3)]),
    (120.0, [("8000", 341.9, 367.3), ("Aarhus", 396.0, 425.0), ("C", 428.0, 439.3)]),
]


def page() -> PageText:
    lines = [[Word(text, x0, x1, top, top + 10) for text, x0, x1 in words] for top, words in LINES]
    return PageText(PageInfo(1, "list.pdf", 1, 612.0, HEIGHT, 100), lines, "text-layer")


def candidate(cells: tuple[tuple[str, ...], ...]) -> Candidate:
    spans = tuple((HEIGHT - top + 4, HEIGHT - top - 14) for top, _ in LINES)
    return Candidate(1, "stream", cells, (301.0, HEIGHT - 134, 445.0, HEIGHT - 76), spans, SPANS)


def test_a_column_name_standing_between_two_columns_is_put_back_in_the_nearest_one():
    read = candidate((("Postnr.", ""), ("7700", "Thisted"), ("8000", "Aarhus C")))
    assert with_dropped_words(read, page()).cells == (("Postnr.", "By"), ("7700", "Thisted"), ("8000", "Aarhus C"))


def test_a_word_camelot_put_in_a_cell_is_not_put_in_again():
    """``By`` read into the Postnr. cell (camelot's own choice, judged elsewhere), and every word within a column:
    nothing changes."""
    read = candidate((("Postnr. By", ""), ("7700", "Thisted"), ("8000", "Aarhus C")))
    assert with_dropped_words(read, page()) is read


def test_a_name_between_two_columns_goes_to_the_one_it_names_not_the_nearest():
    """``Nr.`` set left over numbers set right, nearer the names' column than its own: the column left without
    a name takes it."""
    words = [("Nr.", 96.0, 109.0), ("Virksomhed", 120.0, 170.0)]
    lines = [[Word(text, x0, x1, 80.0, 90.0) for text, x0, x1 in words]]
    page = PageText(PageInfo(1, "list.pdf", 1, 612.0, HEIGHT, 100), lines, "text-layer")
    spans = ((60.0, 90.0), (110.0, 200.0))
    read = Candidate(
        1,
        "stream",
        (("", "Virksomhed"),),
        (60.0, HEIGHT - 94, 200.0, HEIGHT - 76),
        ((HEIGHT - 76, HEIGHT - 94),),
        spans,
    )
    assert with_dropped_words(read, page).cells == (("Nr.", "Virksomhed"),)
