"""Many packages on a local Dask cluster beside ``--jobs``: pages per CPU-second, wall time, same outputs.

    .venv/bin/python benchmarks/dask_many.py [--packages 100] [--pages 3] [--workers 2]

Builds N distinct born-digital packages with the fixture code (the sample's first K pages, each
with its own landstal year), then runs ``bilag run --jobs W`` and ``bilag run --scheduler`` on a
LocalCluster of W single-threaded worker processes (started before the clock, as a cluster would
be). For each it prints the wall time, the CPU seconds of every process involved (for Dask the
cluster's workers too: they are this script's children, reaped when the cluster closes) and of
the packages' own fenced children (the ledger's), pages per CPU-second, and whether the outputs
are byte for byte the same.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from cpu import adopt_orphans, children_cpu  # noqa: E402
from parallel import same  # noqa: E402

from pipeline.fixtures.sample import build_sample, load_figures  # noqa: E402


def build(raw: Path, packages: int, pages: int) -> int:
    """N packages of ``pages`` pages each; the pages in all."""
    import pikepdf

    for number in range(packages):
        figures = load_figures()
        figures["year"] += number
        pdf = build_sample(raw / f"pakke-{number:03d}.pdf", figures)
        with pikepdf.open(pdf, allow_overwriting_input=True) as document:
            del document.pages[pages:]
            document.save(pdf)
    return packages * pages


def run(command: list[str], out: Path) -> tuple[float, float]:
    """Wall seconds of a bilag run, and the CPU seconds its packages' fenced children used."""
    started = time.perf_counter()
    done = subprocess.run(command + ["--out", str(out)], capture_output=True, text=True)
    wall = time.perf_counter() - started
    if done.returncode not in (0, 1):
        sys.exit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr}")
    ledger = json.loads((out / ".bilag" / "ledger.json").read_text(encoding="utf-8"))
    return wall, sum(entry.get("cpu_seconds", 0.0) for entry in ledger.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--packages", type=int, default=100)
    parser.add_argument("--pages", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    from distributed import LocalCluster

    adopt_orphans()  # a fork server left behind is reaped (and counted) here
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        raw = work / "raw"
        raw.mkdir()
        pages = build(raw, args.packages, args.pages)
        print(f"{args.packages} born-digital packages of {args.pages} pages built ({pages} pages)")
        bilag = [sys.executable, "-m", "pipeline", "run", str(raw)]
        rows = []
        before = children_cpu()
        wall, own = run(bilag + ["--jobs", str(args.workers)], work / "jobs")
        rows.append((f"--jobs {args.workers}", wall, children_cpu() - before, own))
        before = children_cpu()
        with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None) as cl:
            wall, own = run(bilag + ["--scheduler", cl.scheduler_address], work / "dask")
        rows.append((f"Dask ({args.workers} workers)", wall, children_cpu() - before, own))
        print(
            f"  {'':20s} {'wall s':>7s} {'CPU s':>7s} {'pages/CPU-s':>11s} {'packages CPU s':>14s} {'pages/CPU-s':>11s}"
        )
        for label, wall, cpu, own in rows:
            print(f"  {label:20s} {wall:7.1f} {cpu:7.1f} {pages / cpu:11.2f} {own:14.1f} {pages / own:11.2f}")
        print(f"  outputs byte-identical: {same(work / 'jobs', work / 'dask')}")


if __name__ == "__main__":
    main()
