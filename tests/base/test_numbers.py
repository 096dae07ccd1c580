"""Danish numbers as printed and as OCR misprints them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.base.numbers import read_number
from pipeline.fixtures.sample import danish_number


@pytest.mark.parametrize(
    ("text", "value", "fixed"),
    [
        ("1.234.567", 1234567, False),
        ("600", 600, False),
        ("2173", 2173, False),  # a lost thousands dot changes nothing
        ("2:173", 2173, True),  # the dot read as a colon
        ("115,157", 115157, True),
        ("4O", 40, True),  # O for 0 inside a figure
        ("52.939.", 52939, True),  # a speck after the figure
        ("57.342,", 57342, True),
        (";1.177", 1177, True),  # a rule's remnant before it
        ("—63.688", 63688, True),
        ("1.5OO", 1500, True),
        ("l.5OO", None, False),  # more look-alikes than digits: not guessed
        ("12,5", None, False),  # a decimal, not a count
        ("1.23", None, False),
        ("TAL", None, False),  # letters alone are never guessed into digits
        ("O", None, False),
    ],
)
def test_read_number(text, value, fixed):
    reading = read_number(text)
    assert reading.value == value
    assert bool(reading.fixed) == fixed


def test_a_dash_means_what_the_table_says():
    assert read_number("-", dash_means=0).value == 0
    assert read_number("–").value is None


@given(st.integers(min_value=0, max_value=10**9))
def test_every_danish_grouped_number_reads_back_unchanged(value):
    reading = read_number(danish_number(value))
    assert reading.value == value
    assert reading.fixed == ""


@given(st.text(alphabet=st.characters(whitelist_categories=("Lu", "Ll")), min_size=1, max_size=8))
def test_words_are_never_numbers(text):
    assert read_number(text).value is None


def test_marks_are_not_figures_but_a_dash_is():
    from pipeline.base.numbers import is_mark

    assert is_mark(";") and is_mark("|") and is_mark('"')
    assert not is_mark("-") and not is_mark("7") and not is_mark("")
