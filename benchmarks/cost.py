"""What a page costs: CPU seconds per page for bilag beside pdfplumber and camelot alone, and on a scan beside
OCRmyPDF alone.

    .venv/bin/python benchmarks/cost.py [--sets real icdar2013] [--rounds 2] [--no-scan]

Born-digital sets (../shared): the real documents (``real/``, the scan left out) and ICDAR-2013's 67 PDFs.
For each, the CPU seconds of every process a command started (this process is their subreaper, so a fork
server and its children are counted once reaped), per page:

- bilag: ``bilag run`` on a folder of the set's PDFs, each PDF a package: the whole run (start-up, the
  fork server's imports, the driver), and the packages' own work (their fenced children, as the ledger
  records it): what a page costs once a run is under way;
- pdfplumber alone: ``extract_words`` and ``find_tables`` on every page;
- camelot alone: ``read_pdf`` lattice, then stream, on every page.

For pdfplumber and camelot, "start-up left out" takes away a run of the same script on no PDF (its
imports). Then a scan of the sample built by the fixtures (``pipeline/fixtures/scan.py``): ``ocrmypdf -l
dan`` alone, ``ocrmypdf -l dan --rotate-pages`` and ``bilag run`` on it, interleaved, the least CPU of
``--rounds`` runs each; the same on the sample fed turned and on the real Ballerup scan (its table pages
shown sideways). The goals (issue 25): bilag at most 0.1 CPU-s per born-digital page, at most 1.1x
OCRmyPDF on a scan.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from cpu import Cost, measured  # noqa: E402

from pipeline.fixtures.sample import build_sample  # noqa: E402
from pipeline.fixtures.scan import ScanOptions, scan_pdf  # noqa: E402

PDFPLUMBER = """
import sys, pdfplumber
for path in sys.argv[1:]:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_words()
            page.find_tables()
            page.close()
"""
CAMELOT = """
import sys, warnings, camelot
warnings.simplefilter("ignore")
for path in sys.argv[1:]:
    for flavor in ("lattice", "stream"):
        try:
            camelot.read_pdf(path, pages="all", flavor=flavor)
        except Exception as error:  # a page camelot cannot read costs what it cost
            print(path, flavor, type(error).__name__, file=sys.stderr)
"""


def pages_of(pdfs: list[Path]) -> int:
    import pypdfium2

    total = 0
    for pdf in pdfs:
        document = pypdfium2.PdfDocument(str(pdf))
        total += len(document)
        document.close()
    return total


def bilag(pdfs: list[Path], work: Path) -> tuple[Cost, float]:
    """The whole run's cost, and the CPU seconds its packages' fenced children used (the ledger's)."""
    raw, out = work / "raw", work / "out"
    shutil.rmtree(work, ignore_errors=True)
    raw.mkdir(parents=True)
    for pdf in pdfs:
        shutil.copyfile(pdf, raw / pdf.name)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cost = measured([sys.executable, "-m", "pipeline", "run", str(raw), "--out", str(out)], env)
    ledger = json.loads((out / ".bilag" / "ledger.json").read_text(encoding="utf-8"))
    return cost, sum(entry.get("cpu_seconds", 0.0) for entry in ledger.values())


def alone(script: str, pdfs: list[Path]) -> tuple[Cost, Cost]:
    """The script on the PDFs, and on none (its start-up)."""
    return measured([sys.executable, "-c", script, *map(str, pdfs)]), measured([sys.executable, "-c", script])


def born_digital(name: str, pdfs: list[Path], work: Path) -> None:
    pages = pages_of(pdfs)
    run, own = bilag(pdfs, work / name)
    print(f"\n{name}: {len(pdfs)} PDFs, {pages} pages (CPU seconds per page)")
    print(f"  {'':34} {'whole':>8} {'start-up left out':>18} {'wall s':>7}")
    print(f"  {'bilag run':34} {run.cpu / pages:8.3f} {own / pages:18.3f} {run.wall:7.1f}")
    print(f"  {'  start-up and driver (s)':34} {run.cpu - own:8.1f}")
    for label, script in (("pdfplumber words + tables", PDFPLUMBER), ("camelot lattice, then stream", CAMELOT)):
        total, startup = alone(script, pdfs)
        print(f"  {label:34} {total.cpu / pages:8.3f} {(total.cpu - startup.cpu) / pages:18.3f} {total.wall:7.1f}")


def scans(work: Path) -> dict[str, Path]:
    """The scans measured: the sample scanned upright and fed carelessly (the tests' turned scan: a page
    upside down, two sideways), and the real Ballerup scan (seven table pages shown sideways) if present."""
    sample = build_sample(work / "built" / "kkr-hovedstaden-2025-06.pdf")
    turned = ScanOptions(turned=((2, 180), (3, 90), (9, 270)), smudged=((7, "Region Sjælland i alt"),))
    found = {
        "scan of the sample, 300 dpi": scan_pdf(sample, work / "upright" / "scan.pdf", ScanOptions(dpi=300)),
        "the sample fed turned (1 upside down, 2 sideways)": scan_pdf(sample, work / "turned" / "turned.pdf", turned),
    }
    ballerup = SHARED / "real" / "ballerup-bygningsliste-scan-2012.pdf"
    if ballerup.exists():
        (work / "ballerup").mkdir(parents=True, exist_ok=True)
        found["real Ballerup scan (7 of 8 pages sideways)"] = Path(shutil.copy(ballerup, work / "ballerup"))
    return found


def scan(label: str, pdf: Path, work: Path, rounds: int) -> None:
    pages = pages_of([pdf])
    work.mkdir(parents=True, exist_ok=True)
    ocrmypdf = [sys.executable, "-m", "ocrmypdf", "-q", "-l", "dan", "--force-ocr", "--output-type", "pdf"]
    ocrmypdf += ["--optimize", "0"]
    commands = {
        "ocrmypdf -l dan alone": ocrmypdf + [str(pdf), str(work / "alone.pdf")],
        "ocrmypdf -l dan --rotate-pages": ocrmypdf + ["--rotate-pages", str(pdf), str(work / "rotated.pdf")],
        "bilag run": [sys.executable, "-m", "pipeline", "run", str(pdf.parent), "--out", str(work / "out"), "--force"],
    }
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    costs: dict[str, list[Cost]] = {name: [] for name in commands}
    for round_ in range(rounds):
        for name in commands if round_ % 2 == 0 else reversed(commands):
            costs[name].append(measured(commands[name], env))
    least = {name: min(c.cpu for c in runs) for name, runs in costs.items()}
    best = {name: min(c.wall for c in runs) for name, runs in costs.items()}
    print(f"\n{label} ({pages} pages), the least of {rounds} interleaved runs each")
    print(f"  {'':34} {'CPU s':>7} {'per page':>8} {'wall s':>7}")
    for name, cpu in least.items():
        print(f"  {name:34} {cpu:7.1f} {cpu / pages:8.3f} {best[name]:7.1f}")
    ours = "bilag run"
    for alone in ("ocrmypdf -l dan alone", "ocrmypdf -l dan --rotate-pages"):
        print(f"  bilag / {alone}: CPU {least[ours] / least[alone]:.2f}x, wall {best[ours] / best[alone]:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sets", nargs="*", default=["real", "icdar2013"], help="real icdar2013")
    parser.add_argument("--rounds", type=int, default=2, help="interleaved runs of each on the scan")
    parser.add_argument("--no-scan", action="store_true")
    args = parser.parse_args()
    sets = {
        "real": sorted(p for p in (SHARED / "real").glob("*.pdf") if "scan" not in p.name),
        "icdar2013": sorted((SHARED / "tables" / "icdar2013").glob("*/*.pdf")),
    }
    with tempfile.TemporaryDirectory(prefix="bench-cost-") as folder:
        for name in args.sets:
            if not sets.get(name):
                print(f"{name}: no PDFs found (left out)")
                continue
            born_digital(name, sets[name], Path(folder))
        if not args.no_scan:
            for number, (label, pdf) in enumerate(scans(Path(folder) / "scans").items()):
                scan(label, pdf, Path(folder) / f"scan-{number}", args.rounds)


if __name__ == "__main__":
    main()
