"""What bilag remembers between runs, and the lock that keeps runs from overlapping.

State lives in ``processed/.bilag/``: ``ledger.json`` (each package's last state and
when) and ``hashes.json`` (the sha256 of each input file by size and modification time,
so an unchanged folder is not read again, as git's index does). Files are replaced
atomically, so a run killed at any moment leaves the last complete version. The lock is beside ``processed/``
(``.processed.bilag-lock``), so deleting ``processed/`` mid-run does not delete the lock.
Temporary folders are named ``bilag-<pid>-...``: the next run removes those of dead processes.
"""

from __future__ import annotations

import fcntl
import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

from pipeline.base.errors import BusyError
from pipeline.base.files import STATE_DIR, TEMP_PREFIX, now, sha256_of, write_atomic

STATES = ("published", "failed-validation", "quarantined", "failed")


@dataclass
class Entry:
    """A package's last outcome."""

    package: str
    state: str  # one of STATES
    when: str  # ISO 8601, UTC
    sha256: str = ""
    pages: int = 0
    findings: int = 0
    message: str = ""
    flagged: int = 0  # figures published for a person to check
    seconds: float = 0.0  # how long its last run took
    peak_mb: float = 0.0  # the most memory its processes held together (pipeline/running/fence.py)
    cpu_seconds: float = 0.0  # CPU its work used (pipeline/running/fence_child.py)


class Ledger:
    """The packages' states and the input file hashes; saved atomically."""

    def __init__(self, out_dir: Path):
        self.folder = out_dir / STATE_DIR
        self.entries: dict[str, Entry] = {
            name: Entry(**entry) for name, entry in _read_json(self.folder / "ledger.json").items()
        }
        self.hashes: dict[str, list] = _read_json(self.folder / "hashes.json")
        self._hashes_changed = False

    def record(self, entry: Entry) -> None:
        self.entries[entry.package] = entry
        self.folder.mkdir(parents=True, exist_ok=True)
        write_atomic(self.folder / "ledger.json", _dumps({k: asdict(v) for k, v in sorted(self.entries.items())}))

    def file_sha256(self, path: Path) -> str:
        """The file's sha256, read again only if its size or modification time changed."""
        stat = path.stat()
        key = str(path.resolve())
        known = self.hashes.get(key)
        if known and known[0] == stat.st_size and known[1] == stat.st_mtime_ns:
            return known[2]
        digest = sha256_of(path)
        self.hashes[key] = [stat.st_size, stat.st_mtime_ns, digest]
        self._hashes_changed = True
        return digest

    def changed_since_hashed(self, path: Path) -> bool:
        """The file's size or modification time differ from when it was last hashed (or it is gone)."""
        known = self.hashes.get(str(path.resolve()))
        try:
            stat = path.stat()
        except OSError:
            return True
        return not known or known[:2] != [stat.st_size, stat.st_mtime_ns]

    def save_hashes(self) -> None:
        if self._hashes_changed:
            self.folder.mkdir(parents=True, exist_ok=True)
            # ASCII: a path that is not UTF-8 (kept as surrogates) survives the round trip
            write_atomic(self.folder / "hashes.json", _dumps(self.hashes, ascii_only=True))
            self._hashes_changed = False


def lock_path(out_dir: Path) -> Path:
    """``.processed.bilag-lock`` beside ``processed/``: outside what a user might delete."""
    out_dir = out_dir.absolute()
    return out_dir.parent / f".{out_dir.name}.bilag-lock"


@contextmanager
def run_lock(out_dir: Path, wait: float = 0.0) -> Iterator[None]:
    """Hold the lock on ``out_dir`` for the run; BusyError if another run holds it after ``wait`` s.

    An flock is released by the kernel when its holder dies, even by kill -9, so a
    crashed run never leaves a stale lock.
    """
    path = lock_path(out_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a+") as handle:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    handle.seek(0)
                    holder = handle.read().strip() or "unknown"
                    raise BusyError(f"another bilag run ({holder}) is working on {out_dir}; nothing done") from None
                time.sleep(0.2)
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}, since {now()}")
        handle.flush()
        try:
            yield
        finally:
            handle.seek(0)
            handle.truncate()
            fcntl.flock(handle, fcntl.LOCK_UN)


def recover(out_dir: Path) -> list[str]:
    """Undo what a killed run left: staging folders go, a folder moved aside comes back."""
    import shutil

    notes = []
    for leftover in sorted(out_dir.glob(".retired-*")):
        target = out_dir / leftover.name.removeprefix(".retired-")
        if not target.exists():
            os.replace(leftover, target)
            notes.append(f"restored {target.name} (a run was stopped while publishing it)")
        else:
            shutil.rmtree(leftover, ignore_errors=True)
    for leftover in sorted(out_dir.glob(".staging-*")):
        shutil.rmtree(leftover, ignore_errors=True)
    for leftover in (out_dir / STATE_DIR).glob(".*.tmp"):
        leftover.unlink(missing_ok=True)
    return notes


def sweep_temp(pid: int | None = None) -> int:
    """Remove the temporary folders of ``pid`` (or of every dead process); the bytes freed."""
    import re
    import shutil
    import tempfile

    freed = 0
    for folder in Path(tempfile.gettempdir()).glob(f"{TEMP_PREFIX}*"):
        match = re.match(rf"{TEMP_PREFIX}(\d+)-", folder.name)
        if not match or not folder.is_dir() or folder.is_symlink():
            continue
        owner = int(match.group(1))
        if (owner == pid) if pid else not _alive(owner):
            freed += sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink())
            shutil.rmtree(folder, ignore_errors=True)
    return freed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


def _read_json(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (json.JSONDecodeError, UnicodeDecodeError):
        return {}  # only ever written atomically; a damaged copy means starting afresh, not failing


def _dumps(data: dict, ascii_only: bool = False) -> str:
    return json.dumps(data, ensure_ascii=ascii_only, indent=1, sort_keys=True) + "\n"
