"""Tesseract's hOCR of one page read as words in PDF points, deskewed."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from pipeline.base.models import PageInfo, PageText, Word
from pipeline.text import group_lines

BBOX = re.compile(r"bbox (\d+) (\d+) (\d+) (\d+)")
BASELINE = re.compile(r"baseline (-?[\d.]+) (-?[\d.]+)")
X_SIZE = re.compile(r"x_size ([\d.]+)")
CONFIDENCE = re.compile(r"x_wconf (\d+)")
IMAGE = re.compile(r'image "([^"]+)"')


# OCRmyPDF writes an empty hOCR for a page Tesseract did not finish (past the timeout) or refused
NOT_READ = "not read: Tesseract took longer than its timeout (timeout in ocr.yaml) or refused the image as too large"


def read_hocr(path: Path, info: PageInfo, tolerance: float = 3.0) -> PageText:
    """Tesseract's words of one page, deskewed and scaled to PDF points.

    Each word gets its line's baseline and x-height as its vertical extent, so the words
    of a table row, which Tesseract may put in different blocks, line up again. A page
    Tesseract did not read has no words, and its note says so (``NOT_READ``).
    """
    if path.stat().st_size == 0:
        return PageText(info=info, lines=[], source="ocr", note=NOT_READ)
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
