"""OCR stage: Danish OCR (Tesseract ``-l dan`` through OCRmyPDF) of the pages triage chose.

OCRmyPDF rasterises the chosen pages and runs Tesseract on them; we read the words,
their boxes and confidences from Tesseract's own hOCR (re-extracting the OCR'd PDF
splits words), then let OCRmyPDF render the searchable PDF from the same hOCR, so
the OCR runs once. Small skews are corrected from Tesseract's baselines rather than by
OCRmyPDF's deskew, which costs more than a second per page.
"""

from __future__ import annotations

import logging
import re
import sys
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path

from pipeline.config import settings_from
from pipeline.danish import Repairer
from pipeline.errors import InputError, MissingToolError
from pipeline.models import Package, PageInfo, PageText, Word
from pipeline.repair import danish_quality
from pipeline.text import group_lines

BBOX = re.compile(r"bbox (\d+) (\d+) (\d+) (\d+)")
BASELINE = re.compile(r"baseline (-?[\d.]+) (-?[\d.]+)")
X_SIZE = re.compile(r"x_size ([\d.]+)")
CONFIDENCE = re.compile(r"x_wconf (\d+)")
IMAGE = re.compile(r'image "([^"]+)"')


@dataclass(frozen=True)
class OcrSettings:
    language: str = "dan"
    jobs: int = 0  # 0: every core
    rotate_pages: bool = False  # OSD per page; retried on pages whose OCR reads badly
    line_tolerance: float = 3.0  # points
    timeout: float = 180.0  # seconds per page
    pagesegmode: int = 6  # Tesseract --psm
    oversample: int = 0  # dpi: scans below it are enlarged before OCR (0: read at the scan's own)
    remove_rules: bool = True  # whiten ruling lines in the image Tesseract reads (pipeline.ocr_rules)
    keep_layer_quality: float = 0.95  # an OCR layer at least this Danish is kept, not re-OCR'd

    @classmethod
    def from_config(cls, config: dict) -> OcrSettings:
        return settings_from(cls, config)


@dataclass
class Recognition:
    pages: list[PageText]
    searchable: list[Path]  # the searchable PDFs made (image + Danish text layer)


def recognise(
    package: Package, pages: list[PageText], repairer: Repairer, settings: OcrSettings, workdir: Path
) -> Recognition:
    """OCR stage entry: every page gets the better of its text layer and a Danish OCR.

    Born-digital pages are kept. Pages without text are OCR'd. A page whose text lies
    over a scan is OCR'd again unless its layer already reads as sound Danish; the new
    words replace the layer unless they read worse (measured: Danish re-OCR beats the
    repair of an English layer on every page of the scanned fixtures).
    """
    for page in pages:
        if page.triage != "born-digital":
            page.quality = danish_quality(page.line_texts(), repairer)
    chosen = {id(page): page for page in pages}
    searchable: list[Path] = []
    for pdf in package.pdfs:
        todo = [p for p in pages if p.info.pdf == pdf.name and _needs_ocr(p, settings)]
        if not todo:
            continue
        folder = workdir / f"ocr-{len(searchable) + 1:03d}"
        for old, new in zip(todo, ocr_pdf(pdf, [p.info for p in todo], folder, settings)):
            new.triage, new.quality = old.triage, danish_quality(new.line_texts(), repairer)
            chosen[id(old)] = _better(old, new)
        searchable.append(searchable_pdf(folder, workdir / "searchable" / pdf.name, pdf))
    return Recognition([chosen[id(page)] for page in pages], searchable)


def _needs_ocr(page: PageText, settings: OcrSettings) -> bool:
    if page.triage == "born-digital":
        return False
    if page.triage == "ocr-layer":
        return page.quality is None or page.quality < settings.keep_layer_quality
    return True


def _better(layer: PageText, ocr: PageText) -> PageText:
    if layer.source != "text-layer" or not layer.lines:
        ocr.note = "OCR (no text layer)"
        return ocr
    old, new = layer.quality or 0.0, ocr.quality or 0.0
    if new >= old:
        ocr.note = f"Danish re-OCR (quality {new:.3f}) over the OCR layer ({old:.3f})"
        return ocr
    layer.note = f"OCR layer kept (quality {old:.3f}): the Danish re-OCR read worse ({new:.3f})"
    return layer


def ocr_pdf(pdf: Path, pages: list[PageInfo], workdir: Path, settings: OcrSettings) -> list[PageText]:
    """OCR ``pages`` (all of one PDF); their words, in page points, grouped into lines."""
    if not pages:
        return []
    # Force mode replaces an old OCR layer (and re-encodes the page image shown); a PDF whose
    # chosen pages have no text keeps its scan as it is, byte for byte.
    mode = "force" if any(p.chars for p in pages) else "default"
    hocr_dir = _hocr_by_ocrmypdf(pdf, [p.number for p in pages], workdir, settings, mode)
    return [read_hocr(hocr_dir / f"{p.number:06d}_ocr_hocr.hocr", p, settings.line_tolerance) for p in pages]


def _hocr_by_ocrmypdf(pdf: Path, numbers: list[int], workdir: Path, settings: OcrSettings, mode: str) -> Path:
    import ocrmypdf  # lazy: heavy import
    from ocrmypdf.api import _pdf_to_hocr

    workdir.mkdir(parents=True, exist_ok=True)
    logging.getLogger("ocrmypdf").setLevel(logging.ERROR)
    try:
        _pdf_to_hocr(
            pdf,
            workdir,
            language=[settings.language],
            mode=mode,
            pages=",".join(str(n) for n in numbers),
            rotate_pages=settings.rotate_pages,
            jobs=settings.jobs or None,
            tesseract_timeout=settings.timeout,
            tesseract_pagesegmode=settings.pagesegmode,
            oversample=settings.oversample or None,
            plugins=["pipeline.ocr_raster"] + (["pipeline.ocr_rules"] if settings.remove_rules else []),
            progress_bar=False,
        )
    except ocrmypdf.exceptions.MissingDependencyError as error:
        raise MissingToolError(f"OCR needs Tesseract with the Danish model (tesseract-ocr-dan): {error}") from None
    except ocrmypdf.exceptions.ExitCodeException as error:
        raise InputError(f"{pdf.name}: OCR failed: {type(error).__name__}: {error}") from None
    return workdir


def searchable_pdf(workdir: Path, target: Path, source: Path | None = None) -> Path:
    """The searchable PDF (image + Danish text layer) from the hOCR already made."""
    from ocrmypdf.api import _hocr_to_ocr_pdf

    target.parent.mkdir(parents=True, exist_ok=True)
    # One worker: with several, the shared font subset takes glyphs in the order pages finish.
    # OCRmyPDF 17 leaves sys.stderr pointing at a StringIO of its own here: the progress display and
    # every line printed after it would vanish (a scanned package on a terminal showed no results).
    streams = sys.stdout, sys.stderr
    try:
        _hocr_to_ocr_pdf(workdir, target, optimize=0, output_type="pdf", progress_bar=False, jobs=1)
    finally:
        sys.stdout, sys.stderr = streams
    _reproducible(target, source)
    return target


def _reproducible(target: Path, source: Path | None) -> None:
    """The same scan gives the same bytes: the source's dates instead of today's, and an /ID from the content.

    OCRmyPDF stamps the time of the run and a random /ID; then every run would
    republish a different file and outputs could not be compared byte for byte.
    """
    import pikepdf

    dates = {}
    if source is not None:
        with pikepdf.open(source) as original:
            dates = {key: original.docinfo[key] for key in ("/CreationDate", "/ModDate") if key in original.docinfo}
    with pikepdf.open(target, allow_overwriting_input=True) as pdf:
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as xmp:
            for key in ("xmp:CreateDate", "xmp:ModifyDate", "xmp:MetadataDate"):
                if key in xmp:
                    del xmp[key]
        for number, page in enumerate(pdf.pages, start=1):
            _rename_ocr_layers(page, number)
        for key in ("/CreationDate", "/ModDate"):
            if key in dates:
                pdf.docinfo[key] = dates[key]
            elif key in pdf.docinfo:
                del pdf.docinfo[key]
        pdf.save(target, deterministic_id=True)


OCR_LAYER = re.compile(rb"/OCR-[A-Za-z0-9_-]+")


def _rename_ocr_layers(page, number: int) -> None:
    """OCRmyPDF names each page's text layer at random (``/OCR-x2w5zf3Z...``): name it by page instead."""
    xobjects = page.obj.get("/Resources", {}).get("/XObject")
    if xobjects is None or not any(str(key).startswith("/OCR-") for key in xobjects.keys()):
        return
    page.contents_coalesce()
    content = page.obj.Contents.read_bytes()
    renames: dict[bytes, bytes] = {}
    for match in OCR_LAYER.finditer(content):  # in the order drawn, so the new names do not depend on chance
        if match.group() not in renames and match.group().decode() in xobjects:
            renames[match.group()] = f"/OCR-page{number}-{len(renames) + 1}".encode()
    for old, new in renames.items():
        xobjects[new.decode()] = xobjects[old.decode()]
        del xobjects[old.decode()]
    page.obj.Contents.write(OCR_LAYER.sub(lambda m: renames.get(m.group(), m.group()), content))


def read_hocr(path: Path, info: PageInfo, tolerance: float = 3.0) -> PageText:
    """Tesseract's words of one page, deskewed and scaled to PDF points.

    Each word gets its line's baseline and x-height as its vertical extent, so the words
    of a table row, which Tesseract may put in different blocks, line up again.
    """
    root = ElementTree.parse(path).getroot()
    page = next(e for e in root.iter() if e.get("class") == "ocr_page")
    page_box = [int(v) for v in BBOX.search(page.get("title", "")).groups()]
    image = IMAGE.search(page.get("title", ""))
    scale = info.width / max(page_box[2], 1)  # points per pixel
    lines = [e for e in root.iter() if e.get("class") == "ocr_line" or e.get("class") == "ocr_header"]
    slopes = [float(m.group(1)) for e in lines if (m := BASELINE.search(e.get("title", "")))]
    skew = sorted(slopes)[len(slopes) // 2] if slopes else 0.0
    words: list[Word] = []
    for line in lines:
        title = line.get("title", "")
        x0, _, _, y1 = (int(v) for v in BBOX.search(title).groups())
        base = BASELINE.search(title)
        slope, offset = (float(base.group(1)), float(base.group(2))) if base else (skew, 0.0)
        size = float(m.group(1)) if (m := X_SIZE.search(title)) else 30.0
        for element in line.iter():
            if element.get("class") != "ocrx_word":
                continue
            text = "".join(element.itertext()).strip()
            if not text:
                continue
            wtitle = element.get("title", "")
            wx0, _, wx1, _ = (int(v) for v in BBOX.search(wtitle).groups())
            middle = (wx0 + wx1) / 2
            baseline = y1 + offset + slope * (middle - x0)
            # Undo the page's rotation (small angle): the baseline and x as if the page were straight.
            level = baseline - skew * middle
            shift = skew * baseline
            conf = CONFIDENCE.search(wtitle)
            words.append(
                Word(
                    text=text,
                    x0=(wx0 + shift) * scale,
                    x1=(wx1 + shift) * scale,
                    top=(level - size) * scale,
                    bottom=level * scale,
                    confidence=int(conf.group(1)) / 100 if conf else None,
                )
            )
    image_path = Path(image.group(1)) if image else None
    return PageText(
        info=info,
        lines=group_lines(words, tolerance),
        source="ocr",
        image=image_path,
        skew=skew,
        points_per_pixel=scale,
    )
