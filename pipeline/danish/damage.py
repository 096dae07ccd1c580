"""Does a text show OCR damage? The repair runs only where the document's own evidence says so.

An OCR that does not know Danish prints `pa`, `fglger`, `veere`: lower-case words that are
no words as printed but are an OCR misreading of a frequent Danish word. Correct text
has almost none of them, and prints æ, ø and å where they belong. A title font that maps
å to `a` shows the same signature in its own words, so on born-digital pages the
evidence is weighed per font, and only what a font's map can do counts there (a dropped
diacritic): the body text of a Word export gets no repair, a title font that says `Sager
pa vej` for `Sager på vej` does, an English table's `std` does not.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from pipeline.base.models import PageText
from pipeline.danish.lexicon import DANISH_LETTERS

LOWER_WORD = re.compile(r"^[a-z]{2,}$")
CORE = re.compile(r"[^\W\d_]+")  # the letters of a word, without punctuation or figures
# Damage is shown when misread words are at least this share of the words, and at least
# this share of the words printed with æ, ø or å (an OCR that prints them right misreads few).
MIN_SHARE = 0.02
MIN_RATIO = 0.2
# What a font's Unicode map can do to a Danish letter: drop its diacritic (or spell æ as ae).
# Shape confusions (`d` for `å`, `g` for `ø`) are an OCR's, never a font's.
DROPPED = {"å": {"a"}, "ø": {"o"}, "æ": {"ae", "a"}}
DROPPED_AS = frozenset(printed for ways in DROPPED.values() for printed in ways)


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


def evidence(words: Iterable[str], repairer, font_map: bool = False) -> Evidence:
    """Count the signature of OCR damage in a text's words (cores, without punctuation).

    ``font_map``: the text is a born-digital font's; only a dropped diacritic is its damage.
    """
    total = printed = misread = 0
    for word in words:
        if not any(ch.isalpha() for ch in word):
            continue
        total += 1
        if any(ch in DANISH_LETTERS for ch in word):
            printed += 1
        elif LOWER_WORD.match(word) and _misread(word, repairer, font_map):
            misread += 1
    return Evidence(total, printed, misread)


def _misread(word: str, repairer, font_map: bool) -> bool:
    """A far more frequent whole Danish word once its letters are read right (`pa`, `fglger`)."""
    if font_map and not any(printed in word for printed in DROPPED_AS):
        return False  # a font's map only drops a diacritic: the word prints nothing a dropped one leaves
    _, changed = repairer.analyse(word)
    if not changed or changed[0].parts > 1:
        return False
    decision = repairer.decide(word, repairer.settings.margin_having)
    if decision is None or decision.confidence < repairer.settings.min_confidence:
        return False
    return not font_map or _only_dropped(decision.candidate)


def _only_dropped(candidate) -> bool:
    changed = [cell for cell in candidate.cells if cell.printed != cell.letter] if candidate else []
    return bool(changed) and all(c.printed.lower() in DROPPED.get(c.letter.lower(), ()) for c in changed)


def damaged_fonts(pages: list[PageText], repairer) -> set[str]:
    """The fonts of born-digital pages whose words, across the package, show OCR damage."""
    words_by_font: dict[str, list[str]] = defaultdict(list)
    for page in pages:
        for line in page.lines:
            for word in line:
                words_by_font[word.font].extend(CORE.findall(word.text))
    return {font for font, words in words_by_font.items() if evidence(words, repairer, font_map=True).shows_damage}
