"""Words from glyphs: text turned to run up or down reads forwards; glyphs drawn twice count once.

Both were measured on ICDAR-2013's government PDFs against pdftotext: a y-axis label
came out as `noitalupop`, a fake-bold heading as `HHIIGGHHLLIIGGHHTTSS`.
"""

from __future__ import annotations

import pdfplumber
import pikepdf
import pytest
from reportlab.pdfgen import canvas

from pipeline.fixtures.cropped import cropped_pdf
from pipeline.intake.ingest import find_packages, ingest
from pipeline.text import extract_text
from pipeline.text.words import page_words


def words_of(pdf) -> list[str]:
    with pdfplumber.open(pdf) as document:
        return [word.text for word in page_words(document.pages[0])[0]]


@pytest.mark.parametrize("angle", [90, -90, 180], ids=["up", "down", "upside-down"])
def test_turned_text_reads_forwards(angle, tmp_path):
    pdf = canvas.Canvas(str(tmp_path / "akse.pdf"))
    pdf.drawString(200, 700, "Udgifter i alt")
    pdf.saveState()
    pdf.translate(300, 400)  # upside down the text runs leftwards: it stays on the page
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


@pytest.mark.parametrize("rotate", [90, 180, 270])
def test_a_page_turned_by_rotate_is_read_in_its_texts_frame(rotate, tmp_path):
    # a landscape table put on a portrait page: the text runs up or down on the page as shown
    pdf = canvas.Canvas(str(tmp_path / "a.pdf"))
    pdf.drawString(72, 700, "Budget for Ballerup Kommune")
    pdf.drawString(72, 680, "Ældre")
    pdf.drawString(300, 680, "1.200")
    pdf.save()
    with pikepdf.open(tmp_path / "a.pdf") as document:
        document.pages[0].Rotate = rotate
        (tmp_path / "raw").mkdir()
        document.save(tmp_path / "raw" / "turned.pdf")
    package = next(iter(find_packages(tmp_path / "raw")))
    (page,) = extract_text(package, ingest(package))
    assert page.line_texts() == ["Budget for Ballerup Kommune", "Ældre 1.200"]
    assert (round(page.info.width), round(page.info.height)) == (595, 842)  # the text's frame: portrait
    assert page.lines[1][1].x0 > 290  # positions in that frame: the figure stands in its column


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


def test_text_drawn_outside_the_visible_box_is_no_word_of_the_page(tmp_path):
    """A form drawn whole on a page cropped to one box of it (tabula-py's data_dtype.pdf: a bill whose other
    boxes lie below the page): what no viewer shows is not read; a label at the box's very edge is."""
    words = words_of(cropped_pdf(tmp_path / "regning.pdf"))
    assert words[:4] == ["Leverance", "Måned", "kWh", "Beløb"] and "7.894" in words
    assert not {"NOV/19", "15874", "Reserveret", "myndigheden"} & set(words)
