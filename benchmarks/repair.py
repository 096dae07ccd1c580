"""Benchmark of the Danish repair: accuracy on the development gold, and speed.

Prints the share of misread tokens repaired exactly, the share of correct tokens
changed (both from ../shared/bench/score_repair.py), and tokens per second over the
whole seed text after start-up.

    python benchmarks/repair.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    seed = args.shared / "seed" / "000_e052147a645e90be.txt"
    gold = args.shared / "gold" / "seed_lines_0001-1000.gold.txt"
    if not seed.is_file() or not gold.is_file():
        print(f"benchmark needs {seed} and {gold}", file=sys.stderr)
        return 2

    started = time.perf_counter()
    from pipeline.danish.repair import load_repairer

    repairer = load_repairer()
    repairer.repair_lines(["opvarmning"])  # load ftfy and wordfreq's English list too
    startup = time.perf_counter() - started
    lines = seed.read_text(encoding="utf-8").split("\n")
    tokens = sum(len(line.split()) for line in lines)
    repairer.analyse.cache_clear()
    started = time.perf_counter()
    _, changes = repairer.repair_lines(lines)
    seconds = time.perf_counter() - started
    print(f"start-up: {startup:.2f} s (lexicon and word lists)")
    print(
        f"whole seed: {tokens} tokens in {seconds:.2f} s = {tokens / seconds:,.0f} tokens/s, "
        f"{sum(c.applied for c in changes)} changes, {sum(not c.applied for c in changes)} suggestions"
    )

    command = f"{sys.executable} -m pipeline repair-text"
    scored = subprocess.run(
        [
            sys.executable,
            str(args.shared / "bench" / "score_repair.py"),
            "--input",
            str(seed),
            "--lines",
            "1-1000",
            "--gold",
            str(gold),
            "--cmd",
            command,
            "--show",
            "0",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    print("development gold (seed lines 1-1000):")
    print("  " + "\n  ".join(scored.stdout.strip().splitlines()))
    return scored.returncode


if __name__ == "__main__":
    sys.exit(main())
