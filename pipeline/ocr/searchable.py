"""The searchable PDF (the scan with a Danish text layer) from the hOCR the OCR made, reproducibly."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path


def searchable_pdf(workdir: Path, target: Path, source: Path | None = None) -> Path:
    """The searchable PDF (image + Danish text layer) from the hOCR already made."""
    from ocrmypdf.api import _hocr_to_ocr_pdf

    target.parent.mkdir(parents=True, exist_ok=True)
    # One worker: with several, the shared font subset takes glyphs in the order pages finish.
    # OCRmyPDF 17 leaves sys.stderr pointing at a StringIO of its own here: the progress display and
    # every line printed after it would vanish (a scanned package on a terminal showed no results).
    streams = sys.stdout, sys.stderr
    try:
        _hocr_to_ocr_pdf(workdir, target, optimize=0, output_type="pdf", progress_bar=False, jobs=1)
    finally:
        sys.stdout, sys.stderr = streams
    _reproducible(target, source)
    return target


def _reproducible(target: Path, source: Path | None) -> None:
    """The same scan gives the same bytes: the source's dates instead of today's, and an /ID from the content.

    OCRmyPDF stamps the time of the run and a random /ID; then every run would
    republish a different file and outputs could not be compared byte for byte.
    """
    import pikepdf

    dates = {}
    if source is not None:
        with pikepdf.open(source) as original:
            dates = {key: original.docinfo[key] for key in ("/CreationDate", "/ModDate") if key in original.docinfo}
    # Saved beside the target under a short name, then renamed: pikepdf's own temporary name adds
    # to the target's, and a source named with 251 characters made it too long for the filesystem.
    staged = target.with_name(".reproducible.pdf")
    with pikepdf.open(target) as pdf:
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as xmp:
            for key in ("xmp:CreateDate", "xmp:ModifyDate", "xmp:MetadataDate"):
                if key in xmp:
                    del xmp[key]
        for number, page in enumerate(pdf.pages, start=1):
            _rename_ocr_layers(page, number)
        for key in ("/CreationDate", "/ModDate"):
            if key in dates:
                pdf.docinfo[key] = dates[key]
            elif key in pdf.docinfo:
                del pdf.docinfo[key]
        pdf.save(staged, deterministic_id=True)
    os.replace(staged, target)


OCR_LAYER = re.compile(rb"/OCR-[A-Za-z0-9_-]+")


def _rename_ocr_layers(page, number: int) -> None:
    """OCRmyPDF names each page's text layer at random (``/OCR-x2w5zf3Z...``): name it by page instead."""
    xobjects = page.obj.get("/Resources", {}).get("/XObject")
    if xobjects is None or not any(str(key).startswith("/OCR-") for key in xobjects.keys()):
        return
    page.contents_coalesce()
    content = page.obj.Contents.read_bytes()
    renames: dict[bytes, bytes] = {}
    for match in OCR_LAYER.finditer(content):  # in the order drawn, so the new names do not depend on chance
        if match.group() not in renames and match.group().decode() in xobjects:
            renames[match.group()] = f"/OCR-page{number}-{len(renames) + 1}".encode()
    for old, new in renames.items():
        xobjects[new.decode()] = xobjects[old.decode()]
        del xobjects[old.decode()]
    page.obj.Contents.write(OCR_LAYER.sub(lambda m: renames.get(m.group(), m.group()), content))
