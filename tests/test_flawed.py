"""Refuse only what is unsafe or unreadable (issue 25), through the real command.

PDFs every reader opens (an owner password only, HTML after %%EOF, a damaged xref or
trailer) are read and the flaw noted; a PDF that needs a password to open, or one cut
short that has stopped changing, is refused and named; one still being written waits.
"""

from __future__ import annotations

import json
import os
import threading
import time

from pipeline.base.files import sha256_of
from pipeline.fixtures import bad, flawed
from tests.conftest import SAMPLE
from tests.test_hostile import configs
from tests.test_run import bilag, tree

DAMAGED = "its cross-reference table or trailer is damaged: read as qpdf repairs it"
NOTES = {  # package -> what its intake line says after "<path>: "
    "owner": "encrypted with an owner password only (it opens without a password; it restricts high-quality "
    "printing, copying text and images, assembling pages): read as any PDF reader opens it",
    "html": f"{len(flawed.HTML_PAGE) + 1} bytes after its %%EOF end marker are not part of the PDF: read without them",
    "xref": DAMAGED,
    "trailer": DAMAGED,
}


def test_pdfs_every_reader_opens_are_read_with_a_note_and_unreadable_ones_refused(tmp_path, digital_pdf, sample_result):
    raw, out = tmp_path / "raw", tmp_path / "processed"
    raw.mkdir()
    flawed.owner_password_only(SAMPLE, raw / "owner.pdf")  # its page 9 is a scan: OCR'd from the decrypted copy
    flawed.html_after_eof(digital_pdf, raw / "html.pdf")
    flawed.broken_xref(digital_pdf, raw / "xref.pdf")
    flawed.missing_trailer(digital_pdf, raw / "trailer.pdf")
    bad.encrypted(SAMPLE, raw / "locked.pdf")
    bad.truncated(SAMPLE, raw / "cut.pdf")
    os.utime(raw / "cut.pdf", (time.time() - 3600, time.time() - 3600))  # cut short long ago: it has settled
    originals = {name: sha256_of(raw / f"{name}.pdf") for name in NOTES}

    done = bilag("run", str(raw), "--out", str(out))

    assert done.returncode == 3, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    for name, note in NOTES.items():
        header = lines.index(f"{name}: 11 pages, published to {out / name}: valid")
        assert lines[header + 1] == f"  intake: {raw / name}.pdf: {note}"
        assert json.loads((out / name / "validation.json").read_text())["notes"][0] == f"{raw / name}.pdf: {note}"
        (pdf,) = json.loads((out / name / "manifest.json").read_text())["pdfs"]
        assert pdf["sha256"] == originals[name]  # the file as it is in raw/, not the repaired copy
    refused = {
        "locked": "encrypted PDF (a password is needed to open it)",
        "cut": "truncated PDF (no %%EOF end marker: the download or copy was cut short)",
    }
    for name, problem in refused.items():
        moved = raw / "quarantine" / f"{name}.pdf"
        assert f"{name}: quarantined: {raw / name}.pdf: {problem} (moved to {moved})" in done.stderr.splitlines()
    assert lines[-1].startswith("6 package(s): 4 valid, 0 not valid, 2 quarantined, 0 failed, 0 up to date; 44 pages")
    # the figures are the sample's, whichever flaw each copy had (the born-digital ones read page 9 from text)
    assert tree(out / "owner" / "tables") == tree(sample_result.output / "tables")
    figures = {k: v for k, v in tree(sample_result.output / "tables").items() if "provenance" not in k}
    for name in ("html", "xref", "trailer"):
        assert {k: v for k, v in tree(out / name / "tables").items() if "provenance" not in k} == figures, name
        assert tree(out / name / "tables") == tree(out / "html" / "tables"), name


def test_a_file_growing_while_the_run_starts_waits_and_is_read_once_it_is_whole(tmp_path, digital_pdf):
    raw, out = tmp_path / "raw", tmp_path / "processed"
    raw.mkdir()
    whole = digital_pdf.read_bytes()
    (raw / "arriving.pdf").write_bytes(whole[: len(whole) // 2])  # a copy half done
    (raw / "download.pdf").write_bytes(flawed.HTML_PAGE)  # a download that has not yet reached the PDF
    hashed = out / ".bilag" / "hashes.json"

    def download_goes_on() -> None:  # once the run has fingerprinted the files, the download writes on
        deadline = time.monotonic() + 60
        while not hashed.exists() and time.monotonic() < deadline:
            time.sleep(0.005)
        with (raw / "download.pdf").open("ab") as handle:
            handle.write(b"<p>...</p>\n")

    writer = threading.Thread(target=download_goes_on)
    writer.start()
    first = bilag("run", str(raw), "--out", str(out))
    writer.join()

    assert first.returncode == 0, first.stdout + first.stderr
    assert (
        f"arriving: waiting: {raw / 'arriving.pdf'}: still arriving (it ends before a %%EOF end marker "
        "and was modified less than 120 s ago)" in first.stderr.splitlines()
    )
    assert (
        f"download: waiting: {raw / 'download.pdf'}: still arriving (its size or modification time changed "
        "while bilag read it)" in first.stderr.splitlines()
    )
    assert first.stdout.splitlines()[-1].startswith(
        "2 package(s): 0 valid, 0 not valid, 0 quarantined, 0 failed, 0 up to date, 2 still arriving; 0 pages"
    )
    assert not (raw / "quarantine").exists()
    states = json.loads(bilag("status", str(raw), "--out", str(out), "--json").stdout)
    assert [(s["package"], s["state"]) for s in states] == [("arriving", "new"), ("download", "new")]

    (raw / "arriving.pdf").write_bytes(whole)  # both are whole now
    (raw / "download.pdf").write_bytes(whole)
    second = bilag("run", str(raw), "--out", str(out))

    assert second.returncode == 0, second.stdout + second.stderr
    assert f"arriving: 11 pages, published to {out / 'arriving'}: valid" in second.stdout.splitlines()
    assert f"download: 11 pages, published to {out / 'download'}: valid" in second.stdout.splitlines()
    assert second.stdout.splitlines()[-1].startswith("2 package(s): 2 valid, 0 not valid, 0 quarantined")


def test_a_file_cut_short_that_stopped_changing_is_refused_not_waited_for(tmp_path):
    """settle_seconds (inputs.yaml) is how long a cut-off file may go unchanged before it is judged as it is."""
    raw, out = tmp_path / "raw", tmp_path / "processed"
    raw.mkdir()
    cut = bad.truncated(SAMPLE, raw / "cut.pdf")
    settles_in_a_minute = configs(tmp_path, settle_seconds=60)
    os.utime(cut, (time.time() - 30, time.time() - 30))
    waited = bilag("--config", str(settles_in_a_minute), "run", str(raw), "--out", str(out))
    assert waited.returncode == 0 and "1 still arriving" in waited.stdout.splitlines()[-1], waited.stderr
    os.utime(cut, (time.time() - 90, time.time() - 90))  # unchanged for 90 s: settled (by the default, 120, not)
    judged = bilag("--config", str(settles_in_a_minute), "run", str(raw), "--out", str(out))
    assert judged.returncode == 3, judged.stdout + judged.stderr
    assert judged.stderr.splitlines()[-1] == (
        f"cut: quarantined: {raw / 'cut.pdf'}: truncated PDF (no %%EOF end marker: the download or copy was cut short)"
        f" (moved to {raw / 'quarantine' / 'cut.pdf'})"
    )
