"""Orientation: a real scan's sideways table page is found, read upright and kept upright.

The real Ballerup scan: seven table pages shown turned 90 degrees, then prose, upright. Their
lines run up the page (pipeline/ocr/turned.py), so Tesseract's OSD is asked about them before
their OCR and they are read once, turned, whatever its confidence.
"""

from __future__ import annotations

import csv
import os
import re
import subprocess

import pdfplumber
import pikepdf
import pytest

from tests.conftest import DATA

BALLERUP = DATA / "real" / "ballerup-bygningsliste-scan-2012.pdf"

pytestmark = pytest.mark.slow  # real OCR of a real scan


def pages_csv(result) -> list[dict]:
    with (result.output / "pages.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def words(text: str) -> list[str]:
    return re.findall(r"[^\W_]{3,}", text)


def by_hand(tmp_path) -> str:
    """Tesseract alone on the table page turned upright by hand (the page as scanned, without /Rotate)."""
    with pikepdf.open(BALLERUP) as pdf:
        del pdf.pages[1:]
        pdf.pages[0].Rotate = 0
        pdf.save(tmp_path / "upright.pdf")
    subprocess.run(["pdftoppm", "-r", "300", "-gray", "-png", tmp_path / "upright.pdf", tmp_path / "page"], check=True)
    image = next(tmp_path.glob("page*.png"))
    done = subprocess.run(
        ["tesseract", image, "stdout", "-l", "dan", "--psm", "6"],
        capture_output=True,
        check=True,
        env={**os.environ, "OMP_THREAD_LIMIT": "1"},
    )
    return done.stdout.decode()


def test_the_sideways_table_page_reads_as_tesseract_reads_it_turned_by_hand(ballerup_scan, tmp_path):
    ours = words((ballerup_scan.output / "text" / "page-001.txt").read_text(encoding="utf-8"))
    theirs = words(by_hand(tmp_path))
    assert len(theirs) > 250  # measured: 297 words of three letters or more
    found = sum(1 for word in theirs if word in set(ours))
    assert found / len(theirs) > 0.9, (found, len(theirs))
    assert "Ejendomsoversigt" in ours and "Damgårdsparken" in ours


def test_the_sideways_pages_are_turned_before_their_ocr_and_pages_csv_says_so(ballerup_scan):
    pages = pages_csv(ballerup_scan)
    table, prose = pages[0], pages[-1]
    assert float(table["legibility"]) > 0.6  # read once, turned: sound
    assert "turned upright (270 degrees counter-clockwise) before its OCR" in table["note"]
    assert float(table["width"]) > float(table["height"])  # as it stands upright: landscape
    assert "turned" not in prose["note"] and float(prose["legibility"]) > 0.9
    assert not [f for f in ballerup_scan.findings if f.slug == "page-illegible"]


def test_the_searchable_pdf_shows_the_page_upright_with_its_text(ballerup_scan):
    searchable = ballerup_scan.output / "searchable" / BALLERUP.name
    with pdfplumber.open(searchable) as pdf:
        page = pdf.pages[0]
        assert page.width > page.height
        assert "Ejendomsoversigt" in page.extract_text()
        assert pdf.pages[-1].width < pdf.pages[-1].height  # the upright page is left as it was
