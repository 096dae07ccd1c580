"""Ruling lines are whitened in the image Tesseract reads; figures, even touching a rule, are not."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from pipeline.ocr_rules import remove_rules


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
    cleaned = np.asarray(remove_rules(page_with_a_ruled_cell()))
    assert cleaned[50:52, 60:290].min() > 200  # top rule gone
    assert cleaned[60:240, 300].min() > 200  # middle rule gone
    assert cleaned[120:160, 100:140].max() < 50  # the blot stays
    assert cleaned[200:250, 401:405].max() < 50  # the stroke stays, down to the rule it stands on


def test_a_page_without_rules_is_handed_back_untouched():
    image = Image.new("L", (300, 300), 255)
    ImageDraw.Draw(image).rectangle((100, 100, 130, 130), fill=0)
    image.info["dpi"] = (300, 300)
    assert remove_rules(image) is image
