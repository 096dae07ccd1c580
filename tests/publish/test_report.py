"""The report a person opens: every flagged figure beside its crop, checked in a real headless browser."""

from __future__ import annotations

import base64
import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

# Appended to a copy of the report: after loading, it writes what the browser made of the page into the DOM:
# each crop as rendered, the headings in order, the checked-totals table's rows as shown, the expectations.
PROBE = """<script>window.addEventListener('load', () => {
  const text = e => e.innerText.trim();
  const seen = {
    crops: [...document.querySelectorAll('img.crop')].map(i => [i.complete, i.naturalWidth, i.naturalHeight]),
    headings: [...document.querySelectorAll('h2, h3')].map(h => [h.tagName.toLowerCase(), text(h)]),
    totals: [...document.querySelectorAll('#totals tr')].map(r => [...r.cells].map(text)),
    expectations: [...document.querySelectorAll('#expectations li')].map(li => li.checkVisibility()),
    expectations_open: document.querySelector('#expectations').open,
    summary: text(document.querySelector('#expectations summary')),
    lines: [...document.querySelectorAll('#expectations li')].map(li => li.textContent),
  };
  const out = document.createElement('pre'); out.id = 'browser-check'; out.textContent = JSON.stringify(seen);
  document.body.appendChild(out);
});</script>"""


def browser_page(report: Path, tmp_path: Path) -> dict:
    """What Chromium renders of the report, offline (see PROBE)."""
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
    found = re.search(r'<pre id="browser-check">(.*?)</pre>', done.stdout, re.S)
    assert found, done.stderr[-2000:]
    return json.loads(html.unescape(found[1]))


def browser_view(report: Path, tmp_path: Path) -> list[list]:
    """[complete, naturalWidth, naturalHeight] of every crop as Chromium renders the page, offline."""
    return browser_page(report, tmp_path)["crops"]


def crops_in(report: Path, tmp_path: Path) -> list[Path]:
    """The crops inlined in the report, in page order, as PNG files."""
    uris = re.findall(r"src='data:image/png;base64,([^']+)'", report.read_text(encoding="utf-8"))
    paths = [tmp_path / f"crop-{n}.png" for n in range(len(uris))]
    for path, uri in zip(paths, uris):
        path.write_bytes(base64.b64decode(uri))
    return paths


def read(crop: Path) -> str:
    return subprocess.run(
        ["tesseract", str(crop), "-", "-l", "dan", "--psm", "6"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "OMP_THREAD_LIMIT": "1"},
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


HEADINGS = [
    ["h2", "Problems to act on"],
    ["h2", "Figures to check by eye"],
    ["h2", "Totals checked"],
    ["h2", "Notes: nothing to act on"],
]


def test_the_report_leads_with_what_needs_a_person_then_every_total_checked(tampered_result, tmp_path):
    seen = browser_page(tampered_result.output / "validation.html", tmp_path)
    headings = seen["headings"]
    assert headings[:4] == HEADINGS and ["h2", "Expectations (great-expectations)"] == headings[-1]
    assert ["h3", "Figures read again or derived (each shown above)"] in headings
    assert "Checks not made" not in {text for _, text in headings}
    header, *rows = seen["totals"]
    assert header == ["table", "page", "row", "column", "printed", "computed", "holds"]
    # every printed total and cross-check of the declared tables: 4 tables' regional and national totals
    assert len(rows) > 20 and {r[6] for r in rows} <= {"yes", "NO", "not checked"}
    assert ["befolkning", "3", "Region Hovedstaden, printed total", "indbyggere", "1930703", "1930803", "NO"] in rows
    assert [r for r in rows if r[0] == "kommunekvoter" and "regionskvote" in r[2]]  # the cross-check, in words
    # the great-expectations results: collapsed, one line each, in words
    assert seen["expectations_open"] is False and set(seen["expectations"]) == {False}  # collapsed: not shown
    assert "expectations, all held" in seen["summary"] or "did NOT hold" in seen["summary"]
    assert "befolkning: kommunekode holds exactly the 98 expected values: held" in seen["lines"]
    assert not [line for line in seen["lines"] if "{" in line or "column_A" in line]


def test_the_sample_s_corrections_are_notes_under_a_heading_that_says_so(sample_result, tmp_path):
    seen = browser_page(sample_result.output / "validation.html", tmp_path)
    assert seen["headings"][:4] == HEADINGS
    assert ["h3", "Figures read again or derived (each shown above)"] in seen["headings"]
    assert seen["crops"] and all(complete and width == 1000 for complete, width, _ in seen["crops"])
    rows = seen["totals"][1:]
    assert rows and all(r[6] == "yes" for r in rows)  # every total of the valid sample held
