"""The rasteriser plugin: OCRmyPDF's own pypdfium2 rendering, written faster, same pixels."""

from __future__ import annotations

import numpy as np
from ocrmypdf.builtin_plugins import pypdfium as builtin
from ocrmypdf.helpers import Resolution
from PIL import Image

from pipeline.ocr.raster import rasterize_pdf_page


def test_a_page_is_rasterised_to_the_same_pixels_as_ocrmypdf_does(scanned_pdf, tmp_path):
    arguments = dict(
        input_file=scanned_pdf,
        raster_device="pnggray",
        raster_dpi=Resolution(300, 300),
        pageno=3,
        page_dpi=Resolution(300, 300),
        rotation=0,
        filter_vector=False,
        stop_on_soft_error=False,
        options=None,
        use_cropbox=False,
    )
    ours = rasterize_pdf_page(output_file=tmp_path / "ours.png", **arguments)
    theirs = builtin.rasterize_pdf_page(output_file=tmp_path / "theirs.png", **arguments)
    with Image.open(ours) as a, Image.open(theirs) as b:
        assert a.size == b.size and a.mode == b.mode == "L"
        assert round(a.info["dpi"][0]) == 300
        assert np.array_equal(np.asarray(a), np.asarray(b))


def test_ghostscript_when_asked_for():
    class Options:
        rasterizer = "ghostscript"

    assert rasterize_pdf_page(None, None, "pnggray", None, 1, None, 0, False, False, Options(), False) is None


def test_a_page_with_a_rotate_of_its_own_is_turned_from_there(tmp_path):
    """OCRmyPDF's correction turns the page as shown (/Rotate 270), not as stored: upright, not upside down."""
    import pikepdf

    from tests.conftest import DATA

    with pikepdf.open(DATA / "real" / "ballerup-bygningsliste-scan-2012.pdf") as pdf:
        del pdf.pages[1:]
        pdf.save(tmp_path / "shown.pdf")  # page 1 as published: /Rotate 270, shown sideways
        pdf.pages[0].Rotate = 0
        pdf.save(tmp_path / "upright.pdf")  # the same page as scanned: upright
    arguments = dict(
        raster_device="pnggray",
        raster_dpi=Resolution(36, 36),
        pageno=1,
        page_dpi=Resolution(36, 36),
        filter_vector=False,
        stop_on_soft_error=False,
        options=None,
        use_cropbox=False,
    )
    turned = rasterize_pdf_page(tmp_path / "shown.pdf", tmp_path / "turned.png", rotation=270, **arguments)
    upright = rasterize_pdf_page(tmp_path / "upright.pdf", tmp_path / "upright.png", rotation=0, **arguments)
    with Image.open(turned) as a, Image.open(upright) as b:
        assert a.size == b.size and a.width > a.height
        assert np.array_equal(np.asarray(a), np.asarray(b))
