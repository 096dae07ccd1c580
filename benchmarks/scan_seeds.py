"""Scans of every kind, one per seed: cells right, wrong but named, wrong and silent.

    .venv/bin/python benchmarks/scan_seeds.py [--seeds 40] [--fax 6] [--only 36 1004] [--keep DIR]

Each seed is a scan variant of the sample (pipeline/fixtures/scan_seeds.py: font, ruling,
Bilag A or B, 1-3 of its pages scanned at 150-300 dpi, JPEG q20-70, skew up to 2°, turned
0/90/180/270°, specks), run through every stage. Printed per seed and in total: the cells
of the rows on the scanned pages that are right, wrong (or empty) but named by a finding or
flagged in the report, and wrong and silent (any wrong cell elsewhere counts too). Then the
same for --fax seeds with every page of the bilag scanned at 200 dpi, JPEG q30.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.base.config import DEFAULT_CONFIG_DIR  # noqa: E402
from pipeline.base.settings import load_settings  # noqa: E402
from pipeline.fixtures.scan_seeds import Score, build_variant, scan_variant  # noqa: E402
from pipeline.intake.ingest import find_packages  # noqa: E402
from pipeline.stages import run_package  # noqa: E402


def run_seed(seed: int, work: Path, settings, **fixed) -> Score:
    from pipeline.fixtures.scan_seeds import score

    variant = scan_variant(seed, **fixed)
    raw = work / f"raw-{seed}"
    started = time.perf_counter()
    scanned, codes = build_variant(variant, raw / f"seed-{seed}.pdf")
    package = find_packages(raw)[0]
    result = run_package(package, work / "out", settings)
    got = score(result.output, variant, codes)
    total = got.right + len(got.named) + len(got.silent)
    print(
        f"  seed {seed:3d}  {variant.describe():95s} pages {','.join(map(str, scanned)):8s}"
        f" {got.right:4d} right {len(got.named):3d} named {len(got.silent):3d} silent"
        f"  of {total:4d}  {result.status:9s} {time.perf_counter() - started:5.1f} s",
        flush=True,
    )
    for cell in got.silent:
        print(f"      SILENT {cell}")
    for cell in got.named:
        print(f"      named  {cell}")
    return got


def run(seeds: range | list[int], work: Path, settings, title: str, **fixed) -> None:
    print(title)
    total = Score()
    for seed in seeds:
        total.add(run_seed(seed, work, settings, **fixed))
    cells = total.right + len(total.named) + len(total.silent)
    print(
        f"  total: {total.right} right ({total.right / max(cells, 1):.2%}), {len(total.named)} wrong but named,"
        f" {len(total.silent)} wrong and silent ({len(total.unnamed_empty)} of them empty), of {cells} cells\n"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", type=int, default=40)
    parser.add_argument("--first", type=int, default=0)
    parser.add_argument("--fax", type=int, default=6, help="seeds at 200 dpi, JPEG q30, every bilag page scanned")
    parser.add_argument("--only", type=int, nargs="+", help="just these seeds (1000 and up: fax seeds)")
    parser.add_argument("--keep", type=Path, help="keep each seed's output in this folder")
    args = parser.parse_args()
    settings = load_settings(DEFAULT_CONFIG_DIR)
    with tempfile.TemporaryDirectory(prefix="bilag-seeds-") as folder:
        work = args.keep or Path(folder)
        if args.only:
            plain = [seed for seed in args.only if seed < 1000]
            fax = [seed for seed in args.only if seed >= 1000]
            if plain:
                run(plain, work, settings, f"seeds {plain}:")
            if fax:
                run(fax, work, settings, f"fax seeds {fax}:", dpi=200, jpeg_quality=30, every_page=True)
            return
        seeds = range(args.first, args.first + args.seeds)
        run(seeds, work, settings, f"{args.seeds} scan variants (seeds {seeds.start}-{seeds.stop - 1}):")
        fax = range(1000, 1000 + args.fax)
        run(
            fax,
            work,
            settings,
            f"200 dpi, JPEG q30, every page of the bilag ({args.fax} seeds):",
            dpi=200,
            jpeg_quality=30,
            every_page=True,
        )


if __name__ == "__main__":
    main()
