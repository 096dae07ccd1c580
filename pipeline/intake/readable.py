"""Ordinary PDFs with a flaw every reader forgives: read from a copy qpdf writes, the flaw noted.

Real public-sector PDFs carry bytes after their ``%%EOF`` (a web server's error page),
a damaged cross-reference table or no trailer; others are encrypted with an owner
password only, which restricts printing or copying but not opening. poppler and qpdf
read all of them. bilag reads them too: qpdf (through pikepdf) rebuilds or decrypts the
file into the package's work folder, the stages read that copy, and a note names the
flaw. A file cut off before its end is different: it is truncated, and ``ending`` says so.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

EOF_MARKER = b"%%EOF"
CHUNK = 1 << 20
OVERLAP = 64  # bytes read twice, so that a marker or an object header across two chunks is found
OBJECT_HEADER = re.compile(rb"\d+\s+\d+\s+obj\b")  # "12 0 obj": a PDF object starts here
NOT_BLANK = re.compile(rb"[^\s\x00]")
# qpdf's words when it had to rebuild the cross-reference table (the file is "damaged")
DAMAGE_WARNINGS = ("file is damaged", "reconstruct cross-reference table")
# pikepdf.Permissions fields, in the words of a PDF reader's security dialog
RESTRICTIONS = {
    "print_lowres": "printing",
    "print_highres": "high-quality printing",
    "extract": "copying text and images",
    "accessibility": "copying for accessibility",
    "modify_other": "changes",
    "modify_annotation": "comments",
    "modify_form": "filling in forms",
    "modify_assembly": "assembling pages",
}


@dataclass(frozen=True)
class Ending:
    """How a PDF file ends."""

    cut: bool  # no %%EOF after its last object: the download or copy stopped before the end
    trailing: int  # bytes after the last %%EOF that are not blank (0: none)


def ending(path: Path) -> Ending:
    """Where the file's last ``%%EOF`` is and what follows it, read backwards a megabyte at a time.

    Read, not mapped: a file that shrinks while it is read (a download started again) must
    not cost the process a SIGBUS.
    """
    with path.open("rb") as handle:
        size = handle.seek(0, os.SEEK_END)
        stop, blank = size, True  # blank: no byte after this chunk but blanks
        while stop > 0:
            start = max(0, stop - CHUNK)
            handle.seek(start)
            chunk = handle.read(min(stop + OVERLAP, size) - start)
            end = chunk.rfind(EOF_MARKER)
            after = chunk[end + len(EOF_MARKER) :] if end >= 0 else chunk
            # an object after the last %%EOF: an incremental update cut off (or a linearized file's first part only)
            if OBJECT_HEADER.search(after):
                return Ending(cut=True, trailing=0)
            # a chunk's first bytes may end a marker that starts before it: the next chunk reads them again
            recheck = OVERLAP if end < 0 and start > 0 else 0
            blank = blank and not NOT_BLANK.search(after, recheck)
            if end >= 0:
                return Ending(cut=False, trailing=0 if blank else size - (start + end + len(EOF_MARKER)))
            stop = start
    return Ending(cut=True, trailing=0)


def repair_notes(path: Path, trailing: int, warnings: list[str]) -> list[str]:
    """The notes for a file qpdf repairs as it reads it: bytes after %%EOF, a damaged xref or trailer."""
    if trailing:
        return [f"{path}: {trailing} bytes after its %%EOF end marker are not part of the PDF: read without them"]
    if any(damage in warning for warning in warnings for damage in DAMAGE_WARNINGS):
        return [f"{path}: its cross-reference table or trailer is damaged: read as qpdf repairs it"]
    return []


def owner_password_note(path: Path, pdf) -> str:
    """The note for a PDF that opened without a password but is encrypted: what its owner restricts."""
    restricted = [words for field, words in RESTRICTIONS.items() if not getattr(pdf.allow, field, True)]
    what = ", ".join(restricted) if restricted else "nothing"
    return (
        f"{path}: encrypted with an owner password only (it opens without a password; it restricts {what}): "
        "read as any PDF reader opens it"
    )


def write_readable(path: Path, target: Path) -> Path:
    """A copy of ``path`` that every stage reads: rebuilt by qpdf, without bytes after %%EOF, not encrypted."""
    import pikepdf  # lazy: heavy import

    target.parent.mkdir(parents=True, exist_ok=True)
    with pikepdf.open(path) as pdf:
        if "/Size" not in pdf.trailer:
            pdf.trailer.Size = 0  # a trailer qpdf rebuilt lacks it; qpdf writes the right count over this one
        pdf.save(target)  # a fresh xref and trailer, and no encryption unless asked to
    return target
