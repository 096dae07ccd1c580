"""Memory and cost against page count: a long born-digital package through ``bilag run`` (the fence).

Builds the project's long package (pipeline/fixtures/long.py) at each size, runs it alone, and
prints the package's peak memory as the fence saw it (its processes' resident sizes summed, every
0.1 s: bilag's limit is 1,536 MB) and the CPU seconds per page its fenced child used (start-up,
paid once by the fork server, left out).

    python benchmarks/long.py            # 100, 300 and 1000 pages
    python benchmarks/long.py 50 2000
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pipeline.fixtures.long import long_package


def measure(pages: int) -> tuple[float, float, float, str]:
    with tempfile.TemporaryDirectory(prefix="bench-long-") as work:
        raw, out = Path(work) / "raw", Path(work) / "processed"
        long_package(raw / "long.pdf", pages)
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "pipeline", "run", str(raw), "--out", str(out)], capture_output=True
        )
        wall = time.perf_counter() - started
        entry = json.loads((out / ".bilag" / "ledger.json").read_text(encoding="utf-8")).get("long", {})
        per_page = entry.get("cpu_seconds", 0.0) / pages
        return entry.get("peak_mb", 0.0), per_page, wall, f"exit {done.returncode}, {entry.get('state', '?')}"


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [100, 300, 1000]
    print(f"{'pages':>6} {'peak MB':>8} {'CPU-s/page':>11} {'wall s':>7}  outcome")
    for pages in sizes:
        peak, per_page, wall, outcome = measure(pages)
        print(f"{pages:>6} {peak:>8.0f} {per_page:>11.3f} {wall:>7.1f}  {outcome}", flush=True)


if __name__ == "__main__":
    main()
