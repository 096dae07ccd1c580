"""``bilag status``: every package bilag knows of, its state and when it got there.

States: published, failed-validation (published, but its report has findings),
quarantined (an input was refused), failed (bilag itself failed on it), new (in raw/,
never processed) and changed (its PDFs differ from what was last processed). Read only:
it takes no lock and writes nothing.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from pipeline.base.models import Package
from pipeline.running.ledger import Ledger

# The packages in a raw folder, hashing files through the given function (pipeline/intake/ingest.py)
FindPackages = Callable[[Path, Callable[[Path], str]], list[Package]]


@dataclass
class PackageState:
    package: str
    state: str
    when: str = ""
    pages: int = 0
    findings: int = 0
    message: str = ""
    flagged: int = 0  # figures published for a person to check
    seconds: float = 0.0  # how long its last run took
    peak_mb: float = 0.0  # the most memory its processes held together


def package_states(raw_dir: Path, out_dir: Path, find_packages: FindPackages) -> list[PackageState]:
    ledger = Ledger(out_dir)
    states = {
        name: PackageState(name, e.state, e.when, e.pages, e.findings, e.message, e.flagged, e.seconds, e.peak_mb)
        for name, e in ledger.entries.items()
    }
    if raw_dir.is_dir():
        for package in find_packages(raw_dir, ledger.file_sha256):
            entry = ledger.entries.get(package.id)
            if entry is None:
                states[package.id] = _from_manifest(package, out_dir) or PackageState(package.id, "new")
            elif entry.sha256 != package.sha256:
                states[package.id].state = "changed"
                states[package.id].message = f"its PDFs changed since it was {entry.state} {entry.when}"
    return sorted(states.values(), key=lambda s: s.package)


def _from_manifest(package, out_dir: Path) -> PackageState | None:
    """Published by a run that could not record it (killed, or its disk filled up): the manifest says so."""
    path = out_dir / package.id / "manifest.json"
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return None
    if manifest.get("package_sha256") != package.sha256:
        return None
    when = datetime.fromtimestamp(path.stat().st_mtime, UTC).replace(microsecond=0).isoformat()
    state = "published" if manifest.get("valid") else "failed-validation"
    return PackageState(package.id, state, when, manifest.get("pages", 0), message="not yet in the ledger")


def render(states: list[PackageState], as_json: bool = False) -> str:
    if as_json:
        return json.dumps([asdict(s) for s in states], ensure_ascii=False, indent=2)
    if not states:
        return "no packages yet"
    header = ("package", "state", "when", "pages", "findings", "note")
    rows = [(s.package, s.state, s.when or "-", str(s.pages), str(s.findings), s.message) for s in states]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(5)]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row[:5], widths)) + ("  " + row[5] if row[5] else "")
        for row in [header, *rows]
    ).rstrip()
