"""Evidence: which figures are flagged, and where on its page each finding points."""

from __future__ import annotations

from pipeline.base.models import Cell, ExtractedTable, Extraction, Finding, PrintedTotal, TableRow
from pipeline.publish.evidence import finding_places, flagged_cells

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


def test_a_crop_on_a_page_turned_by_rotate_shows_its_figure(tmp_path):
    # the words of a /Rotate page are placed in its text's frame (pipeline.text.frame): so is its image
    import base64
    import io

    import pikepdf
    from PIL import Image
    from reportlab.pdfgen import canvas

    from pipeline.intake.ingest import find_packages, ingest
    from pipeline.publish.evidence import Cropper
    from pipeline.text import extract_text

    pdf = canvas.Canvas(str(tmp_path / "a.pdf"))
    pdf.drawString(72, 700, "Ældre")
    pdf.drawString(300, 700, "1.200")
    pdf.save()
    (tmp_path / "raw").mkdir()
    with pikepdf.open(tmp_path / "a.pdf") as document:
        document.pages[0].Rotate = 90
        document.save(tmp_path / "raw" / "turned.pdf")
    package = next(iter(find_packages(tmp_path / "raw")))
    pages = extract_text(package, ingest(package))
    figure = pages[0].lines[0][1]
    uri = Cropper(package, pages).crop(1, (figure.x0, figure.top, figure.x1, figure.bottom))
    image = Image.open(io.BytesIO(base64.b64decode(uri.split(",", 1)[1]))).convert("RGB")
    pixels = ((x, y, image.getpixel((x, y))) for x in range(image.width) for y in range(image.height))
    red = [(x, y) for x, y, (r, g, b) in pixels if r > 150 and g < 80 and b < 80]  # the box's outline
    left, top = min(x for x, _ in red) + 3, min(y for _, y in red) + 3
    right, bottom = max(x for x, _ in red) - 3, max(y for _, y in red) - 3
    inside = [image.getpixel((x, y)) for x in range(left, right) for y in range(top, bottom)]
    assert sum(1 for pixel in inside if max(pixel) < 100) > 20  # the figure's ink, not blank paper
