"""Does a text show OCR damage? The repair runs only where the document's own evidence says so.

An OCR that does not know Danish prints `pa`, `fglger`, `veere`: lower-case words that are
no words as printed but are an OCR misreading of a frequent Danish word. Correct text
has almost none of them, and prints æ, ø and å where they belong. A title font that maps
å to `a` shows the same signature in its own words, so on born-digital pages the
evidence is weighed per font: the body text of a Word export gets no repair, while its
title font's `Sager pa vej` does.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from pipeline.lexicon import DANISH_LETTERS
from pipeline.models import PageText

LOWER_WORD = re.compile(r"^[a-z]{2,}$")
CORE = re.compile(r"[^\W\d_]+")  # the letters of a word, without punctuation or figures
# Damage is shown when misread words are at least this share of the words, and at least
# this share of the words printed with æ, ø or å (an OCR that prints them right misreads few).
MIN_SHARE = 0.02
MIN_RATIO = 0.2


@dataclass(frozen=True)
class Evidence:
    words: int
    printed_danish: int  # words printed with æ, ø or å
    misread: int  # lower-case words that read as an OCR's misreading of a Danish word

    @property
    def shows_damage(self) -> bool:
        return (
            self.misread > 0
            and self.misread >= MIN_SHARE * self.words
            and self.misread >= MIN_RATIO * self.printed_danish
        )


def evidence(words: Iterable[str], repairer) -> Evidence:
    """Count the signature of OCR damage in a text's words (cores, without punctuation)."""
    total = printed = misread = 0
    for word in words:
        if not any(ch.isalpha() for ch in word):
            continue
        total += 1
        if any(ch in DANISH_LETTERS for ch in word):
            printed += 1
        elif LOWER_WORD.match(word) and _misread(word, repairer):
            misread += 1
    return Evidence(total, printed, misread)


def _misread(word: str, repairer) -> bool:
    """A far more frequent whole Danish word once its letters are read right (`pa`, `fglger`)."""
    _, changed = repairer.analyse(word)
    if not changed or changed[0].parts > 1:
        return False
    decision = repairer.decide(word, repairer.settings.margin_having)
    return decision is not None and decision.confidence >= repairer.settings.min_confidence


def damaged_fonts(pages: list[PageText], repairer) -> set[str]:
    """The fonts of born-digital pages whose words, across the package, show OCR damage."""
    words_by_font: dict[str, list[str]] = defaultdict(list)
    for page in pages:
        for line in page.lines:
            for word in line:
                words_by_font[word.font].extend(CORE.findall(word.text))
    return {font for font, words in words_by_font.items() if evidence(words, repairer).shows_damage}
