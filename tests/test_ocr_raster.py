"""The rasteriser plugin: OCRmyPDF's own pypdfium2 rendering, written faster, same pixels."""

from __future__ import annotations

import numpy as np
from ocrmypdf.builtin_plugins import pypdfium as builtin
from ocrmypdf.helpers import Resolution
from PIL import Image

from pipeline.ocr_raster import rasterize_pdf_page


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
