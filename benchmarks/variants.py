"""Scans bilag has not been tuned on: other figures and years, fonts, rules, resolution, skew, noise, English OCR.

    .venv/bin/python benchmarks/variants.py

For each variant the fixture code builds a package with its own figures (another landstal
year, other inhabitants), processes the born-digital PDF as the reference, then a scan of
it (and, where marked, an English-only OCR layer over the scan), and counts the scan's
table cells: right, wrong but named by validation, wrong and silent (the worst bug).
"""

from __future__ import annotations

import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scans import cells  # noqa: E402  (benchmarks/scans.py: the same count of cells)

from pipeline.fixtures.sample import SampleOptions, build_sample, load_figures  # noqa: E402
from pipeline.fixtures.scan import ScanOptions, english_ocr_pdf, scan_pdf  # noqa: E402

VARIANTS = [  # seed, font, ruled, dpi, skew (degrees), noise, English OCR layer
    (1, "Times-Roman", True, 300, 0.6, 6, False),
    (2, "Helvetica", False, 250, -0.9, 8, True),
    (3, "Times-Roman", False, 200, 0.3, 5, False),
    (4, "Helvetica", True, 200, 1.0, 7, True),
    (5, "Helvetica", True, 300, -0.5, 6, False),
    (6, "Times-Roman", True, 250, 1.2, 10, True),
    (7, "Helvetica", False, 200, -0.7, 6, True),
    (8, "Times-Roman", True, 200, 0.5, 4, False),
]


def figures(seed: int) -> dict:
    data, chance = load_figures(), random.Random(seed)
    data["year"] += seed
    for row in data["kommuner"]:
        row["indbyggere"] += chance.randint(0, 3000)
        row["ikke_vestlige_statsborgere"] += chance.randint(0, 300)
    return data


def bilag(raw: Path, out: Path) -> int:
    command = [sys.executable, "-m", "pipeline", "run", str(raw), "--out", str(out)]
    return subprocess.run(command, capture_output=True).returncode


def main() -> None:
    print("variant                                     reference  scan     right  named  SILENT")
    with tempfile.TemporaryDirectory() as folder:
        for seed, font, ruled, dpi, skew, noise, english in VARIANTS:
            work = Path(folder) / f"v{seed}"
            options = SampleOptions(font=font, ruled=ruled, page_breaks=seed % 2 == 0)
            clean = build_sample(work / "clean" / f"v{seed}.pdf", figures(seed), options)
            reference = bilag(clean.parent, work / "reference")
            scan = scan_pdf(clean, work / "scan" / f"v{seed}.pdf", ScanOptions(dpi, skew, noise, seed=seed))
            if english:
                scan = english_ocr_pdf(scan, work / "english" / f"v{seed}.pdf")
            code = bilag(scan.parent, work / "out")
            right, named, silent = cells(work / "out" / f"v{seed}", work / "reference" / f"v{seed}" / "tables")
            layer = " +EN" if english else ""
            label = f"{font} {'ruled' if ruled else 'plain'} {dpi} dpi {skew:+.1f}° noise {noise}{layer}"
            verdicts = ["valid" if c == 0 else "NOT valid" for c in (reference, code)]
            print(f"{label:43s} {verdicts[0]:10s} {verdicts[1]:9s} {right:5d} {named:6d} {silent:7d}", flush=True)


if __name__ == "__main__":
    main()
