"""Totals found by structure and arithmetic, and the one figure that is off named, through every stage.

The PDFs are the project's own (``pipeline.fixtures.budget``): a budget memo with three committees'
subtotals and a grand total, a typed report with ``I alt`` rows and an ``I alt`` column, and a
table with a column of shares and one of averages.
"""

from __future__ import annotations

import json

import pytest

from pipeline.fixtures.budget import BudgetOptions, budget_memo_pdf, shares_pdf, typed_report_pdf
from tests.conftest import process

ELDERLY = "I alt Ældre og Sundhed"


def report(pdf, out) -> dict:
    return json.loads((process(pdf, out).output / "validation.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    def _run(build, name: str, *args) -> dict:
        raw = tmp_path_factory.mktemp("raw")
        return report(build(raw / f"{name}.pdf", *args), tmp_path_factory.mktemp("out"))

    return _run


def test_the_untampered_memo_is_valid_every_total_checked_and_holding(run):
    validation = run(budget_memo_pdf, "budget")
    assert validation["findings"] == []
    (table,) = validation["other_tables"]
    assert table["title"] == "Budget 2026" and table["totals_held"] is True
    assert {c["row"] for c in table["totals"]} == {
        "I alt Børn og Unge",
        ELDERLY,
        "I alt Kultur og Fritid",
        "I alt",
    }
    assert len(table["totals"]) == 12  # four totals in three columns


def test_a_subtotal_printed_too_high_is_the_one_problem_and_the_grand_total_is_not_blamed(run):
    validation = run(budget_memo_pdf, "tampered", BudgetOptions(tampered={(ELDERLY, "Budget 2026"): 12_450}))
    (finding,) = validation["findings"]
    assert finding["slug"] == "table-total-mismatch"
    assert finding["message"] == (
        f"Budget 2026 (page 1): row '{ELDERLY}', column 'Budget 2026': the total printed is 770.800, "
        "its parts add up to 758.350 (printed 12.450 too high)"
    )
    assert (finding["printed"], finding["computed"]) == (770_800, 758_350)
    (table,) = validation["other_tables"]
    failed = [(c["row"], c["column"]) for c in table["totals"] if not c["held"]]
    assert failed == [(ELDERLY, "Budget 2026")]


def test_a_subtotal_whose_label_the_ocr_misread_is_found_by_its_arithmetic(run):
    options = BudgetOptions(misread={"I alt Kultur og Fritid": "Talt Kultur og Fritid"})
    validation = run(budget_memo_pdf, "misread", options)
    assert validation["findings"] == []
    (table,) = validation["other_tables"]
    assert [c["held"] for c in table["totals"] if c["row"] == "Talt Kultur og Fritid"] == [True] * 3


def test_a_typed_report_names_its_one_wrong_total_the_others_checked_and_holding(run):
    validation = run(typed_report_pdf, "report", ("I alt skoler", "2025"))
    (finding,) = validation["findings"]
    assert (
        "row 'I alt skoler', column '2025': the total printed is 352.750, its parts add up to 351.750"
        in (finding["message"])
    )
    assert "(printed 1.000 too high)" in finding["message"]
    (table,) = validation["other_tables"]
    held = [c for c in table["totals"] if c["held"]]
    assert len(table["totals"]) == 16 and len(held) == 15
    assert {c["kind"] for c in held} == {"row", "column"}


def test_shares_and_averages_are_not_added_but_the_sum_beside_them_is(run):
    (table,) = run(shares_pdf, "shares")["other_tables"]
    assert [(c["row"], c["column"], c["held"]) for c in table["totals"]] == [("Total", "Pladser", True)]
    validation = run(shares_pdf, "shares-wrong", "1.010")
    (finding,) = validation["findings"]
    assert "row 'Total', column 'Pladser'" in finding["message"] and "(printed 10 too high)" in finding["message"]
