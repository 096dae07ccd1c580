"""CPU seconds of the test suite, module by module, with every process the tests start.

    .venv/bin/python benchmarks/suite.py [tests/ocr ...]

Each test module runs alone (pytest without xdist), so a session fixture shared by several modules
is paid by each of them: the column says what running that module alone costs. The suite's own
wall time is `make test`'s; this says where its CPU goes, and a busy machine barely moves it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cpu import measured  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=["tests"])
    args = parser.parse_args()
    modules = sorted(m for p in args.paths for m in ([Path(p)] if p.endswith(".py") else Path(p).rglob("test_*.py")))
    total = 0.0
    rows = []
    for module in modules:
        cost = measured([sys.executable, "-m", "pytest", "-q", "-p", "no:xdist", "-p", "no:cacheprovider", str(module)])
        total += cost.cpu
        rows.append((cost.cpu, cost.wall, module))
        print(f"{cost.cpu:8.1f} CPU-s {cost.wall:8.1f} s  {module}", flush=True)
    print("\nmost CPU first:")
    for cpu, wall, module in sorted(rows, reverse=True)[:15]:
        print(f"{cpu:8.1f} CPU-s {wall:8.1f} s  {module}")
    print(f"{total:8.1f} CPU-s in all, {len(rows)} modules")


if __name__ == "__main__":
    main()
