"""Files written so that a reader, or a crash, sees the old content or the new, never half; temporary folders.

Temporary folders are named ``bilag-<pid>-...`` so the next run can remove those of dead processes
(pipeline/running/ledger.py).
"""

from __future__ import annotations

import ctypes
import errno
import hashlib
import os
from datetime import UTC, datetime
from pathlib import Path

STATE_DIR = ".bilag"  # processed/.bilag/: what bilag remembers between runs (pipeline/running/ledger.py)


def write_atomic(path: Path, text: str) -> None:
    """Write a file so that a reader (or a crash) sees the old or the new content, never half."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with temporary.open("w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def swap_in(staging: Path, target: Path) -> None:
    """Put the folder ``staging`` in place of ``target`` in one atomic step; ``staging`` then holds the old one.

    Linux's renameat2(RENAME_EXCHANGE) swaps two paths at once, so there is no moment
    without ``target``. Where it is missing, the old folder is moved aside first and
    ``recover`` puts it back if the run dies in between.
    """
    if not target.exists():
        os.replace(staging, target)
        return
    libc = ctypes.CDLL(None, use_errno=True)
    exchange = getattr(libc, "renameat2", None)
    if exchange is not None:
        if exchange(_AT_FDCWD, bytes(staging), _AT_FDCWD, bytes(target), _RENAME_EXCHANGE) == 0:
            return
        if ctypes.get_errno() not in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
            raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()), str(target))
    aside = target.with_name(f".retired-{target.name}")
    os.replace(target, aside)
    os.replace(staging, target)
    os.replace(aside, staging)


TEMP_PREFIX = "bilag-"


def temp_prefix(pid: int | None = None) -> str:
    """The prefix of a temporary folder made by process ``pid``: ``bilag-<pid>-``."""
    return f"{TEMP_PREFIX}{pid or os.getpid()}-"


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def now() -> str:
    """The time as the ledger and the notes write it: UTC, to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()
