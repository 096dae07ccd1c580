"""Ingest stage: find the packages in raw/, fingerprint them, list their pages.

Names come from folders other people fill, so any byte string a filesystem allows is
handled: ``shown`` escapes it for a log line (never a forged second line), and a
package id is safe as a folder, bounded in length and never one of bilag's own names.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from pipeline.base.errors import InputError
from pipeline.base.files import sha256_of
from pipeline.base.models import Package, PageInfo

SKIPPED_FOLDERS = {"quarantine"}
MAX_ID_BYTES = 100  # a package id in UTF-8; staging names and files inside must still fit in 255


def find_packages(raw_dir: Path, file_sha256: Callable[[Path], str] | None = None) -> list[Package]:
    """Every PDF directly in ``raw_dir`` and every folder of PDFs is one package.

    Hidden names (``.part.pdf``, as copy tools write) are skipped. ``file_sha256`` may
    cache hashes (the ledger does); by default every file is read. Two names that make
    the same id (``a b.pdf``, ``a-b.pdf``) never share it: see ``_distinct_ids``.
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
    return _distinct_ids(packages)


def package_id(name: str) -> str:
    """A name that is safe as a folder and in a URL: letters (æøå too), digits, ``-``, ``_``, ``.``.

    ``Møde 12. juni`` becomes ``Møde-12.-juni``; a name of dots or ``..`` cannot climb out
    of processed/; an id never starts with ``.`` or ``_`` (bilag's own ``.bilag`` and
    ``_combined``); one longer than MAX_ID_BYTES is cut and given a digest of the whole name.
    """
    text = unicodedata.normalize("NFC", os.fsencode(name).decode("utf-8", "replace"))
    safe = re.sub(r"[^\w.-]+", "-", text)
    safe = re.sub(r"\.{2,}", ".", safe).strip(".-_")
    safe = re.sub(r"^[._-]+", "", safe) or "package"
    if len(safe.encode()) > MAX_ID_BYTES:
        cut = safe.encode()[: MAX_ID_BYTES - 9].decode("utf-8", "ignore").rstrip(".-_")
        safe = f"{cut}-{_digest(name)}"
    return safe


def _digest(name: str) -> str:
    return hashlib.sha256(os.fsencode(name)).hexdigest()[:8]


def _distinct_ids(packages: list[Package]) -> list[Package]:
    """Where several names make one id, the name that is the id keeps it (else the first); the others get
    the id with a digest of their own name. So a junk file never takes a good package's id, nor its place."""
    claims: dict[str, list[Package]] = {}
    for package in packages:
        claims.setdefault(package.id, []).append(package)
    renamed = {}
    for claimants in claims.values():
        keeper = next((p for p in claimants if _name(p) == p.id), claimants[0])
        for package in claimants:
            if package is not keeper:
                renamed[id(package)] = replace(package, id=f"{package.id}-{_digest(package.source.name)}")
    return [renamed.get(id(p), p) for p in packages]


def _name(package: Package) -> str:
    return package.source.stem if package.source.is_file() else package.source.name


def _package(name: str, source: Path, pdfs: tuple[Path, ...], file_sha256: Callable[[Path], str]) -> Package:
    digest = hashlib.sha256()
    for pdf in pdfs:
        digest.update(os.fsencode(pdf.name))
        digest.update(file_sha256(pdf).encode())
    return Package(id=package_id(name), source=source, pdfs=pdfs, sha256=digest.hexdigest())


def ingest(package: Package) -> list[PageInfo]:
    """The page inventory (sizes; the text stage counts each page's characters as it reads them);
    raises InputError naming the file if a PDF cannot be opened."""
    import pdfplumber  # lazy: heavy import

    pages: list[PageInfo] = []
    for pdf_path in package.pdfs:
        try:
            with pdfplumber.open(pdf_path) as pdf:
                for number, page in enumerate(pdf.pages, start=1):
                    size = float(page.width), float(page.height)
                    pages.append(PageInfo(len(pages) + 1, pdf_path.name, number, *size, chars=0))
        except Exception as error:  # pdfminer raises many types for broken files
            raise unreadable(pdf_path, error) from None
        if not pages:
            raise InputError(f"{pdf_path}: PDF has no pages")
    return pages


# Out of memory or stack while a PDF is read is no sign the file is broken: bilag's fence set a limit.
RESOURCE_ERRORS = (MemoryError, RecursionError)


def unreadable(pdf_path: Path, error: Exception) -> InputError:
    """The InputError naming a PDF that pdfplumber (pdfminer) could not read, and why.

    Memory or stack run out while reading (however pdfplumber wrapped it) is raised as it is: the
    fence's limit, which the worker names, not a broken file.
    """
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    cause = _root_cause(error)
    if isinstance(cause, RESOURCE_ERRORS):
        raise cause
    if isinstance(cause, PDFPasswordIncorrect):
        return InputError(f"{pdf_path}: encrypted PDF (a password is needed to read it)")
    return InputError(f"{pdf_path}: broken PDF ({type(cause).__name__}: {cause})")


def _root_cause(error: BaseException) -> BaseException:
    """pdfplumber wraps pdfminer's errors; the innermost one says what is wrong."""
    while True:
        inner = error.__cause__ or next((a for a in error.args if isinstance(a, BaseException)), None)
        if inner is None:
            return error
        error = inner
