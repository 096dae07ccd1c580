"""Preflight: every bad input is refused with one line naming the file and the problem."""

from __future__ import annotations

import os
import time
from dataclasses import replace

import pytest

from pipeline.base.context import PackageContext
from pipeline.base.errors import InputError, StillArrivingError
from pipeline.base.models import Package
from pipeline.fixtures import bad, flawed
from pipeline.intake import list_pages, preflight
from pipeline.intake.preflight import InputLimits, check_pdf, quarantine
from tests.conftest import DEFAULTS, SAMPLE

LIMITS = InputLimits()

BAD = {
    "zero.pdf": (lambda t: bad.zero_bytes(t), "empty file (0 bytes)"),
    "text.pdf": (lambda t: bad.not_a_pdf(t), "not a PDF (no %PDF header)"),
    "locked.pdf": (lambda t: bad.encrypted(SAMPLE, t), "encrypted PDF (a password is needed to open it)"),
    "script.pdf": (
        lambda t: bad.with_javascript(SAMPLE, t),
        "contains JavaScript (allow_javascript in configs/inputs.yaml)",
    ),
    "attached.pdf": (
        lambda t: bad.with_embedded_file(SAMPLE, t),
        "contains embedded files (allow_embedded_files in configs/inputs.yaml)",
    ),
    "pages.pdf": (lambda t: bad.page_bomb(t), "too many pages (2001; limit 2000): refused as a PDF bomb"),
    "zeros.pdf": (lambda t: bad.inflate_bomb(t), "a stream inflates to more than 256 MB: refused as a PDF bomb"),
    "pixels.pdf": (
        lambda t: bad.pixel_bomb(t),
        "an image of 10000 megapixels (limit 150): refused as a PDF bomb",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_a_bad_pdf_is_refused_naming_the_file_and_the_problem(tmp_path, name):
    make, problem = BAD[name]
    path = make(tmp_path / name)
    with pytest.raises(InputError) as refused:
        check_pdf(path, LIMITS)
    assert str(refused.value) == f"{path}: {problem}"


def test_a_truncated_pdf_is_refused_once_it_has_settled(tmp_path):
    path = bad.truncated(SAMPLE, tmp_path / "cut.pdf")
    with pytest.raises(StillArrivingError) as arriving:
        check_pdf(path, LIMITS)  # just written: probably still being copied in
    assert str(arriving.value) == (
        f"{path}: still arriving (it ends before a %%EOF end marker and was modified less than 120 s ago)"
    )
    truncated = f"{path}: truncated PDF (no %%EOF end marker: the download or copy was cut short)"
    with pytest.raises(InputError) as refused:
        check_pdf(path, InputLimits(settle_seconds=0))
    assert not isinstance(refused.value, StillArrivingError) and str(refused.value) == truncated
    an_hour_ago = time.time() - 3600
    os.utime(path, (an_hour_ago, an_hour_ago))
    with pytest.raises(InputError) as refused:
        check_pdf(path, LIMITS)
    assert not isinstance(refused.value, StillArrivingError) and str(refused.value) == truncated


def test_an_update_cut_off_after_an_earlier_eof_is_truncated(tmp_path):
    """Objects after the last %%EOF are an incremental update (or the rest of a linearized file) cut short."""
    path = tmp_path / "update.pdf"
    path.write_bytes(SAMPLE.read_bytes() + b"12 0 obj\n<< /Type /Page /Parent 2 0 R >>\nendobj\nxref\n0 1\n")
    with pytest.raises(InputError, match="truncated PDF"):
        check_pdf(path, InputLimits(settle_seconds=0))


FLAWED = {  # file name -> what the note says after "<path>: "
    "owner.pdf": (
        flawed.owner_password_only,
        "encrypted with an owner password only (it opens without a password; it restricts high-quality "
        "printing, copying text and images, assembling pages): read as any PDF reader opens it",
    ),
    "html.pdf": (
        flawed.html_after_eof,
        f"{len(flawed.HTML_PAGE) + 1} bytes after its %%EOF end marker are not part of the PDF: read without them",
    ),
    "xref.pdf": (flawed.broken_xref, "its cross-reference table or trailer is damaged: read as qpdf repairs it"),
    "trailer.pdf": (flawed.missing_trailer, "its cross-reference table or trailer is damaged: read as qpdf repairs it"),
}


@pytest.mark.parametrize("name", sorted(FLAWED))
def test_a_flawed_pdf_every_reader_opens_is_admitted_from_a_repaired_copy(tmp_path, name):
    make, note = FLAWED[name]
    path = make(SAMPLE, tmp_path / name)  # just written, as a fresh copy: read at once, not "still arriving"
    package = Package(path.stem, path, (path,), "0" * 64)
    context = PackageContext(package, DEFAULTS, tmp_path / "work", tmp_path / "processed")
    admitted = preflight(context)
    assert admitted.notes == (f"{path}: {note}",)
    assert admitted.pdfs == (tmp_path / "work" / "readable" / name,)
    assert check_pdf(admitted.pdfs[0], LIMITS) == []  # the copy has no flaw left
    read = replace(context, package=replace(package, pdfs=admitted.pdfs))
    assert len(list_pages(read)) == 11


def test_good_pdfs_pass_as_they_are_and_limits_can_be_tightened(tmp_path):
    assert check_pdf(SAMPLE, LIMITS) == []
    restricted = bad.encrypted(SAMPLE, tmp_path / "restricted.pdf", user_password="")
    with pytest.raises(InputError) as refused:
        check_pdf(restricted, InputLimits.from_config({"allow_empty_password": False}))
    assert str(refused.value) == (
        f"{restricted}: encrypted PDF (it opens with an empty password, but its owner restricts it; "
        "allow_empty_password in configs/inputs.yaml lets bilag read it)"
    )
    with pytest.raises(InputError, match="too many pages"):
        check_pdf(SAMPLE, InputLimits.from_config({"max_pages": 5}))


def test_the_inflate_limit_counts_without_inflating_everything(tmp_path):
    """A stream under the limit passes; the bomb's 300 MB are never held in memory at once."""
    path = bad.inflate_bomb(tmp_path / "small.pdf", megabytes=20)
    check_pdf(path, LIMITS)
    with pytest.raises(InputError, match="inflates to more than 10 MB"):
        check_pdf(path, InputLimits(max_stream_mb=10))


def test_quarantine_moves_the_package_with_its_reason_and_never_overwrites(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    moved = []
    for _ in range(2):
        source = bad.not_a_pdf(raw / "notes.pdf")
        package = Package("notes", source, (source,), "0" * 64)
        moved.append(quarantine(package, f"{source}: not a PDF (no %PDF header)", raw))
    assert moved == [raw / "quarantine" / "notes.pdf", raw / "quarantine" / "notes-2.pdf"]
    assert not (raw / "notes.pdf").exists()
    reason = (raw / "quarantine" / "notes.pdf.reason.txt").read_text().splitlines()
    assert reason[0] == f"{raw / 'notes.pdf'}: not a PDF (no %PDF header)"
    assert reason[1].startswith("quarantined ")


def test_a_folder_package_is_quarantined_whole(tmp_path):
    raw = tmp_path / "raw"
    folder = raw / "Møde 12. juni"
    folder.mkdir(parents=True)
    good = folder / "dagsorden.pdf"
    good.write_bytes(SAMPLE.read_bytes())
    broken = bad.zero_bytes(folder / "bilag 2.pdf")
    package = Package("Møde-12.-juni", folder, (broken, good), "0" * 64)
    assert quarantine(package, f"{broken}: empty file (0 bytes)", raw) == raw / "quarantine" / "Møde 12. juni"
    assert sorted(p.name for p in (raw / "quarantine" / "Møde 12. juni").iterdir()) == ["bilag 2.pdf", "dagsorden.pdf"]
