"""Specks of a scan are whitened in the image Tesseract reads; glyphs, thousands dots and dashes are kept."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from pipeline.ocr.specks import remove_specks


def page(dpi: int = 200) -> tuple[np.ndarray, tuple[int, int, int, int]]:
    """A line of figures ("52.939  -") and specks of 1-3 pixels well away from it."""
    image = Image.new("L", (900, 300), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=round(9.5 * dpi / 72))
    draw.text((100, 120), "52.939   -   1.067", fill=0, font=font)
    box = draw.textbbox((100, 120), "52.939   -   1.067", font=font)
    for x, y, size in ((50, 40, 1), (400, 50, 2), (700, 250, 3), (820, 130, 3)):
        draw.rectangle((x, y, x + size - 1, y + size - 1), fill=20)
    return np.asarray(image), box


def test_specks_away_from_text_go_and_the_text_keeps_every_pixel():
    grey, (x0, top, x1, bottom) = page()
    clean = remove_specks(grey, 200)
    assert clean is not None
    text = np.zeros(grey.shape, dtype=bool)
    text[top - 2 : bottom + 2, x0 - 2 : x1 + 2] = True
    assert (clean[text] == grey[text]).all()  # the figures, their thousands dots and the dash
    assert clean[~text].min() == 255  # every speck gone


def test_a_clean_page_is_left_as_it_is():
    grey, _ = page()
    text_only = np.where(grey < 255, grey, 255)
    text_only[:100] = 255
    text_only[200:] = 255
    text_only[:, 800:] = 255
    assert remove_specks(text_only, 200) is None
