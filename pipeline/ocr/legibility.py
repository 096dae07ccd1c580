"""How much of a page reads as words or figures at all: the score that tells noise from text.

``danish_quality`` (the share of sound Danish words) cannot tell them apart: a sideways
table read as rows of ``TØRT UTU MAU oOo SS`` scores 0.68-0.78, inside the range of an
English-only OCR layer over Danish prose. Here every token counts by its length, and it
counts as legible only if it is a figure, a word the lexicon knows (or a misreading the
repair would turn into one), and the OCR was not unsure of it. Measured: sideways Ballerup
pages 0.05-0.25, English OCR layers over Danish 0.80-1.0, clean OCR 0.93-1.0.
"""

from __future__ import annotations

import re

from pipeline.base.models import PageText
from pipeline.danish.repairer import Repairer

EDGES = "\"'«»“”‘’()[]{}.,;:!?*"
FIGURE = re.compile(r"^[+-]?\d+(?:[.,:/-]\d+)*%?$")  # 1.234, 12,5%, 031.001.01, 2025-06
WORD = re.compile(r"^[^\W\d_]+(?:[-'][^\W\d_]+)*$")
SIGNS = frozenset("-–—§&+=")  # a lone sign in a row (a dash for zero) is not noise
SURE = 0.5  # a token the OCR read with less confidence than this is not counted as legible


def legibility(page: PageText, repairer: Repairer) -> float | None:
    """Share of the page's characters in legible tokens (0-1); None when it has no text."""
    legible = total = 0
    for line in page.lines:
        for word in line:
            core = word.text.strip(EDGES) or word.text
            total += len(core)
            sure = word.confidence is None or word.confidence >= SURE
            legible += len(core) if sure and _legible(core, repairer) else 0
    return round(legible / total, 3) if total else None


def _legible(core: str, repairer: Repairer) -> bool:
    if FIGURE.match(core) or core in SIGNS:
        return True
    # Mixed case inside a word (``oOo``, ``mM``) is noise, whatever the lexicon says.
    if not WORD.match(core) or not (core.islower() or core.isupper() or core.istitle()):
        return False
    if repairer.analyse(core)[0] is not None:
        return True
    return len(core) >= 3 and repairer.decide(core, repairer.settings.margin_lacking) is not None
