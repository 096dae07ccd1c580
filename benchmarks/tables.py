"""Tables found, against camelot and pdfplumber run alone, and how fast.

    .venv/bin/python benchmarks/tables.py [--skip-icdar]

1. ICDAR-2013 (67 born-digital PDFs, ../shared/tables/icdar2013): `bilag run` on a raw folder of
   the PDFs, scored format-free by ../shared/bench/table_cells.py beside camelot (lattice, then
   stream where lattice found nothing) and pdfplumber run by the same scorer; each timed, with
   pages per second (camelot's time is its scorer run: lattice and stream on every page), one
   right after the other. Then the tables stage alone against camelot alone, interleaved PDF by
   PDF in one process (the machine's other load falls on both alike).
2. camelot's and pdfplumber's own test files (../shared/tables): for each expected table, how
   many of its cells (format-free) the best table bilag published holds, and how many the best
   table of camelot (same rule) and of pdfplumber holds; the nics table's totals as checked.
3. The real born-digital documents in ../shared/real: a whole `bilag run` beside camelot alone.
4. The peers (../shared/tables/peers: 17 tables camelot's own test suite expects, not developed against):
   cells found and tables whole, scored by ../shared/bench/peer_suite.py, beside camelot and pdfplumber alone.
The goals (issue 21): ICDAR F1 >= 0.95 with precision >= 0.95; every expected cell of the test files
found; peers >= 97% of cells and 16 of 17 tables whole; bilag no slower than camelot alone.
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "bench" / "table_cells.py"
PEER_SUITE = SHARED / "bench" / "peer_suite.py"
PEERS = SHARED / "tables" / "peers"
TEST_FILES = SHARED / "tables"


def key(text: str) -> str:
    """A cell as the scorer compares it: letters and digits only, lower case."""
    return re.sub(r"[^0-9a-zæøåéü]", "", str(text or "").lower())


def cells(rows) -> collections.Counter:
    counted = collections.Counter(key(v) for row in rows for v in row)
    counted.pop("", None)
    return counted


def timed(command: list[str]) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    return time.perf_counter() - started, (done.stdout.strip().splitlines() or [done.stderr.strip()])[-1]


def pages_of(pdfs: list[Path]) -> int:
    import pypdfium2

    return sum(len(pypdfium2.PdfDocument(str(pdf))) for pdf in pdfs)


def run_bilag(pdfs: list[Path], folder: Path) -> tuple[float, Path]:
    raw, out = folder / "raw", folder / "out"
    raw.mkdir(parents=True)
    for pdf in pdfs:
        shutil.copy(pdf, raw / pdf.name)
    seconds, _ = timed([str(ROOT / ".venv" / "bin" / "bilag"), "run", str(raw), "--out", str(out)])
    return seconds, out


def icdar(folder: Path) -> None:
    truth = TEST_FILES / "icdar2013"
    pdfs = sorted(truth.rglob("*.pdf"))
    pages = pages_of(pdfs)
    print(f"ICDAR-2013, {len(pdfs)} PDFs, {pages} pages; each run right after the other")
    seconds, out = run_bilag(pdfs, folder)
    _, score = timed([sys.executable, str(SCORER), str(truth), "bilag", str(out)])
    print(f"  {score}\n    bilag run (every stage): {speed(seconds, pages)}")
    for tool in ("camelot", "pdfplumber"):
        seconds, score = timed([sys.executable, str(SCORER), str(truth), tool])
        print(f"  {score}\n    {tool} alone: {speed(seconds, pages)}")
    stage_against_camelot(pdfs)


def speed(seconds: float, pages: int) -> str:
    return f"{seconds:.1f} s, {pages / seconds:.2f} pages/s"


def stage_against_camelot(pdfs: list[Path]) -> None:
    """bilag's table reading and camelot alone (lattice and stream on every page), PDF by PDF in turn."""
    import camelot
    import pypdfium2

    from pipeline.tables.engines import read_candidates

    ours = theirs = 0.0
    pages = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for pdf in pdfs:
            numbers = list(range(1, len(pypdfium2.PdfDocument(str(pdf))) + 1))
            pages += len(numbers)
            started = time.perf_counter()
            read_candidates(pdf, numbers)
            ours += time.perf_counter() - started
            started = time.perf_counter()
            for flavor in ("lattice", "stream"):
                camelot.read_pdf(str(pdf), pages="all", flavor=flavor)
            theirs += time.perf_counter() - started
    print(f"  tables read, PDF by PDF in turn: bilag {speed(ours, pages)}; camelot alone {speed(theirs, pages)}")


def real_documents(folder: Path) -> None:
    """The real born-digital packages: a whole bilag run, then camelot alone on the same PDFs (a fresh process each)."""
    pdfs = [p for p in sorted((SHARED / "real").glob("*.pdf")) if "scan" not in p.name]
    pages = pages_of(pdfs)
    seconds, _ = run_bilag(pdfs, folder)
    alone = (
        "import sys, warnings, camelot; warnings.simplefilter('ignore')\n"
        "for pdf in sys.argv[1:]:\n"
        "    [camelot.read_pdf(pdf, pages='all', flavor=f) for f in ('lattice', 'stream')]"
    )
    theirs, _ = timed([sys.executable, "-c", alone, *map(str, pdfs)])
    print(f"real born-digital documents, {len(pdfs)} PDFs, {pages} pages (../shared/real), one right after the other:")
    print(f"  bilag run (every stage): {speed(seconds, pages)}; camelot alone: {speed(theirs, pages)}")


def camelot_tables(pdf: Path) -> list[collections.Counter]:
    import camelot

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        lattice = list(camelot.read_pdf(str(pdf), pages="all", flavor="lattice"))
        ruled = {t.page for t in lattice}
        stream = [t for t in camelot.read_pdf(str(pdf), pages="all", flavor="stream") if t.page not in ruled]
    return [cells(t.df.values.tolist()) for t in lattice + stream]


def pdfplumber_tables(pdf: Path) -> list[collections.Counter]:
    import pdfplumber

    with pdfplumber.open(str(pdf)) as document:
        return [cells(t) for page in document.pages for t in page.extract_tables()]


def test_files(folder: Path) -> None:
    expected = sorted((TEST_FILES / "camelot").glob("*.expected-*.csv")) + sorted(TEST_FILES.glob("*.expected-*.csv"))
    pdfs = sorted({e.with_name(e.name.split(".expected")[0] + ".pdf") for e in expected})
    seconds, out = run_bilag(pdfs, folder)
    print(f"camelot's and pdfplumber's test files: bilag run {speed(seconds, pages_of(pdfs))}")
    print(f"  {'expected table':45} {'cells':>6} {'bilag':>6} {'camelot':>8} {'pdfplumber':>10}")
    for path in expected:
        stem = path.name.split(".expected")[0]
        with path.open(encoding="utf-8", newline="") as handle:
            want = cells(csv.reader(handle))
        ours = []
        for published in (out / stem / "tables" / "other").glob("*.csv"):
            with published.open(encoding="utf-8", newline="") as handle:
                ours.append(cells(csv.reader(handle)))
        pdf = path.with_name(stem + ".pdf")
        found = [
            max((sum((want & t).values()) for t in tables), default=0)
            for tables in (ours, camelot_tables(pdf), pdfplumber_tables(pdf))
        ]
        print(f"  {path.name:45} {sum(want.values()):>6} {found[0]:>6} {found[1]:>8} {found[2]:>10}")
    for report in sorted(out.glob("*/validation.json")):
        for table in json.loads(report.read_text(encoding="utf-8")).get("other_tables", []):
            if table["totals_checked"]:
                held = "held" if table["totals_held"] else "did not hold"
                print(f"  totals of {report.parent.name}/{table['name']}: {table['totals_checked']} checked, {held}")


def peers(folder: Path) -> None:
    """The peers' tables: bilag's published ones, then camelot's and pdfplumber's own, by the same scorer."""
    cases = PEERS / "cases.json"
    _, out = run_bilag(sorted((PEERS / "pdf").glob("*.pdf")), folder)
    print("peers (camelot's test suite, ../shared/tables/peers):")
    for label, command in (
        ("bilag", [str(out), str(cases)]),
        ("camelot alone", ["--baseline", "camelot", str(cases)]),
        ("pdfplumber alone", ["--baseline", "pdfplumber", str(cases)]),
    ):
        _, score = timed([sys.executable, str(PEER_SUITE), *command])
        print(f"  {label}: {score}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--skip-icdar", action="store_true", help="only the test files and real documents (a minute)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        test_files(Path(folder) / "test-files")
        real_documents(Path(folder) / "real")
        peers(Path(folder) / "peers")
        if not args.skip_icdar:
            icdar(Path(folder) / "icdar")


if __name__ == "__main__":
    main()
