"""Cells that hold what the page prints in two cells: words of two columns, or of two rows, in one.

Issue 21 asks that no published cell hold words from two printed columns (two figures joined into one
number is the worst case: ``439`` and ``55`` published as ``43955``). For each truth table (ICDAR-2013's
cells with their rows and columns; the peers' expected CSVs) and each table bilag published on its page,
a published cell that matches no truth cell but reads (format-free: letters and digits, as the scorers
compare) as two or more truth cells of one row side by side is *joined across columns*; as cells of one
column one under the other, *joined across rows*. Prints the counts and every such cell.

    python benchmarks/straddle.py                    # runs bilag on ICDAR-2013 and the peers first
    python benchmarks/straddle.py --icdar OUT --peers OUT   # score published folders (bilag run --out OUT)
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
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "tables"
MAX_JOINED = 4  # truth cells side by side (or one under the other) one published cell may stand for


def key(text: object) -> str:
    return re.sub(r"[^0-9a-zæøåéü]", "", str(text or "").lower())


Grid = dict[tuple[int, int], str]  # (row, column) -> key


def icdar_truth(folder: Path) -> dict[tuple[str, int], list[Grid]]:
    """Each ICDAR-2013 truth region as a grid of keys, by (PDF stem, page)."""
    found: dict[tuple[str, int], list[Grid]] = collections.defaultdict(list)
    for xml in sorted(folder.rglob("*-str.xml")):
        stem = xml.name[: -len("-str.xml")]
        for region in ET.parse(xml).getroot().iter("region"):
            grid = {
                (int(c.get("start-row")), int(c.get("start-col"))): key(c.findtext("content"))
                for c in region.iter("cell")
            }
            found[(stem, int(region.get("page")))].append(grid)
    return found


def peers_truth(folder: Path) -> dict[tuple[str, int], list[Grid]]:
    """Each peer case's expected table as a grid of keys, by (PDF stem, page)."""
    found: dict[tuple[str, int], list[Grid]] = collections.defaultdict(list)
    for case in json.loads((folder / "cases.json").read_text(encoding="utf-8")):
        with (folder / case["expected"]).open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        grid = {(r, c): key(v) for r, row in enumerate(rows) for c, v in enumerate(row)}
        found[(Path(case["pdf"]).stem, int(case["page"]))].append(grid)
    return found


def published(out: Path, stem: str, page: int) -> list[str]:
    """Every cell bilag published for the page (its tables' CSV files for that page)."""
    cells = []
    for path in sorted((out / stem / "tables").rglob(f"page-{page:03d}-*.csv")):
        if "provenance" not in path.name:
            with path.open(encoding="utf-8-sig", newline="") as handle:
                cells += [v for row in csv.reader(handle) for v in row if key(v)]
    return cells


def joins(grid: Grid) -> dict[str, str]:
    """Every run of 2..MAX_JOINED non-empty truth cells side by side or one under the other, as the key a cell
    holding them all would have -> 'columns' or 'rows' (a key that is itself one truth cell is left out)."""
    single = set(grid.values())
    runs: dict[str, str] = {}
    for (row, column), text in grid.items():
        if not text:
            continue
        for step, kind in (((0, 1), "columns"), ((1, 0), "rows")):
            parts, r, c = [text], row, column
            for _ in range(MAX_JOINED - 1):
                r, c = r + step[0], c + step[1]
                while (r, c) in grid and not grid[(r, c)] and kind == "columns" and c - column < 2 * MAX_JOINED:
                    c += 1  # an empty truth cell between two printed ones (a spanning header's other columns)
                if not grid.get((r, c)):
                    break
                parts.append(grid[(r, c)])
                joined = "".join(parts)
                if joined not in single:
                    runs.setdefault(joined, kind)
    return runs


def straddling(truth: dict[tuple[str, int], list[Grid]], out: Path) -> list[tuple[str, int, str, str]]:
    """(stem, page, kind, cell as published) for every published cell that joins printed cells."""
    found = []
    for (stem, page), grids in sorted(truth.items()):
        single = {v for grid in grids for v in grid.values()}
        runs: dict[str, str] = {}
        for grid in grids:
            runs.update(joins(grid))
        for cell in published(out, stem, page):
            k = key(cell)
            if k not in single and k in runs:
                found.append((stem, page, runs[k], cell))
    return found


def run_bilag(pdfs: list[Path], out: Path) -> None:
    raw = Path(tempfile.mkdtemp(prefix="straddle-raw-"))
    for pdf in pdfs:
        shutil.copy(pdf, raw / pdf.name)
    subprocess.run([sys.executable, "-m", "pipeline", "run", str(raw), "--out", str(out)], capture_output=True)
    shutil.rmtree(raw, ignore_errors=True)


def report(name: str, truth: dict[tuple[str, int], list[Grid]], out: Path) -> None:
    found = straddling(truth, out)
    cells = sum(len(published(out, stem, page)) for stem, page in truth)
    kinds = collections.Counter(kind for *_, kind, _ in found)
    print(
        f"{name}: {cells} cells published on the truth's pages; joined across columns {kinds['columns']}, "
        f"across rows {kinds['rows']}"
    )
    for stem, page, kind, cell in found:
        print(f"  {stem} p{page} {kind:7s} {cell!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--icdar", type=Path, help="bilag's output folder for ICDAR-2013 (else run here)")
    parser.add_argument("--peers", type=Path, help="bilag's output folder for the peers (else run here)")
    options = parser.parse_args()
    icdar, peers = SHARED / "icdar2013", SHARED / "peers"
    work = Path(tempfile.mkdtemp(prefix="straddle-"))
    if options.icdar is None:
        options.icdar = work / "icdar"
        run_bilag(sorted(icdar.rglob("*.pdf")), options.icdar)
    if options.peers is None:
        options.peers = work / "peers"
        run_bilag(sorted((peers / "pdf").glob("*.pdf")), options.peers)
    report("ICDAR-2013", icdar_truth(icdar), options.icdar)
    report("peers", peers_truth(peers), options.peers)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
