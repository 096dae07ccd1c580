"""Two printed columns read as one are split at their gutter, or flagged: never one number.

Built from words placed as a page prints them (born-digital: bilag's own words), and a
candidate as camelot's unruled reading gives it, its two printed columns in one.
"""

from __future__ import annotations

from pipeline.base.models import PageInfo, PageText, Word
from pipeline.tables.columns import split_joined
from pipeline.tables.detect import Candidate
from pipeline.tables.table_findings import joined_findings
from pipeline.tables.tidy import _joined, _typed

HEIGHT = 842.0
LETTER = 5.0  # points a character takes
SPACE = 2.5  # between the words of one cell


def words_at(y: float, *placed: tuple[float, str]) -> list[Word]:
    """A line of words: each (x, text), a cell's words a space apart."""
    found = []
    for x, text in placed:
        for word in text.split():
            found.append(Word(word, x, x + LETTER * len(word), y, y + 8))
            x += LETTER * len(word) + SPACE
    return found


def page_of(lines: list[list[Word]]) -> PageText:
    return PageText(PageInfo(1, "p.pdf", 1, 595, HEIGHT, 100), lines, "text")


def candidate_of(lines: list[list[Word]], spans: list[tuple[float, float]]) -> Candidate:
    """The region as camelot reads it: each line a row, each word in the span holding its middle."""
    cells = []
    for line in lines:
        row = [[w.text for w in line if left <= (w.x0 + w.x1) / 2 < right] for left, right in spans]
        cells.append(tuple(" ".join(words) for words in row))
    rows = tuple((HEIGHT - line[0].top + 2, HEIGHT - line[0].bottom - 2) for line in lines)
    box = (spans[0][0], rows[-1][1], spans[-1][1], rows[0][0])
    return Candidate(1, "stream", tuple(cells), box, rows, tuple(spans))


# An ID column 4 points from the names (more than a space, camelot reads one column), a city column
# whose longest name (``Oklahoma City``) is two words a space apart.
ROWS = [
    ("Nr Navn", "By", "Antal"),
    ("648765 Allegiant Air", "Oklahoma City", "12"),
    ("82030 American Airlines", "Tulsa", "7"),
    ("509462 Boston Deli", "Oklahoma City", "31"),
    ("238892 Blue Belle", "Lawton", "4"),
]


def licences() -> tuple[PageText, Candidate]:
    lines = []
    for n, (first, city, figure) in enumerate(ROWS):
        code, _, name = first.partition(" ")
        x_code = 40 + LETTER * (6 - len(code)) if n else 40.0  # codes right-aligned at x = 70
        lines.append(words_at(100 + 12 * n, (x_code, code), (74, name), (200, city), (300, figure)))
    return page_of(lines), candidate_of(lines, [(30, 190), (190, 290), (290, 330)])


def test_an_id_column_read_into_the_names_is_split_at_its_gutter():
    page, candidate = licences()
    assert candidate.cells[1][0] == "648765 Allegiant Air"
    split = split_joined(candidate, page)
    assert [row[:2] for row in split.cells[1:]] == [
        ("648765", "Allegiant Air"),
        ("82030", "American Airlines"),
        ("509462", "Boston Deli"),
        ("238892", "Blue Belle"),
    ]


def test_a_value_of_two_words_a_space_apart_is_not_split():
    page, candidate = licences()
    split = split_joined(candidate, page)
    assert [row[-2] for row in split.cells[1:]] == ["Oklahoma City", "Tulsa", "Oklahoma City", "Lawton"]


def test_two_figures_in_one_cell_are_text_and_named():
    """``439 55`` groups no thousands: two figures, published as printed and named."""
    body = [["Alcona", "963", "439 55"], ["Curtis", "1026", "393 40"], ["Gustin", "611", "180"]]
    names = ["Township", "Registered", "Poll Book Totals"]
    fields, rows, *_ = _typed(names, names, body, "Votes")
    assert [f.type for f in fields] == ["string", "integer", "string"]
    assert rows[0] == ("Alcona", "963", "439 55")
    joined = _joined(body, ["Alcona", "Curtis", "Gustin"], names, ",")
    assert joined == (("Alcona", "Poll Book Totals", "439 55"), ("Curtis", "Poll Book Totals", "393 40"))


def test_thousands_grouped_with_spaces_stay_one_number():
    """Even beside figures printed ungrouped or grouped otherwise (a row from another source: nics' California)."""
    body = [["Aarhus", "1 234", "12 500"], ["Odense", "1987", "3,400"]]
    names = ["Kommune", "Antal", "Beløb"]
    fields, rows, *_ = _typed(names, names, body, "Tabel")
    assert [f.type for f in fields] == ["string", "integer", "integer"]
    assert rows[0] == ("Aarhus", "1234", "12500")
    assert _joined(body, ["Aarhus", "Odense"], names, ",") == ()


def test_a_joined_cell_is_a_finding_with_a_stable_slug():
    from pipeline.base.models import OtherTable

    table = OtherTable(1, 1, "Votes", (1,), (), [], joined=(("Alcona", "Governor", "158 150"),))
    (finding,) = joined_findings(table)
    assert finding.slug == "table-cell-joined" and "'158 150'" in finding.message


def test_a_figure_and_its_word_a_space_apart_are_one_value_and_a_title_over_two_columns_one_cell():
    """``40 years`` in every row (the ages right-aligned, ``years`` aligned after them), under a header
    ``Exhibit B.4`` printed a space apart over the age and the figure: nothing split."""
    lines = [words_at(100, (40, "Exhibit B.4"))]
    for n, age in enumerate(["40", "41", "42", "43"], 1):
        lines.append(words_at(100 + 12 * n, (40, f"{age} years"), (120, str(2468083 - 1000 * n))))
    page = page_of(lines)
    candidate = candidate_of(lines, [(30, 100), (100, 200)])
    assert split_joined(candidate, page).cells == candidate.cells


def test_columns_a_space_apart_split_where_the_second_starts_flush():
    """Licence numbers right-aligned, their types left-aligned one space after them (as a tight report
    prints them): two columns, since the types start flush and both sides differ."""
    lines = []
    for n, (code, kind) in enumerate([("648765", "AAA"), ("82030", "BAW"), ("509462", "AAA"), ("2388", "MXD")]):
        x = 70 - LETTER * len(code)
        lines.append(words_at(100 + 12 * n, (x, code), (70 + SPACE, kind), (150, "Tulsa"), (300, str(7 * n + 1))))
    candidate = candidate_of(lines, [(30, 140), (140, 290), (290, 330)])
    split = split_joined(candidate, page_of(lines))
    assert [row[:2] for row in split.cells] == [("648765", "AAA"), ("82030", "BAW"), ("509462", "AAA"), ("2388", "MXD")]


def test_a_ruled_grid_s_rows_are_matched_to_the_lines_that_print_them():
    """camelot put each line's text in the ruled row above the one its middle stands in (a missing rule
    between ``439`` and ``55``): the words are still found by what they print, and the figures split."""
    rows = [("Alcona", "439", "55", "963"), ("Curtis", "393", "40", "923"), ("Gustin", "349", "30", "1026")]
    lines = [words_at(100 + 12 * n, (40, a), (100, b), (130, c), (200, d)) for n, (a, b, c, d) in enumerate(rows)]
    spans = tuple((HEIGHT - 100 - 12 * n + 14, HEIGHT - 100 - 12 * n + 2) for n in range(len(rows)))  # one row up
    cells = tuple((a, f"{b} {c}", d) for a, b, c, d in rows)
    box = (30, HEIGHT - 140, 240, HEIGHT - 90)  # the grid, its last ruled row below the last line
    candidate = Candidate(1, "lattice", cells, box, spans, ((30, 90), (90, 180), (180, 240)))
    split = split_joined(candidate, page_of(lines))
    assert split.cells == tuple(rows)


def test_thousands_a_space_apart_and_labels_of_figures_and_words_are_not_split():
    """``15 455`` (a group of thousands, each group flush) and ``Q2 2006`` (a label) stay whole."""
    lines = []
    for n, (label, figure) in enumerate([("Q2 2006", "15 455"), ("Q1 2009", "35 190"), ("Q4 2010", "20 527")]):
        lines.append(words_at(100 + 12 * n, (40, label), (200, figure)))
    candidate = candidate_of(lines, [(30, 150), (150, 300)])
    assert split_joined(candidate, page_of(lines)).cells == candidate.cells


def licensees(longest: str) -> tuple[list[list[Word]], Candidate]:
    """A licensee column left-aligned at x = 40 and an address column at x = 152.5, as a tight report prints
    them; ``longest`` runs up to a space before the addresses (camelot reads the two as one column)."""
    names = ["Allegiant Air LLC", "Tadj Inc", "Jin Corporation", "Andolinis LLC", "Skywest Inc", longest]
    streets = ["7100 Terminal Drive", "2132 West Gary", "7831 East 71st St", "North 106", "Box 59975", "Will Rogers"]
    lines = []
    for n, (name, street) in enumerate(zip(names, streets)):
        lines.append(words_at(100 + 12 * n, (40, name), (152.5, street), (300, str(70000 + 17 * n))))
    return lines, candidate_of(lines, [(30, 290), (290, 330)])


def test_a_left_aligned_column_a_space_after_its_neighbour_s_longest_cell_is_split():
    """Every address starts flush at x = 152.5 and stands well apart from its name, but one: the longest name
    ends a space before it. The gutter no word crosses is still the columns' boundary."""
    longest = "Expressjet Airlines Inc"  # ends at x = 150, a space before the addresses
    lines, candidate = licensees(longest)
    assert lines[-1][2].x1 + SPACE == lines[-1][3].x0
    split = split_joined(candidate, page_of(lines))
    assert [row[:2] for row in split.cells][-2:] == [("Skywest Inc", "Box 59975"), (longest, "Will Rogers")]


def test_words_a_space_apart_in_most_rows_are_not_split_at_a_flush_start():
    """``City`` after ``Oklahoma`` starts flush in every row that prints it, but a space apart: one value."""
    lines = []
    for n, city in enumerate(["Oklahoma City", "Oklahoma City", "Midwest City", "Oklahoma City", "Tulsa", "Del City"]):
        first, _, second = city.partition(" ")
        x = 40 if not second else 85 - LETTER * len(first) - SPACE  # the second words flush at x = 85
        placed = [(x, first), (85, second)] if second else [(x, first)]
        lines.append(words_at(100 + 12 * n, *placed, (200, str(12 * n + 3))))
    candidate = candidate_of(lines, [(30, 150), (150, 300)])
    assert split_joined(candidate, page_of(lines)).cells == candidate.cells
