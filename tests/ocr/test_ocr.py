"""OCR: scans and English-OCR'd scans of the sample give the sample's tables, or name what they miss.

These run the real thing: the project's fixture code scans the sample (300 dpi, skew,
noise), OCRmyPDF with Tesseract's English model gives one copy a bad text layer, and
the pipeline OCRs both again with the Danish model.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pdfplumber
import pytest
from rapidfuzz.distance import Levenshtein

from tests.conftest import GOLDEN, SAMPLE

TABLES = ("regionskvoter", "befolkning", "familiesammenfoeringer", "kommunekvoter")


def read(path):
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def wrong_cells(result) -> list[tuple[str, str, str]]:
    """(table, key, column) of every published cell that differs from the golden file."""
    wrong = []
    for name in TABLES:
        golden, got = read(GOLDEN / f"{name}.csv"), read(result.output / "tables" / f"{name}.csv")
        assert len(got) == len(golden)
        for expected, row in zip(golden, got):
            key = next(iter(expected))
            wrong += [(name, row[key], column) for column in expected if row[column] != expected[column]]
    return wrong


def is_named(finding, table: str, key: str, column: str) -> bool:
    """A finding that names this cell: by its row and column, or among a group's doubtful cells."""
    if finding.table != table:
        return False
    if finding.slug == "group-unresolved":
        return finding.column == column and f"{key} " in finding.message.split("doubtful:")[1]
    return str(finding.kommunekode or finding.kommune) == key and finding.column in (column, None)


SCANS = ["scanned_result", "english_ocr_result", "ruled_scan_result", "turned_scan_result", "fax_scan_result"]


@pytest.mark.parametrize("fixture", SCANS)
def test_every_cell_is_right_and_the_package_valid(request, fixture):
    result = request.getfixturevalue(fixture)
    wrong = wrong_cells(result)
    unnamed = [cell for cell in wrong if not any(is_named(f, *cell) for f in result.findings)]
    assert unnamed == [], f"wrong values passed validation: {unnamed}"
    assert wrong == []  # measured: every one of the 1,382 cells right, fax quality too
    assert result.status == "valid", result.findings


@pytest.mark.parametrize("fixture", ["scanned_result", "english_ocr_result"])
def test_second_look_and_derivation_are_in_the_provenance(request, fixture):
    result = request.getfixturevalue(fixture)
    hows = {row["how"] for name in TABLES for row in read(result.output / "tables" / f"{name}.provenance.csv")}
    assert "ocr" in hows
    assert "re-ocr" in hows  # the scan's lone figures are misread at first (measured: ~20 cells)
    assert "text-layer" not in hows


def test_triage_of_a_scan_and_of_an_english_ocr_layer(scanned_result, english_ocr_result):
    scanned = read(scanned_result.output / "pages.csv")
    assert {p["triage"] for p in scanned} == {"image-only"}
    assert {p["text_source"] for p in scanned} == {"ocr"}
    english = read(english_ocr_result.output / "pages.csv")
    assert {p["triage"] for p in english} == {"ocr-layer"}
    assert all(p["note"].startswith("Danish re-OCR") for p in english), english
    assert all(float(p["danish_quality"]) > 0.95 for p in english)


def test_the_searchable_pdf_is_kept_with_a_danish_text_layer(scanned_result):
    searchable = scanned_result.output / "searchable" / "scanned.pdf"
    with pdfplumber.open(searchable) as pdf:
        text = pdf.pages[2].extract_text()
    assert "København" in text


def test_the_searchable_pdf_shows_the_scan_as_it_was_and_only_the_danish_layer(
    scanned_pdf, scanned_result, english_ocr_result
):
    import pikepdf

    def images(path: Path) -> list[bytes]:
        with pikepdf.open(path) as pdf:
            return [image.read_raw_bytes() for page in pdf.pages for image in page.get_images().values()]

    # An image-only scan is not re-encoded: its JPEGs are in the searchable PDF byte for byte.
    assert images(scanned_result.output / "searchable" / "scanned.pdf") == images(scanned_pdf)
    # An English OCR layer is replaced, not kept beside the Danish one.
    with pdfplumber.open(english_ocr_result.output / "searchable" / "english-ocr.pdf") as pdf:
        text = pdf.pages[0].extract_text()
    assert "Udlændingestyrelsen har udmeldt" in text and "Udlendingestyrelsen" not in text


@pytest.mark.parametrize("fixture", ["scanned_result", "english_ocr_result"])
def test_prose_character_error_rate_is_under_one_percent(request, fixture):
    result = request.getfixturevalue(fixture)
    with pdfplumber.open(SAMPLE) as pdf:
        clean = " ".join(pdf.pages[i].extract_text() for i in (0, 1)).split()
    final = " ".join((result.output / "text" / f"page-{i:03d}.txt").read_text() for i in (1, 2)).split()
    errors = Levenshtein.distance(" ".join(clean), " ".join(final))
    assert errors / len(" ".join(clean)) < 0.01


def test_the_same_scan_gives_the_same_searchable_pdf_byte_for_byte(scanned_pdf, tmp_path):
    """No run date, random /ID or random layer name: outputs can be compared across runs and machines."""
    from pipeline.base.config import DEFAULT_CONFIG_DIR, load_yaml
    from pipeline.base.models import PageInfo
    from pipeline.ocr import OcrSettings, searchable_pdf
    from pipeline.ocr.reading import hocr_by_ocrmypdf

    settings = OcrSettings.from_config(load_yaml(DEFAULT_CONFIG_DIR / "ocr.yaml"))
    pages = [PageInfo(n, scanned_pdf.name, n, 595.0, 842.0, 0) for n in (1, 2)]
    hocr_by_ocrmypdf(scanned_pdf, [p.number for p in pages], tmp_path / "ocr", settings, "default")
    first = searchable_pdf(tmp_path / "ocr", tmp_path / "first.pdf", scanned_pdf).read_bytes()
    second = searchable_pdf(tmp_path / "ocr", tmp_path / "second.pdf", scanned_pdf).read_bytes()
    assert first == second
    import pikepdf

    with pikepdf.open(tmp_path / "first.pdf") as pdf:
        assert "/OCR-page1-1" in pdf.pages[0].obj.Resources.XObject
        assert "/CreationDate" not in pdf.docinfo  # the scan has none; never the date of the run


def test_pages_fed_turned_read_upright_and_a_smudged_total_is_derived(turned_scan_result):
    pages = read(turned_scan_result.output / "pages.csv")
    turned = {int(p["page"]): p["note"] for p in pages if "turned upright" in p["note"]}
    assert sorted(turned) == [2, 3, 9]
    assert "(180 degrees" in turned[2] and "(90 degrees" in turned[3] and "(270 degrees" in turned[9]
    assert all(float(p["legibility"]) > 0.9 for p in pages)
    derived = [n for n in turned_scan_result.corrections if "(printed total)" in n]
    assert any(n.startswith("familiesammenfoeringer: Region Sjælland (printed total)") for n in derived), derived
    assert turned_scan_result.status == "valid"
