"""Scanned packages: what bilag costs beside OCRmyPDF alone, and how good its text and tables are.

    .venv/bin/python benchmarks/scans.py [--dpi 300]

Builds a scan of the sample package (and an English-OCR'd copy of it) with the fixture
code, then prints
  - seconds and pages per second: `ocrmypdf -l dan --force-ocr` alone, and `bilag run` (all
    stages), interleaved on each scan (the sample at --dpi; Times with ruled tables at 250 and
    at 200 dpi; pages fed turned with two totals smudged; fax quality), --rounds times each,
    alternating which goes first (the machine is shared: the best wall time of each is compared),
    and the CPU seconds of every process each started (less disturbed by other jobs);
  - what the orientation check costs an upright page (the legibility score; OSD is not run);
  - words with æ, ø or å on the prose pages (1-2) read right: OCRmyPDF alone against bilag,
    both from the text layer of the searchable PDF each wrote (pdftotext; both layers are drawn
    by OCRmyPDF's renderer, which loses a few words of a skewed page), and bilag's published text;
  - per page, the character error rate (CER) against the born-digital text of the repaired
    English OCR layer and of the Danish re-OCR (the rule that chooses between them);
  - table cells right, wrong but named by validation, and wrong and not named, for the scan,
    its English-OCR'd copy and the two harder scans.
"""

from __future__ import annotations

import argparse
import csv
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pdfplumber
from rapidfuzz.distance import Levenshtein

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from cpu import measured  # noqa: E402

from pipeline.base.models import PageInfo, PageText, Word  # noqa: E402
from pipeline.danish.repair import load_repairer, repair_pages  # noqa: E402
from pipeline.fixtures.sample import build_sample  # noqa: E402
from pipeline.fixtures.scan import FAX, ScanOptions, english_ocr_pdf, scan_pdf  # noqa: E402
from pipeline.intake.ingest import find_packages, ingest  # noqa: E402
from pipeline.ocr.legibility import legibility  # noqa: E402
from pipeline.text import extract_text  # noqa: E402

# The sample as built born-digital (raw/'s copy has a scanned page): the reference text and what is scanned
SAMPLE = Path(tempfile.mkdtemp(prefix="bilag-bench-")) / "kkr-hovedstaden-2025-06.pdf"
GOLDEN = ROOT / "tests" / "golden" / "kkr-hovedstaden-2025-06"
TABLES = ("regionskvoter", "befolkning", "familiesammenfoeringer", "kommunekvoter")


def timed(command: list[str]) -> float:
    return measured(command).wall


def cer(reference: str, text: str) -> float:
    reference, text = " ".join(reference.split()), " ".join(text.split())
    return Levenshtein.distance(reference, text) / max(len(reference), 1)


def clean_pages(source: Path = SAMPLE) -> list[str]:
    with pdfplumber.open(source) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def page_text(pdf: Path, number: int) -> str:
    with pdfplumber.open(pdf) as document:
        return document.pages[number - 1].extract_text() or ""


def layer_text(pdf: Path, number: int) -> str:
    """A page's text layer by pdftotext (pdfplumber splits the words of a skewed page's layer)."""
    command = ["pdftotext", "-f", str(number), "-l", str(number), str(pdf), "-"]
    return subprocess.run(command, capture_output=True, text=True, check=False).stdout


def danish_words(reference: list[str], text: list[str]) -> float:
    """Share of the reference's words with æ, ø or å that the text has (counted with repeats)."""
    from collections import Counter

    def words(pages: list[str]) -> Counter:
        return Counter(w for w in re.findall(r"[^\W\d_]+", " ".join(pages)) if re.search("[æøåÆØÅ]", w))

    wanted, got = words(reference), words(text)
    return sum(min(n, got[w]) for w, n in wanted.items()) / max(sum(wanted.values()), 1)


def layer_repaired(pdf: Path) -> list[str]:
    package = find_packages(pdf.parent)[0]
    pages, _ = repair_pages(extract_text(package, ingest(package)), load_repairer())
    return [page.text() for page in pages]


def cells(output: Path, reference: Path = GOLDEN) -> tuple[int, int, int]:
    """Table cells of ``output`` against ``reference``: right, wrong but named by validation, wrong and silent."""
    import json

    findings = json.loads((output / "validation.json").read_text())["findings"]
    named = " ".join(f["message"] for f in findings)
    right = wrong_named = wrong_silent = 0
    for name in TABLES:
        with (reference / f"{name}.csv").open() as g, (output / "tables" / f"{name}.csv").open() as o:
            for expected, got in zip(csv.DictReader(g), csv.DictReader(o)):
                key = next(iter(expected))
                for column in expected:
                    if got[column] == expected[column]:
                        right += 1
                    elif f"{got[key]} " in named:
                        wrong_named += 1
                    else:
                        wrong_silent += 1
    return right, wrong_named, wrong_silent


def cost(pdf: Path, out: Path, work: Path, rounds: int) -> tuple[tuple[float, float], tuple[float, float]]:
    """(best wall, least CPU seconds) of `ocrmypdf -l dan --force-ocr` alone on ``pdf``, and of `bilag run`
    (every stage) on its folder: interleaved, ``rounds`` times, alternating which goes first."""
    ocrmypdf = [sys.executable, "-m", "ocrmypdf", "-q", "-l", "dan", "--force-ocr", "--output-type", "pdf"]
    alone = ocrmypdf + ["--optimize", "0", str(pdf), str(work / f"alone-{pdf.name}")]
    ours = [sys.executable, "-m", "pipeline", "run", str(pdf.parent), "--out", str(out), "--force"]
    runs: dict[str, list[tuple[float, float]]] = {"alone": [], "ours": []}
    for round_ in range(rounds):
        order = (("alone", alone), ("ours", ours)) if round_ % 2 == 0 else (("ours", ours), ("alone", alone))
        for name, command in order:
            cost = measured(command)
            runs[name].append((cost.wall, cost.cpu))
    best = {name: (min(w for w, _ in r), min(c for _, c in r)) for name, r in runs.items()}
    return best["alone"], best["ours"]


def score_cost(output: Path) -> float:
    """Milliseconds per page to score the legibility of a published scan's pages (a fresh lexicon cache)."""
    repairer = load_repairer()
    repairer.analyse.cache_clear()
    info = PageInfo(1, "scan.pdf", 1, 595.0, 842.0, 0)
    texts = sorted((output / "text").glob("page-*.txt"))
    pages = [
        PageText(
            info,
            [[Word(t, 0, 1, 0, 1, confidence=0.9) for t in line.split()] for line in p.read_text().splitlines()],
            "ocr",
        )
        for p in texts
    ]
    started = time.perf_counter()
    for page in pages:
        legibility(page, repairer)
    return (time.perf_counter() - started) * 1000 / max(len(pages), 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dpi", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=2, help="runs of each, interleaved (default 2)")
    args = parser.parse_args()
    bilag = [sys.executable, "-m", "pipeline", "run"]
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        build_sample(SAMPLE)
        scan = scan_pdf(SAMPLE, work / "scan" / "scan.pdf", ScanOptions(dpi=args.dpi))
        english = english_ocr_pdf(scan, work / "english" / "english.pdf")
        pages = len(clean_pages())
        # Harder scans: Times, ruled tables, more skew and noise, at 250 and at 200 dpi.
        from pipeline.fixtures.sample import SampleOptions

        ruled = build_sample(work / "ruled.pdf", options=SampleOptions(font="Times-Roman", ruled=True))
        scan_pdf(ruled, work / "ruled" / "ruled.pdf", ScanOptions(dpi=250, skew_degrees=0.8, noise=9, seed=7))
        scan_pdf(ruled, work / "ruled200" / "ruled200.pdf", ScanOptions(dpi=200, skew_degrees=0.5, noise=4, seed=3))
        turned = ScanOptions(
            turned=((2, 180), (3, 90), (9, 270)),
            smudged=((7, "Region Sjælland i alt"), (11, "Region Midtjylland i alt")),
        )
        scan_pdf(SAMPLE, work / "turned" / "turned.pdf", turned)
        scan_pdf(ruled, work / "fax" / "fax.pdf", FAX)

        print(
            f"cost per scanned package ({pages} pages), OCRmyPDF alone (-l dan --force-ocr) against bilag run"
            f" (every stage); interleaved, best of {args.rounds}; wall seconds (pages/s), CPU seconds:"
        )
        for name, label in (
            ("scan", f"Helvetica, {args.dpi} dpi"),
            ("ruled", "Times, ruled, 250 dpi"),
            ("ruled200", "Times, ruled, 200 dpi"),
            ("turned", "3 pages turned, 300 dpi"),
            ("fax", "fax, Times, ruled"),
        ):
            alone, ours = cost(work / name / f"{name}.pdf", work / "out", work, args.rounds)
            print(
                f"  {label:23s} OCRmyPDF {alone[0]:5.1f} s ({pages / alone[0]:4.2f} p/s) {alone[1]:5.1f} cpu"
                f"   bilag {ours[0]:5.1f} s ({pages / ours[0]:4.2f} p/s) {ours[1]:5.1f} cpu"
                f"   {ours[0] / alone[0]:.2f} x wall, {ours[1] / alone[1]:.2f} x cpu"
            )
        print("\nwords with æ/ø/å on the prose pages (1-2) read right, from each searchable PDF's text layer:")
        for name in ("scan", "ruled", "ruled200", "turned", "fax"):
            reference = clean_pages() if name in ("scan", "turned") else clean_pages(ruled)
            alone = [layer_text(work / f"alone-{name}.pdf", n) for n in (1, 2)]
            ours = [layer_text(work / "out" / name / "searchable" / f"{name}.pdf", n) for n in (1, 2)]
            published = [(work / "out" / name / "text" / f"page-{n:03d}.txt").read_text() for n in (1, 2)]
            shares = (danish_words(reference[:2], t) for t in (alone, ours, published))
            print("  {:9s} OCRmyPDF {:7.2%}   bilag {:7.2%}   (bilag's published text {:7.2%})".format(name, *shares))
        print(f"  orientation check on an upright page (legibility score): {score_cost(work / 'out' / 'scan'):.1f} ms")
        timed(bilag + [str(english.parent), "--out", str(work / "out")])

        clean = clean_pages()
        repaired_layer = layer_repaired(english)
        print("\nper page CER against the born-digital text (English-OCR'd scan):")
        print("  page  repaired English layer  Danish re-OCR (repaired)  final (scan)")
        for number in range(1, pages + 1):
            reocr = (work / "out" / "english" / "text" / f"page-{number:03d}.txt").read_text()
            final = (work / "out" / "scan" / "text" / f"page-{number:03d}.txt").read_text()
            reference = clean[number - 1]
            print(
                f"  {number:4d}  {cer(reference, repaired_layer[number - 1]):21.2%}"
                f"  {cer(reference, reocr):24.2%}  {cer(reference, final):12.2%}"
            )
        prose = " ".join(clean[:2])
        for name in ("scan", "english", "ruled", "ruled200", "turned", "fax"):
            text = " ".join((work / "out" / name / "text" / f"page-{n:03d}.txt").read_text() for n in (1, 2))
            right, named, silent = cells(work / "out" / name)
            print(f"\n{name}: prose CER (pages 1-2) {cer(prose, text):.2%}")
            print(f"  table cells: {right} right, {named} wrong and named by validation, {silent} wrong and silent")


if __name__ == "__main__":
    main()
