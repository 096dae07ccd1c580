"""Danish lexical data: which word forms exist and how common they are.

Word forms come from Debian's `wdanish` list (313k forms), frequencies from
wordfreq's Danish list, and the gazetteer adds the municipality and region names.
Words holding æ, ø or å are also indexed by a *letter key* (those letters replaced
by ``#``), so a misread word finds its Danish look-alikes with one dictionary look-up.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.errors import ConfigError

DANISH_LETTERS = frozenset("æøåÆØÅ")
KEY_CHAR = "#"


def letter_key(lowered: str) -> str:
    """The word with æ, ø and å replaced by ``#`` (input already lower-case)."""
    return "".join(KEY_CHAR if ch in DANISH_LETTERS else ch for ch in lowered)


@dataclass
class Lexicon:
    """Known Danish word forms with Zipf frequencies."""

    unlisted_zipf: float = 2.0
    forms: dict[str, str] = field(default_factory=dict)  # lower -> form as written
    zipfs: dict[str, float] = field(default_factory=dict)  # lower -> Zipf frequency
    by_key: dict[str, list[str]] = field(default_factory=dict)  # letter key -> forms
    key_prefixes: set[str] = field(default_factory=set)  # every key cut after a "#"

    def add(self, form: str, zipf: float | None = None, spells: bool = True) -> None:
        """Add a word form; ``spells`` false: a source whose letter case means nothing."""
        lower = form.lower()
        known = self.forms.get(lower)
        # Prefer the lower-case spelling when a word is listed both ways.
        if known is None or (spells and form == lower and known != lower):
            self.forms[lower] = form
        if zipf is not None and zipf > self.zipfs.get(lower, 0.0):
            self.zipfs[lower] = zipf
        if known is None and any(ch in DANISH_LETTERS for ch in lower):
            key = letter_key(lower)
            self.by_key.setdefault(key, []).append(lower)
            self.key_prefixes.update(key[: i + 1] for i, ch in enumerate(key) if ch == KEY_CHAR)

    def has_key_prefix(self, prefix: str) -> bool:
        return prefix in self.key_prefixes

    def knows(self, lower: str) -> bool:
        return lower in self.forms

    def zipf(self, lower: str) -> float:
        """Zipf frequency of a known word (unknown words: 0)."""
        if lower not in self.forms:
            return 0.0
        return self.zipfs.get(lower, self.unlisted_zipf)

    def written(self, lower: str) -> str:
        """The word as the lexicon writes it (capitalised for proper nouns)."""
        return self.forms.get(lower, lower)

    def english_zipf(self, lower: str) -> float:
        """How common the word is in English: documents quote English names and terms."""
        import wordfreq

        return wordfreq.zipf_frequency(lower, "en")

    def is_proper(self, lower: str) -> bool:
        """Written with a capital: listed so, or ending in a listed proper name (Østdanmark)."""
        if self.written(lower)[:1].isupper():
            return True
        return any(self.written(lower[i:])[:1].isupper() for i in range(2, len(lower) - 4))

    def with_key(self, key: str) -> list[str]:
        return self.by_key.get(key, [])


def read_wordlist(path: Path) -> Iterable[str]:
    if not path.is_file():
        raise ConfigError(
            f"{path}: Danish word list not found (install Debian's 'wdanish' package, "
            "or set 'wordlist' in configs/repair.yaml)"
        )
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            word = line.strip()
            if word and not word.startswith("#"):
                yield word


def build_lexicon(wordlist: Path, names: Iterable[str], unlisted_zipf: float, name_zipf: float = 4.0) -> Lexicon:
    """Word list + wordfreq's Danish frequencies + gazetteer names."""
    import wordfreq  # lazy: loads a compressed frequency list

    lexicon = Lexicon(unlisted_zipf=unlisted_zipf)
    # The word list first: it writes proper nouns capitalised, wordfreq lower-cases all.
    for word in read_wordlist(wordlist):
        lexicon.add(word)
    for word, frequency in wordfreq.get_frequency_dict("da").items():
        if frequency > 0 and word.isalpha():
            lexicon.add(word, round(math.log10(frequency) + 9, 2), spells=False)
    for name in names:
        for part in name.replace("-", " ").split():
            lexicon.add(part, max(name_zipf, lexicon.zipfs.get(part.lower(), 0.0)))
    return lexicon
