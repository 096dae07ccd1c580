"""What the machine must have for a run, checked before any input is touched (and by ``bilag doctor``).

A missing program, language model or word list, or an output folder that cannot be
written, is the machine's fault, never the input's: the run stops with exit 4 and one
line naming what is missing and how to install it, and nothing is quarantined for it.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from pipeline.base.errors import DiskError, MissingToolError
from pipeline.base.settings import Settings

DISK_ERRORS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS}  # the output folder's fault, never the package's


@dataclass(frozen=True)
class Check:
    what: str
    problem: str = ""  # empty: fine; else what is wrong and how to fix it

    def line(self) -> str:
        return f"{'ok     ' if not self.problem else 'MISSING'}  {self.what}" + (
            f": {self.problem}" if self.problem else ""
        )

    def error(self) -> MissingToolError:
        return MissingToolError(f"{self.what}: {self.problem}")


# The system package that brings each piece: Debian/Ubuntu, Fedora, Homebrew (README's install table).
PACKAGES = {
    "tesseract": ("tesseract-ocr", "tesseract", "tesseract"),
    "dan": ("tesseract-ocr-dan", "tesseract-langpack-dan", "tesseract-lang"),
    "eng": ("tesseract-ocr-eng", "tesseract-langpack-eng", "tesseract"),
    "gs": ("ghostscript", "ghostscript", "ghostscript"),
    "wordlist": ("wdanish", "", ""),
}
INSTALLERS = (("apt-get", "apt install"), ("dnf", "dnf install"), ("brew", "brew install"))


def install(piece: str) -> str:
    """How to install ``piece`` here: ``apt install tesseract-ocr-dan`` (dnf or brew where there is no apt)."""
    found = [i for i, (program, _) in enumerate(INSTALLERS) if shutil.which(program)]
    which = found[0] if found else 0  # the documented route
    packages = PACKAGES.get(piece) or tuple(name.replace("dan", piece) for name in PACKAGES["dan"])  # a language
    package = packages[which] or packages[0]
    return f"{INSTALLERS[which][1]} {package}"


def missing_tesseract() -> MissingToolError:
    """What any stage says when it finds no ``tesseract`` program (the run checks first; a PATH may change)."""
    return _program("tesseract", "Tesseract", install("tesseract")).error()


def missing_for_ocr(language: str, said: str) -> MissingToolError:
    """What OCRmyPDF found missing (``said``), in the words of ``bilag doctor``."""
    checks = [_program("tesseract", "Tesseract", install("tesseract")), _program("gs", "Ghostscript", install("gs"))]
    if not checks[0].problem:
        checks += _languages([language])
    missing = [check for check in checks if check.problem]
    first_line = " ".join(said.split("\n", 1)[0].split())
    return missing[0].error() if missing else MissingToolError(f"OCRmyPDF: {first_line} (bilag doctor checks the rest)")


def environment(settings: Settings) -> list[Check]:
    """Every program, model and file a run needs, each with what is wrong (if anything) and how to fix it."""
    language = settings.ocr.language
    wordlist = Path(settings.repair.get("wordlist", "/usr/share/dict/danish"))
    checks = [_program("tesseract", "Tesseract", install("tesseract"))]
    if not checks[0].problem:
        checks += _languages([language, "eng"])  # eng: the second look reads lone figures with it
    checks.append(_program("gs", "Ghostscript", install("gs")))
    checks.append(_wordlist(wordlist))
    return checks


def output_folder(out_dir: Path) -> Check:
    """Whether a run could write ``out_dir`` (or create it), and the space free there; nothing is written."""

    what = f"output folder {out_dir}"
    existing = next(folder for folder in (out_dir.absolute(), *out_dir.absolute().parents) if folder.exists())
    if not os.access(existing, os.W_OK | os.X_OK):
        return Check(what, f"{existing} is not writable (make it writable, or give --out another folder)")
    free = shutil.disk_usage(existing).free / (1 << 20)
    if free < 100:
        return Check(what, f"{free:.0f} MB free (free some space there)")
    return Check(f"{what} ({free / 1024:.1f} GB free)")


def require_environment(settings: Settings) -> None:
    """MissingToolError naming the first thing missing."""
    for check in environment(settings):
        if check.problem:
            raise check.error()


def wordlist_missing(path: Path) -> MissingToolError:
    return _wordlist(path).error()


def _wordlist(path: Path) -> Check:
    what = f"Danish word list {path}"
    if path.is_file():
        return Check(what)
    fix = "point wordlist: in repair.yaml at a Danish word list, one word a line"
    if install("wordlist").endswith("wdanish"):
        fix = f"{install('wordlist')}, or {fix}"
    return Check(what, f"not found ({fix})")


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
    folder = os.environ.get("TESSDATA_PREFIX")
    checks = []
    for language in dict.fromkeys(languages):
        what = f"Tesseract's {language} model ({language}.traineddata)"
        how = install(language)
        if language in known:
            checks.append(Check(what))
        elif folder:  # Tesseract looks only there
            problem = f"not in TESSDATA_PREFIX={folder} (put {language}.traineddata there, or unset it and {how})"
            checks.append(Check(what, problem))
        else:
            checks.append(Check(what, f"missing ({how})"))
    return checks


def disk_message(out_dir: Path, error: OSError) -> str:
    """One line: which folder, what is wrong with it, what to do; what was published stays."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        fix = "free some space there"
    else:  # read-only, or not ours
        fix = "make it writable (or give --out another folder)"
    return (
        f"{out_dir}: cannot write there ({error.strerror}): {fix} and run bilag again; "
        "what was published is intact (bilag status lists it)"
    )
