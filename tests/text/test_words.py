"""Words from glyphs: text turned to run up or down reads forwards; glyphs drawn twice count once.

Both were measured on ICDAR-2013's government PDFs against pdftotext: a y-axis label
came out as `noitalupop`, a fake-bold heading as `HHIIGGHHLLIIGGHHTTSS`.
"""

from __future__ import annotations

import pdfplumber
import pytest
from reportlab.pdfgen import canvas

from pipeline.text.words import page_words


def words_of(pdf) -> list[str]:
    with pdfplumber.open(pdf) as document:
        return [word.text for word in page_words(document.pages[0])]


@pytest.mark.parametrize("angle", [90, -90, 180], ids=["up", "down", "upside-down"])
def test_turned_text_reads_forwards(angle, tmp_path):
    pdf = canvas.Canvas(str(tmp_path / "akse.pdf"))
    pdf.drawString(200, 700, "Udgifter i alt")
    pdf.saveState()
    pdf.translate(100, 400)
    pdf.rotate(angle)
    pdf.drawString(0, 0, "Befolkning pr. kommune")
    pdf.drawString(0, -14, "Antal borgere")
    pdf.restoreState()
    pdf.save()
    assert words_of(tmp_path / "akse.pdf") == [
        "Udgifter",
        "i",
        "alt",
        "Befolkning",
        "pr.",
        "kommune",
        "Antal",
        "borgere",
    ]


def test_a_heading_drawn_twice_for_a_bold_look_reads_once(tmp_path):
    pdf = canvas.Canvas(str(tmp_path / "fed.pdf"))
    for offset in (0, 0.4):  # the second copy a fraction of a point to the right
        pdf.drawString(72 + offset, 700, "Tilladelse til Allerød Hallen")
    pdf.drawString(72, 680, "Allé 11, Ølstykke")
    pdf.save()
    assert words_of(tmp_path / "fed.pdf") == ["Tilladelse", "til", "Allerød", "Hallen", "Allé", "11,", "Ølstykke"]


def test_letters_repeated_in_a_word_are_kept_in_small_print(tmp_path):
    # "ll" at 4 points: the second l is a whole (narrow) advance away, not a copy
    pdf = canvas.Canvas(str(tmp_path / "lille.pdf"))
    pdf.setFont("Helvetica", 4)
    pdf.drawString(72, 700, "Allerød alle illustrationer")
    pdf.drawString(72, 700.2, "Allerød alle illustrationer")  # and drawn twice, too
    pdf.save()
    assert words_of(tmp_path / "lille.pdf") == ["Allerød", "alle", "illustrationer"]
