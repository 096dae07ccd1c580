"""Pages fed sideways or upside down that the look before the OCR missed (``turned``): found among
the pages that read as noise, and read upright.

Tesseract's orientation detection (OSD) costs 0.6 CPU-s a page and OCRmyPDF only
trusts it above a confidence of 14; a sideways table page may get 7 (the real Ballerup
scan). So it is asked only about pages whose first reading is noise (``legibility``),
the page is then read turned as OSD says, whatever its confidence, and the turned
reading is kept only if it reads better. Upright pages cost nothing but the score.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass, replace
from pathlib import Path

from pipeline.base.models import PageText

DEGREES = re.compile(r"Orientation in degrees: (\d+)")
CONFIDENCE = re.compile(r"Orientation confidence: ([\d.]+)")


@dataclass(frozen=True)
class Orientation:
    correction: int  # degrees counter-clockwise that make the page upright (OCRmyPDF's convention)
    confidence: float  # Tesseract's OSD confidence; 0 when it could not tell


def detect(image: Path, timeout: float) -> Orientation:
    """Tesseract's OSD of a page image; 0 degrees when it cannot tell (too little text)."""
    try:
        done = subprocess.run(
            ["tesseract", str(image), "stdout", "-l", "osd", "--psm", "0"],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return Orientation(0, 0.0)
    degrees, confidence = DEGREES.search(done.stdout), CONFIDENCE.search(done.stdout)
    if degrees is None:
        return Orientation(0, 0.0)
    return Orientation(int(degrees.group(1)) % 360, float(confidence.group(1)) if confidence else 0.0)


def turned_copy(pdf: Path, corrections: dict[int, int], target: Path) -> Path:
    """A copy of ``pdf`` whose pages (by number) are shown turned upright by their /Rotate."""
    import pikepdf

    target.parent.mkdir(parents=True, exist_ok=True)
    with pikepdf.open(pdf) as document:
        for number, correction in corrections.items():
            page = document.pages[number - 1]
            page.Rotate = (int(page.obj.get("/Rotate", 0)) - correction) % 360
        document.save(target)
    return target


def upright_info(page: PageText, correction: int) -> PageText:
    """The page's description as it stands once turned (width and height swap at 90 and 270)."""
    if correction % 180 == 0:
        return page
    info = replace(page.info, width=page.info.height, height=page.info.width)
    return replace(page, info=info)


def adopt(turned: Path, folder: Path, number: int, correction: int) -> None:
    """Make the turned reading of a page the one OCRmyPDF grafts into the searchable PDF.

    The page is grafted from ``folder`` (whose origin is the PDF as given): its hOCR is
    replaced and it is told the page was turned, as OCRmyPDF's own rotation would, so the
    searchable PDF shows the page upright with the text layer over it.
    """
    stem = f"{number:06d}"
    shutil.copyfile(turned / f"{stem}_ocr_hocr.hocr", folder / f"{stem}_ocr_hocr.hocr")
    result = json.loads((turned / f"{stem}_hocr.json").read_text())
    result["orientation_correction"] = correction
    (folder / f"{stem}_hocr.json").write_text(json.dumps(result))
