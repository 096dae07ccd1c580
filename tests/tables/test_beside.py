"""One list camelot's unruled reading found twice side by side, cut at different columns, is one table; two
tables that stand side by side stay two."""

from __future__ import annotations

from pipeline.tables.beside import joined_beside
from tests.tables.test_columns import candidate_of, words_at

LIST = [("64 Hansen & Søn ApS", "56000516", "0800 Høje Taastrup", "106.584")]
LIST += [("65 Kærgårdens Svineproduktion", "21553071", "9000 Aalborg", "961.160")]
LIST += [("66 Tåsinge Frugtplantage", "15975399", "2100 København Ø", "2.134.598")]
LIST += [("67 Nørre Vium Rens", "32776998", "8000 Aarhus C", "2.300.960")]
X = (80, 270, 335, 500)  # where each column's words start


def lines(rows) -> list:
    return [words_at(100 + 12 * n, *zip(X, row)) for n, row in enumerate(rows)]


def test_a_list_read_twice_cut_at_different_columns_is_one_table():
    printed = lines(LIST)
    first = candidate_of(printed, [(78, 238), (238, 332), (332, 430)])  # the first three columns
    second = candidate_of(printed, [(268, 332), (332, 465), (465, 560)])  # the last three
    (joined,) = joined_beside([first, second])
    assert joined.cells == tuple(LIST)


def test_two_tables_side_by_side_stay_two():
    """The right one's first column is not the left one's last: nothing both read prints the same."""
    printed = lines(LIST)
    first = candidate_of(printed, [(78, 238), (238, 332)])
    other = [words_at(100 + 12 * n, (335, label), (500, figure)) for n, (label, figure) in enumerate(
        [("Skoler", "1.200"), ("Veje", "450"), ("Kultur", "75"), ("I alt", "1.725")])]  # fmt: skip
    second = candidate_of(other, [(268, 332), (332, 465), (465, 560)])
    assert joined_beside([first, second]) == [first, second]
