"""The report a person opens: every flagged figure beside its crop, checked in a real headless browser."""

from __future__ import annotations

import base64
import html
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

# Appended to a copy of the report: after loading, it writes what the browser made of each crop into the DOM.
PROBE = """<script>window.addEventListener('load', () => {
  const crops = [...document.querySelectorAll('img.crop')].map(i => [i.complete, i.naturalWidth, i.naturalHeight]);
  const out = document.createElement('pre'); out.id = 'crop-check'; out.textContent = JSON.stringify(crops);
  document.body.appendChild(out);
});</script>"""


def browser_view(report: Path, tmp_path: Path) -> list[list]:
    """[complete, naturalWidth, naturalHeight] of every crop as Chromium renders the page, offline."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        pytest.fail("Debian's chromium is needed for this test (make test installs it)")
    probe = tmp_path / "probe.html"
    probe.write_text(report.read_text(encoding="utf-8").replace("</body>", PROBE + "</body>"), encoding="utf-8")
    done = subprocess.run(
        [
            browser, "--headless", "--no-sandbox", "--disable-gpu", "--host-resolver-rules=MAP * ~NOTFOUND",
            "--virtual-time-budget=10000", "--dump-dom", probe.as_uri(),
        ],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    found = re.search(r'<pre id="crop-check">(.*?)</pre>', done.stdout)
    assert found, done.stderr[-2000:]
    return json.loads(html.unescape(found[1]))


def crops_in(report: Path, tmp_path: Path) -> list[Path]:
    """The crops inlined in the report, in page order, as PNG files."""
    uris = re.findall(r"src='data:image/png;base64,([^']+)'", report.read_text(encoding="utf-8"))
    paths = [tmp_path / f"crop-{n}.png" for n in range(len(uris))]
    for path, uri in zip(paths, uris):
        path.write_bytes(base64.b64decode(uri))
    return paths


def read(crop: Path) -> str:
    return subprocess.run(
        ["tesseract", str(crop), "-", "-l", "dan", "--psm", "6"], capture_output=True, text=True, check=True
    ).stdout


def test_every_flagged_figure_of_the_scanned_page_has_a_crop_of_its_line_that_renders(sample_result, tmp_path):
    report = json.loads((sample_result.output / "validation.json").read_text(encoding="utf-8"))
    flagged = report["flagged"]
    # the sample's scanned page: figures read again (the second look), and doubtful ones
    assert {f["how"] for f in flagged} >= {"re-ocr"} and {f["page"] for f in flagged} == {9}
    assert report["findings"] == []
    page = sample_result.output / "validation.html"
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page.read_text(encoding="utf-8"))  # nothing to fetch
    seen = browser_view(page, tmp_path)
    assert len(seen) == len(flagged)
    assert all(complete and width == 1000 and height > 20 for complete, width, height in seen), seen
    # each crop is the line of its row: the row's kommunekode is printed in it
    for crop, figure in zip(crops_in(page, tmp_path), flagged):
        assert str(figure["key"]) in read(crop), figure


def test_a_finding_and_a_derived_cell_on_born_digital_pages_show_their_lines(tampered_result, tmp_path):
    report = json.loads((tampered_result.output / "validation.json").read_text(encoding="utf-8"))
    assert [f["slug"] for f in report["findings"]] == ["total-mismatch"]
    assert [(f["row"], f["how"], f["value"]) for f in report["flagged"]] == [("157 Gentofte", "derived", 0)]
    page = tampered_result.output / "validation.html"
    seen = browser_view(page, tmp_path)
    assert len(seen) == 2 and all(complete and width == 1000 and height > 20 for complete, width, height in seen)
    finding, derived = (read(crop) for crop in crops_in(page, tmp_path))
    assert "Region Hovedstaden" in finding and "1.930.703" in finding  # the printed total the finding names
    assert "157 Gentofte" in derived
