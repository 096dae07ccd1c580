"""The budget memo scanned, as municipalities publish it: every figure right, the ones derived marked.

The memo is the project's own (``pipeline.fixtures.budget``), printed with the subtotal label an OCR
misreads (``Talt Kultur og Fritid``: known as a total only by its arithmetic) and scanned
(``pipeline.fixtures.scan``) with two figures smudged past reading, each in another group: they follow
from their group totals, which hold in the other columns. Untampered, the package is valid; with
``I alt Ældre og Sundhed`` printed 12.450 too high, that subtotal is its one problem. The tampered memo is
scanned at fax quality (200 dpi, JPEG q30, fed at a 1.5° slant, specks): its table is found all the same.
"""

from __future__ import annotations

import csv
import json
from dataclasses import replace

import pytest

from pipeline.fixtures.budget import BudgetOptions, budget_memo_pdf, budget_rows
from pipeline.fixtures.scan import FAX, ScanOptions, scan_pdf
from tests.conftest import process

ELDERLY = "I alt Ældre og Sundhed"
MISREAD = {"I alt Kultur og Fritid": "Talt Kultur og Fritid"}
SMUDGED = ("Skoler", "Kulturhuse")  # the last figure of each line (Regnskab 2024) smudged past reading
DPI = 200  # one page each: the OCR of these two scans is what the module costs
PLAIN = ScanOptions(dpi=DPI)


def scanned_memo(tmp_path_factory, name: str, options: BudgetOptions, scan: ScanOptions = PLAIN):
    """The memo processed from its scan: the published folder and validation.json."""
    digital = budget_memo_pdf(tmp_path_factory.mktemp(f"{name}-digital") / f"{name}.pdf", options)
    raw = tmp_path_factory.mktemp(f"{name}-raw")
    scan_pdf(digital, raw / f"{name}.pdf", replace(scan, smudged=tuple((1, label) for label in SMUDGED)))
    folder = process(raw / f"{name}.pdf", tmp_path_factory.mktemp(f"{name}-out")).output
    return folder, json.loads((folder / "validation.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def scanned_budget_result(tmp_path_factory):
    return scanned_memo(tmp_path_factory, "budget", BudgetOptions(misread=MISREAD))


@pytest.fixture(scope="session")
def scanned_tampered_budget_result(tmp_path_factory):
    options = BudgetOptions(tampered={(ELDERLY, "Budget 2026"): 12_450}, misread=MISREAD)
    return scanned_memo(tmp_path_factory, "tampered", options, FAX)


def published(folder) -> list[list[str]]:
    (table,) = (folder / "tables" / "other").glob("*.csv")
    return list(csv.reader(table.read_text(encoding="utf-8").splitlines()))


def printed(options: BudgetOptions) -> list[list[str]]:
    """The memo's table as the fixture prints it, its figures as published (no thousands separators)."""
    rows, _ = budget_rows(options)
    return [rows[0]] + [[row[0]] + [v.replace(".", "") for v in row[1:]] for row in rows[1:]]


def test_the_scanned_memo_is_valid_every_figure_right(scanned_budget_result):
    folder, report = scanned_budget_result
    assert report["valid"] is True and report["findings"] == []
    assert published(folder) == printed(BudgetOptions(misread=MISREAD))
    (table,) = report["other_tables"]
    assert (table["title"], table["totals_checked"], table["totals_held"]) == ("Budget 2026", 12, True)
    assert {c["row"] for c in table["totals"]} == {"I alt Børn og Unge", ELDERLY, "Talt Kultur og Fritid", "I alt"}


def test_the_figures_nobody_could_read_are_derived_and_marked_so(scanned_budget_result):
    folder, report = scanned_budget_result
    (provenance,) = (folder / "tables" / "other" / "provenance").glob("*.csv")
    rows = list(csv.DictReader(provenance.read_text(encoding="utf-8").splitlines()))
    assert sorted((r["label"], r["column"]) for r in rows if r["how"] == "derived") == [
        ("Kulturhuse", "Regnskab 2024"),
        ("Skoler", "Regnskab 2024"),
    ]
    assert len(rows) == 13 * 3  # every figure of the table's 13 rows of figures, each with how it was read
    derived = sorted((f["row"], f["value"]) for f in report["flagged"] if f["how"] == "derived")
    assert derived == [("Kulturhuse", 20_310), ("Skoler", 633_480)]  # the fixture's true figures
    assert [n for n in report["corrections"] if "derived as 20310 from the printed Talt Kultur og Fritid" in n]
    html = (folder / "validation.html").read_text(encoding="utf-8")
    assert html.count("derived from the printed total") == 2
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert f"tables/other/provenance/{provenance.name}" in {r["path"] for r in descriptor["resources"]}


def test_the_scanned_memo_with_a_subtotal_too_high_has_that_one_problem(scanned_tampered_budget_result):
    folder, report = scanned_tampered_budget_result
    assert report["valid"] is False
    (finding,) = report["findings"]
    assert finding["slug"] == "table-total-mismatch"
    assert finding["message"] == (
        f"Budget 2026 (page 1): row '{ELDERLY}', column 'Budget 2026': the total printed is 770.800, "
        "its parts add up to 758.350 (printed 12.450 too high)"
    )
    options = BudgetOptions(tampered={(ELDERLY, "Budget 2026"): 12_450}, misread=MISREAD)
    assert published(folder) == printed(options)
