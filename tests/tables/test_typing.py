"""Typing of table cells: Danish and English numbers, dashes, shares and units."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.tables.typing import decimal_mark, is_dash, parse_number, unit_of, why_text


@pytest.mark.parametrize(
    ("text", "value", "decimals"),
    [
        ("1.234", "1234", 0),
        ("12,5", "12.5", 1),
        ("1.234.567,25", "1234567.25", 2),
        ("−12", "-12", 0),
        ("-12", "-12", 0),
        ("(12)", "-12", 0),
        ("12,50", "12.50", 2),
        ("1 234", "1234", 0),
        ("kr. 1.200", "1200", 0),
    ],
)
def test_danish_numbers(text, value, decimals):
    number = parse_number(text, ",")
    assert number is not None
    assert number.value == Decimal(value)
    assert number.decimals == decimals


def test_shares_are_marked():
    for text in ("12 %", "12%", "12 pct.", "12,5 procent"):
        assert parse_number(text).percent, text
    assert not parse_number("12").percent


@pytest.mark.parametrize("text", ["", "-", "abc", "12.34.5", "1,2,3", "2024-25", "12a"])
def test_what_is_no_number(text):
    assert parse_number(text) is None


def test_dashes_mean_nothing_printed():
    assert all(is_dash(t) for t in ("-", "–", "—", ".."))
    assert not is_dash("12")


def test_the_decimal_mark_follows_the_tables_evidence():
    assert decimal_mark(["1.234.567", "12"]) == ","
    assert decimal_mark(["12,5", "1.234"]) == ","
    assert decimal_mark(["1,234,567", "12.5"]) == "."
    assert decimal_mark(["1,234", "2,345", "17"]) == "."  # only groups of three: English thousands
    assert decimal_mark(["1.234", "17"]) == ","  # Danish unless shown otherwise
    assert decimal_mark(["Aarhus", "12"]) == ","


def test_english_grouping_read_with_the_english_mark():
    assert parse_number("1,234", ".").value == 1234
    assert parse_number("1,234", ",").value == Decimal("1.234")


@pytest.mark.parametrize(
    ("header", "unit"),
    [
        ("Budget 2025 (1.000 kr.)", "1.000 kr."),
        ("Udgifter, mio. kr.", "mio. kr."),
        ("Andel %", "%"),
        ("Andel, pct.", "%"),
        ("Antal", None),
        ("Kommune", None),
    ],
)
def test_units_from_the_header(header, unit):
    assert unit_of(header) == unit


def _danish(value: Decimal, decimals: int) -> str:
    """How a Danish table prints a value: dots group thousands, a comma before decimals."""
    whole, _, fraction = f"{abs(value):.{decimals}f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return ("−" if value < 0 else "") + grouped + ("," + fraction if decimals else "")


@given(st.integers(-(10**12), 10**12), st.integers(0, 3))
def test_printed_the_danish_way_reads_back(units, decimals):
    value = Decimal(units).scaleb(-decimals)
    number = parse_number(_danish(value, decimals), ",")
    assert number is not None
    assert number.value == value
    assert number.render() == f"{value:.{decimals}f}"


def test_figures_in_parentheses_are_minus_in_accounts_and_marks_among_shares():
    def why(header, cells, explained=False):
        return why_text(header, cells, [parse_number(c) for c in cells], explained)

    assert why("Resultat", ["1.234", "(567)", "890"]) == ""  # accounts: minus 567
    assert parse_number("(567)").value == -567
    assert "'(4,7)' is a figure marked by its parentheses" in why("(%)", ["(4,7)", "(5,9)", "(7,7)"])
    assert "'(52,0)' is a figure marked" in why("Tilfreds", ["38,1", "(52,0)"], explained=True)
    assert "'(52,0)'" in why("Andel %", ["38,1", "(52,0)"])  # a share is never negative
    assert why("Tilfreds", ["38,1", "(52,0)"]) == ""  # nothing says they are marks: read as accounts do
    assert why("Resultat", ["-12", "(4)", "(5)"], explained=True) == ""  # minus printed: parentheses are minus
