"""A typed column loses nothing printed: each published number, printed again, is the printed cell.

Codes printed in digits (``0800``, ``001``, a column of fixed-width digits under ``Postnr.``) are
text, and the schema says why. Checked over generated columns, and over every typed column bilag
publishes from the test-suite tables in tests/data (camelot's and its peers', nics, three ICDAR-2013
PDFs); ``make bench-tables`` runs the whole of ICDAR-2013.
"""

from __future__ import annotations

import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.tables import tidy as tidy_module
from pipeline.tables.typing import _strip, decimal_mark, printed_unit
from tests.conftest import DATA, process

TABLES = DATA / "tables"


def reprinted(published: str, printed: str, mark: str) -> tuple[str, str]:
    """The published value printed again in the cell's own style (its mark, its grouping), beside the
    printed cell's bare figure."""
    core, negative, _ = _strip(printed)
    group = "." if mark == "," else ","
    value = Decimal(published)
    whole, _, fraction = f"{abs(value):f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", group) if group in core else whole
    again = ("-" if value < 0 else "") + grouped + (mark + fraction if fraction else "")
    return again, ("-" if negative and value != 0 else "") + core


def typed_cells(body: list[list[str]], fields, rows) -> list[tuple[str, str, str, str | None]]:
    """(printed, published, mark, unit) of every filled cell of every typed column."""
    mark = decimal_mark([v for row in body for v in row])
    return [
        (body[r][c], rows[r][c], mark, field.unit)
        for c, field in enumerate(fields)
        if field.type != "string"
        for r in range(len(body))
        if rows[r][c]
    ]


def typed(body: list[list[str]], header: list[str]):
    return tidy_module._typed(header, header, body, "Tabel")


figure = st.one_of(
    st.integers(0, 10**7).map(lambda n: f"{n:,}".replace(",", ".")),  # 1.234.567
    st.integers(0, 10**4).map(lambda n: f"{n},{n % 100:02d}"),  # 12,50
    st.integers(0, 999).map(lambda n: f"0{n}"),  # a leading zero: 0800, 094
    st.integers(0, 10**4).map(lambda n: f"({n})"),
    st.sampled_from(["-", "0", "0,5", "12 %", "1 234", "kr. 12", "4,5 pct.", "€ 3"]),
)
header = st.sampled_from(["Antal", "Postnr.", "Kommunekode", "Beløb (1.000 kr.)", "CVR", "Number of cases"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(figure, min_size=2, max_size=2), min_size=1, max_size=8), header)
def test_a_generated_typed_column_prints_again_as_printed(cells, name):
    body = [["Label", *row] for row in cells]
    fields, rows, *_ = typed(body, ["Navn", name, "I alt"])
    for printed, published, mark, unit in typed_cells(body, fields, rows):
        again, core = reprinted(published, printed, mark)
        assert again == core, (printed, published)
        assert unit_kept(printed, unit), (printed, unit)


def unit_kept(printed: str, unit: str | None) -> bool:
    """The unit a cell prints (``%``, a currency) is the column's: a published number never drops it."""
    mark = printed_unit(printed)
    return not mark or (unit is not None and (mark == "%") == (unit == "%"))


@pytest.mark.parametrize(
    ("cells", "header", "unit"),
    [
        (["2,577", "3.5006%", "40.50"], "Current", None),  # a count among shares: text
        (["12 kr.", "€ 4"], "Beløb", None),  # two currencies
        (["12 %", "4"], "Beløb (1.000 kr.)", None),  # a share under a header in kroner
        (["12 %", "13 %", "14 %"], "Andel", "%"),
        (["12 %", "13", "14"], "Andel", "%"),  # a share printed with % on the first figure only
        (["12 %", "13", "14"], "Andel (%)", "%"),
        (["$ 1,000", "200", "$ 1,200"], "Amount", "$"),  # accounts print $ on the first and the total
        (["kr. 1.000", "200"], "Beløb", "kr."),
    ],
)
def test_a_unit_printed_in_cells_is_the_columns_or_the_column_is_text(cells, header, unit):
    fields, rows, *_ = typed([["x", v] for v in cells], ["Navn", header])
    if unit is None:  # published as printed, and the schema says why
        assert fields[1].type == "string" and "different units" in fields[1].note, fields[1]
        assert [row[1] for row in rows] == cells
    else:
        assert fields[1].type != "string" and fields[1].unit == unit, fields[1]


@pytest.mark.parametrize(
    ("cells", "header", "why"),
    [
        (["0800", "2100", "8000"], "Postnr.", "leading zero"),
        (["001", "002", "010"], "Clave", "leading zero"),
        (["2100", "8000", "9000"], "Postnr.", "a code"),
        (["12345678", "87654321"], "CVR", "a code"),
    ],
)
def test_codes_are_text_and_the_schema_says_why(cells, header, why):
    fields, rows, *_ = typed([["x", v] for v in cells], ["Navn", header])
    assert fields[1].type == "string" and why in fields[1].note
    assert [row[1] for row in rows] == cells


@pytest.mark.parametrize(
    ("cells", "header"),
    [
        (["2100", "800", "9000"], "Postnr."),
        (["2100", "8000"], "Antal"),
        (["0", "0,5", "10"], "Andel"),
        (["12", "34"], "Nr."),
    ],
)
def test_quantities_stay_numbers(cells, header):
    """A width that varies, a header naming no code, ``0`` and ``0,5``: numbers (``12``, ``34`` as numbered rows
    under ``Nr.`` are codes: fixed width)."""
    fields, *_ = typed([["x", v] for v in cells], ["Navn", header])
    assert (fields[1].type == "string") == (header == "Nr."), fields[1]


SETS = {
    "camelot": lambda: sorted((TABLES / "camelot").glob("*.pdf")),
    "peers": lambda: sorted((TABLES / "peers" / "pdf").glob("*.pdf")),
    "nics": lambda: sorted(TABLES.glob("nics-*.pdf")),
    "icdar2013": lambda: sorted((TABLES / "icdar2013").glob("*/*.pdf")),
}


@pytest.fixture(scope="session")
def suite_typed(tmp_path_factory) -> list[tuple[str, str, str, str, str | None]]:
    """bilag run once over the test-suite tables: (pdf, printed, published, mark, unit) of every typed cell."""
    seen: list[tuple[str, str, str, str, str | None]] = []
    original = tidy_module._typed
    current = {"pdf": ""}

    def recording(names, titles, body, title, *flags):
        result = original(names, titles, body, title, *flags)
        seen.extend((current["pdf"], *cell) for cell in typed_cells(body, result[0], result[1]))
        return result

    raw = tmp_path_factory.mktemp("raw")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tidy_module, "_typed", recording)
        for pdf in (p for found in SETS.values() for p in found()):
            current["pdf"] = pdf.name
            copy = raw / re.sub(r"[^\w.-]", "-", pdf.name)
            shutil.copy(pdf, copy)
            process(copy, tmp_path_factory.mktemp("out"))
    return seen


@pytest.mark.slow
def test_every_typed_cell_of_the_test_suite_tables_prints_again_as_printed(suite_typed):
    assert len(suite_typed) > 1000
    wrong = [
        (pdf, printed, published, unit)
        for pdf, printed, published, mark, unit in suite_typed
        if _differs(printed, published, mark) or not unit_kept(printed, unit)
    ]
    assert not wrong, wrong[:20]


def _differs(printed: str, published: str, mark: str) -> bool:
    again, core = reprinted(published, printed, mark)
    return again != core


def test_the_test_suite_tables_are_in_tests_data():
    assert all(found() for found in SETS.values()), {k: len(f()) for k, f in SETS.items()}
    assert isinstance(TABLES, Path)
