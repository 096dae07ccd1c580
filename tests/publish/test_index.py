"""processed/index.html: the last run at a glance, checked as Chromium renders it."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess

import pytest

from tests.conftest import SAMPLE, digital_sample
from tests.test_hostile import bilag


def rendered_rows(page, tmp_path) -> list[list[str]]:
    """The package table's rows as Chromium renders the page: each cell's text, and a cell's link as `->href`."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        pytest.fail("Debian's chromium is needed for this test (make test installs it)")
    done = subprocess.run(
        [
            browser, "--headless", "--no-sandbox", "--disable-gpu", "--host-resolver-rules=MAP * ~NOTFOUND",
            f"--user-data-dir={tmp_path / 'chromium'}", "--dump-dom", page.as_uri(),
        ],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    body = re.search(r'<table id="packages">.*?<tbody>(.*?)</tbody>', done.stdout, re.S)
    assert body, done.stderr[-2000:]
    rows = []
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body[1], re.S):
        cells = []
        for cell in re.findall(r"<td>(.*?)</td>", row, re.S):
            link = re.search(r'href="([^"]+)"', cell)
            text = html.unescape(re.sub(r"<[^>]+>", "", cell))
            cells.append(text + (f"->{link[1]}" if link else ""))
        rows.append(cells)
    return rows


@pytest.mark.slow
def test_the_index_lists_good_invalid_and_refused_packages_with_links_to_their_reports(tampered_pdf, tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "processed"
    raw.mkdir()
    shutil.copy(digital_sample(), raw / SAMPLE.name)  # born-digital: no OCR needed here
    shutil.copy(tampered_pdf, raw / "tampered.pdf")
    (raw / "notes.pdf").write_text("minutes, typed as text\n")

    result = bilag("run", str(raw), "--out", str(out))

    assert result.returncode == 3, result.stderr
    rows = rendered_rows(out / "index.html", tmp_path)
    # who needs a person first: the refused file, the package not valid; then the valid one
    assert [row[:2] for row in rows] == [
        ["notes", "quarantined"],
        ["tampered->tampered/validation.html", "failed-validation"],
        [f"{SAMPLE.stem}->{SAMPLE.stem}/validation.html", "published"],
    ]
    for package, row in zip(["tampered", SAMPLE.stem], rows[1:]):
        report = json.loads((out / package / "validation.json").read_text(encoding="utf-8"))
        pages, problems, flagged, seconds, peak = row[2:7]
        assert (int(problems), int(flagged)) == (len(report["findings"]), len(report["flagged"]))
        assert int(pages) == 11 and float(seconds) > 0 and float(peak) > 100  # the fence saw its processes
        assert (out / package / "validation.html").is_file()
    assert rows[0][8].startswith(f"{raw / 'notes.pdf'}: not a PDF (no %PDF header)")
    # bilag status --json says the same
    states = {s["package"]: s for s in json.loads(bilag("status", str(raw), "--out", str(out), "--json").stdout)}
    assert states["tampered"]["flagged"] == int(rows[1][4]) and states["tampered"]["peak_mb"] > 100
