"""Many scanned packages: packages per minute on 1 process, on N (--jobs N), and on a Dask LocalCluster.

    .venv/bin/python benchmarks/parallel.py [--packages 20] [--jobs 2] [--pages 11]

Builds N distinct scanned packages with the fixture code (the sample with its own
landstal year and its own scan noise, 300 dpi), then times `bilag run` on them with
`--jobs 1` (one core: packages and OCR one at a time), `--jobs N`, and `--scheduler`
pointing at a LocalCluster of N single-threaded worker processes (started before the
clock, as a cluster would be). It checks that the three outputs are byte-identical.
The goal (issue 6): on 2 cores, 2 jobs at least 1.7x as fast as 1, Dask within 15%.
`--pages K` keeps the first K pages of each package, for a quicker look. `--uneven 17,10,10,12`
builds packages of those page counts instead (a package of more than 11 pages is a folder of
two scanned bilag), the case where a large package used to finish alone on one core (issue 25:
two jobs at least 1.75x one).
"""

from __future__ import annotations

import argparse
import filecmp
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.fixtures.sample import build_sample, load_figures  # noqa: E402
from pipeline.fixtures.scan import ScanOptions, scan_pdf  # noqa: E402


def build(raw: Path, packages: int, pages: int) -> None:
    import pikepdf

    with tempfile.TemporaryDirectory() as folder:
        for number in range(packages):
            figures = load_figures()
            figures["year"] += number
            clean = build_sample(Path(folder) / f"clean-{number}.pdf", figures)
            if pages:
                with pikepdf.open(clean, allow_overwriting_input=True) as pdf:
                    del pdf.pages[pages:]
                    pdf.save(clean)
            scan_pdf(clean, raw / f"pakke-{number:03d}.pdf", ScanOptions(dpi=300, seed=number))


def build_uneven(raw: Path, sizes: list[int]) -> None:
    """Packages of the given page counts: each a folder of scanned bilag of at most 11 pages."""
    import pikepdf

    with tempfile.TemporaryDirectory() as folder:
        for number, size in enumerate(sizes):
            package = raw / f"pakke-{number:03d}"
            package.mkdir()
            for part, start in enumerate(range(0, size, 11)):
                figures = load_figures()
                figures["year"] += number
                clean = build_sample(Path(folder) / f"clean-{number}-{part}.pdf", figures)
                with pikepdf.open(clean, allow_overwriting_input=True) as pdf:
                    del pdf.pages[min(11, size - start) :]
                    pdf.save(clean)
                scan_pdf(clean, package / f"bilag-{part + 1}.pdf", ScanOptions(dpi=300, seed=10 * number + part))


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode not in (0, 1):
        sys.exit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr}")
    return time.perf_counter() - started


def same(left: Path, right: Path) -> bool:
    """Byte-identical trees (bilag's hidden state and the run's index page, which says what each run cost, aside)."""
    compare = filecmp.dircmp(left, right, ignore=[".bilag", "index.html"])
    if compare.left_only or compare.right_only or compare.funny_files:
        return False
    _, mismatch, errors = filecmp.cmpfiles(left, right, compare.common_files, shallow=False)
    return not mismatch and not errors and all(same(left / d, right / d) for d in compare.common_dirs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--packages", type=int, default=20)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--pages", type=int, default=0, help="keep the first K pages (0: all 11)")
    parser.add_argument("--uneven", default="", help="page counts of the packages, e.g. 17,10,10,12")
    parser.add_argument("--no-dask", action="store_true", help="leave the Dask cluster out")
    args = parser.parse_args()
    sizes = [int(size) for size in args.uneven.split(",") if size]
    if sizes:
        args.packages = len(sizes)
    from distributed import LocalCluster

    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        raw = work / "raw"
        raw.mkdir()
        started = time.perf_counter()
        if sizes:
            build_uneven(raw, sizes)
        else:
            build(raw, args.packages, args.pages)
        print(f"{args.packages} scanned packages built in {time.perf_counter() - started:.0f} s")
        bilag = [sys.executable, "-m", "pipeline", "run", str(raw), "--out"]
        one = timed(bilag + [str(work / "one"), "--jobs", "1"])
        many = timed(bilag + [str(work / "many"), "--jobs", str(args.jobs)])
        runs = [("1 process", one), (f"--jobs {args.jobs}", many)]
        if not args.no_dask:
            with LocalCluster(
                n_workers=args.jobs, threads_per_worker=1, processes=True, dashboard_address=None
            ) as cluster:
                runs.append(
                    (
                        f"Dask ({args.jobs} workers)",
                        timed(bilag + [str(work / "dask"), "--scheduler", cluster.scheduler_address]),
                    )
                )
        for label, seconds in runs:
            per_minute = 60 * args.packages / seconds
            print(f"  {label:18s} {seconds:7.1f} s  {per_minute:5.2f} packages/min  ({one / seconds:.2f} x)")
        print(f"  outputs byte-identical: --jobs {args.jobs} {same(work / 'one', work / 'many')}")
        if not args.no_dask:
            print(f"  Dask against --jobs {args.jobs}: {runs[2][1] / many - 1:+.0%} time, "
                  f"outputs byte-identical: {same(work / 'one', work / 'dask')}")  # fmt: skip


if __name__ == "__main__":
    main()
