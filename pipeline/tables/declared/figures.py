"""What a figure of an OCR'd row earns: specks cut from it, and a confidence its geometry backs.

Tesseract's confidence says how sure it is of the glyphs, not that they are in the right
column: a row read with its figures one column off reads at 0.96. So a figure's
confidence is at most what its place says:

- it ends where its column's figures end (they are right-aligned), within ``ALIGNED``;
- its row has a figure in every column that must print one (the header's count).

A row that fails either is doubtful as a whole: each of its cells is capped at
``DOUBTFUL`` and given its column's span on the row as its box, so the second look reads
it again column by column (never by shifting the figures over) and the report flags
what stays doubtful.

A scan's specks stick to figures: ``59.650i``, ``i73.944``, ``E.58.612``. One or two marks
or letters before or after a well-formed Danish number are cut when what is left ends
where the column's figures end; such a figure is doubtful (its crop is read again when
its total does not add up), never silently right.
"""

from __future__ import annotations

import re

from pipeline.base.models import Word
from pipeline.base.numbers import DASHES, read_number

ALIGNED = 8.0  # points: a figure ends this close to where its column's figures end (a digit and a half)
DOUBTFUL = 0.5  # at most this sure of a cut figure, or of a figure of a row whose geometry does not hold
# One or two specks (marks, letters, stray dots or dashes) before or after a Danish number.
SPECKED = re.compile(r"^(?P<lead>[^\d\s]{0,2}?)(?P<core>\d{1,3}(?:[.,:;]\d{3})+|\d+)(?P<trail>[^\d\s]{0,2})$")
SPECK_WORD = 2  # characters at most of a word with no digit beside a figure in its column: a speck


def without_specks(words: list[Word]) -> list[Word]:
    """A column's words less those that are specks beside its figure (``É 2.721``, ``210.803 ”``, ``37.954 -``:
    a dash after a figure is no sign of it)."""
    figures = [w for w in words if any(ch.isdigit() for ch in w.text)]
    if not figures:
        return words
    end = max(w.x1 for w in figures)
    kept = [w for w in words if w in figures or len(w.text) > SPECK_WORD or (w.text in DASHES and w.x0 < end)]
    return kept or words


def cut_specks(word_text: str, x0: float, x1: float, right: float | None) -> tuple[int, float, float] | None:
    """The figure inside ``word_text`` once specks before or after it are cut, and its estimated x range.

    None unless what is left reads as a well-formed number, and (when the column's right
    edge ``right`` is known) ends within ``ALIGNED`` of it.
    """
    match = SPECKED.match(word_text)
    if match is None or not (match["lead"] or match["trail"]):
        return None
    value = read_number(match["core"]).value
    if value is None:
        return None
    per_char = (x1 - x0) / max(len(word_text), 1)
    start, end = x0 + per_char * len(match["lead"]), x1 - per_char * len(match["trail"])
    if right is not None and abs(end - right) > ALIGNED:
        return None
    return value, start, end


def aligned(words: list[Word], right: float) -> bool:
    """The column's figure ends where its column's figures end."""
    return not words or abs(max(w.x1 for w in words) - right) <= ALIGNED
