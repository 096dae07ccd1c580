"""Danish numbers as printed, and as OCR misprints them.

``1.234`` is one thousand two hundred and thirty-four; ``-`` is a dash (the tables
say what it means). An OCR may read the thousands dot as ``,`` or ``:``, a digit as
a look-alike letter (``O`` for 0, ``l`` or ``I`` for 1), or drop the dot. Each function
here is pure and says what it did, so the tables stage can record it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

GROUPED = re.compile(r"^\d{1,3}(\.\d{3})+$")
PLAIN = re.compile(r"^\d+$")
DASHES = frozenset({"-", "–", "—"})
# Letters an OCR prints for digits; applied only inside a token that already has digits.
DIGIT_LOOKALIKES = str.maketrans(
    {"O": "0", "o": "0", "D": "0", "l": "1", "I": "1", "|": "1", "S": "5", "$": "5", "B": "8"}
)
# What a speck or a rule's remnant beside a figure reads as.
MARKS = ".,:;'\"|!?`´—–-_"
SEPARATOR_LOOKALIKES = re.compile(r"(?<=\d)[,:;'](?=\d{3}(\D|$))")


@dataclass(frozen=True)
class Reading:
    value: int | None  # None: not a number
    fixed: str = ""  # what was corrected to read it ("" when read as printed)


def read_number(text: str, dash_means: int | None = None) -> Reading:
    """The integer a table cell prints, tolerating the usual OCR confusions."""
    if text in DASHES:
        return Reading(dash_means, "") if dash_means is not None else Reading(None)
    if GROUPED.match(text) or PLAIN.match(text):
        return Reading(int(text.replace(".", "")))
    fixed = text
    notes = []
    stripped = fixed.strip(MARKS)
    if stripped != fixed and stripped[:1].isdigit() and stripped[-1:].isdigit():
        notes.append(f"marks around the figure ({fixed})")  # a speck or the rule beside the cell
        fixed = stripped
    if any(ch.isdigit() for ch in fixed):
        translated = fixed.translate(DIGIT_LOOKALIKES)
        if translated != fixed and sum(ch.isdigit() for ch in fixed) * 2 >= len(fixed.replace(".", "")):
            notes.append(f"letters read as digits ({fixed} -> {translated})")
            fixed = translated
    separated = SEPARATOR_LOOKALIKES.sub(".", fixed)
    if separated != fixed:
        notes.append(f"thousands separator ({fixed} -> {separated})")
        fixed = separated
    if notes and (GROUPED.match(fixed) or PLAIN.match(fixed)):
        return Reading(int(fixed.replace(".", "")), "; ".join(notes))
    return Reading(None)


def is_mark(text: str) -> bool:
    """A word that is only specks or a rule's remnant (``;``, ``|``); a lone dash is a figure, not a mark."""
    return bool(text) and text not in DASHES and all(ch in MARKS for ch in text)
