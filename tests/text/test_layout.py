"""Reading order and the joining of words broken at a line end."""

from __future__ import annotations

from pipeline.base.models import Word
from pipeline.text.layout import group_lines, reading_lines, reading_text


def words(text: str, x: float, top: float, size: float = 10.0) -> list[Word]:
    out = []
    for token in text.split():
        width = 5.0 * len(token)
        out.append(Word(token, x, x + width, top, top + size, size=size))
        x += width + 3.0
    return out


def texts(lines) -> list[str]:
    return [" ".join(w.text for w in line) for line in lines]


def test_two_columns_of_prose_are_read_one_after_the_other():
    left = ["en to tre fire fem", "seks syv otte ni ti", "elleve tolv tretten fjorten"]
    right = ["alfa beta gamma delta", "epsilon zeta eta theta", "iota kappa lambda my"]
    page = [
        w for n, (a, b) in enumerate(zip(left, right)) for w in words(a, 50, 100 + 14 * n) + words(b, 320, 100 + 14 * n)
    ]
    assert texts(reading_lines(group_lines(page))) == left + right


def test_a_table_is_read_row_by_row():
    rows = [("101", "København", "667.099"), ("147", "Frederiksberg", "104.305"), ("151", "Ballerup", "48.938")]
    page = [
        w
        for n, row in enumerate(rows)
        for w in words(row[0], 50, 100 + 14 * n) + words(row[1], 120, 100 + 14 * n) + words(row[2], 400, 100 + 14 * n)
    ]
    assert texts(reading_lines(group_lines(page))) == [" ".join(row) for row in rows]


def test_ruled_table_columns_are_not_read_as_prose_columns():
    left = ["en to tre fire fem", "seks syv otte ni ti", "elleve tolv tretten fjorten"]
    right = ["alfa beta gamma delta", "epsilon zeta eta theta", "iota kappa lambda my"]
    page = [
        w for n, (a, b) in enumerate(zip(left, right)) for w in words(a, 50, 100 + 14 * n) + words(b, 320, 100 + 14 * n)
    ]
    rules = [(40.0, 560.0, 112.0 + 14 * n) for n in range(3)]  # rules run across the gutter: a table
    assert texts(reading_lines(group_lines(page), rules)) == [f"{a} {b}" for a, b in zip(left, right)]


def lines_of(*texts: str) -> list[list[Word]]:
    return [words(text, 50, 100 + 14 * n) for n, text in enumerate(texts)]


def test_a_word_broken_at_a_line_end_is_joined():
    assert reading_text(lines_of("fra Ballerup Kom-", "mune modtager")) == "fra Ballerup Kommune\nmodtager"
    # "et" ends a Danish word; it is no conjunction of a shared ending
    assert reading_text(lines_of("når de har få-", "et det dårligt")) == "når de har fået\ndet dårligt"


def test_printed_hyphens_stay():
    # a shared ending ("sundheds- og ældreområdet"), a letter ("E-mail"), capitals and figures
    assert reading_text(lines_of("på sundheds-", "og ældreområdet")) == "på sundheds-\nog ældreområdet"
    assert reading_text(lines_of("send en E-", "mail")) == "send en E-\nmail"
    assert reading_text(lines_of("under COVID-", "perioden")) == "under COVID-\nperioden"
    assert reading_text(lines_of("i alt 12-", "14 personer")) == "i alt 12-\n14 personer"
