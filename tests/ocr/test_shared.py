"""Under --jobs, a page is read only in one of the run's slots (pipeline/ocr/shared.py)."""

from __future__ import annotations

import threading
import time
from dataclasses import replace

import pikepdf

from pipeline.base.models import PageInfo
from pipeline.base.slots import Slots
from pipeline.fixtures.sample import build_sample
from pipeline.fixtures.scan import ScanOptions, scan_pdf
from pipeline.ocr.reading import ocr_pdf
from tests.conftest import DEFAULTS


def test_a_page_waits_for_a_free_slot_and_reads_the_same_as_without(tmp_path):
    whole = build_sample(tmp_path / "sample.pdf")
    scan = scan_pdf(whole, tmp_path / "scan.pdf", ScanOptions(dpi=150), (1,))
    with pikepdf.open(scan) as pdf:
        box = pdf.pages[0].mediabox
    info = PageInfo(1, scan.name, 1, float(box[2]), float(box[3]), 0)
    started = time.monotonic()
    alone = ocr_pdf(scan, [info], tmp_path / "alone", DEFAULTS.ocr)
    took = time.monotonic() - started

    slots = Slots(tmp_path / "slots", 1)
    shared = replace(DEFAULTS.ocr, slots=slots, jobs=2)
    read = []
    with slots.held():  # another package's page is being read
        reader = threading.Thread(target=lambda: read.extend(ocr_pdf(scan, [info], tmp_path / "waited", shared)))
        reader.start()
        time.sleep(1.5 * took + 0.5)  # longer than the page took to read without a slot
        assert read == [] and reader.is_alive()
    reader.join(timeout=60)
    assert words(read[0]) == words(alone[0])
    assert len(words(alone[0])) > 50


def words(page) -> list[str]:
    return [word.text for line in page.lines for word in line]
