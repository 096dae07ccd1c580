"""Ruling lines are whitened in the image Tesseract reads; figures, even touching a rule, are not."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from pipeline.ocr.rules import cleaned_for_ocr


def page_with_a_ruled_cell() -> Image.Image:
    image = Image.new("L", (600, 300), 255)
    draw = ImageDraw.Draw(image)
    draw.rectangle((50, 50, 550, 250), outline=0, width=2)  # the cell's rules
    draw.line((300, 50, 300, 250), fill=0, width=2)
    draw.rectangle((400, 200, 406, 250), fill=0)  # a stroke standing on the bottom rule, like a figure's foot
    draw.rectangle((100, 120, 140, 160), fill=0)  # a blot of ink inside the cell: no rule
    image.info["dpi"] = (300, 300)
    return image


def test_rules_are_whitened_and_ink_that_is_no_rule_stays():
    cleaned = np.asarray(cleaned_for_ocr(page_with_a_ruled_cell()))
    assert cleaned[50:52, 60:290].min() > 200  # top rule gone
    assert cleaned[60:240, 300].min() > 200  # middle rule gone
    assert cleaned[120:160, 100:140].max() < 50  # the blot stays
    assert cleaned[200:250, 401:405].max() < 50  # the stroke stays, down to the rule it stands on


def test_a_page_without_rules_is_handed_back_untouched():
    image = Image.new("L", (300, 300), 255)
    ImageDraw.Draw(image).rectangle((100, 100, 130, 130), fill=0)
    image.info["dpi"] = (300, 300)
    assert cleaned_for_ocr(image) is image


def test_a_200_dpi_scan_of_serif_text_loses_its_rules_and_nothing_else(tmp_path):
    """At half resolution the serifs along a line of Times join into a 'rule'; whitened, ``m`` read as ``nn``."""
    import pdfplumber
    import pypdfium2

    from pipeline.fixtures.sample import SampleOptions, build_sample
    from pipeline.fixtures.scan import ScanOptions, scan_pdf

    dpi, scale = 200, 200 / 72
    clean = build_sample(tmp_path / "ruled.pdf", options=SampleOptions(font="Times-Roman", ruled=True))
    # No specks: they go too (pipeline/ocr/specks.py, tests/ocr/test_specks.py); here only the rules may.
    scan = scan_pdf(clean, tmp_path / "scan" / "ruled.pdf", ScanOptions(dpi=dpi, skew_degrees=0.0, seed=3, specks=0))
    document = pypdfium2.PdfDocument(scan)
    image = document[0].render(scale=scale, grayscale=True).to_pil().convert("L")
    document.close()
    image.info["dpi"] = (dpi, dpi)
    changed = np.asarray(cleaned_for_ocr(image)) != np.asarray(image)
    near_a_rule = np.zeros_like(changed)
    with pdfplumber.open(clean) as pdf:
        for edge in pdf.pages[0].edges:  # every ruling line the born-digital page draws
            top, bottom = int(edge["top"] * scale) - 3, int(edge["bottom"] * scale) + 4
            near_a_rule[max(0, top) : bottom, max(0, int(edge["x0"] * scale) - 3) : int(edge["x1"] * scale) + 4] = True
    assert changed[near_a_rule].sum() > 1000  # the table's rules went
    assert changed[~near_a_rule].sum() == 0  # the text kept every pixel


def test_a_page_with_rules_in_one_direction_only():
    for horizontal in (True, False):
        image = Image.new("L", (600, 600), 255)
        line = (50, 300, 550, 301) if horizontal else (300, 50, 301, 550)
        ImageDraw.Draw(image).rectangle(line, fill=0)
        image.info["dpi"] = (300, 300)
        assert np.asarray(cleaned_for_ocr(image)).min() > 200
