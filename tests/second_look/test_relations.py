"""Unreadable printed totals decided from the sample's own relations, never two unknowns from one relation."""

from __future__ import annotations

import copy

import pytest

from pipeline.base.config import DEFAULT_CONFIG_DIR, load_yaml
from pipeline.base.gazetteer import load_gazetteer
from pipeline.danish.repair import load_repairer, repair_pages
from pipeline.intake.ingest import find_packages, ingest
from pipeline.second_look.reconcile import SecondLookSettings, reconcile
from pipeline.second_look.relations import CrossCheck, decide_totals
from pipeline.tables import extract_tables
from pipeline.text import extract_text

CONFIG = load_yaml(DEFAULT_CONFIG_DIR / "tables.yaml")
CHECKS = CrossCheck.from_config(CONFIG["checks"])


@pytest.fixture(scope="module")
def extraction(digital_pdf):
    """The born-digital sample's tables, as the pipeline reads them (raw/'s copy has a scanned page)."""
    package = next(p for p in find_packages(digital_pdf.parent) if p.id == digital_pdf.stem)
    pages, _ = repair_pages(extract_text(package, ingest(package)), load_repairer())
    return extract_tables(pages, CONFIG, load_gazetteer(DEFAULT_CONFIG_DIR / "gazetteer.yaml"))


def smudged(extraction, *where: tuple[str, str]):
    """A copy with the printed totals of (table, group) unread, as a smudge on a scan leaves them."""
    copied = copy.deepcopy(extraction)
    printed = {}
    for name, group in where:
        total = next(t for t in copied.tables[name].totals if t.group == group)
        printed[(name, group)], total.value, total.how = total.value, None, "unreadable"
    return copied, printed


def total(extraction, name: str, group: str):
    return next(t for t in extraction.tables[name].totals if t.group == group)


def test_a_regional_total_is_decided_by_its_cells_and_the_national_total(extraction):
    copied, printed = smudged(extraction, ("familiesammenfoeringer", "Region Sjælland"))
    notes = decide_totals(copied, CHECKS)
    decided = total(copied, "familiesammenfoeringer", "Region Sjælland")
    assert (decided.value, decided.how) == (printed[("familiesammenfoeringer", "Region Sjælland")], "derived")
    assert notes == [
        f"familiesammenfoeringer: Region Sjælland (printed total), familiesammenfoeringer: derived as {decided.value} "
        "from the sum of its cells and the national total less the other regions' totals "
        "(the printed total could not be read)"
    ]


def test_bilag_b_totals_are_decided_by_the_regionskvoter_and_the_landstal(extraction):
    where = [("kommunekvoter", "Region Midtjylland"), ("kommunekvoter", "Danmark")]
    copied, printed = smudged(extraction, *where)
    notes = " ".join(decide_totals(copied, CHECKS))
    assert {key: total(copied, *key).value for key in where} == printed
    assert "the regionskvoter figure for Region Midtjylland" in notes and "the landstal" in notes


def test_a_cell_and_its_total_both_unread_are_decided_by_two_relations_one_each(extraction):
    copied, printed = smudged(extraction, ("familiesammenfoeringer", "Region Sjælland"))
    row = next(r for r in copied.tables["familiesammenfoeringer"].rows if r.region == "Region Sjælland")
    value, row.cells["familiesammenfoeringer"].value = row.cells["familiesammenfoeringer"].value, None
    reconcile(copied, [], SecondLookSettings(), CHECKS)  # total from the national one, then the cell from the total
    assert (
        total(copied, "familiesammenfoeringer", "Region Sjælland").value
        == printed[("familiesammenfoeringer", "Region Sjælland")]
    )
    assert (row.cells["familiesammenfoeringer"].value, row.cells["familiesammenfoeringer"].how) == (value, "derived")


def test_two_unknowns_in_one_relation_are_left_unknown(extraction):
    # Two regional totals unread and the national one too: only each region's own cells are left.
    groups = ("Region Sjælland", "Region Syddanmark", "Danmark")
    copied, _ = smudged(extraction, *[("familiesammenfoeringer", g) for g in groups])
    assert decide_totals(copied, CHECKS) == []
    # One region and its national total: the national relation has two unknowns, the region only its cells.
    copied, _ = smudged(
        extraction, ("familiesammenfoeringer", "Region Sjælland"), ("familiesammenfoeringer", "Danmark")
    )
    row = next(r for r in copied.tables["familiesammenfoeringer"].rows if r.region == "Region Sjælland")
    row.cells["familiesammenfoeringer"].value = None
    assert decide_totals(copied, CHECKS) == []


def test_relations_that_disagree_decide_nothing(extraction):
    copied, _ = smudged(extraction, ("familiesammenfoeringer", "Region Sjælland"))
    row = next(r for r in copied.tables["familiesammenfoeringer"].rows if r.region == "Region Sjælland")
    row.cells["familiesammenfoeringer"].value += 1  # a misread cell: its sum no longer agrees with the national total
    assert decide_totals(copied, CHECKS) == []
    assert total(copied, "familiesammenfoeringer", "Region Sjælland").value is None
