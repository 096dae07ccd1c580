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


def test_a_text_box_with_a_thick_border_loses_it_and_keeps_the_line_under_it():
    """A 2.3 pt border (8 pixels at 250 dpi) is a rule as drawn; read in ``--psm 6`` with its first line,
    ``"Syddjurs som kulturkommune frem mod 2017`` came out ``Fsyddjirs som kulturkommiine rør med``.
    A band thicker than a rule (a filled bar) stays; a stroke standing on the border stays."""
    from PIL import ImageFont

    image = Image.new("L", (1200, 500), 255)
    draw = ImageDraw.Draw(image)
    draw.rectangle((40, 60, 1160, 440), outline=90, width=8)  # the box, in grey
    draw.text((60, 72), "Syddjurs som kulturkommune frem mod 2017", fill=0, font=ImageFont.load_default(size=32))
    draw.rectangle((600, 20, 606, 68), fill=0)  # a stroke standing on the top border
    draw.rectangle((100, 300, 1000, 330), fill=0)  # a bar 0.12 in high: no rule
    image.info["dpi"] = (250, 250)
    before, after = np.asarray(image), np.asarray(cleaned_for_ocr(image))
    assert after[60:68, 60:590].min() > 200 and after[60:68, 620:1140].min() > 200  # the border went
    assert after[80:440, 40:48].min() > 200  # its sides too
    assert (after[72:120, 60:1100] == before[72:120, 60:1100]).all()  # the line under it kept every pixel
    assert after[20:68, 601:605].max() < 50  # the stroke, down through the border
    assert after[300:331, 100:1000].max() < 50  # the bar


def test_a_speck_beside_a_rule_goes_with_the_rule_and_a_dot_beside_a_figure_stays():
    """A speck near a rule was near a larger blot; once the rule is whitened it stands alone (at 268 dpi, a
    skewed ruled page read as noise with them: ``779 Skive EH ' 44.328``)."""
    image = Image.new("L", (600, 300), 255)
    draw = ImageDraw.Draw(image)
    draw.line((50, 150, 550, 150), fill=0, width=2)  # a rule
    draw.rectangle((200, 153, 201, 154), fill=0)  # a speck just under it, away from any glyph
    draw.rectangle((400, 100, 403, 140), fill=0)  # a figure's stroke ...
    draw.rectangle((406, 137, 407, 138), fill=0)  # ... and a dot beside it (a thousands dot)
    image.info["dpi"] = (268, 268)
    cleaned = np.asarray(cleaned_for_ocr(image))
    assert cleaned[150:152, 60:190].min() > 200  # the rule is gone
    assert cleaned[152:156, 199:203].min() > 200  # and the speck beside it
    assert cleaned[137:139, 406:408].max() < 50  # the dot beside the figure stays
