"""``bilag status``: every package bilag knows of, its state and when it got there.

States: published, failed-validation (published, but its report has findings),
quarantined (an input was refused), failed (bilag itself failed on it), new (in raw/,
never processed) and changed (its PDFs differ from what was last processed). Read only:
it takes no lock and writes nothing.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from pipeline.ingest import find_packages
from pipeline.ledger import Ledger


@dataclass
class PackageState:
    package: str
    state: str
    when: str = ""
    pages: int = 0
    findings: int = 0
    message: str = ""


def package_states(raw_dir: Path, out_dir: Path) -> list[PackageState]:
    ledger = Ledger(out_dir)
    states = {
        name: PackageState(name, e.state, e.when, e.pages, e.findings, e.message) for name, e in ledger.entries.items()
    }
    if raw_dir.is_dir():
        for package in find_packages(raw_dir, ledger.file_sha256):
            entry = ledger.entries.get(package.id)
            if entry is None:
                states[package.id] = PackageState(package.id, "new")
            elif entry.sha256 != package.sha256:
                states[package.id].state = "changed"
                states[package.id].message = f"its PDFs changed since it was {entry.state} {entry.when}"
    return sorted(states.values(), key=lambda s: s.package)


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
