"""Preflight: every bad input is refused with one line naming the file and the problem."""

from __future__ import annotations

import os
import time

import pytest

from pipeline.base.errors import InputError, StillArrivingError
from pipeline.base.models import Package
from pipeline.fixtures import bad
from pipeline.intake.preflight import InputLimits, check_pdf, quarantine
from tests.conftest import SAMPLE

LIMITS = InputLimits()

BAD = {
    "zero.pdf": (lambda t: bad.zero_bytes(t), "empty file (0 bytes)"),
    "text.pdf": (lambda t: bad.not_a_pdf(t), "not a PDF (no %PDF header)"),
    "locked.pdf": (lambda t: bad.encrypted(SAMPLE, t), "encrypted PDF (a password is needed to open it)"),
    "restricted.pdf": (
        lambda t: bad.encrypted(SAMPLE, t, user_password=""),
        "encrypted PDF (it opens with an empty password, but its owner restricts it; "
        "allow_empty_password in configs/inputs.yaml lets bilag read it)",
    ),
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
    assert str(arriving.value) == f"{path}: incomplete and modified just now (still being copied?); skipped"
    an_hour_ago = time.time() - 3600
    os.utime(path, (an_hour_ago, an_hour_ago))
    with pytest.raises(InputError) as refused:
        check_pdf(path, LIMITS)
    assert not isinstance(refused.value, StillArrivingError)
    assert str(refused.value) == f"{path}: truncated PDF (no %%EOF end marker: the download or copy was cut short)"


def test_good_pdfs_pass_and_limits_can_be_relaxed(tmp_path):
    check_pdf(SAMPLE, LIMITS)
    restricted = bad.encrypted(SAMPLE, tmp_path / "restricted.pdf", user_password="")
    check_pdf(restricted, InputLimits.from_config({"allow_empty_password": True}))
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
