"""Where the repair needs strong evidence before it changes a word.

Inside text an OCR damaged, most words are common Danish words, and a vowel read as
its Danish sister (`pa`, `veere`) is the usual damage. But some words are not the
OCR's to have damaged: proper names (`Hastrup`, `Maglemosen`), abbreviations (`o.l.`,
`SEL`), words printed with æ, ø or å already (`tværsektorielt`), compounds the word
list lacks (`besporing`, `fleksjob`), fragments at a line-end hyphen (`behand-`) and
English (`The report was made here`). A vowel that stands for its Danish sister is no
evidence there: a name can hold an `a` where a look-alike holds `ø`. Only a substitution
correct spelling never shows (`Kgbenhavn`: a `g` for an `ø`; `@`, `ee` for `æ`) is.
"""

from __future__ import annotations

import re

from pipeline.danish.lexicon import DANISH_LETTERS, Lexicon

# Printed letters that are also correct Danish spelling: reading them as æ, ø or å is a guess.
WEAK = frozenset(
    {("a", "å"), ("a", "æ"), ("a", "ø"), ("e", "æ"), ("e", "ø"), ("o", "ø")}
    | {("ag", "ø"), ("og", "ø"), ("aa", "æ"), ("as", "æ"), ("se", "æ"), ("i", "l"), ("l", "i")}
)  # compared in lower case
# An acronym (`FAS`, `IT`, `KL`, `KKR`; `KLs`): its letters are no word's, so the lexicon's
# lower-case look-alikes (`fas` -> `fås`) are no evidence. Longer capitals are words in a heading.
ACRONYM = re.compile(r"^[(/]?[A-Z]{2,5}s?$")
ABBREVIATION = re.compile(r"^\(?(?:[^\W\d_]{1,4}\.){2,}\)?[,;:]?$|^[^\W\d_]{1,3}\.[^\W\d_]{1,3}[.,;:]*$")
# A compound's repaired part must be a common word (`områder`, `råd`): a rare one
# (`bø`+`sporing`, `flæks`+`job`) is a guess the word list's gaps invite.
COMPOUND_PART_ZIPF = 3.5
LONG_PART = 5  # letters of a compound part that does not turn up by chance
ENGLISH_MARGIN = 1.5  # an English word this much more common in English than in Danish
ENGLISH_WORDS = 2  # such words in a line, and this share of its words, make it English
ENGLISH_SHARE = 0.4
SENTENCE_END = (".", ":", "!", "?")
BULLETS = frozenset({"o", "*", "•", "·", "▪", "-", "–", "—"})


def is_strong(cells) -> bool:
    """A substitution correct spelling never shows: `g` or `@` for `ø`, `ee` for `æ`."""
    return any(c.printed != c.letter and (c.printed.lower(), c.letter.lower()) not in WEAK for c in cells)


def is_rare_compound(candidate) -> bool:
    return candidate.parts > 1 and candidate.changed_zipf < COMPOUND_PART_ZIPF


def is_acronym(core: str) -> bool:
    """`FAS`, `IT`, `KL`: two to five capitals (a genitive `s` allowed), never a misread Danish word."""
    return bool(ACRONYM.match(core))


def stacks_guesses(candidate) -> bool:
    """A compound read with two parts each changed on a guess (`a` for `æ`, `o` for `ø`), one of them short:
    `nistrator`, a fragment of `administrator`, reads as `nis`+`træ`+`tør`. A short word turns up by chance
    in any letters; two long ones (`pædagog`+`område`) do not."""
    guessed = [part for part in candidate.repaired_parts if not is_strong(part)]
    return len(guessed) >= 2 and min(len(part) for part in guessed) < LONG_PART


def is_abbreviation(token: str) -> bool:
    """`o.l.`, `m.fl.`, `jf.`-style dotted abbreviations: no word to repair."""
    return bool(ABBREVIATION.match(token))


def is_name_like(core: str, sentence_start: bool) -> bool:
    """A capitalised word inside a sentence, or a word in capitals (`SEL`): a name or an abbreviation."""
    letters = [ch for ch in core if ch.isalpha()]
    if len(letters) >= 2 and all(ch.isupper() for ch in letters):
        return True
    return core[:1].isupper() and not sentence_start


def prints_danish(core: str) -> bool:
    return any(ch in DANISH_LETTERS for ch in core)


def english_line(tokens: list[str], lexicon: Lexicon) -> bool:
    """Common English words far rarer in Danish make up much of the line: the line is English."""
    words = [w for w in (t.strip(".,;:!?()\"'").lower() for t in tokens) if w.isalpha()]
    english = sum(1 for w in words if lexicon.english_zipf(w) - max(lexicon.zipf(w), 1.0) >= ENGLISH_MARGIN)
    return english >= ENGLISH_WORDS and english >= ENGLISH_SHARE * len(words)


def starts_sentence(previous: str, position: int) -> bool:
    """After a full stop, at a line's start, or after a bullet the OCR read as `o`, `-` or `—`."""
    if not previous or previous.endswith(SENTENCE_END):
        return True
    return position == 1 and (previous in BULLETS or not any(ch.isalnum() for ch in previous))


def names_in(lines: list[str]) -> frozenset[str]:
    """Capitalised words the document prints inside sentences: names, wherever else they stand."""
    names = set()
    for line in lines:
        tokens = line.split()
        for position, (previous, token) in enumerate(zip(tokens, tokens[1:]), start=1):
            if token[:1].isupper() and not starts_sentence(previous, position):
                names.update(core for core in re.findall(r"\w+", token) if core[:1].isupper())
    return frozenset(names)
