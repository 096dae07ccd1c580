"""The look before the OCR: a page whose lines run up the page, or whose print stands on its head, is
suspected of being turned; an upright page of text, an upright ruled table, a photograph and a blank
page are not (they get no orientation detection). A suspected page is read once, turned."""

from __future__ import annotations

import numpy as np
import pdfplumber
import pikepdf
import pypdfium2
import pytest
from PIL import Image

from pipeline.base.models import PageInfo
from pipeline.fixtures.pictures import photograph
from pipeline.fixtures.sample import SampleOptions, build_sample
from pipeline.fixtures.scan import ScanOptions, scan_pdf
from pipeline.ocr.reading import TURNED_BEFORE, ocr_pdf
from pipeline.ocr.shared import page_of
from pipeline.ocr.turned import DPI, SIDEWAYS, UPSIDE_DOWN, exported, suspected, suspected_from_environment, suspicion
from tests.conftest import DEFAULTS

PROSE, REGIONS, TABLE = 1, 2, 3  # the sample's prose, its table of regional quotas, Bilag A's first table page


@pytest.fixture(scope="module")
def ruled(tmp_path_factory):
    """The sample printed in Times with ruled tables, born-digital (the rules must not make it look sideways)."""
    return build_sample(tmp_path_factory.mktemp("turned") / "ruled.pdf", options=SampleOptions("Times-Roman", True))


def rendered(pdf, number: int) -> np.ndarray:
    document = pypdfium2.PdfDocument(str(pdf))
    try:
        pixels = document[number - 1].render(scale=DPI / 72, grayscale=True).to_numpy()
        return np.ascontiguousarray(pixels[..., 0] if pixels.ndim == 3 else pixels)
    finally:
        document.close()


@pytest.mark.parametrize("number", [PROSE, TABLE])
def test_a_page_turned_any_way_is_suspected_and_upright_it_is_not(ruled, number):
    page = rendered(ruled, number)
    assert suspicion(page) == 0
    assert suspicion(np.rot90(page).copy()) == SIDEWAYS and suspicion(np.rot90(page, 3).copy()) == SIDEWAYS
    assert suspicion(np.rot90(page, 2).copy()) == UPSIDE_DOWN


def test_a_photograph_and_a_blank_page_are_not_suspected():
    picture = np.asarray(photograph(620, 877))
    assert suspicion(picture) == 0 and suspicion(np.rot90(picture).copy()) == 0
    assert suspicion(np.full((877, 620), 255, dtype=np.uint8)) == 0


def test_a_scan_fed_carelessly_is_suspected_where_it_is_turned(ruled, tmp_path):
    """Through the PDF as shown: a fax-grade scan (200 dpi, JPEG q30, specks) of three pages fed upright,
    upside down and sideways."""
    options = ScanOptions(dpi=200, jpeg_quality=30, skew_degrees=1.0, specks=800, turned=((REGIONS, 180), (TABLE, 270)))
    pdf = scan_pdf(ruled, tmp_path / "scan.pdf", options, pages=(PROSE, REGIONS, TABLE))
    assert suspected(pdf, [1, 2, 3]) == {2: UPSIDE_DOWN, 3: SIDEWAYS}
    with exported({2: UPSIDE_DOWN, 3: SIDEWAYS}):  # as OCRmyPDF's page workers are told
        assert suspected_from_environment() == {2: UPSIDE_DOWN, 3: SIDEWAYS}
    assert suspected_from_environment() == {}


def test_ocrmypdf_page_files_are_named_by_their_page():
    assert page_of("/tmp/work/000012_rasterize_preview.jpg") == 12
    assert page_of("preview.jpg") == 0


@pytest.mark.slow  # real OCR of two pages
def test_a_sideways_page_is_read_once_turned_and_only_it_is_asked_its_orientation(tmp_path):
    sample = build_sample(tmp_path / "sample.pdf")
    scan = scan_pdf(sample, tmp_path / "scan.pdf", ScanOptions(dpi=150, turned=((REGIONS, 90),)), (PROSE, REGIONS))
    infos = []
    with pikepdf.open(scan) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            infos.append(PageInfo(number, scan.name, number, float(page.mediabox[2]), float(page.mediabox[3]), 0))
    suspects = suspected(scan, [1, 2])
    assert suspects == {2: SIDEWAYS}
    upright, turned = ocr_pdf(scan, infos, tmp_path / "ocr", DEFAULTS.ocr, suspects)
    assert turned.note == TURNED_BEFORE.format(90) and turned.info.width < turned.info.height  # portrait again
    with pdfplumber.open(sample) as pdf:
        printed = set(pdf.pages[REGIONS - 1].extract_text().split())
    read = [word.text for line in turned.lines for word in line]
    assert len(read) > 50 and sum(word in printed for word in read) / len(read) > 0.9
    assert not upright.note
    with Image.open(tmp_path / "ocr" / "000001_rasterize_preview.jpg") as preview:
        assert preview.size == (8, 8)  # the upright page's preview was not even drawn, nor its orientation asked
