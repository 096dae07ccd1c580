"""Are bilag's outputs byte for byte what they were? A refactoring's check (issue 24: behaviour unchanged).

Runs ``bilag run`` on the sample package and on the shared sets (../shared: the real documents,
camelot's and the peers' test files, nics, ICDAR-2013), one run a set, and lists the SHA-256 of
every file it published (the ledger and processed/index.html left out: they hold when the run
ran, how long it took and the memory it used).

    python benchmarks/same_outputs.py --record before.json          # on the old code
    python benchmarks/same_outputs.py --check before.json           # on the new: exit 1 on any difference

``--python`` runs another checkout's bilag (``PYTHONPATH`` set to ``--source``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def input_sets() -> dict[str, list[Path]]:
    """Each set's PDFs; a set whose folder is missing is left out (and said so)."""
    tables = SHARED / "tables"
    found = {
        "sample": sorted((ROOT / "raw").glob("*.pdf")),
        "real": sorted((SHARED / "real").glob("*.pdf")),
        "camelot": sorted((tables / "camelot").glob("*.pdf")),
        "peers": sorted((tables / "peers" / "pdf").glob("*.pdf")),
        "nics": sorted(tables.glob("*.pdf")),
        "icdar2013": sorted((tables / "icdar2013").glob("*/*.pdf")),
    }
    for name, pdfs in found.items():
        if not pdfs:
            print(f"same_outputs: {name}: no PDFs found (left out)", file=sys.stderr)
    return {name: pdfs for name, pdfs in found.items() if pdfs}


def digest_set(name: str, pdfs: list[Path], python: str, source: Path) -> dict[str, str]:
    with tempfile.TemporaryDirectory(prefix=f"same-outputs-{name}-") as work:
        raw, out = Path(work) / "raw", Path(work) / "out"
        raw.mkdir()
        for pdf in pdfs:
            shutil.copyfile(pdf, raw / pdf.name)
        env = {**os.environ, "PYTHONPATH": str(source)}
        command = [python, "-m", "pipeline", "run", str(raw), "--out", str(out)]
        done = subprocess.run(command, env=env, cwd=work, capture_output=True, text=True, check=False)
        print(f"same_outputs: {name}: {len(pdfs)} PDFs, exit {done.returncode}", file=sys.stderr)
        digests = {"exit": str(done.returncode)}
        for path in sorted(out.rglob("*")):
            relative = path.relative_to(out).as_posix()
            if path.is_file() and not relative.startswith(".bilag/") and relative != "index.html":
                digests[relative] = hashlib.sha256(path.read_bytes()).hexdigest()
        return digests


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--record", type=Path, metavar="FILE", help="write the digests to FILE")
    what.add_argument("--check", type=Path, metavar="FILE", help="compare with FILE; exit 1 on a difference")
    parser.add_argument("--python", default=sys.executable, help="the Python that has bilag's dependencies")
    parser.add_argument("--source", type=Path, default=ROOT, help="the checkout whose bilag runs")
    parser.add_argument("--sets", nargs="*", help="only these sets (sample real camelot peers nics icdar2013)")
    args = parser.parse_args()
    sets = {k: v for k, v in input_sets().items() if not args.sets or k in args.sets}
    now = {name: digest_set(name, pdfs, args.python, args.source.resolve()) for name, pdfs in sets.items()}
    if args.record:
        args.record.write_text(json.dumps(now, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"{sum(len(v) - 1 for v in now.values())} files in {len(now)} sets recorded in {args.record}")
        return 0
    before = json.loads(args.check.read_text(encoding="utf-8"))
    differences = 0
    for name, digests in now.items():
        old = before.get(name, {})
        for key in sorted(set(old) | set(digests)):
            if old.get(key) != digests.get(key):
                differences += 1
                state = "missing now" if key not in digests else "new" if key not in old else "differs"
                print(f"{name}: {key}: {state}")
    files = sum(len(v) - 1 for v in now.values())
    print(f"{files} files in {len(now)} sets: {differences} difference(s)")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
