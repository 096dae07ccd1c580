"""What the fence costs, and what it holds: the sample alone, in and out of the fence; every hostile file.

Prints, for `bilag run` on the sample (11 pages, born-digital): seconds with the fence (a
child forked from a preloaded server) against the same stages run in the driver's own
process; then the whole hostile folder of issue 15 beside the sample: seconds, exit code,
quarantined packages, and the peak memory (PSS) of the whole process tree, sampled every
50 ms; and what issue 15 asks of that run: no traceback, every hostile file quarantined
with a reason, the sample byte for byte as its clean run, the A0 plan published, nothing
left in $TMPDIR. Run: make bench-fence
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "raw" / "kkr-hovedstaden-2025-06.pdf"
MB = 1 << 20


@dataclass
class Measured:
    seconds: float
    code: int
    peak_mb: float  # PSS of the process tree, at its highest
    cpu: float  # CPU seconds of the process tree (each process's last sample)
    stderr: str


def measured(command: list[str], env: dict | None = None) -> Measured:
    started = time.perf_counter()
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors, env=env)
        root, peak, cpu = psutil.Process(process.pid), 0, {}
        while process.poll() is None:
            total = 0
            for member in [root, *root.children(recursive=True)]:
                try:
                    with member.oneshot():
                        total += member.memory_full_info().pss
                        times = member.cpu_times()
                    cpu[member.pid] = times.user + times.system  # its own: a reaped child is counted by itself
                except psutil.Error:
                    continue
            peak = max(peak, total)
            time.sleep(0.05)
        errors.seek(0)
        said = errors.read().decode("utf-8", "replace")
    return Measured(time.perf_counter() - started, process.returncode, peak / MB, sum(cpu.values()), said)


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


UNFENCED = """
import sys
from pathlib import Path
from pipeline.running.background import shut_down
from pipeline.base.config import DEFAULT_CONFIG_DIR
from pipeline.base.settings import load_settings
from pipeline.intake.ingest import find_packages
from pipeline.stages import run_package
settings = load_settings(DEFAULT_CONFIG_DIR)
for package in find_packages(Path(sys.argv[1])):
    run_package(package, Path(sys.argv[2]), settings)
shut_down()
"""


def main() -> None:
    from pipeline.fixtures.bad import hostile_folder

    python = sys.executable
    with tempfile.TemporaryDirectory(prefix="bench-fence-") as folder:
        work = Path(folder)
        (work / "raw").mkdir()
        shutil.copy(SAMPLE, work / "raw")
        alone = []
        for n in range(3):  # the file is moved to quarantine/: a new folder each time
            (work / f"refused{n}").mkdir()
            (work / f"refused{n}" / "notes.pdf").write_text("not a PDF\n", encoding="utf-8")
            command = [python, "-m", "pipeline", "run", str(work / f"refused{n}"), "--out", str(work / f"r{n}")]
            alone.append(measured(command))
        fastest = min(alone, key=lambda m: m.cpu)
        print(
            f"one refused file alone (start-up, the fence's child, preflight): {fastest.seconds:.1f} s, "
            f"{fastest.cpu:.1f} s of CPU (best of 3), exit {fastest.code}"
        )
        rows = []
        for label, command in (
            ("in the driver's process", [python, "-c", UNFENCED, str(work / "raw"), str(work / "a")]),
            ("fenced (bilag run)", [python, "-m", "pipeline", "run", str(work / "raw"), "--out", str(work / "b")]),
        ):
            rows.append((label, measured(command)))
        print("the sample (11 pages), start-up included:")
        for label, run in rows:
            figures = f"{run.seconds:6.1f} s  {run.cpu:5.1f} s CPU  exit {run.code}  peak {run.peak_mb:5.0f} MB"
            print(f"  {label:26s} {figures}")
        print(f"  the fence costs {rows[1][1].seconds - rows[0][1].seconds:+.1f} s on this run")

        hostile, temp = work / "hostile", work / "tmp"
        made = hostile_folder(hostile, SAMPLE)
        temp.mkdir()
        command = [python, "-m", "pipeline", "run", str(hostile), "--out", str(work / "c")]
        run = measured(command, env={**os.environ, "TMPDIR": str(temp)})
        moved = [p for p in (hostile / "quarantine").iterdir() if not p.name.endswith(".reason.txt")]
        reasons = [p for p in moved if p.with_name(p.name + ".reason.txt").read_text(encoding="utf-8").strip()]
        print(
            f"hostile folder ({len(made)} files + the sample): {run.seconds:.1f} s, exit {run.code}, "
            f"{len(moved)} quarantined ({len(reasons)} with a reason), "
            f"peak memory of the process tree {run.peak_mb:.0f} MB"
        )
        same = tree(work / "c" / SAMPLE.stem) == tree(work / "b" / SAMPLE.stem)
        plan = (work / "c" / "a0-site-plan").is_dir()
        print(
            f"  traceback: {'yes' if 'Traceback' in run.stderr else 'none'}; "
            "the sample byte for byte as its clean run: "
            f"{'yes' if same else 'NO'}; the A0 plan published: {'yes' if plan else 'NO'}; "
            f"left in $TMPDIR: {sorted(os.listdir(temp)) or 'nothing'}"
        )


if __name__ == "__main__":
    main()
