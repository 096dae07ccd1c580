"""Born-digital text and repair: pages per second beside pdftotext and pdfplumber alone.

The real born-digital meeting documents in ../shared/real (or the PDFs named on the command
line), each read three ways, best of three runs each:
  pdftotext     poppler's pdftotext, one process per file (the reference reader)
  pdfplumber    pdfplumber alone: extract_text() of every page
  bilag         the text stage (words, lines, running lines, reading order) and the repair stage
The word list is loaded once before timing, as a run loads it once for all its packages.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pypdf  # noqa: E402

from pipeline.danish.repair import load_repairer, repair_pages  # noqa: E402
from pipeline.intake.ingest import find_packages, ingest  # noqa: E402
from pipeline.text import extract_text, page_text  # noqa: E402

REAL = ROOT.parent / "shared" / "real"


def best(read, *args, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        read(*args)
        times.append(time.perf_counter() - started)
    return min(times)


def with_pdftotext(pdf: Path) -> None:
    subprocess.run(["pdftotext", "-q", str(pdf), "-"], capture_output=True, check=True)


def with_pdfplumber(pdf: Path) -> None:
    import pdfplumber

    with pdfplumber.open(pdf) as document:
        for page in document.pages:
            page.extract_text()


def with_bilag(pdf: Path, repairer) -> None:
    package = next(p for p in find_packages(pdf.parent) if p.pdfs[0] == pdf)
    pages, _ = repair_pages(extract_text(package, ingest(package)), repairer)
    for page in pages:
        page_text(page)


def main() -> None:
    pdfs = [Path(a) for a in sys.argv[1:]] or sorted(p for p in REAL.glob("*.pdf") if "scan" not in p.name)
    repairer = load_repairer()
    totals = {"pdftotext": 0.0, "pdfplumber": 0.0, "bilag": 0.0}
    pages = 0
    print(f"{'file':<50} {'pages':>5} {'pdftotext':>10} {'pdfplumber':>10} {'bilag':>10} {'bilag/plumber':>13}")
    with tempfile.TemporaryDirectory() as folder:
        for source in pdfs:
            pdf = Path(folder) / source.name
            pdf.write_bytes(source.read_bytes())
            count = len(pypdf.PdfReader(pdf).pages)
            times = {
                "pdftotext": best(with_pdftotext, pdf),
                "pdfplumber": best(with_pdfplumber, pdf),
                "bilag": best(with_bilag, pdf, repairer),
            }
            pages += count
            for name, seconds in times.items():
                totals[name] += seconds
            print(
                f"{source.name:<50} {count:>5} {times['pdftotext']:>9.2f}s {times['pdfplumber']:>9.2f}s "
                f"{times['bilag']:>9.2f}s {times['bilag'] / times['pdfplumber']:>12.2f}x"
            )
            pdf.unlink()
    rates = {name: pages / seconds for name, seconds in totals.items()}
    print(
        f"{'all':<50} {pages:>5} {rates['pdftotext']:>7.1f} p/s {rates['pdfplumber']:>6.1f} p/s "
        f"{rates['bilag']:>6.1f} p/s {totals['bilag'] / totals['pdfplumber']:>12.2f}x"
    )


if __name__ == "__main__":
    main()
