"""What a page image holds besides text: pictures (photographs, charts) and blank paper.

Tesseract reads a photograph as rows of noise (``SEE SE He``), and the specks of a blank
page too; the legibility score alone would call such a page illegible. The page image
tells them apart from a scan of text that reads as noise. Text on paper has two grey
levels, paper and ink, and the pixels between them are only the edges of strokes: in a
block of about 5 mm of a text page at most a quarter of the pixels are mid-tones (measured:
0.08-0.12 on the real Ballerup scan and the sample, 0.26 at 72 dpi with JPEG q30). Most of
a photograph's blocks, and a chart's filled bars, are more than half mid-tones. A block is
*printed* if some of it is darker than paper; a *picture* block if most of it is mid-tone.
Only the words outside picture blocks are text to read.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from pipeline.base.models import PageText, Word
from pipeline.danish.repairer import Repairer
from pipeline.ocr.legibility import legibility

BLOCK_MM = 5.0  # a block: about a line and a half of body text
MID_TONE = 0.5  # a block with this share of mid-tone pixels is part of a picture
PRINTED = 0.02  # a block with this share of pixels darker than paper has something printed on it
LAYOUT_DPI = 100.0  # enough for 5 mm blocks (20 pixels); a page renders in a few tens of milliseconds


@dataclass(frozen=True)
class Layout:
    """The page image in blocks: which hold anything printed, which a picture."""

    printed: np.ndarray  # bool, one per block
    picture: np.ndarray  # bool, one per block
    block: float  # block size in image pixels
    dpi: float

    @property
    def printed_share(self) -> float:
        """Share of the page with anything printed on it."""
        return float(self.printed.mean()) if self.printed.size else 0.0

    @property
    def picture_share(self) -> float:
        """Share of the printed part of the page that is picture."""
        printed = int(self.printed.sum())
        return float((self.picture & self.printed).sum() / printed) if printed else 0.0

    def in_picture(self, x: float, y: float) -> bool:
        """Whether the image pixel (x, y) lies in a picture block or next to one (its frame, its edge)."""
        row, column = int(y // self.block), int(x // self.block)
        rows, columns = self.picture.shape
        near = self.picture[max(0, row - 1) : min(rows, row + 2), max(0, column - 1) : min(columns, column + 2)]
        return bool(near.any())


def page_layout(pdf: Path, number: int, dpi: float = LAYOUT_DPI) -> Layout:
    """The layout of page ``number`` (from 1) of ``pdf``, rendered as shown.

    Rendered, not the image Tesseract read: that one has its long runs of grey whitened as
    ruling lines (pipeline/ocr/rules.py), which takes most of a photograph away.
    """
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf))
    try:
        image = document[number - 1].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    finally:
        document.close()
    return layout_of(np.asarray(image, dtype=np.float32), dpi)


def layout_of(pixels: np.ndarray, dpi: float) -> Layout:
    """The layout of a greyscale image (0 black, 255 white) at ``dpi``."""
    paper = float(np.percentile(pixels, 99))  # the page's own white: grey paper is still paper
    ink = min(float(np.percentile(pixels, 1)), paper - 60)  # a page without ink still has a scale
    span = paper - ink
    darker = pixels < paper - 0.25 * span  # darker than paper and its noise
    mid_tone = darker & (pixels > ink + 0.25 * span)
    block = max(4.0, BLOCK_MM / 25.4 * dpi)
    return Layout(_blocks(darker, block) >= PRINTED, _blocks(mid_tone, block) >= MID_TONE, block, dpi)


def _blocks(mask: np.ndarray, block: float) -> np.ndarray:
    """Share of True pixels in each block (the last row and column of blocks may be smaller)."""
    size = int(round(block))
    rows, columns = -(-mask.shape[0] // size), -(-mask.shape[1] // size)
    padded = np.zeros((rows * size, columns * size), dtype=np.float32)
    counts = np.zeros_like(padded)
    padded[: mask.shape[0], : mask.shape[1]] = mask
    counts[: mask.shape[0], : mask.shape[1]] = 1
    total = counts.reshape(rows, size, columns, size).sum(axis=(1, 3))
    return padded.reshape(rows, size, columns, size).sum(axis=(1, 3)) / np.maximum(total, 1)


NOT_TEXT = "not text to read: "  # how pages.csv's note of a picture or blank page begins
BLANK = 0.005  # a page with something printed on less than this share of it is blank (a page number, specks)
LITTLE_TEXT = 40  # characters: fewer outside the pictures is a caption at most, nothing to read as text


def why_not_text(page: PageText, pdf: Path, repairer: Repairer, noise_below: float) -> str | None:
    """Why a page of ``pdf`` that reads as noise needs no one (it is blank, or pictures whose text
    around them reads), or None: it is text that reads as noise, a problem."""
    if "turned upright" in page.note:
        return None  # its words are in a turned frame: not mapped onto the page as shown (a finding, as before)
    layout = page_layout(pdf, page.info.number)
    if layout.printed_share < BLANK:
        return f"blank (something printed on {layout.printed_share:.1%} of it: specks, a page number)"
    outside = _outside_pictures(page, layout)
    chars = sum(len(word.text) for line in outside.lines for word in line)
    what = f"a picture (photograph or chart) over {layout.picture_share:.0%} of what is printed on it"
    if chars < LITTLE_TEXT:
        return f"{what}, and {chars} characters of text besides"
    readable = legibility(outside, repairer) or 0.0
    if readable >= noise_below:
        return f"{what}; the text around it reads ({readable:.0%} of its characters in words or figures)"
    return None


def _outside_pictures(page: PageText, layout: Layout) -> PageText:
    """The page with only the words that lie outside its pictures (the OCR's noise inside them dropped)."""
    scale, skew = layout.dpi / 72, page.skew

    def outside(word: Word) -> bool:
        x, y = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
        # points to the image's pixels, as the crops of the report map them (pipeline/publish/evidence.py)
        return not layout.in_picture((x - skew * y) * scale, (y + skew * x) * scale)

    return replace(page, lines=[kept for line in page.lines if (kept := [w for w in line if outside(w)])])
