"""Which pages the look before the OCR suspects of being turned (``pipeline/ocr/turned.py``), against the truth.

    .venv/bin/python benchmarks/turned.py [--seeds 24]

Pages whose turn is known: scans generated from the sample (``pipeline/fixtures``: the turned scan of
the tests, upright scans at 300 and 250 dpi, the fax-grade ruled scan fed upright, sideways both ways
and upside down, the scan generator's seeds, a report of pictures, a mirrored page), the real Ballerup
scan (../shared: seven table pages shown sideways, one upright), and born-digital pages (the shared
real documents and ICDAR-2013: upright layouts of every kind). For each class and turn: how many pages
were suspected sideways or upside down, the pages judged wrong, and the CPU of the look per page
(rendering at 75 dpi included).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

import pypdfium2  # noqa: E402

from pipeline.fixtures.pictures import build_mirrored_text, build_pictures  # noqa: E402
from pipeline.fixtures.sample import SampleOptions, build_sample  # noqa: E402
from pipeline.fixtures.scan import FAX, ScanOptions, scan_pdf  # noqa: E402
from pipeline.fixtures.scan_seeds import build_variant, scan_variant  # noqa: E402
from pipeline.ocr.turned import SIDEWAYS, UPSIDE_DOWN, suspected  # noqa: E402

SAMPLE = ROOT / "raw" / "kkr-hovedstaden-2025-06.pdf"
Page = tuple[Path, int, int, str]  # pdf, page, degrees turned as shown, class


def pages_of(pdf: Path, turns: dict[int, int], kind: str, only: set[int] | None = None) -> list[Page]:
    document = pypdfium2.PdfDocument(str(pdf))
    count = len(document)
    document.close()
    return [(pdf, n, turns.get(n, 0), kind) for n in range(1, count + 1) if only is None or n in only]


def generated(folder: Path, seeds: int) -> list[Page]:
    turned = ScanOptions(turned=((2, 180), (3, 90), (9, 270)), smudged=((7, "Region Sjælland i alt"),))
    pages = pages_of(scan_pdf(SAMPLE, folder / "turned.pdf", turned), dict(turned.turned), "turned scan (tests)")
    pages += pages_of(scan_pdf(SAMPLE, folder / "scan.pdf"), {}, "scan, 300 dpi")
    ruled = build_sample(folder / "ruled.pdf", options=SampleOptions("Times-Roman", True))
    ruled_scan = scan_pdf(ruled, folder / "ruled-scan.pdf", ScanOptions(dpi=250, skew_degrees=0.8, noise=9, seed=7))
    pages += pages_of(ruled_scan, {}, "ruled scan, 250 dpi")
    for degrees in (0, 90, 180, 270):
        options = replace(FAX, turned=tuple((n, degrees) for n in range(1, 12) if degrees), seed=20 + degrees)
        pdf = scan_pdf(ruled, folder / f"fax-{degrees}.pdf", options)
        pages += pages_of(pdf, dict(options.turned), "fax-grade ruled scan")
    pages += pages_of(build_pictures(folder / "pictures.pdf"), {}, "pictures (photo, chart, blank)")
    pages += pages_of(build_mirrored_text(folder / "mirrored.pdf"), {}, "mirrored print")
    for seed in range(seeds):
        variant = scan_variant(seed)
        chosen, _ = build_variant(variant, folder / f"seed-{seed}.pdf")
        turns = {page: degrees for page, (_, degrees) in zip(chosen, variant.scan.turned)}
        pages += pages_of(folder / f"seed-{seed}.pdf", turns, "scan generator seeds", set(chosen))
    return pages


def shared() -> list[Page]:
    pages: list[Page] = []
    ballerup = SHARED / "real" / "ballerup-bygningsliste-scan-2012.pdf"
    if ballerup.exists():
        pages += pages_of(ballerup, {n: 90 for n in range(1, 8)}, "real scan (Ballerup)")
    for pdf in sorted((SHARED / "real").glob("*.pdf")):
        if "scan" not in pdf.name:
            pages += pages_of(pdf, {}, "born-digital real documents")
    for pdf in sorted((SHARED / "tables" / "icdar2013").glob("*/*.pdf")):
        pages += pages_of(pdf, {}, "born-digital ICDAR-2013")
    return pages


def judged(pages: list[Page]) -> None:
    counts: dict[tuple[str, int], list[int]] = defaultdict(lambda: [0, 0, 0])  # pages, sideways, upside down
    wrong: dict[tuple[str, int], list[str]] = defaultdict(list)
    started, done = time.process_time(), 0
    by_pdf: dict[Path, list[Page]] = defaultdict(list)
    for page in pages:
        by_pdf[page[0]].append(page)
    for pdf, its in by_pdf.items():
        found = suspected(pdf, [n for _, n, _, _ in its])
        done += len(its)
        for _, n, degrees, kind in its:
            row = counts[(kind, degrees)]
            row[0] += 1
            row[1] += found.get(n) == SIDEWAYS
            row[2] += found.get(n) == UPSIDE_DOWN
            expected = {90: SIDEWAYS, 270: SIDEWAYS, 180: UPSIDE_DOWN}.get(degrees)
            if found.get(n) != expected:
                wrong[(kind, degrees)].append(f"{pdf.name} p{n}")
    cpu = (time.process_time() - started) / max(done, 1)
    print(f"{'pages':34} {'turned':>6} {'pages':>5} {'sideways':>8} {'upside down':>11}  judged wrong")
    for (kind, degrees), (total, sideways, upside) in counts.items():
        missed = ", ".join(wrong[(kind, degrees)][:6]) + (" ..." if len(wrong[(kind, degrees)]) > 6 else "")
        print(f"{kind:34} {degrees:6} {total:5} {sideways:8} {upside:11}  {missed}")
    print(f"\nthe look: {cpu * 1000:.0f} ms CPU a page (75 dpi rendering included), over {done} pages")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", type=int, default=24, help="scans of the scan generator (one per seed)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-turned-") as folder:
        judged(generated(Path(folder), args.seeds) + shared())


if __name__ == "__main__":
    main()
