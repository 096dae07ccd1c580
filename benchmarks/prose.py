"""Prose pages of scans: bilag's published text against OCRmyPDF alone, word for word.

    .venv/bin/python benchmarks/prose.py [--pages 4] [--work DIR]

Scans (``pipeline/fixtures/scan.py``: rendered, tilted, noise, specks, JPEG) the prose pages of
the project's sample (pages 1-2) and of the born-digital documents in ../shared/real (the first
``--pages`` prose pages of each: at least 100 words, 60% of them in lines of 7 words or more;
the Ballerup scan is itself a scan and is skipped), at 300, 250 and 200 dpi in turn. Then reads
each scan with `ocrmypdf -l dan --force-ocr` alone (its text layer by pdftotext) and with
`bilag run` (its published page text), and compares both, per page, with the born-digital
original's words (pdftotext), as multisets free of reading order (as text_agreement.py does):
all words, and words with æ, ø or å. Prints both side by side, per page, per document and in
total, and the words each side lacks. ``--work`` keeps the scans and OCRmyPDF's output between
runs (only bilag is run again).
"""

from __future__ import annotations

import argparse
import collections
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pikepdf

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from text_agreement import WORD  # noqa: E402

from pipeline.fixtures.sample import build_sample  # noqa: E402
from pipeline.fixtures.scan import ScanOptions, scan_pdf  # noqa: E402

REAL = ROOT.parent / "shared" / "real"
SKIPPED = ("ballerup-bygningsliste-scan-2012.pdf",)  # a scan itself: no born-digital original
DPIS = (300, 250, 200)
DANISH = re.compile("[æøåÆØÅ]")


@dataclass
class Document:
    name: str
    original: Path  # born-digital: the reference
    pages: list[int]  # its prose pages, numbered from 1
    dpi: int


def pdftotext(pdf: Path, page: int | None = None) -> str:
    where = ["-f", str(page), "-l", str(page)] if page else []
    return subprocess.run(["pdftotext", "-q", *where, str(pdf), "-"], capture_output=True, text=True).stdout


def words(text: str) -> collections.Counter:
    return collections.Counter(WORD.findall(text))


def prose_pages(pdf: Path, wanted: int) -> list[int]:
    """The first ``wanted`` pages of running text: 100 words or more, 60% of them in lines of 7+ words."""
    found = []
    with pikepdf.open(pdf) as document:
        count = len(document.pages)
    for number in range(1, count + 1):
        lines = [line.split() for line in pdftotext(pdf, number).splitlines()]
        total = sum(len(line) for line in lines)
        if total >= 100 and sum(len(line) for line in lines if len(line) >= 7) >= 0.6 * total:
            found.append(number)
        if len(found) == wanted:
            break
    return found


def documents(work: Path, wanted: int) -> list[Document]:
    sample = build_sample(work / "originals" / "kkr-hovedstaden-2025-06.pdf")
    found = [Document("kkr-sample", sample, [1, 2], 300)]
    for pdf in sorted(REAL.glob("*.pdf")):
        if pdf.name in SKIPPED:
            continue
        pages = prose_pages(pdf, wanted)
        if pages:
            found.append(Document(pdf.stem, pdf, pages, DPIS[len(found) % len(DPIS)]))
    return found


def scan(document: Document, folder: Path, seed: int) -> Path:
    target = folder / f"{document.name}.pdf"
    if not target.exists():
        scan_pdf(document.original, target, ScanOptions(dpi=document.dpi, seed=seed), tuple(document.pages))
    return target


def ocrmypdf_alone(pdf: Path, folder: Path) -> Path:
    target = folder / pdf.name
    if not target.exists():
        folder.mkdir(parents=True, exist_ok=True)
        command = [sys.executable, "-m", "ocrmypdf", "-q", "-l", "dan", "--force-ocr", "--output-type", "pdf"]
        subprocess.run(command + ["--optimize", "0", str(pdf), str(target)], check=True)
    return target


def agreement(reference: collections.Counter, text: collections.Counter) -> tuple[int, int, int, int]:
    """(words, agreeing, æøå words, agreeing æøå words)."""
    danish = collections.Counter({w: n for w, n in reference.items() if DANISH.search(w)})
    return (
        sum(reference.values()),
        sum((reference & text).values()),
        sum(danish.values()),
        sum((danish & text).values()),
    )


def share(part: int, whole: int) -> str:
    return f"{part:4d}/{whole:<4d} {part / max(whole, 1):7.2%}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=4, help="prose pages of each real document (default 4)")
    parser.add_argument("--work", type=Path, help="keep scans and OCRmyPDF's output here between runs")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="bilag-prose-"))
    docs = documents(work, args.pages)
    scans = work / "scans"
    for seed, document in enumerate(docs):
        scan(document, scans, seed)
    alone = {d.name: ocrmypdf_alone(scans / f"{d.name}.pdf", work / "alone") for d in docs}
    out = work / "out"
    subprocess.run([sys.executable, "-m", "pipeline", "run", str(scans), "--out", str(out), "--force"], check=False)

    print("prose pages scanned, words agreeing with the born-digital original (multisets, per page):")
    print(
        f"  {'document':44s} {'page':>4s} {'dpi':>4s}   {'OCRmyPDF alone':>18s} {'bilag':>18s}"
        f"   {'æøå OCRmyPDF':>18s} {'æøå bilag':>18s}"
    )
    totals = {"alone": [0, 0, 0, 0], "bilag": [0, 0, 0, 0]}
    lacking: list[str] = []
    for document in docs:
        sums = {"alone": [0, 0, 0, 0], "bilag": [0, 0, 0, 0]}
        for index, number in enumerate(document.pages, start=1):
            reference = words(pdftotext(document.original, number))
            theirs = words(pdftotext(alone[document.name], index))
            page = out / document.name / "text" / f"page-{index:03d}.txt"
            ours = words(page.read_text() if page.exists() else "")
            a, b = agreement(reference, theirs), agreement(reference, ours)
            for name, figures in (("alone", a), ("bilag", b)):
                sums[name] = [s + f for s, f in zip(sums[name], figures)]
            print(
                f"  {document.name:44s} {number:4d} {document.dpi:4d}   {share(a[1], a[0])} {share(b[1], b[0])}"
                f"   {share(a[3], a[2])} {share(b[3], b[2])}"
            )
            only_theirs = (reference & theirs) - ours
            only_ours = (reference & ours) - theirs
            if only_theirs or only_ours:
                lacking.append(
                    f"  {document.name} p{number}: bilag lacks {' '.join(sorted(only_theirs.elements()))}"
                    f" | OCRmyPDF lacks {' '.join(sorted(only_ours.elements()))}"
                )
        a, b = sums["alone"], sums["bilag"]
        print(
            f"  {document.name:44s} {'all':>4s} {'':4s}   {share(a[1], a[0])} {share(b[1], b[0])}"
            f"   {share(a[3], a[2])} {share(b[3], b[2])}"
        )
        for name in totals:
            totals[name] = [t + s for t, s in zip(totals[name], sums[name])]
    a, b = totals["alone"], totals["bilag"]
    print(
        f"  {'total':44s} {'':4s} {'':4s}   {share(a[1], a[0])} {share(b[1], b[0])}"
        f"   {share(a[3], a[2])} {share(b[3], b[2])}"
    )
    print("\nright words one side reads and the other does not:")
    print("\n".join(lacking) or "  none")
    return 0


if __name__ == "__main__":
    sys.exit(main())
