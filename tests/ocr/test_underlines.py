"""An underlined heading keeps its line in the image Tesseract reads (whitened, it takes the foot of each
``g`` with it: ``Leverinq``); the rules of a table, even close under its text, are still whitened."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import pypdfium2
from PIL import Image

from pipeline.base.slots import one_thread_per_tesseract
from pipeline.fixtures.scan import ScanOptions, scan_pdf
from pipeline.ocr.rules import cleaned_for_ocr

DPI = 200
HEADINGS = ("Levering af hjælpen og vejledning", "Krav til ydelsesmodtageren")
ROWS = (("Region Sjælland", "12.345", "6.789"), ("Region Syddanmark", "23.456", "7.890"), ("Egedal", "1.234", "567"))


def memo(target: Path) -> tuple[Path, list[tuple[float, float, float, float]], tuple[float, float]]:
    """A page of a Word memo: underlined headings over prose, then a table ruled only across, each rule
    as close under its row as an underline is. Returns the PDF, the headings' boxes and the table's top
    and bottom (points from the top)."""
    import reportlab
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase.pdfmetrics import registerFont, stringWidth
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    # Bitstream Vera (shipped with reportlab): Verdana's design, a font of Danish municipal memos
    registerFont(TTFont("Vera", str(Path(reportlab.__file__).parent / "fonts" / "Vera.ttf")))
    canvas = Canvas(str(target), pagesize=A4, invariant=1)
    height = A4[1]
    boxes = []
    for n, heading in enumerate(HEADINGS):
        y = height - 90 - n * 70
        canvas.setFont("Vera", 12)
        canvas.drawString(72, y, heading)
        width = stringWidth(heading, "Vera", 12)
        canvas.setLineWidth(1.0)
        canvas.line(72, y - 2, 72 + width, y - 2)  # Word's underline runs through the descenders
        boxes.append((72, height - y - 12, 72 + width, height - y + 4))
        canvas.setFont("Helvetica", 10)
        canvas.drawString(72, y - 22, "Borgeren skal være motiveret for at modtage ydelsen og hjælpen.")
    top = height - 260
    for n, row in enumerate(ROWS):
        y = top - n * 18
        canvas.setFont("Helvetica", 10)
        canvas.drawString(72, y, row[0])
        for x, figure in zip((300, 400), row[1:]):
            canvas.drawRightString(x, y, figure)
        canvas.setLineWidth(0.9)
        canvas.line(66, y - 1.8, 406, y - 1.8)
    canvas.save()
    return target, boxes, (height - top - 12, height - top + 18 * len(ROWS))


def scanned(pdf: Path, folder: Path) -> Image.Image:
    scan = scan_pdf(pdf, folder / "scan.pdf", ScanOptions(dpi=DPI, skew_degrees=0.3, specks=0, seed=5))
    document = pypdfium2.PdfDocument(scan)
    image = document[0].render(scale=DPI / 72, grayscale=True).to_pil().convert("L")
    document.close()
    image.info["dpi"] = (DPI, DPI)
    return image


def test_underlined_headings_keep_their_line_and_read_right_and_a_tables_rules_go(tmp_path):
    """Whitened with the rules, the line took the foot of the ``g`` of ``og``: read ``oq``."""
    pdf, boxes, (table_top, table_bottom) = memo(tmp_path / "memo.pdf")
    image = scanned(pdf, tmp_path)
    cleaned = cleaned_for_ocr(image)
    before, after = np.asarray(image), np.asarray(cleaned)
    scale = DPI / 72
    for x0, top, x1, bottom in boxes:
        box = (slice(int(top * scale) - 8, int(bottom * scale) + 8), slice(int(x0 * scale) - 8, int(x1 * scale) + 8))
        assert (after[box] == before[box]).all()  # the heading and its underline, every pixel
    table = slice(int(table_top * scale), int(table_bottom * scale) + 8)
    assert (after[table] != before[table]).sum() > 500  # the table's rules went
    assert after[table].min() < 100  # and its text stayed

    x0, top, x1, bottom = boxes[0][0], boxes[0][1], boxes[1][2], boxes[1][3]
    crop = cleaned.crop((int(x0 * scale) - 20, int(top * scale) - 20, int(x1 * scale) + 300, int(bottom * scale) + 20))
    crop.save(tmp_path / "headings.png", dpi=(DPI, DPI))
    command = ["tesseract", str(tmp_path / "headings.png"), "stdout", "-l", "dan", "--psm", "6"]
    with one_thread_per_tesseract():
        read = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    for heading in HEADINGS:
        assert heading in read
