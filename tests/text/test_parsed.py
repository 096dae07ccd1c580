"""The quick page's objects are pdfplumber's, key for key and value for value.

Real born-digital PDFs (Word 2007, Word 2010, Word 365), the
project's PDF with glyphs from its embedded font, and a page whose MediaBox does not start at the
origin (pdfplumber shifts every box by it).
"""

from __future__ import annotations

import pdfplumber
import pikepdf
import pytest

from pipeline.fixtures.fonts import unmapped_glyph_pdf
from pipeline.fixtures.sample import build_sample
from pipeline.text.parsed import QuickPage, quick
from tests.conftest import DATA

REAL = (
    "aarhus-sager-paa-vej-2025.pdf",
    "ballerup-kronikerindsatser-2012.pdf",
    "middelfart-geosager-2017.pdf",
)


def assert_same_objects(pdf_path) -> int:
    """Every page's objects as pdfplumber makes them and as the quick page does; the glyphs compared."""
    glyphs = 0
    with pdfplumber.open(pdf_path) as pdf:
        for page in pdf.pages:
            fast = quick(page)
            assert isinstance(fast, QuickPage) and fast.page_number == page.page_number
            assert fast.objects == page.objects
            glyphs += len(fast.chars)
            fast.close()
            page.close()
    return glyphs


@pytest.mark.parametrize("name", REAL)
def test_a_real_pdfs_objects_are_pdfplumbers(name):
    assert assert_same_objects(DATA / "real" / name) > 1000


def test_glyphs_read_from_the_font_are_pdfplumbers(tmp_path):
    lines = ["Kommunalbestyrelsen på Frederiksberg ønsker ændringer.", "Café Øresund: 1.234 kr."]
    assert assert_same_objects(unmapped_glyph_pdf(tmp_path / "brev.pdf", lines, composite=True)) > 50


def test_a_page_whose_mediabox_is_off_the_origin_is_shifted_as_pdfplumber_shifts_it(tmp_path):
    source = build_sample(tmp_path / "sample.pdf")
    shifted = tmp_path / "shifted.pdf"
    with pikepdf.open(source) as pdf:
        del pdf.pages[1:]
        x0, y0, x1, y1 = (float(v) for v in pdf.pages[0].MediaBox)
        pdf.pages[0].MediaBox = pikepdf.Array([x0 - 17.5, y0 + 23.25, x1 + 11, y1 + 5])
        pdf.save(shifted)
    assert assert_same_objects(shifted) > 100
    with pdfplumber.open(shifted) as pdf:  # the shift is there to be copied: glyphs stand right of x = 17.5
        assert min(char["x0"] for char in quick(pdf.pages[0]).chars) > 17.5


def test_a_glyph_tagged_after_a_path_that_makes_no_object_is_tagged_as_pdfplumber_tags_it(tmp_path):
    """pdfplumber tags the last object laid out after each path: a path that makes none (one not begun with
    ``m``) tags the glyph before it with the marked content the path is in."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(
        pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica)
    )
    content = (
        b"/P <</MCID 3>> BDC BT /F1 12 Tf 72 700 Td (Udvalg) Tj ET EMC "
        b"/Span <</MCID 7>> BDC 100 100 l S EMC "
        b"BT /F1 12 Tf 72 680 Td [(I alt) -250 (12)] TJ ET 72 600 m 300 600 l S"
    )
    page = pikepdf.Page(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Page,
            MediaBox=[0, 0, 595, 842],
            Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font)),
            Contents=pdf.make_stream(content),
        )
    )
    pdf.pages.append(page)
    pdf.save(tmp_path / "tagged.pdf")
    assert assert_same_objects(tmp_path / "tagged.pdf") == 13
    with pdfplumber.open(tmp_path / "tagged.pdf") as opened:
        chars = quick(opened.pages[0]).chars
    assert (chars[5]["text"], chars[5]["mcid"], chars[5]["tag"]) == ("g", 7, "Span")  # tagged by the path after it
    assert (chars[0]["mcid"], chars[6]["mcid"]) == (3, None)
