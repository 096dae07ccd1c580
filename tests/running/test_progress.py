"""What the operator sees: a progress bar on a terminal, plain lines otherwise, a summary last."""

from __future__ import annotations

import os
import pty
import shutil
import subprocess
import sys

from pipeline.base.models import Finding
from pipeline.run import PackageResult
from pipeline.running.progress import Summary, result_lines
from tests.conftest import SAMPLE


def test_result_lines_name_the_package_its_findings_and_where_refusals_go():
    published = PackageResult("pakke", "invalid", findings=[Finding("total-mismatch", "t", "printed 1, computed 2")])
    published.pages, published.output = 3, "out/pakke"
    assert result_lines(published) == [
        ("pakke: 3 pages, published to out/pakke: NOT valid, 1 problem(s)", False),
        ("  - [total-mismatch] printed 1, computed 2", False),
    ]
    published.ocr_pages = [1, 2, 3, 9]
    assert result_lines(published)[1] == ("  ocr: pages 1-3, 9 read by OCR (Tesseract, Danish)", False)
    published.ocr_pages = [9]
    assert result_lines(published)[1] == ("  ocr: page 9 read by OCR (Tesseract, Danish)", False)
    refused = PackageResult("notes", "quarantined", message="raw/notes.pdf: empty file (0 bytes)")
    assert result_lines(refused) == [("notes: quarantined: raw/notes.pdf: empty file (0 bytes)", True)]
    assert result_lines(PackageResult("old", "up-to-date")) == []


def test_the_summary_counts_every_state():
    results = [PackageResult("a", "valid", pages=11), PackageResult("b", "quarantined"), PackageResult("c", "waiting")]
    summary = Summary()
    summary.add(results, 2.345)
    assert summary.line() == (
        "3 package(s): 1 valid, 0 not valid, 1 quarantined, 0 failed, 0 up to date, 1 still arriving; 11 pages in 2.3 s"
    )


def test_on_a_terminal_the_run_shows_a_progress_bar_and_the_results(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SAMPLE, raw)
    main, terminal = pty.openpty()
    run = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "run", str(raw), "--out", str(tmp_path / "out")],
        stdout=terminal, stderr=terminal, env={**os.environ, "COLUMNS": "100", "TERM": "xterm"},
    )  # fmt: skip
    os.close(terminal)
    shown = b""
    while True:
        try:
            chunk = os.read(main, 4096)
        except OSError:  # the terminal closed: the run is over
            break
        if not chunk:
            break
        shown += chunk
    assert run.wait() == 0
    text = shown.decode("utf-8", "replace")
    assert "kkr-hovedstaden-2025-06: " in text and "━" in text  # the bar, with the package and its stage
    # printed after the sample's scanned page went through OCRmyPDF (which once left stderr on a StringIO)
    assert f"{SAMPLE.stem}: 11 pages, published to {tmp_path / 'out' / SAMPLE.stem}: valid" in text
    assert "1 package(s): 1 valid, 0 not valid, 0 quarantined, 0 failed, 0 up to date; 11 pages in " in text
    assert "bilag: 20" not in text  # no log lines on a terminal
