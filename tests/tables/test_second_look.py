"""An undeclared table's totals on an OCR'd page get the declared tables' second look.

The table is the sample's "Taskforcens resultater" with an "I alt" row (pipeline/fixtures). Its
page is scanned with a participants' figure smudged past reading and run through every stage;
and, on the page as rendered, a figure misread by the first OCR is read again by Tesseract.
"""

from __future__ import annotations

import json
import shutil
from decimal import Decimal

import pypdfium2
import pytest

from pipeline.fixtures.sample import SampleOptions, build_sample
from pipeline.fixtures.scan import ScanOptions, scan_pdf
from pipeline.ingest import find_packages, ingest
from pipeline.models import Cell
from pipeline.reconcile import SecondLook, SecondLookSettings
from pipeline.tables.second_look import look_again
from pipeline.tables.totals import total_sums
from pipeline.text import extract_text
from tests.conftest import process

ROWS = ("Sprogskole", "Virksomhedspraktik", "Mentorforløb", "I alt")
DPI = 200


@pytest.fixture(scope="module")
def digital(tmp_path_factory):
    return build_sample(tmp_path_factory.mktemp("digital") / "sample.pdf", options=SampleOptions(taskforce_total=True))


def test_a_figure_smudged_past_reading_is_derived_from_the_printed_total(digital, tmp_path):
    raw = tmp_path / "raw"
    options = ScanOptions(dpi=DPI, smudged=((1, "Mentorforløb"),))
    scan_pdf(digital, raw / "scan.pdf", options, pages=(1,))
    result = process(raw / "scan.pdf", tmp_path / "out")
    (table,) = (result.output / "tables" / "other").glob("*.csv")
    assert table.read_text(encoding="utf-8").splitlines()[1:] == [
        "Sprogskole,87,412",
        "Virksomhedspraktik,74,236",
        "Mentorforløb,91,95",
        "I alt,84,743",
    ]
    report = json.loads((result.output / "validation.json").read_text(encoding="utf-8"))
    assert [(t["totals_checked"], t["totals_held"]) for t in report["other_tables"]] == [(1, True)]
    (note,) = [n for n in report["notes"] if "Mentorforløb" in n]
    assert "Mentorforløb, Deltagere: derived as 95 from the printed I alt total" in note
    assert report["findings"] == []


def test_without_the_second_look_the_smudge_is_named_and_its_total_not_checked(digital, tmp_path):
    """Two smudged figures: the total cannot decide both, so both are named and nothing is guessed."""
    raw = tmp_path / "raw"
    options = ScanOptions(dpi=DPI, smudged=((1, "Mentorforløb"), (1, "Sprogskole")))
    scan_pdf(digital, raw / "scan.pdf", options, pages=(1,))
    report = json.loads((process(raw / "scan.pdf", tmp_path / "out").output / "validation.json").read_text())
    named = sorted(f["message"].split(": row ")[1].split(",")[0] for f in report["findings"])
    assert named == ["'Mentorforløb'", "'Sprogskole'"]
    assert {f["slug"] for f in report["findings"]} == {"table-cell-unreadable"}
    assert [t["totals_checked"] for t in report["other_tables"]] == [0]


def rendered_page(digital, folder):
    """The page rendered as a scan would be, with the table's figures where the text layer prints them."""
    image = folder / "page-1.png"
    pypdfium2.PdfDocument(str(digital))[0].render(scale=DPI / 72, grayscale=True).to_pil().save(image)
    shutil.copy(digital, folder / digital.name)
    package = find_packages(folder)[0]
    page = extract_text(package, ingest(package))[0]
    page.image, page.points_per_pixel = image, 72 / DPI
    return page


def figure(word, confidence: float = 0.97, text: str | None = None) -> Cell:
    return Cell(None, 1, "ocr", (word.x0, word.top, word.x1, word.bottom), confidence, text or word.text)


def test_a_misread_figure_is_read_again_from_the_page_image(digital, tmp_path):
    """Sprogskole's 412 first read as 442 with low confidence: Tesseract reads the crop again as 412."""
    page = rendered_page(digital, tmp_path)
    lines = {line[0].text: line for line in page.lines}
    words = [lines[label.split()[0]][-1] for label in ROWS]  # each row's last word: its participants
    sources = [(Cell(None, 1, "ocr"), figure(word)) for word in words]
    sources[0] = (sources[0][0], figure(words[0], 0.52, "442"))
    values = [[None, Decimal(442 if n == 0 else word.text)] for n, word in enumerate(words)]
    labels, names = list(ROWS), ["Indsats", "Deltagere"]
    sums = total_sums(labels, names, values, [0, 0], [False, True])
    assert [s.check.held for s in sums] == [False]  # 442 + 236 + 95 is not 743
    look = SecondLook({1: page}, SecondLookSettings())
    notes = look_again("Taskforcens resultater (page 1)", labels, names, sums, values, sources, set(), look)
    assert values[0][1] == 412
    assert notes == [
        "Taskforcens resultater (page 1): Sprogskole, Deltagere: read again as 412 (first read '442'); "
        "the I alt total now adds up"
    ]
