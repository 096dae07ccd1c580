"""Preflight: a PDF is checked before any stage reads it, and a bad package is quarantined.

Each check names the file and the problem in one line (an InputError). The limits
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
import zlib
from dataclasses import dataclass
from pathlib import Path

from pipeline.config import settings_from
from pipeline.errors import InputError, StillArrivingError
from pipeline.ledger import now
from pipeline.models import Package

QUARANTINE = "quarantine"
MB = 1 << 20


@dataclass(frozen=True)
class InputLimits:
    max_file_mb: float = 500.0
    max_pages: int = 2000
    max_stream_mb: float = 256.0  # one stream, inflated
    max_inflated_mb: float = 2048.0  # all streams of a file, inflated
    max_image_megapixels: float = 250.0
    settle_seconds: float = 120.0  # a cut-off file younger than this is still being copied in
    allow_empty_password: bool = False
    allow_javascript: bool = False
    allow_embedded_files: bool = False

    @classmethod
    def from_config(cls, config: dict) -> InputLimits:
        return settings_from(cls, config)


def check_pdf(path: Path, limits: InputLimits) -> None:
    """Raise InputError naming ``path`` and its problem; return if bilag may read it."""
    size = path.stat().st_size
    if size == 0:
        raise InputError(f"{path}: empty file (0 bytes)")
    if size > limits.max_file_mb * MB:
        raise InputError(f"{path}: file too large ({size / MB:.0f} MB; limit {limits.max_file_mb:g} MB)")
    with path.open("rb") as handle:
        if b"%PDF-" not in handle.read(1024):
            raise InputError(f"{path}: not a PDF (no %PDF header)")
        handle.seek(max(0, size - 2048))
        if b"%%EOF" not in handle.read():
            if time.time() - path.stat().st_mtime < limits.settle_seconds:
                raise StillArrivingError(f"{path}: incomplete and modified just now (still being copied?); skipped")
            raise InputError(f"{path}: truncated PDF (no %%EOF end marker: the download or copy was cut short)")
    _check_structure(path, limits)


def _check_structure(path: Path, limits: InputLimits) -> None:
    import pikepdf  # lazy: heavy import

    try:
        pdf = pikepdf.open(path)
    except pikepdf.PasswordError:
        raise InputError(f"{path}: encrypted PDF (a password is needed to open it)") from None
    except pikepdf.PdfError as error:
        raise InputError(f"{path}: broken PDF ({error})") from None
    with pdf:
        if pdf.is_encrypted and not limits.allow_empty_password:
            raise InputError(
                f"{path}: encrypted PDF (it opens with an empty password, but its owner restricts it; "
                "allow_empty_password in configs/inputs.yaml lets bilag read it)"
            )
        pages = len(pdf.pages)
        if pages > limits.max_pages:
            raise InputError(f"{path}: too many pages ({pages}; limit {limits.max_pages}): refused as a PDF bomb")
        if not limits.allow_embedded_files and _has_embedded_files(pdf):
            raise InputError(f"{path}: contains embedded files (allow_embedded_files in configs/inputs.yaml)")
        _check_objects(path, pdf, limits)


def _has_embedded_files(pdf) -> bool:
    names = pdf.Root.get("/Names")
    return bool(names is not None and "/EmbeddedFiles" in names) or bool(pdf.attachments)


def _check_objects(path: Path, pdf, limits: InputLimits) -> None:
    import pikepdf

    inflated = 0
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Stream):
            inflated += _check_stream(path, obj, limits)
            if inflated > limits.max_inflated_mb * MB:
                raise InputError(
                    f"{path}: its streams inflate to more than {limits.max_inflated_mb:g} MB: refused as a PDF bomb"
                )
        if not limits.allow_javascript and isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
            if "/JS" in obj or obj.get("/S") == pikepdf.Name.JavaScript:
                raise InputError(f"{path}: contains JavaScript (allow_javascript in configs/inputs.yaml)")
            if obj.get("/Subtype") == pikepdf.Name.FileAttachment and not limits.allow_embedded_files:
                raise InputError(f"{path}: contains embedded files (allow_embedded_files in configs/inputs.yaml)")


def _check_stream(path: Path, stream, limits: InputLimits) -> int:
    """The stream's inflated size in bytes (counted without holding it in memory)."""
    import pikepdf

    if stream.get("/Subtype") == pikepdf.Name.Image:
        pixels = int(stream.get("/Width", 0)) * int(stream.get("/Height", 0))
        if pixels > limits.max_image_megapixels * 1e6:
            raise InputError(
                f"{path}: an image of {pixels / 1e6:.0f} megapixels (limit {limits.max_image_megapixels:g}): "
                "refused as a PDF bomb"
            )
    filters = stream.get("/Filter")
    first = filters[0] if isinstance(filters, pikepdf.Array) and len(filters) else filters
    if first != pikepdf.Name.FlateDecode:
        return int(stream.get("/Length", 0))  # its size in the file; an image's decoded size is the pixel check
    limit = int(limits.max_stream_mb * MB)
    inflater, size = zlib.decompressobj(), 0
    data = stream.read_raw_bytes()
    for start in range(0, len(data), 1 << 16):
        size += len(inflater.decompress(data[start : start + (1 << 16)], limit + 1 - size))
        while inflater.unconsumed_tail and size <= limit:
            size += len(inflater.decompress(inflater.unconsumed_tail, limit + 1 - size))
        if size > limit:
            raise InputError(
                f"{path}: a stream inflates to more than {limits.max_stream_mb:g} MB: refused as a PDF bomb"
            )
    return size


def quarantine(package: Package, reason: str, raw_dir: Path) -> Path | None:
    """Move the package to raw/quarantine/ with its reason; None if raw/ cannot be changed."""
    folder = raw_dir / QUARANTINE
    try:
        folder.mkdir(exist_ok=True)
        target = folder / package.source.name
        serial = 1
        while target.exists() or target.with_name(target.name + ".reason.txt").exists():
            serial += 1
            target = folder / f"{package.source.stem}-{serial}{package.source.suffix}"
        shutil.move(str(package.source), str(target))
        note = target.with_name(target.name + ".reason.txt")
        note.write_text(f"{reason}\nquarantined {now()} (pid {os.getpid()})\n", encoding="utf-8")
        return target
    except OSError:
        return None
