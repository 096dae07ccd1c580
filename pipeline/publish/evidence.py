"""What a person checks by eye: each flagged figure beside a crop of the page it was read from.

Flagged are the cells read again, derived from a printed total, read with low OCR
confidence or not read at all, and every finding that points at a place on a page. The
crop is the printed line across the page (so the row's name is in it), with the cell
boxed in red: a scan's own page image where the page was OCR'd, the PDF page rendered
where it has a text layer. Crops are PNG ``data:`` URIs, so the report stays one file.
"""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass
from pathlib import Path

from pipeline.base.models import Box, Cell, ExtractedTable, Extraction, Finding, Package, PageText, PrintedTotal
from pipeline.base.names import table_name

RENDER_SCALE = 2.0  # pixels per point for a page with a text layer (144 dpi)
MAX_WIDTH = 1000  # pixels: a crop wider than this is scaled down
LINE_MARGIN = 7.0  # points above and below the cell: the neighbouring lines' edges, for context


@dataclass(frozen=True)
class Flagged:
    """One figure to check: where it is, what bilag chose, what was first read, and why it is flagged."""

    table: str
    row: str  # "101 København", or "Region Hovedstaden (printed total)"
    column: str
    key: int | str | None  # the row's kommunekode or region (the CSV key); None for a printed total
    value: int | None  # the value bilag published (None: left empty)
    first: str | None  # the figure as the OCR first read it
    how: str  # as in the provenance: ocr, re-ocr, derived, unreadable, ...
    confidence: float | None
    page: int
    why: str
    box: Box | None = None


def flagged_cells(extraction: Extraction, below_confidence: float) -> list[Flagged]:
    """Every cell and printed total read again, derived, doubtful or unread, table by table (declared tables,
    then every other table read from an OCR'd page)."""
    flagged = []
    for table in extraction.tables.values():
        for row in table.rows:
            key = row.kommunekode if table.key == "kommunekode" else row.region
            name = f"{row.kommunekode} {row.kommune}" if row.kommunekode else row.region
            for column, cell in row.cells.items():
                if why := _why(cell, below_confidence):
                    flagged.append(_flag(table, name, column, key, cell, why))
        for total in table.totals:
            if why := _why(total, below_confidence):
                flagged.append(_flag(table, f"{total.group} (printed total)", total.column, None, total, why))
    for other in extraction.others:  # an undeclared table's figures on an OCR'd page
        for origin in other.origins:
            cell = origin.cell
            if why := _why(cell, below_confidence):
                name = table_name(other)
                flagged.append(
                    Flagged(
                        name,
                        origin.label,
                        origin.column,
                        None,
                        cell.value,
                        cell.text,
                        cell.how,
                        cell.confidence,
                        cell.page,
                        why,
                        cell.box,
                    )
                )
    return flagged


def _why(cell: Cell | PrintedTotal, below: float) -> str:
    if cell.how == "re-ocr":
        return "read again from the page image"
    if cell.how == "derived":
        return "derived from the printed total"
    if cell.value is None and cell.box is not None:
        return "could not be read"
    if cell.how == "ocr" and cell.confidence is not None and cell.confidence < below:
        return f"doubtful: OCR confidence {cell.confidence:.2f}"
    return ""


def _flag(table: ExtractedTable, row: str, column: str, key, cell: Cell | PrintedTotal, why: str) -> Flagged:
    first = cell.text if isinstance(cell, Cell) else None
    return Flagged(table.name, row, column, key, cell.value, first, cell.how, cell.confidence, cell.page, why, cell.box)


def finding_places(findings: list[Finding], extraction: Extraction) -> list[tuple[int | None, Box | None]]:
    """For each finding, the page and box of the cell or printed total it names ((page, None): no box)."""
    return [_place(finding, extraction.tables.get(finding.table)) for finding in findings]


def _place(finding: Finding, table: ExtractedTable | None) -> tuple[int | None, Box | None]:
    if table is None:
        return finding.page, None
    if finding.kommunekode is not None:
        row = next((r for r in table.rows if r.kommunekode == finding.kommunekode), None)
        cells = [] if row is None else [row.cells[finding.column]] if finding.column else list(row.cells.values())
    else:
        cells = [t for t in table.totals if t.group == finding.kommune and t.column == finding.column]
    placed = next((c for c in cells if c.box is not None), None)
    return (placed.page, placed.box) if placed else (finding.page, None)


class Cropper:
    """Crops of printed lines, each page opened (or rendered) once."""

    def __init__(self, package: Package, pages: list[PageText]):
        self.package = package
        self.pages = {page.info.index: page for page in pages}
        self.opened: dict[int, tuple[object, float, float]] = {}  # page -> image, pixels per point, skew

    def crop(self, page: int | None, box: Box | None) -> str:
        """The line holding ``box`` on ``page`` as a PNG data: URI, the box outlined; "" if there is no place."""
        if box is None or page not in self.pages:
            return ""
        from PIL import ImageDraw  # lazy: only a report with flagged cells needs it

        image, scale, skew = self._open(page)
        x0, top, x1, bottom = box
        # The same mapping the second look uses (pipeline/second_look/reread.py): points to the image's pixels.
        corners = [((x - skew * y) * scale, (y + skew * x) * scale) for x in (x0, x1) for y in (top, bottom)]
        cell = (
            min(c[0] for c in corners),
            min(c[1] for c in corners),
            max(c[0] for c in corners),
            max(c[1] for c in corners),
        )
        margin = LINE_MARGIN * scale
        line = image.crop((0, max(0, int(cell[1] - margin)), image.width, min(image.height, int(cell[3] + margin) + 1)))
        line = line.convert("RGB")
        offset = max(0, int(cell[1] - margin))
        pad = 2 * scale
        outline = (cell[0] - pad, cell[1] - offset - pad, cell[2] + pad, cell[3] - offset + pad)
        ImageDraw.Draw(line).rectangle(outline, outline=(220, 0, 0), width=max(2, round(scale)))
        if line.width > MAX_WIDTH:
            line = line.resize((MAX_WIDTH, max(1, round(line.height * MAX_WIDTH / line.width))))
        buffer = io.BytesIO()
        line.save(buffer, format="PNG")  # optimize=True: 20% smaller, four times slower
        return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")

    def _open(self, index: int) -> tuple:
        if index not in self.opened:
            page = self.pages[index]
            if page.image is not None and Path(page.image).exists():
                from PIL import Image

                with Image.open(page.image) as image:
                    self.opened[index] = (image.convert("L"), 1 / page.points_per_pixel, page.skew)
            else:
                self.opened[index] = (self._render(page), RENDER_SCALE, 0.0)
        return self.opened[index]

    def _render(self, page: PageText):
        import pypdfium2  # lazy

        pdf_path = next(p for p in self.package.pdfs if p.name == page.info.pdf)
        pdf = pypdfium2.PdfDocument(str(pdf_path))
        try:
            image = pdf[page.info.number - 1].render(scale=RENDER_SCALE, grayscale=True).to_pil().convert("L")
            # a page read in its text's frame (pipeline.text.frame): turned the same way, so boxes fit
            return image.rotate(-90 * page.turn, expand=True) if page.turn else image
        finally:
            pdf.close()
