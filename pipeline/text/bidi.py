"""Right-to-left text (Hebrew, Arabic) in the order it is written and read.

A PDF draws each glyph where it stands, and the words of a line are read left to right by
position: in visual order. A line of Hebrew comes out with the letters of each word reversed
(``םולש`` for ``שלום``) and its words in reverse order. ``logical`` turns such a visual line
into logical order with the Unicode bidirectional algorithm (python-bidi), applied to the line as
printed: runs of right-to-left letters are reversed, figures and Latin words inside them keep
their own left-to-right order (``שנת 2024``). Which way a line reads is told by the letters at its
ends (``_direction``).

Words keep their visual text at the positions they are printed (the tables stage reads columns
from them); the text published from them is made logical line by line: the pages' text, the
cells, titles and notes of tables. A text without right-to-left letters is returned unchanged.
"""

from __future__ import annotations

import re
import unicodedata

from bidi import get_display

# Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan, Mandaic; Hebrew and Arabic presentation forms
RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")


def has_right_to_left(text: str) -> bool:
    return RIGHT_TO_LEFT.search(text) is not None


def logical(visual: str) -> str:
    """A line as a PDF shows it (left to right by position), in the order it is read."""
    if not has_right_to_left(visual):
        return visual
    lines = visual.split("\n")
    return "\n".join(
        get_display(line, base_dir=_direction(line)) if has_right_to_left(line) else line for line in lines
    )


def _direction(line: str) -> str:
    """Whether a line (with right-to-left letters) reads from the right ("R") or from the left ("L").

    A line reads from its first strong letter's side (the algorithm's rule P2): a line that reads from
    the left shows that letter leftmost, one that reads from the right shows it rightmost. So a line whose
    leftmost letter is right-to-left reads from the right, one whose rightmost letter is left-to-right
    from the left; a line with a left-to-right letter leftmost and a right-to-left one rightmost could
    be either, and reads the way most of its letters run (a tie: from the right).
    """
    kinds = [kind for kind in map(unicodedata.bidirectional, line) if kind in ("L", "R", "AL")]
    first, last = kinds[0] != "L", kinds[-1] != "L"
    if first or not last:
        return "R" if first else "L"
    left = kinds.count("L")
    return "R" if len(kinds) - left >= left else "L"
