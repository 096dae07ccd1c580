"""Evidence: which figures are flagged, and where on its page each finding points."""

from __future__ import annotations

from pipeline.evidence import finding_places, flagged_cells
from pipeline.models import Cell, ExtractedTable, Extraction, Finding, PrintedTotal, TableRow

BOX = (400.0, 100.0, 420.0, 110.0)


def extraction() -> Extraction:
    def row(code: int, cell: Cell) -> TableRow:
        return TableRow(code, f"K{code}", "Region Nordjylland", f"K{code}", None, {"kvote": cell})

    rows = [
        row(810, Cell(5, 11, "text-layer", BOX)),
        row(813, Cell(8, 11, "re-ocr", BOX, 0.4, "3")),
        row(820, Cell(7, 11, "ocr", BOX, 0.95, "7")),
        row(825, Cell(2, 11, "ocr", (400.0, 120.0, 420.0, 130.0), 0.5, "2")),
        row(840, Cell(None, 11, "unreadable", BOX)),
        row(846, Cell(0, 11, "derived", BOX)),
    ]
    totals = [PrintedTotal("t", "Region Nordjylland", "kvote", 22, 11, (400.0, 140.0, 420.0, 150.0), 0.3, "ocr")]
    return Extraction({"t": ExtractedTable("t", "kommunekode", ("kvote",), rows, totals, (11,))}, None)


def test_flagged_are_the_cells_read_again_derived_doubtful_or_unread():
    flagged = flagged_cells(extraction(), below_confidence=0.9)
    assert [(f.row, f.value, f.first, f.why) for f in flagged] == [
        ("813 K813", 8, "3", "read again from the page image"),
        ("825 K825", 2, "2", "doubtful: OCR confidence 0.50"),
        ("840 K840", None, None, "could not be read"),
        ("846 K846", 0, None, "derived from the printed total"),
        ("Region Nordjylland (printed total)", 22, None, "doubtful: OCR confidence 0.30"),
    ]
    assert [f.key for f in flagged] == [813, 825, 840, 846, None]


def test_a_finding_points_at_its_cell_or_its_printed_total():
    findings = [
        Finding("total-mismatch", "t", "…", kommune="Region Nordjylland", column="kvote", page=11),
        Finding("group-unresolved", "t", "…", kommune="Region Nordjylland", column="kvote", page=11),
        Finding("expect-column-values-to-be-between", "t", "…", 825, "K825", "kvote"),
        Finding("kommune-in-wrong-region", "t", "…", 820, "K820"),
        Finding("landstal-not-found", "regionskvoter", "…"),
        Finding("row-missing", "t", "…", 851, "K851"),
    ]
    assert finding_places(findings, extraction()) == [
        (11, (400.0, 140.0, 420.0, 150.0)),
        (11, (400.0, 140.0, 420.0, 150.0)),
        (11, (400.0, 120.0, 420.0, 130.0)),
        (11, BOX),
        (None, None),
        (None, None),
    ]
