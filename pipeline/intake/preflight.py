"""Preflight: a PDF is checked before any stage reads it, and a bad package is quarantined.

Each check names the file and the problem in one line (an InputError). A flaw every PDF
reader forgives (bytes after %%EOF, a damaged xref, an owner password) is not a problem: it
is noted and the stages read a copy qpdf repaired (pipeline/intake/readable.py). The limits
(configs/inputs.yaml) stop PDF bombs before they cost memory or hours: a huge page
count, streams that inflate to gigabytes, images of absurd size. Active content
(JavaScript) and embedded files are refused by default: a meeting package has no
need of them and they are not inspected. A refused package is moved to
``raw/quarantine/`` with a ``.reason.txt`` beside it, so cron does not retry it and
the operator sees why.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from pipeline.base.errors import InputError, StillArrivingError
from pipeline.base.files import now
from pipeline.base.models import Package
from pipeline.base.names import shown
from pipeline.base.settings import InputLimits
from pipeline.intake.readable import ending, owner_password_note, repair_notes
from pipeline.intake.streams import TooLarge, UnknownFilter, decoded_size, filter_names

QUARANTINE = "quarantine"
MB = 1 << 20


def check_pdf(path: Path, limits: InputLimits) -> list[str]:
    """Raise InputError naming ``path`` and its problem; else the notes on what the stages must read from
    a copy (``readable.write_readable``): bytes after %%EOF, a damaged xref, an owner password (none: as it is)."""
    size = path.stat().st_size
    if size == 0:
        raise InputError(f"{path}: empty file (0 bytes)")
    if size > limits.max_file_mb * MB:
        raise InputError(f"{path}: file too large ({size / MB:.0f} MB; limit {limits.max_file_mb:g} MB)")
    with path.open("rb") as handle:
        if b"%PDF-" not in handle.read(1024):
            raise InputError(f"{path}: not a PDF (no %PDF header)")
    end = ending(path)
    if end.cut:
        # a copy in progress looks cut off; one that has not changed for settle_seconds is judged as it is
        if time.time() - path.stat().st_mtime < limits.settle_seconds:
            raise StillArrivingError(
                f"{path}: still arriving (it ends before a %%EOF end marker and was modified "
                f"less than {limits.settle_seconds:g} s ago)"
            )
        raise InputError(f"{path}: truncated PDF (no %%EOF end marker: the download or copy was cut short)")
    return _check_structure(path, end.trailing, limits)


def _check_structure(path: Path, trailing: int, limits: InputLimits) -> list[str]:
    import pikepdf  # lazy: heavy import

    try:
        pdf = pikepdf.open(path)
    except pikepdf.PasswordError:
        raise InputError(f"{path}: encrypted PDF (a password is needed to open it)") from None
    except pikepdf.PdfError as error:
        raise InputError(f"{path}: broken PDF ({error})") from None
    with pdf:
        notes = []
        if pdf.is_encrypted:
            if not limits.allow_empty_password:
                raise InputError(
                    f"{path}: encrypted PDF (it opens with an empty password, but its owner restricts it; "
                    "allow_empty_password in configs/inputs.yaml lets bilag read it)"
                )
            notes.append(owner_password_note(path, pdf))
        pages = len(pdf.pages)
        if pages > limits.max_pages:
            raise InputError(f"{path}: too many pages ({pages}; limit {limits.max_pages}): refused as a PDF bomb")
        if not limits.allow_embedded_files and pdf.attachments:
            raise InputError(f"{path}: contains embedded files (allow_embedded_files in configs/inputs.yaml)")
        warnings = _check_objects(path, pdf, limits)
        return [*repair_notes(path, trailing, warnings), *notes]


def _check_objects(path: Path, pdf, limits: InputLimits) -> list[str]:
    """qpdf's warnings on reading every object (it hands each out once), if none of them refuses the file."""
    inflated = 0
    for obj in pdf.objects:
        for value in _walk(path, obj, limits):
            _check_active(path, value, limits)
            if _is_stream(value):
                inflated += _check_stream(path, value, limits)
                if inflated > limits.max_inflated_mb * MB:
                    raise InputError(
                        f"{path}: its streams inflate to more than {limits.max_inflated_mb:g} MB: refused as a PDF bomb"
                    )
    # qpdf drops what passes its own limits (nesting past 500, ...) and says so; a reader that
    # does not would recurse into it: the file is refused, in plain words where we know them.
    warnings = pdf.get_warnings()
    for warning in warnings:
        if "limits error" in warning:
            raise InputError(f"{path}: {_past_limits(warning)}: refused")
    for number, page in enumerate(pdf.pages, start=1):
        _check_page_size(path, number, page, limits)
    return warnings


def _past_limits(warning: str) -> str:
    if "limits error(parser-max-nesting)" in warning:
        return "objects nested deeper than a PDF reader allows"
    return f"past a PDF reader's safety limits (qpdf: {shown(warning.split('limits error', 1)[-1])})"


def _walk(path: Path, obj, limits: InputLimits):
    """``obj`` and every direct object inside it (an indirect one is visited on its own), without recursion."""
    import pikepdf

    containers = (pikepdf.Array, pikepdf.Dictionary, pikepdf.Stream)
    stack = [(obj, 0)]
    while stack:
        value, depth = stack.pop()
        if depth > limits.max_nesting:
            raise InputError(f"{path}: objects nested more than {limits.max_nesting} deep: refused")
        if isinstance(value, pikepdf.Array):
            children = list(value)
        elif isinstance(value, pikepdf.Dictionary | pikepdf.Stream):
            children = list(value.values())
            yield value
        else:
            continue
        stack.extend((item, depth + 1) for item in children if isinstance(item, containers) and not item.is_indirect)


def _is_stream(value) -> bool:
    import pikepdf

    return isinstance(value, pikepdf.Stream)


def _check_active(path: Path, value, limits: InputLimits) -> None:
    """JavaScript (an action, a /JS key, the /Names tree) and attachments (/EF, /AF, file annotations)."""
    if not limits.allow_javascript and (
        "/JS" in value or str(value.get("/S", "")) in ACTIVE_ACTIONS or _names_has(value, "/JavaScript")
    ):
        raise InputError(f"{path}: contains JavaScript (allow_javascript in configs/inputs.yaml)")
    if not limits.allow_embedded_files and (
        "/EF" in value
        or "/AF" in value
        or str(value.get("/Type", "")) == "/EmbeddedFile"
        or str(value.get("/Subtype", "")) in ("/FileAttachment", "/RichMedia")
        or _names_has(value, "/EmbeddedFiles")
    ):
        raise InputError(f"{path}: contains embedded files (allow_embedded_files in configs/inputs.yaml)")


ACTIVE_ACTIONS = {"/JavaScript", "/Launch", "/ImportData", "/RichMediaExecute"}


def _names_has(value, key: str) -> bool:
    """``/JavaScript`` and ``/EmbeddedFiles`` are keys of the document's /Names tree and nowhere else."""
    return key in value


def _check_page_size(path: Path, number: int, page, limits: InputLimits) -> None:
    import pikepdf

    box = page.obj.get("/MediaBox")
    unit = page.obj.get("/UserUnit", 1)
    try:
        left, bottom, right, top = (float(v) for v in box)
        unit = float(unit)
    except (TypeError, ValueError, pikepdf.PdfError):
        raise InputError(f"{path}: page {number} has no valid /MediaBox (not four numbers)") from None
    width, height = abs(right - left) * unit, abs(top - bottom) * unit
    if max(width, height) > limits.max_page_points:
        raise InputError(
            f"{path}: page {number} is {width:.0f} x {height:.0f} pt "
            f"(limit {limits.max_page_points:g} pt, 5 m): refused as a PDF bomb"
        )


def _check_stream(path: Path, stream, limits: InputLimits) -> int:
    """The stream's decoded size in bytes (counted without holding it in memory)."""
    if str(stream.get("/Subtype", "")) == "/Image":
        _check_image(path, stream, limits)
    import pikepdf

    limit = int(limits.max_stream_mb * MB)
    filters = stream.get("/Filter")
    filters = list(filters) if isinstance(filters, pikepdf.Array) else [] if filters is None else [filters]
    try:
        return decoded_size(stream.read_raw_bytes(), filter_names(filters), limit)
    except TooLarge:
        raise InputError(
            f"{path}: a stream inflates to more than {limits.max_stream_mb:g} MB: refused as a PDF bomb"
        ) from None
    except UnknownFilter as error:
        raise InputError(f"{path}: a stream has an unknown filter {shown(error)}: refused") from None


def _check_image(path: Path, image, limits: InputLimits) -> None:
    dimensions = []
    for key in ("/Width", "/Height"):
        value = image.get(key)
        try:
            dimensions.append(int(value))
        except (TypeError, ValueError):
            raise InputError(f"{path}: an image whose {key} is not a number ({shown(value)}): refused") from None
    pixels = dimensions[0] * dimensions[1]
    if min(dimensions) < 0 or pixels > limits.max_image_megapixels * 1e6:
        raise InputError(
            f"{path}: an image of {pixels / 1e6:.0f} megapixels (limit {limits.max_image_megapixels:g}): "
            "refused as a PDF bomb"
        )


def quarantine(package: Package, reason: str, raw_dir: Path) -> Path | None:
    """Move the package to raw/quarantine/ with its reason; None if raw/ cannot be changed."""
    folder = raw_dir / QUARANTINE
    try:
        folder.mkdir(exist_ok=True)
        target = folder / _bounded_name(package.source.name)
        serial = 1
        while target.exists() or _note(target).exists():
            serial += 1
            stem, suffix = os.path.splitext(_bounded_name(package.source.name))
            target = folder / f"{stem}-{serial}{suffix}"
        shutil.move(str(package.source), str(target))
        _note(target).write_text(f"{shown(reason)}\nquarantined {now()} (pid {os.getpid()})\n", encoding="utf-8")
        return target
    except OSError:
        return None


def _note(target: Path) -> Path:
    return target.with_name(target.name + ".reason.txt")


def _bounded_name(name: str, limit: int = 200) -> str:
    """The name, cut so that it and its ``.reason.txt`` (and a serial) fit a filesystem's 255 bytes."""
    raw = os.fsencode(name)
    if len(raw) <= limit:
        return name
    stem, suffix = os.path.splitext(raw)
    return os.fsdecode(stem[: limit - len(suffix[:16])] + suffix[:16])
