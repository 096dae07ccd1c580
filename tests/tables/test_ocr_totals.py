"""An undeclared table's totals on an OCR'd page get the declared tables' second look.

The table is the sample's "Taskforcens resultater" with an "I alt" row (pipeline/fixtures). Its
page is scanned with a participants' figure smudged past reading and run through every stage;
and, on the page as rendered, a figure misread by the first OCR is read again by Tesseract.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from decimal import Decimal

import pypdfium2
import pytest

from pipeline.base.models import Cell
from pipeline.fixtures.budget import BudgetOptions, budget_memo_pdf, budget_rows
from pipeline.fixtures.sample import SampleOptions, build_sample
from pipeline.fixtures.scan import ScanOptions, scan_pdf
from pipeline.intake.ingest import find_packages, ingest
from pipeline.second_look.reconcile import SecondLook, SecondLookSettings
from pipeline.tables.ocr_totals import look_again
from pipeline.tables.totals import total_sums
from pipeline.text import extract_text
from tests.conftest import process

ROWS = ("Sprogskole", "Virksomhedspraktik", "Mentorforløb", "I alt")
DPI = 200

pytestmark = pytest.mark.slow  # scans and their OCR


@pytest.fixture(scope="module")
def digital(tmp_path_factory):
    return build_sample(tmp_path_factory.mktemp("digital") / "sample.pdf", options=SampleOptions(taskforce_total=True))


@pytest.fixture(scope="module")
def smudged(digital, tmp_path_factory):
    """One package of two scanned bilag: the table with one figure smudged (page 1), with two (page 2)."""
    raw = tmp_path_factory.mktemp("raw")
    for name, labels in (("a-one.pdf", ("Mentorforløb",)), ("b-two.pdf", ("Mentorforløb", "Sprogskole"))):
        scan_pdf(digital, raw / "scanned" / name, ScanOptions(dpi=DPI, smudged=tuple((1, x) for x in labels)), (1,))
    result = process(raw / "scanned", tmp_path_factory.mktemp("out"))
    return result.output, json.loads((result.output / "validation.json").read_text(encoding="utf-8"))


def test_a_figure_smudged_past_reading_is_derived_from_the_printed_total(smudged):
    folder, report = smudged
    (table,) = (folder / "tables" / "other").glob("page-001-*.csv")
    assert table.read_text(encoding="utf-8").splitlines()[1:] == [
        "Sprogskole,87,412",
        "Virksomhedspraktik,74,236",
        "Mentorforløb,91,95",
        "I alt,84,743",
    ]
    first = next(t for t in report["other_tables"] if t["pages"] == [1])
    assert (first["totals_checked"], first["totals_held"]) == (1, True)
    (note,) = [n for n in report["notes"] if "(page 1)" in n]
    assert "Mentorforløb, Deltagere: derived as 95 from the printed I alt total" in note


def test_two_figures_the_total_cannot_decide_are_named_and_not_guessed(smudged):
    folder, report = smudged
    (table,) = (folder / "tables" / "other").glob("page-002-*.csv")
    rows = table.read_text(encoding="utf-8").splitlines()[1:]
    assert [row.rsplit(",", 1)[1] for row in rows] == ["", "236", "", "743"]  # published empty
    named = sorted((f["slug"], f["page"], f["message"].split(": row ")[1].split(",")[0]) for f in report["findings"])
    assert named == [("table-cell-unreadable", 2, "'Mentorforløb'"), ("table-cell-unreadable", 2, "'Sprogskole'")]
    second = next(t for t in report["other_tables"] if t["pages"] == [2])
    assert second["totals_checked"] == 0  # its total adds up figures nobody could read
    assert not [n for n in report["notes"] if "(page 2)" in n]


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


def test_no_figure_is_derived_from_a_total_whose_reading_holds_nowhere_else(tmp_path):
    """The budget memo's subtotal `Talt Kultur og Fritid` (its label misread) with its Regnskab figure unread is
    not known as a total, so `I alt` seems to add up the group's lines and that subtotal: its other columns
    say it does not, and the unread figure is left unread, never derived as 2.019.070 minus three lines."""
    options = BudgetOptions(misread={"I alt Kultur og Fritid": "Talt Kultur og Fritid"})
    digital = budget_memo_pdf(tmp_path / "memo" / "budget.pdf", options)
    page = rendered_page(digital, tmp_path)
    rows, _ = budget_rows(options)
    lines = {" ".join(w.text for w in line): line for line in page.lines}
    labels, values, sources = [], [], []
    for row in rows[1:]:
        line = lines[" ".join(v for v in row if v)]
        figures = line[-3:] if row[1] else []  # a group's heading prints none
        labels.append(row[0])
        values.append([None, *(Decimal(w.text.replace(".", "")) for w in figures), *[None] * (3 - len(figures))])
        sources.append(
            (Cell(None, 1, "ocr"), *(figure(w) for w in figures), *[Cell(None, 1, "ocr")] * (3 - len(figures)))
        )
    r = labels.index("Talt Kultur og Fritid")
    values[r][3] = None  # smudged: its box is where it is printed, its text no figure
    sources[r] = (*sources[r][:3], replace(sources[r][3], confidence=0.3, text="ære"))
    names = ["1.000 kr.", "Budget 2026", "Budget 2025", "Regnskab 2024"]
    unreadable = {(r, 3)}
    sums = total_sums(labels, names, values, [0] * 4, [False, True, True, True], frozenset(unreadable))
    assert "Talt Kultur og Fritid" not in {s.check.row for s in sums}  # its own figure unread: no total by arithmetic
    look = SecondLook({1: page}, SecondLookSettings())
    notes = look_again("Budget 2026 (page 1)", labels, names, sums, values, sources, unreadable, look)
    assert values[r][3] is None and unreadable == {(r, 3)}
    assert not [n for n in notes if "derived" in n]
