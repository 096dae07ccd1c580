"""Pages that hold pictures or nothing are notes; a scan of text that reads as noise stays a problem.

The fixture (pipeline/fixtures/pictures.py) is a scanned report: prose, a photograph with a
caption, a bar chart, a blank page, prose. Tesseract reads the photograph and the blank
page as noise (legibility 0.47 and 0.01). The negative is a scanned page of text printed
mirrored: text on paper that no turn makes legible.
"""

from __future__ import annotations

import csv
import json

import pytest

from pipeline.fixtures.pictures import build_mirrored_text, build_pictures
from pipeline.ocr.pictures import NOT_TEXT, page_layout
from tests.conftest import DATA, process

BALLERUP = DATA / "real" / "ballerup-bygningsliste-scan-2012.pdf"


@pytest.fixture(scope="module")
def pictures_pdf(tmp_path_factory):
    return build_pictures(tmp_path_factory.mktemp("pictures-raw") / "kl-rapport.pdf")


def test_photograph_and_chart_are_pictures_and_text_pages_are_not(pictures_pdf):
    text, photo, chart, blank, closing = (page_layout(pictures_pdf, n) for n in range(1, 6))
    assert photo.picture_share > 0.5 and chart.picture_share > 0.1
    assert text.picture_share == closing.picture_share == 0.0
    assert blank.printed_share < 0.005 < text.printed_share
    # a real scan, every page text on paper (its first a sideways table that first reads as noise)
    for number in (1, 4, 8):
        assert page_layout(BALLERUP, number).picture_share == 0.0


def test_a_report_with_photo_pages_is_valid_and_each_such_page_a_note(pictures_pdf, tmp_path):
    result = process(pictures_pdf, tmp_path / "out")
    assert result.status == "valid" and result.findings == []
    report = json.loads((result.output / "validation.json").read_text(encoding="utf-8"))
    assert [n.split(" is not text")[0] for n in report["page_notes"]] == [
        "page 2 (kl-rapport.pdf, page 2)",
        "page 4 (kl-rapport.pdf, page 4)",
    ]
    assert "a picture (photograph or chart)" in report["page_notes"][0] and "blank" in report["page_notes"][1]
    with (result.output / "pages.csv").open(encoding="utf-8") as handle:
        pages = list(csv.DictReader(handle))
    assert [p["note"].startswith(NOT_TEXT) for p in pages] == [False, True, False, True, False]
    assert float(pages[1]["legibility"]) < 0.6  # it did read as noise: a picture, not a problem
    html = (result.output / "validation.html").read_text(encoding="utf-8")
    assert "Pages that are not text (pictures, charts, blank)" in html


def test_a_scanned_text_page_that_reads_as_noise_stays_a_problem(tmp_path):
    pdf = build_mirrored_text(tmp_path / "raw" / "mirrored.pdf")
    assert page_layout(pdf, 1).picture_share == 0.0
    result = process(pdf, tmp_path / "out")
    assert [f.slug for f in result.findings] == ["page-illegible"]
