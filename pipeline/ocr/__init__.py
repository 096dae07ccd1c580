"""OCR stage: Danish OCR (Tesseract ``-l dan`` through OCRmyPDF) of the pages triage chose.

OCRmyPDF rasterises the chosen pages and runs Tesseract on them; we read the words,
their boxes and confidences from Tesseract's own hOCR (re-extracting the OCR'd PDF
splits words), then let OCRmyPDF render the searchable PDF from the same hOCR, so
the OCR runs once. Small skews are corrected from Tesseract's baselines rather than by
OCRmyPDF's deskew, which costs more than a second per page. A page that looks turned is
turned before its OCR (``turned``); a page that reads as noise is checked for being turned
(``orientation``) and, if it stays noise, reported (``legibility``).
"""

from __future__ import annotations

import os
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.base.context import PackageContext
from pipeline.base.models import Finding, Package, PageText
from pipeline.base.settings import OcrSettings
from pipeline.danish.repair import danish_quality, load_repairer
from pipeline.danish.repairer import Repairer
from pipeline.ocr.hocr import NOT_READ, read_hocr
from pipeline.ocr.language import own_language
from pipeline.ocr.legibility import legibility
from pipeline.ocr.orientation import adopt, detect, turned_copy, upright_info
from pipeline.ocr.pictures import NOT_TEXT, why_not_text
from pipeline.ocr.reading import hocr_by_ocrmypdf, mode, ocr_pdf, turned_by_ocrmypdf
from pipeline.ocr.searchable import searchable_pdf
from pipeline.ocr.straight import straightened
from pipeline.ocr.turned import suspected
from pipeline.text.running import running_lines

__all__ = ["OcrSettings", "Recognition", "read_hocr", "recognise", "searchable_pdf"]


@dataclass
class Recognition:
    pages: list[PageText]
    searchable: list[Path]  # the searchable PDFs made (image + Danish text layer)
    findings: list[Finding] = field(default_factory=list)  # pages not read, or that read as noise
    # each searchable PDF as the tables read it: its OCR'd pages as bilag's straight words (``ocr.straight``)
    for_tables: list[Path] = field(default_factory=list)


def recognise(
    package: Package, pages: list[PageText], repairer: Repairer, settings: OcrSettings, workdir: Path
) -> Recognition:
    """OCR stage entry: every page gets the better of its text layer and a Danish OCR.

    Born-digital pages are kept. Pages without text are OCR'd. A page whose text lies
    over a scan is OCR'd again unless its layer already reads as sound Danish, or as sound
    text in its own language (``pipeline.ocr.language``: an English, a Hebrew layer); the new
    words replace the layer unless they read worse (measured: Danish re-OCR beats the
    repair of an English layer on every page of the scanned fixtures). A page that looks
    turned is turned before its OCR where Tesseract finds it turned (``turned``). A page whose
    reading is noise is read again turned, if Tesseract finds it turned; if it is noise
    still, it is reported.
    """
    for page in pages:
        if page.triage != "born-digital":
            _score(page, repairer)
        if page.triage == "ocr-layer":
            _judge_in_own_language(page)
    chosen = {id(page): page for page in pages}
    searchable: list[Path] = []
    for_tables: list[Path] = []
    not_read: list[Finding] = []
    for pdf in package.pdfs:
        todo = [p for p in pages if p.info.pdf == pdf.name and _needs_ocr(p, settings)]
        if not todo:
            continue
        folder = workdir / f"ocr-{len(searchable) + 1:03d}"
        numbers = [p.info.number for p in todo]
        suspects = {} if settings.rotate_pages else suspected(pdf, numbers)
        read = ocr_pdf(pdf, [p.info for p in todo], folder, settings, suspects)
        not_read += [_not_read(page) for page in read if page.note == NOT_READ]
        for new in read:
            _score(new, repairer)
        turned = {n for n in suspects if turned_by_ocrmypdf(folder, n)}
        read = upright(pdf, read, folder, settings, repairer, turned)
        for old, new in zip(todo, read):
            new.triage = old.triage
            chosen[id(old)] = _better(old, new)
        searchable.append(searchable_pdf(folder, workdir / "searchable" / pdf.name, pdf))
        straight = straightened(searchable[-1], [chosen[id(page)] for page in todo], workdir / "straight" / pdf.name)
        for_tables.append(straight)
    result = [chosen[id(page)] for page in pages]
    _mark_running(package, result)
    pdfs = {pdf.name: pdf for pdf in package.pdfs}
    noise = [f for page in result if (f := _noise(page, settings, repairer, pdfs.get(page.info.pdf))) is not None]
    return Recognition(result, searchable, not_read + noise, for_tables)


def _mark_running(package: Package, pages: list[PageText]) -> None:
    """Each scanned page's running header and footer (born-digital ones were marked by the text stage)."""
    for pdf in package.pdfs:
        scanned = [p for p in pages if p.info.pdf == pdf.name and p.triage != "born-digital"]
        for page, margins in zip(scanned, running_lines([(p.info.height, p.lines) for p in scanned], scanned=True)):
            page.running = margins


def _not_read(page: PageText) -> Finding:
    where = f"page {page.info.index} ({page.info.pdf}, page {page.info.number})"
    return Finding("page-not-read", "", f"{where} was {NOT_READ}; no table may rely on it", page=page.info.index)


def _score(page: PageText, repairer: Repairer) -> None:
    page.quality = danish_quality(page.line_texts(), repairer)
    page.legibility = legibility(page, repairer)


def _judge_in_own_language(page: PageText) -> None:
    """A text layer in another language than Danish that reads as sound text in it is kept as it is:
    its legibility is the share of its words that are words of its language."""
    own = own_language(page.line_texts())
    if own is None:
        return
    page.language, page.legibility = own.code, own.sound
    page.note = f"text layer kept: it reads as {own.name} ({own.sound:.0%} of its words are {own.name} words)"


def _noise(
    page: PageText, settings: OcrSettings, repairer: Repairer | None = None, pdf: Path | None = None
) -> Finding | None:
    """A finding for a page that reads as noise even after the orientation check; its note says so too.

    A page that reads as noise because it is a picture (a photograph, a chart) or blank is no
    problem: its note in pages.csv says what it holds, and the report lists it as a note.
    """
    if page.triage == "born-digital" or page.legibility is None or page.legibility >= settings.noise_below:
        return None
    why = f"{page.legibility:.0%} of its characters read as words or figures (below {settings.noise_below:.0%})"
    if repairer and pdf and (holds := why_not_text(page, pdf, repairer, settings.noise_below)):
        page.note = f"{NOT_TEXT}{holds}; read as noise (legibility {page.legibility})" + (
            f"; {page.note}" if page.note else ""
        )
        return None
    page.note = f"reads as noise: {why}" + (f"; {page.note}" if page.note else "")
    return Finding(
        "page-illegible",
        "",
        f"page {page.info.index} ({page.info.pdf}, page {page.info.number}) reads as noise: {why}; "
        "its words may be wrong and no table may rely on them",
        page=page.info.index,
    )


def upright(
    pdf: Path,
    pages: list[PageText],
    folder: Path,
    settings: OcrSettings,
    repairer: Repairer,
    turned_before: set[int] | frozenset[int] = frozenset(),
) -> list[PageText]:
    """The pages, those that read as noise read again upright where Tesseract's OSD finds them turned
    (a page upside down, or sideways but not suspected; not one turned before its OCR: ``turned_before``)."""
    from concurrent.futures import ThreadPoolExecutor

    noisy = [p for p in pages if p.legibility is not None and p.legibility < settings.noise_below and p.image]
    # A page turned before its OCR had its OSD (its words are in another frame than the PDF's page).
    noisy = [p for p in noisy if p.info.number not in turned_before]
    # A blank page or a picture reads as noise whichever way up it is: not worth an OSD and a second OCR.
    noisy = [p for p in noisy if why_not_text(p, pdf, repairer, settings.noise_below) is None]
    # One Tesseract OSD per page (a second or more at 300 dpi), on every core.
    with ThreadPoolExecutor(max_workers=settings.jobs or os.cpu_count() or 1) as pool:
        found = list(pool.map(lambda page: _detect(page.image, settings), noisy))
    corrections = {p.info.number: o.correction for p, o in zip(noisy, found) if o.correction}
    if not corrections:
        return pages
    turned = folder.parent / f"{folder.name}-turned"
    copy = turned_copy(pdf, corrections, turned / "origin" / pdf.name)
    hocr_by_ocrmypdf(copy, sorted(corrections), turned, settings, mode([p.info for p in pages]))
    result = []
    for page in pages:
        correction = corrections.get(page.info.number)
        if correction is None:
            result.append(page)
            continue
        info = upright_info(page, correction).info
        again = read_hocr(turned / f"{page.info.number:06d}_ocr_hocr.hocr", info, settings.line_tolerance)
        _score(again, repairer)
        if (again.legibility or 0.0) <= (page.legibility or 0.0):
            page.note = f"turned {correction} degrees it read no better ({again.legibility})"
            result.append(page)
            continue
        adopt(turned, folder, page.info.number, correction)
        again.note = f"turned upright ({correction} degrees counter-clockwise; legibility {page.legibility} before)"
        result.append(again)
    return result


def _detect(image: Path, settings: OcrSettings):
    with settings.slots.held() if settings.slots else nullcontext():
        return detect(image, settings.timeout)


def _needs_ocr(page: PageText, settings: OcrSettings) -> bool:
    if page.triage == "born-digital":
        return False
    if page.triage == "ocr-layer":
        return not page.language and (page.quality is None or page.quality < settings.keep_layer_quality)
    return True


def _better(layer: PageText, ocr: PageText) -> PageText:
    turned = f"; {ocr.note}" if ocr.note else ""
    if layer.source != "text-layer" or not layer.lines:
        ocr.note = "OCR (no text layer)" + turned
        return ocr
    old, new = layer.quality or 0.0, ocr.quality or 0.0
    if new >= old:
        ocr.note = f"Danish re-OCR (quality {new:.3f}) over the OCR layer ({old:.3f})" + turned
        return ocr
    layer.note = f"OCR layer kept (quality {old:.3f}): the Danish re-OCR read worse ({new:.3f})"
    return layer


def read_scans(context: PackageContext, pages: list[PageText]) -> Recognition:
    """OCR stage entry: scans and poor OCR layers read by Tesseract in Danish, in the package's work folder."""
    settings = context.settings
    return recognise(context.package, pages, load_repairer(settings), settings.ocr, context.workdir)
