"""An OCRmyPDF plugin: ruling lines are removed from the image Tesseract reads.

Tesseract reads a table page best as one block of rows (``--psm 6``), but in that
mode the grid of a ruled table turns rows into noise (``[inde 1 T odkedere Corner]``).
Long straight runs of ink are never letters or digits at these sizes, so they are
whitened before OCR. Only the image OCR sees changes; the searchable PDF shows the page
as scanned.
"""

from __future__ import annotations

from ocrmypdf import hookimpl

RULE_INCHES = 0.35  # a run of ink at least this long (horizontal or vertical) is a rule, not a glyph
INK = 160  # grey levels below this are ink


@hookimpl
def filter_ocr_image(page, image):  # noqa: ARG001 - the hook's signature
    """Whiten the rules; a page without any is handed back untouched (OCRmyPDF then skips re-encoding it)."""
    from PIL import Image

    path = getattr(image, "filename", "")
    if not path:
        return remove_rules(image)
    with Image.open(path) as copy:  # read a copy: reading ``image`` itself would make OCRmyPDF re-encode it
        copy.info.setdefault("dpi", image.info.get("dpi", (300, 300)))
        cleaned = remove_rules(copy)
        return image if cleaned is copy else cleaned


def remove_rules(image):
    """The image with horizontal and vertical rules painted white (same size, mode and dpi)."""
    import numpy as np
    from PIL import Image

    dpi = image.info.get("dpi", (300, 300))
    grey = np.asarray(image.convert("L"))
    # Found at half resolution (a quarter of the work); rules are several pixels thick at scan resolutions.
    ink = grey[::2, ::2] < INK
    # A skewed rule steps by a pixel every so often: a run may continue one pixel above or below.
    wide_h, wide_v = ink.copy(), ink.copy()
    wide_h[1:, :] |= ink[:-1, :]
    wide_h[:-1, :] |= ink[1:, :]
    wide_v[:, 1:] |= ink[:, :-1]
    wide_v[:, :-1] |= ink[:, 1:]
    rules = _runs(wide_h, int(dpi[0] * RULE_INCHES / 2), axis=1) | _runs(wide_v, int(dpi[1] * RULE_INCHES / 2), axis=0)
    rules &= ink
    if not rules.any():
        return image
    rules = _grow(rules).repeat(2, axis=0).repeat(2, axis=1)[: grey.shape[0], : grey.shape[1]]
    rules = _grow(rules)  # the anti-aliased fringe of each rule, too
    cleaned = np.where(rules, 255, grey).astype(np.uint8)
    result = Image.fromarray(cleaned, mode="L")
    result.info["dpi"] = dpi
    return result


def _runs(ink, length: int, axis: int):
    """Pixels that lie in an unbroken run of ink at least ``length`` long along ``axis``."""
    import numpy as np

    if axis == 0:
        return _runs(ink.T, length, axis=1).T
    rows, n = ink.shape
    if length < 2 or n < length:
        return np.zeros_like(ink)
    counts = np.zeros((rows, n + 1), dtype=np.int32)
    np.cumsum(ink, axis=1, out=counts[:, 1:])
    starts = (counts[:, length:] - counts[:, : n - length + 1]) == length  # a full run starts here
    # A pixel is in a run if one started at most ``length - 1`` pixels before it.
    begun = np.zeros((rows, n + 1), dtype=np.int32)
    np.cumsum(starts, axis=1, out=begun[:, 1 : n - length + 2])
    begun[:, n - length + 2 :] = begun[:, n - length + 1 : n - length + 2]
    lagged = np.zeros_like(begun)
    lagged[:, length:] = begun[:, : n + 1 - length]
    return (begun[:, 1:] - lagged[:, 1:]) > 0


def _grow(mask):

    grown = mask.copy()
    grown[1:, :] |= mask[:-1, :]
    grown[:-1, :] |= mask[1:, :]
    grown[:, 1:] |= mask[:, :-1]
    grown[:, :-1] |= mask[:, 1:]
    return grown
