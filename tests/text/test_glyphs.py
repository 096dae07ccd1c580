"""Glyphs the text layer does not map to Unicode: read from the embedded font, or counted.

The PDFs are the project's own (``pipeline.fixtures.fonts``): an embedded TrueType font with
no /ToUnicode, as a simple font with its own codes and as a composite font whose CIDs reach
their glyphs through a /CIDToGIDMap stream (pdfminer reads that one as wrong letters).
"""

from __future__ import annotations

import shutil

import pikepdf
import pytest

from pipeline.fixtures.fonts import unmapped_glyph_pdf
from pipeline.intake.ingest import find_packages, ingest
from pipeline.text import extract_text, glyph_notes
from tests.conftest import DATA

LINES = ["Kommunalbestyrelsen på Frederiksberg ønsker ændringer.", "Café Øresund, Ærø og Åbenrå: 1.234 kr."]


def read(pdf):
    package = next(p for p in find_packages(pdf.parent) if p.pdfs[0] == pdf)
    return extract_text(package, ingest(package))


def texts(pages) -> list[str]:
    return [line for page in pages for line in page.line_texts()]


@pytest.mark.parametrize("composite", [False, True], ids=["simple-font", "cid-to-gid-map"])
def test_glyphs_are_read_from_the_font_that_names_them(composite, tmp_path):
    pages = read(unmapped_glyph_pdf(tmp_path / "brev.pdf", LINES, composite=composite))
    assert texts(pages) == LINES
    assert pages[0].unmapped == 0 and pages[0].reread > 0
    assert glyph_notes(pages) == [
        f"page 1: {pages[0].reread} glyph(s) the text layer does not map (or maps wrongly) to Unicode, "
        "read from the embedded font"
    ]


def test_pdfminer_alone_misreads_the_composite_font(tmp_path):
    # Why the composite case matters: without the font's own reading the letters are wrong, silently.
    import pdfplumber

    with pdfplumber.open(unmapped_glyph_pdf(tmp_path / "brev.pdf", LINES, composite=True)) as pdf:
        plain = pdf.pages[0].extract_text()
    assert "Kommunalbestyrelsen" not in plain and "(cid:" not in plain.splitlines()[0]


@pytest.mark.parametrize("composite", [False, True], ids=["simple-font", "cid-to-gid-map"])
def test_glyphs_the_font_does_not_name_are_counted_never_guessed(composite, tmp_path):
    pages = read(unmapped_glyph_pdf(tmp_path / "brev.pdf", LINES, composite=composite, named=False))
    words = [word for line in texts(pages) for word in line.split()]
    # every word is as printed or shows that a glyph was not read: none is a wrong word
    printed = {word for line in LINES for word in line.split()}
    assert all(word in printed or "(cid:" in word for word in words)
    assert pages[0].unmapped == sum(word.count("(cid:") for word in words) > 0
    assert any("without a Unicode mapping" in note for note in glyph_notes(pages))


def test_a_real_document_without_tounicode_reads_as_with_it(tmp_path):
    # Syddjurs' Adlib export, its /ToUnicode maps taken out: the embedded Arial's cmap says the same.
    original = DATA / "real" / "syddjurs-kulturkommune-temamoede-2012.pdf"
    shutil.copy(original, tmp_path / "med.pdf")
    with pikepdf.open(original) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary) and "/ToUnicode" in obj:
                del obj["/ToUnicode"]
        (tmp_path / "uden").mkdir()
        pdf.save(tmp_path / "uden" / "uden.pdf")
    assert texts(read(tmp_path / "uden" / "uden.pdf")) == texts(read(tmp_path / "med.pdf"))


def test_a_table_on_such_a_page_takes_its_cells_from_the_fonts_reading(tmp_path):
    # camelot reads the text layer through pdfminer, which drops the unmapped glyphs: "Ældre" came out "ldre".
    from pipeline.tables.other import other_tables

    rows = ["Område\t2025\t2026", "Ældre\t1.200\t1.350", "Børn\t2.400\t2.500", "I alt\t3.600\t3.850"]
    pdf = unmapped_glyph_pdf(tmp_path / "budget.pdf", ["Udgifter på området, 1.000 kr.", "", *rows], composite=False)
    pages = read(pdf)
    (table,) = other_tables((pdf,), pages, set()).tables
    assert (table.title, [f.name for f in table.fields]) == (
        "Udgifter på området, 1.000 kr.",
        ["Område", "2025", "2026"],
    )
    assert table.rows == [("Ældre", "1200", "1350"), ("Børn", "2400", "2500"), ("I alt", "3600", "3850")]
    assert table.totals_held is True
