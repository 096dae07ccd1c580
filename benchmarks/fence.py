"""What the fence costs, and what it holds: the sample alone, in and out of the fence; every hostile file.

Prints, for `bilag run` on the sample (11 pages, born-digital): seconds with the fence (a
child forked from a preloaded server) against the same stages run in the driver's own
process; then the whole hostile folder of issue 15 beside the sample: seconds, exit code,
quarantined packages, and the peak memory (PSS) of the whole process tree, sampled every
50 ms. Run: make bench-fence
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "raw" / "kkr-hovedstaden-2025-06.pdf"
MB = 1 << 20


def measured(command: list[str]) -> tuple[float, int, float]:
    """(seconds, exit code, peak PSS of the process tree in MB)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    root, peak = psutil.Process(process.pid), 0
    while process.poll() is None:
        total = 0
        for member in [root, *root.children(recursive=True)]:
            try:
                total += member.memory_full_info().pss
            except psutil.Error:
                continue
        peak = max(peak, total)
        time.sleep(0.05)
    return time.perf_counter() - started, process.returncode, peak / MB


UNFENCED = """
import sys
from pathlib import Path
from pipeline.background import shut_down
from pipeline.ingest import find_packages
from pipeline.run import run_package
for package in find_packages(Path(sys.argv[1])):
    run_package(package, Path(sys.argv[2]))
shut_down()
"""


def main() -> None:
    from pipeline.fixtures.bad import hostile_folder

    python = sys.executable
    with tempfile.TemporaryDirectory(prefix="bench-fence-") as folder:
        work = Path(folder)
        (work / "raw").mkdir()
        shutil.copy(SAMPLE, work / "raw")
        rows = []
        for label, command in (
            ("in the driver's process", [python, "-c", UNFENCED, str(work / "raw"), str(work / "a")]),
            ("fenced (bilag run)", [python, "-m", "pipeline", "run", str(work / "raw"), "--out", str(work / "b")]),
        ):
            seconds, code, peak = measured(command)
            rows.append((label, seconds, code, peak))
        print("the sample (11 pages), start-up included:")
        for label, seconds, code, peak in rows:
            print(f"  {label:26s} {seconds:6.1f} s  exit {code}  peak {peak:5.0f} MB")
        print(f"  the fence costs {rows[1][1] - rows[0][1]:+.1f} s on this run")

        hostile = work / "hostile"
        made = hostile_folder(hostile, SAMPLE)
        seconds, code, peak = measured([python, "-m", "pipeline", "run", str(hostile), "--out", str(work / "c")])
        quarantined = len([p for p in (hostile / "quarantine").iterdir() if not p.name.endswith(".reason.txt")])
        print(
            f"hostile folder ({len(made)} files + the sample): {seconds:.1f} s, exit {code}, "
            f"{quarantined} quarantined, peak memory of the process tree {peak:.0f} MB"
        )


if __name__ == "__main__":
    main()
