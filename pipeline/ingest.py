"""Ingest stage: find the packages in raw/, fingerprint them, list their pages."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

from pipeline.errors import InputError
from pipeline.models import Package, PageInfo

SKIPPED_FOLDERS = {"quarantine"}


def find_packages(raw_dir: Path, file_sha256: Callable[[Path], str] | None = None) -> list[Package]:
    """Every PDF directly in ``raw_dir`` and every folder of PDFs is one package.

    Hidden names (``.part.pdf``, as copy tools write) are skipped. ``file_sha256`` may
    cache hashes (the ledger does); by default every file is read.
    """
    packages = []
    for path in sorted(raw_dir.iterdir()):
        if path.name.startswith(".") or path.name in SKIPPED_FOLDERS:
            continue
        if path.is_file() and path.suffix.lower() == ".pdf":
            packages.append(_package(path.stem, path, (path,), file_sha256 or sha256_of))
        elif path.is_dir():
            pdfs = tuple(
                sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() == ".pdf" and p.name[0] != ".")
            )
            if pdfs:
                packages.append(_package(path.name, path, pdfs, file_sha256 or sha256_of))
    return packages


def package_id(name: str) -> str:
    """A name that is safe as a folder and in a URL: letters (æøå too), digits, ``-``, ``_``, ``.``.

    ``Møde 12. juni`` becomes ``Møde-12.-juni``; a name of dots or ``..`` cannot climb out
    of processed/.
    """
    name = unicodedata.normalize("NFC", name)
    safe = re.sub(r"[^\w.-]+", "-", name)
    safe = re.sub(r"\.{2,}", ".", safe).strip(".-")
    return safe or "package"


def _package(name: str, source: Path, pdfs: tuple[Path, ...], file_sha256: Callable[[Path], str]) -> Package:
    digest = hashlib.sha256()
    for pdf in pdfs:
        digest.update(pdf.name.encode())
        digest.update(file_sha256(pdf).encode())
    return Package(id=package_id(name), source=source, pdfs=pdfs, sha256=digest.hexdigest())


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def ingest(package: Package) -> list[PageInfo]:
    """The page inventory; raises InputError naming the file if a PDF cannot be read."""
    import pdfplumber  # lazy: heavy import
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    pages: list[PageInfo] = []
    for pdf_path in package.pdfs:
        try:
            with pdfplumber.open(pdf_path) as pdf:
                for number, page in enumerate(pdf.pages, start=1):
                    pages.append(
                        PageInfo(
                            index=len(pages) + 1,
                            pdf=pdf_path.name,
                            number=number,
                            width=float(page.width),
                            height=float(page.height),
                            chars=len(page.chars),
                        )
                    )
        except Exception as error:  # pdfminer raises many types for broken files
            cause = _root_cause(error)
            if isinstance(cause, PDFPasswordIncorrect):
                raise InputError(f"{pdf_path}: encrypted PDF (a password is needed to read it)") from None
            raise InputError(f"{pdf_path}: broken PDF ({type(cause).__name__}: {cause})") from None
        if not pages:
            raise InputError(f"{pdf_path}: PDF has no pages")
    return pages


def _root_cause(error: BaseException) -> BaseException:
    """pdfplumber wraps pdfminer's errors; the innermost one says what is wrong."""
    while True:
        inner = error.__cause__ or next((a for a in error.args if isinstance(a, BaseException)), None)
        if inner is None:
            return error
        error = inner
