"""What the machine must have for a run, checked before any input is touched (and by ``bilag doctor``).

A missing program, language model or word list, or an output folder that cannot be
written, is the machine's fault, never the input's: the run stops with exit 4 and one
line naming what is missing and how to install it, and nothing is quarantined for it.
"""

from __future__ import annotations

import errno
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import DiskError, MissingToolError


@dataclass(frozen=True)
class Check:
    what: str
    problem: str = ""  # empty: fine

    def line(self) -> str:
        return f"{'ok     ' if not self.problem else 'MISSING'}  {self.what}" + (
            f": {self.problem}" if self.problem else ""
        )


def environment(config_dir: Path) -> list[Check]:
    """Every program, model and file a run needs, each with what is wrong (if anything)."""
    from pipeline.config import load_yaml

    language = (load_yaml(config_dir / "ocr.yaml") or {}).get("language", "dan")
    wordlist = Path((load_yaml(config_dir / "repair.yaml") or {}).get("wordlist", "/usr/share/dict/danish"))
    checks = [_program("tesseract", "Tesseract", "apt install tesseract-ocr")]
    if not checks[0].problem:
        checks += _languages([language, "eng"])  # eng: the second look reads lone figures with it
    checks.append(_program("gs", "Ghostscript", "apt install ghostscript"))
    checks.append(
        Check(f"Danish word list {wordlist}")
        if wordlist.is_file()
        else Check(f"Danish word list {wordlist}", "not found (apt install wdanish, or set wordlist in repair.yaml)")
    )
    return checks


def require_environment(config_dir: Path) -> None:
    """MissingToolError naming the first thing missing."""
    for check in environment(config_dir):
        if check.problem:
            raise MissingToolError(f"{check.what}: {check.problem}")


def require_writable(out_dir: Path) -> None:
    """DiskError if ``out_dir`` cannot be written (read-only, full): found before any package is worked on."""
    with disk_errors(out_dir):
        out_dir.mkdir(parents=True, exist_ok=True)
        probe = out_dir / ".bilag-write-probe"
        probe.write_bytes(b"bilag checks that it can write here\n")
        probe.unlink()


@contextmanager
def disk_errors(out_dir: Path) -> Iterator[None]:
    """A full or read-only disk becomes a DiskError naming ``out_dir`` in one line."""
    from pipeline.schedule import DISK_ERRORS, disk_message

    try:
        yield
    except OSError as error:
        if error.errno in DISK_ERRORS or error.errno == errno.EACCES:
            raise DiskError(disk_message(out_dir, error)) from None
        raise


def _program(name: str, what: str, install: str) -> Check:
    if shutil.which(name):
        return Check(f"{what} ({name})")
    return Check(f"{what} ({name})", f"not installed ({install})")


def _languages(languages: list[str]) -> list[Check]:
    listed = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, check=False)
    known = set(listed.stdout.split()[1:]) if listed.returncode == 0 else set()
    checks = []
    for language in dict.fromkeys(languages):
        what = f"Tesseract's {language} model ({language}.traineddata)"
        package = f"tesseract-ocr-{language}"
        checks.append(
            Check(what)
            if language in known
            else Check(what, f"missing (apt install {package}; or TESSDATA_PREFIX names a folder without it)")
        )
    return checks
