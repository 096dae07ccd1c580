"""Danish lexical data: which word forms exist and how common they are.

Word forms come from Debian's `wdanish` list (313k forms), frequencies from
wordfreq's Danish list, and the gazetteer adds the municipality and region names.
Words holding æ, ø or å are also indexed by a *letter key* (those letters replaced
by ``#``), so a misread word finds its Danish look-alikes with one dictionary look-up.
Building it takes most of a second; ``load_lexicon`` keeps it in a cache file.
"""

from __future__ import annotations

import hashlib
import math
import os
import pickle
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.base.errors import ConfigError

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


def cache_dir() -> Path:
    """Where bilag keeps what it can rebuild: $BILAG_CACHE_DIR, else $XDG_CACHE_HOME/bilag or ~/.cache/bilag."""
    if os.environ.get("BILAG_CACHE_DIR"):
        return Path(os.environ["BILAG_CACHE_DIR"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "bilag"


def load_lexicon(wordlist: Path, names: Iterable[str], unlisted_zipf: float, cache: Path | None = None) -> Lexicon:
    """``build_lexicon``, from the cache file when its inputs are unchanged (0.2 s instead of 0.8 s).

    The cache is keyed by everything the lexicon is built from: the word list (path, size,
    modification time), the names, the settings, wordfreq's version and this module's code.
    A cache that cannot be read is rebuilt; one that cannot be written is skipped.
    """
    names = tuple(names)
    folder = cache if cache is not None else cache_dir()
    path = folder / f"lexicon-{_cache_key(wordlist, names, unlisted_zipf)}.pickle"
    try:
        with path.open("rb") as handle:
            lexicon = pickle.load(handle)
        if isinstance(lexicon, Lexicon):
            return lexicon
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, ValueError):
        pass
    lexicon = build_lexicon(wordlist, names, unlisted_zipf)
    try:
        _write_cache(path, lexicon)
    except OSError:
        pass  # a read-only home: build it each run
    return lexicon


def _cache_key(wordlist: Path, names: tuple[str, ...], unlisted_zipf: float) -> str:
    from importlib.metadata import version

    digest = hashlib.sha256()
    try:
        stat = wordlist.stat()
        digest.update(f"{wordlist.resolve()}|{stat.st_size}|{stat.st_mtime_ns}".encode())
    except OSError:
        digest.update(str(wordlist).encode())  # missing: build_lexicon says so
    digest.update("|".join(names).encode())
    digest.update(f"|{unlisted_zipf}|{version('wordfreq')}|{sys.version_info[:2]}".encode())
    digest.update(Path(__file__).read_bytes())  # new code, new cache
    return digest.hexdigest()[:16]


def _write_cache(path: Path, lexicon: Lexicon) -> None:
    """Written whole under a temporary name, then renamed: a parallel run never reads half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".lexicon-", delete=False) as handle:
        pickle.dump(lexicon, handle, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(handle.name, path)
    for old in path.parent.glob("lexicon-*.pickle"):  # one lexicon per machine, not one per version
        if old != path:
            old.unlink(missing_ok=True)
