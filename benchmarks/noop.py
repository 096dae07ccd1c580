"""A run with nothing new: how long cron's every-few-minutes run takes over many processed packages.

    .venv/bin/python benchmarks/noop.py [--packages 50]

Builds N distinct packages with the fixture code (each its own landstal year), processes
them once, then times `bilag run` again (nothing to do) as a whole command, start-up
included: with the hash cache, and with it deleted (every PDF read and hashed again).
The goal (issue 5): under 2 seconds for 50 processed packages.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.fixtures.sample import build_sample, load_figures  # noqa: E402


def timed(command: list[str]) -> tuple[float, subprocess.CompletedProcess]:
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    return time.perf_counter() - started, done


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--packages", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        raw, out = Path(folder) / "raw", Path(folder) / "processed"
        raw.mkdir()
        for number in range(args.packages):
            figures = load_figures()
            figures["year"] += number
            build_sample(raw / f"pakke-{number:03d}.pdf", figures)
        bilag = [sys.executable, "-m", "pipeline", "run", str(raw), "--out", str(out)]
        first, done = timed(bilag)
        print(f"{args.packages} packages processed in {first:.1f} s: {done.stdout.splitlines()[-1]}")
        runs = [timed(bilag) for _ in range(3)]
        print(f"second run, nothing new:     {min(t for t, _ in runs):.2f} s (best of 3): {runs[0][1].stdout.strip()}")
        (out / ".bilag" / "hashes.json").unlink()
        cold, _ = timed(bilag)
        print(f"the same without hash cache: {cold:.2f} s (every PDF read and hashed again)")
        status, _ = timed([sys.executable, "-m", "pipeline", "status", str(raw), "--out", str(out)])
        print(f"bilag status:                {status:.2f} s")


if __name__ == "__main__":
    main()
