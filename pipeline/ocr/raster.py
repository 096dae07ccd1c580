"""An OCRmyPDF plugin: pages are rasterised as OCRmyPDF's pypdfium2 rasteriser does, but saved fast.

OCRmyPDF writes each rasterised page as a PNG at zlib's default level, which on a 300 dpi
page takes about a second, as long as Tesseract takes to read it. The file lives only
until Tesseract has read it, so it is written at the fastest level (0.2 s, a larger file).
The pixels are the same. The rendering is OCRmyPDF's own (its helpers, pinned version),
but for one thing: a page that has a /Rotate of its own is turned by OCRmyPDF's correction
from there (its rasteriser replaced the page's /Rotate by the correction, so a sideways
page shown with /Rotate 270 came out upside down instead of upright).

When the OCR stage suspects pages of being turned (``turned.py``), OCRmyPDF's page rotation
draws a preview of every page for its orientation; only the suspected pages' previews are looked
at (``shared.py``), so the others are a blank of a few pixels, not a rendering of the scan.
"""

from __future__ import annotations

from contextlib import closing

from ocrmypdf import hookimpl
from ocrmypdf.pluginspec import GhostscriptRasterDevice
from PIL import Image

from pipeline.ocr.turned import suspected_from_environment

PNG_LEVEL = 0  # zlib level for the temporary page image: stored, not compressed (a scan compresses badly anyway)
# A page is rendered at most this large. OCRmyPDF renders a page without images at 400 dpi:
# an A0 site plan would be 248 megapixels (1 GB in RGB, past Pillow's limit); capped, it is
# read at 165 dpi. An A3 page at 300 dpi is 17 megapixels, a 600 dpi A4 scan 35: untouched.
MAX_MEGAPIXELS = 40.0


@hookimpl(tryfirst=True)
def rasterize_pdf_page(
    input_file,
    output_file,
    raster_device,
    raster_dpi,
    pageno,
    page_dpi,
    rotation,
    filter_vector,  # noqa: ARG001 - OCRmyPDF's pypdfium2 rasteriser ignores it too
    stop_on_soft_error,
    options,
    use_cropbox,
):
    """Render with pypdfium2 (None hands the page to Ghostscript, as the built-in does)."""
    from ocrmypdf.builtin_plugins import pypdfium as builtin

    suspects = suspected_from_environment()
    if suspects and raster_device == GhostscriptRasterDevice.JPEGGRAY and pageno not in suspects:
        Image.new("L", (8, 8), 255).save(output_file, format="JPEG")  # a preview no one looks at
        return output_file
    if builtin.pdfium is None or (options is not None and options.rasterizer == "ghostscript"):
        return None
    with (
        builtin._pdfium_lock,
        closing(builtin._open_pdf_document(input_file)) as pdf,
        closing(pdf[pageno - 1]) as page,
    ):
        raster_dpi, page_dpi = _capped(page, raster_dpi, page_dpi)
        if rotation:
            # pdfium's rotation is clockwise and absolute; OCRmyPDF's correction counter-clockwise, relative.
            page.set_rotation((page.get_rotation() - rotation) % 360)
        bitmap, width, height = builtin._render_page_to_bitmap(page, raster_device, raster_dpi, 0, use_cropbox)
        with closing(bitmap):
            image = builtin._bitmap_to_pil(bitmap, width, height)
    image, format_name = builtin._process_image_for_output(
        image, raster_device, raster_dpi, page_dpi, stop_on_soft_error, width, height
    )
    options = {"dpi": image.info["dpi"]} if "dpi" in image.info else {}
    if format_name == "PNG":
        options["compress_level"] = PNG_LEVEL
    image.save(output_file, format=format_name, **options)
    return output_file


def _capped(page, raster_dpi, page_dpi):
    """Both resolutions scaled down alike so the page is at most MAX_MEGAPIXELS (the image says its real dpi)."""
    width, height = page.get_size()  # points
    pixels = (width / 72 * raster_dpi.x) * (height / 72 * raster_dpi.y)
    if pixels <= MAX_MEGAPIXELS * 1e6:
        return raster_dpi, page_dpi
    factor = (MAX_MEGAPIXELS * 1e6 / pixels) ** 0.5
    scale = type(raster_dpi)
    return scale(raster_dpi.x * factor, raster_dpi.y * factor), (
        scale(page_dpi.x * factor, page_dpi.y * factor) if page_dpi else page_dpi
    )
