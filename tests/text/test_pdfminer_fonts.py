"""A standard font without /Encoding reads as printed, whatever the process imported before.

OCRmyPDF's import makes pdfminer give such fonts no text (``pipeline.text.pdfminer_fonts``):
the same page read right alone, and as ``(cid:N)`` in a run of several packages (where the
workers preload OCRmyPDF) or after a scan had been OCR'd.
"""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys

import ocrmypdf  # noqa: F401  (imported first on purpose: it replaces pdfminer's simple-font reading)

from pipeline.fixtures.fonts import standard_font_pdf
from pipeline.intake.ingest import find_packages, ingest
from pipeline.text import extract_text
from tests.conftest import DATA, ROOT

LINES = ["Table 7.4: Five Firm National Concentration Ratios", "Austria\t59\t54", "Belgium/Lux\t62\t60"]
EU_005 = DATA / "tables" / "icdar2013" / "competition-dataset-eu" / "eu-005.pdf"


def test_a_standard_font_without_encoding_reads_as_printed_after_ocrmypdf_is_imported(tmp_path):
    standard_font_pdf(tmp_path / "notat.pdf", LINES)
    (package,) = find_packages(tmp_path)
    (page,) = extract_text(package, ingest(package))
    assert page.unmapped == 0
    assert page.line_texts() == [line.replace("\t", " ") for line in LINES]


def test_icdar_eu_005_reads_alike_alone_and_in_a_folder_of_several_packages(tmp_path):
    """The real document: Helvetica and Times, not embedded, no /Encoding. Two packages make the
    run preload OCRmyPDF in its workers; its tables and words were (cid:N) there."""
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(EU_005, raw / EU_005.name)
    standard_font_pdf(raw / "notat.pdf", LINES)
    bilag = ROOT / ".venv" / "bin" / "bilag"
    command = [str(bilag) if bilag.exists() else sys.executable, *([] if bilag.exists() else ["-m", "pipeline"])]
    done = subprocess.run([*command, "run", str(raw), "--out", str(tmp_path / "out")], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    for package in ("eu-005", "notat"):
        with open(tmp_path / "out" / package / "pages.csv", encoding="utf-8") as handle:
            assert {row["unmapped_glyphs"] for row in csv.DictReader(handle)} == {"0"}
    names = sorted(p.name for p in (tmp_path / "out" / "eu-005" / "tables" / "other").glob("*.csv"))
    assert names[0] == "page-002-1-table-7-4-five-firm-national-concentration-ratio.csv"
    with open(tmp_path / "out" / "eu-005" / "tables" / "other" / names[0], encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert ["Austria", "59", "54"] in rows
