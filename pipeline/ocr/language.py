"""A text layer judged in its own script and language, before it is judged as Danish.

A page whose text lies over an image (a scan someone OCR'd, or a converter's page picture with its text
beneath) is OCR'd again in Danish unless its layer reads as sound Danish. A right layer in another
language reads as poor Danish however right it is: OCR'd again with the Danish model, a German page
loses its umlauts (``fur``, ``wåhrend``), and a French or Hebrew one reads as noise and is refused.

So the layer's words are first weighed in the languages of their script (wordfreq's lists): the
language whose common words make up most of them is the layer's language. A Danish text read by an OCR
that did not know Danish (``Kgbenhavn``, ``fglger``, ``pa``) is still Danish by its common words (``og``,
``til``, ``har``), and is judged as Danish as before. A layer in another language is kept as it is
when nearly all its words are words of that language (``SOUND``); a layer of garbage (a font whose map
is off) is no language's and is judged as Danish, so OCR'd again.

Measured (``benchmarks`` aside; pages of the shared sets, words of 2+ letters): English pages of
ICDAR-2013 and camelot's suite are English with 0.75-1.0 of their words English (most above 0.93);
the seed's English-only OCR of Danish is Danish in every block of 40 lines (0.57-0.95 of its words
common Danish words, never another language's more).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from pipeline.text.bidi import logical

WORD = re.compile(r"[^\W\d_]{2,}")
MIN_WORDS = 12  # fewer words than this say too little about a language
# The languages a layer in each script may be in (wordfreq's; Danish is the pipeline's own).
LANGUAGES = {
    "LATIN": ("da", "en", "de", "fr", "es", "it", "nl", "sv", "nb", "pt", "pl", "fi"),
    "HEBREW": ("he",),
    "ARABIC": ("ar", "fa", "ur"),
    "CYRILLIC": ("ru", "uk", "bg"),
    "GREEK": ("el",),
}
NAMES = {"en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian", "nl": "Dutch"}
AHEAD = 0.1  # another language's common words must cover this much more of the layer than Danish's
SOUND = 0.85  # share of the layer's words that are words of its language, for it to be kept as it is


@dataclass(frozen=True)
class Language:
    code: str  # ISO 639-1, as wordfreq names it
    sound: float  # share of the layer's words that are words of the language

    @property
    def name(self) -> str:
        return NAMES.get(self.code, self.code)


def own_language(lines: list[str]) -> Language | None:
    """The language a text layer is written in when it is not Danish and reads as sound text in it;
    None for Danish (damaged or not), for too few words, and for words no language knows."""
    words = [word.lower() for line in lines for word in WORD.findall(logical(line))]
    if len(words) < MIN_WORDS:
        return None
    candidates = LANGUAGES.get(_script(words), ())
    common = {code: _share(words, code, "small") for code in candidates}
    if not common:
        return None
    code = max(common, key=common.__getitem__)
    if code == "da" or common[code] < common.get("da", 0.0) + AHEAD:
        return None
    sound = _share(words, code, "best")
    return Language(code, round(sound, 3)) if sound >= SOUND else None


def _script(words: list[str]) -> str:
    """The script most of the letters are written in (the first word of their Unicode names)."""
    scripts = Counter(unicodedata.name(char, "?").split(" ", 1)[0] for word in words for char in word)
    return scripts.most_common(1)[0][0]


def _share(words: list[str], code: str, wordlist: str) -> float:
    known = _words_of(code, wordlist)
    return sum(1 for word in words if word in known) / len(words)


@functools.cache
def _words_of(code: str, wordlist: str) -> frozenset[str]:
    """The words of a language's list (wordfreq's "small": its common words; "best": all it has)."""
    import wordfreq  # lazy: a list is read once, when a layer is judged in its language

    return frozenset().union(*wordfreq.get_frequency_list(code, wordlist))
