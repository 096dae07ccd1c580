"""The Danish repair engine: undo OCR-misread letters, keeping lines and tokens in place.

ftfy first mends mojibake (``KÃ¸benhavn``); then every word that a confusion could
have mangled is weighed against its Danish look-alikes (see ``confusion``). A word
that is valid as printed changes only when a look-alike is clearly more frequent,
by a margin that depends on whether this document's OCR ever prints æ, ø or å.
Every change is a ``RepairRecord`` (page 0: the stage sets it) with a rule and a confidence; changes below the
confidence threshold are kept as suggestions and not applied.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.base.gazetteer import Gazetteer
from pipeline.base.models import RepairRecord
from pipeline.danish.caution import (
    english_line,
    is_abbreviation,
    is_acronym,
    is_name_like,
    is_rare_compound,
    is_strong,
    names_in,
    prints_danish,
    stacks_guesses,
    starts_sentence,
)
from pipeline.danish.confusion import (
    Candidate,
    ConfusionTable,
    compound_candidate,
    variants,
    whole_word_candidates,
)
from pipeline.danish.lexicon import DANISH_LETTERS, Lexicon

# A word core: letters, digits and the signs an OCR prints for æ, ø, å; an opening
# "(" or "/" joins it when a capital follows, as in "(Jge" (Øge) and "/Endring".
CORE = re.compile(r"(?:[(/](?=[A-Z]))?[\w@&]+")
LINK = re.compile(r"://|^www\.|\w@\w+\.\w|/.*/")
COMPOUND_VARIANTS = 8
KOMMUNEKODE = re.compile(r"^\d{3}$")
# A word broken at a line end: an OCR prints the hyphen as `-`, a dash or `¬`; a text layer may keep a soft hyphen.
HYPHEN_END = re.compile(r"[^\W\d_][-\u00ad\u2010\u2011\u2013\u2014\u00ac]$")
MAX_BLANK_LINES = 2  # an OCR may leave blank lines between a word's halves ("sale-", "", "des")
WHOLE_TOKEN = -1  # key of an override that replaces the whole token
NUMBER = re.compile(r"^[\d.,-]+$")
CONJUNCTIONS = frozenset({"og", "eller", "samt", "til"})  # after "sundheds-": the compound's ending is shared


@dataclass(frozen=True)
class Decision:
    cells_text: str  # repaired letters, before case is restored
    candidate: Candidate | None  # None for a gazetteer spelling
    rule: str
    confidence: float


@dataclass(frozen=True)
class RepairSettings:
    table: ConfusionTable
    margin_lacking: float
    margin_having: float
    share_threshold: float
    min_confidence: float
    suffixes: tuple[str, ...]
    min_english_zipf: float
    english_discount: float


Fixed = tuple[str, "Decision | None"]  # a core's repair decided before its token is reached


def _cut(cells: tuple, printed_length: int) -> int | None:
    """How many cells cover the first ``printed_length`` printed characters (None: a cell straddles)."""
    covered = 0
    for count, cell in enumerate(cells):
        if covered == printed_length:
            return count
        covered += len(cell.printed)
        if covered > printed_length:
            return None
    return len(cells) if covered == printed_length else None


class Repairer:
    """Repairs Danish OCR text word by word; one instance serves many documents."""

    def __init__(self, lexicon: Lexicon, settings: RepairSettings, gazetteer: Gazetteer):
        self.lexicon = lexicon
        self.settings = settings
        self.gazetteer = gazetteer
        self.analyse = lru_cache(maxsize=200_000)(self._analyse)
        self._names = frozenset(name.casefold() for name in gazetteer.all_names())

    # -- one word ---------------------------------------------------------------
    def _analyse(self, core: str) -> tuple[Candidate | None, tuple[Candidate, ...]]:
        """The word read as printed (if valid) and its repaired readings, best first."""
        table, lexicon = self.settings.table, self.lexicon
        found = variants(core, table)
        if is_acronym(core):
            return Candidate(found[0][0], lexicon.zipf(core.lower()), 0.0), ()
        candidates: dict[str, Candidate] = {}
        for cells, cost in found:
            for candidate in whole_word_candidates(cells, cost, table, lexicon):
                _keep_best(candidates, candidate)
        identity = next((c for c in candidates.values() if not c.changed), None)
        if identity is None:
            identity = self._valid_as_printed(core, found[0][0])
        if identity is None and not candidates:
            identity = compound_candidate(found[0][0], 0.0, table, lexicon, repair=False)
            for cells, cost in sorted(found, key=lambda v: v[1])[:COMPOUND_VARIANTS]:
                compound = compound_candidate(cells, cost, table, lexicon)
                if compound is not None and compound.changed:
                    _keep_best(candidates, compound)
        changed = sorted((c for c in candidates.values() if c.changed), key=lambda c: c.score, reverse=True)
        return identity, tuple(changed)

    def _valid_as_printed(self, core: str, cells: tuple) -> Candidate | None:
        """A word the word list lacks but that is an inflection of a known word, or English."""
        lower = core.lower()
        for suffix in self.settings.suffixes:
            if not lower.endswith(suffix):
                continue
            for stem in _stems(lower[: -len(suffix)]):
                if len(stem) >= 4 and self.lexicon.knows(stem):
                    return Candidate(cells, self.lexicon.zipf(stem) - 0.5, 0.0)
        english = self.lexicon.english_zipf(lower) if core.isalpha() else 0.0
        if english >= self.settings.min_english_zipf:
            return Candidate(cells, english - self.settings.english_discount, 0.0)
        return None

    def decide(self, core: str, margin: float) -> Decision | None:
        identity, changed = self.analyse(core)
        if not changed:
            return None
        best = changed[0]
        rivals = [c.score for c in changed[1:2]]
        if identity is not None:
            rivals.append(identity.score + margin)
        gap = best.score - max(rivals) if rivals else 3.0
        if gap <= 0:
            return None
        confidence = round(1 - 0.5 * math.exp(-2 * gap), 3)
        rule = "compound" if best.parts > 1 else "lexicon"
        return Decision(best.text, best, rule + ":" + _describe(best), confidence)

    def repair_word(
        self, core: str, margin: float, sentence_start: bool, guarded: bool = False
    ) -> tuple[str, Decision] | None:
        """``guarded``: the word stands where only strong evidence may change it (``pipeline.danish.caution``)."""
        if not any(ch.isalpha() for ch in core):
            return None
        decision = self.decide(core, margin)
        if decision is None and core[0] in "(/":
            inner = self.repair_word(core[1:], margin, sentence_start, guarded)
            return (core[0] + inner[0], inner[1]) if inner else None
        if decision is None or (
            self._cautious(core, decision, sentence_start, guarded) and not is_strong(decision.candidate.cells)
        ):
            return None
        return _restore_case(core, decision, self.lexicon, sentence_start), decision

    def _cautious(self, core: str, decision: Decision, sentence_start: bool, guarded: bool) -> bool:
        """Whether a vowel read as its Danish sister is too weak a reason to change this word."""
        candidate = decision.candidate
        if guarded or prints_danish(core) or is_rare_compound(candidate) or stacks_guesses(candidate):
            return True
        return is_name_like(core, sentence_start) and decision.cells_text.casefold() not in self._names

    # -- a document ---------------------------------------------------------------
    def margin_for(self, lines: list[str]) -> float:
        """Aggressive when this OCR seems never to print æ, ø or å correctly."""
        with_letters = suspects = 0
        for line in lines:
            for core in CORE.findall(line):
                if any(ch in DANISH_LETTERS for ch in core):
                    with_letters += 1
                elif not self.lexicon.knows(core.lower()) and self.decide(core, 0.0) is not None:
                    suspects += 1
        total = with_letters + suspects
        share = with_letters / total if total else 1.0
        s = self.settings
        return s.margin_lacking if share < s.share_threshold else s.margin_having

    def repair_lines(
        self, lines: list[str], margin: float | None = None, keep: frozenset[tuple[int, int]] = frozenset()
    ) -> tuple[list[str], list[RepairRecord]]:
        """Repair each line; whitespace and the number of tokens stay as they were.

        ``keep`` names tokens (line number from 1, token position from 0) left as printed.
        """
        import ftfy  # lazy: only the repair needs it

        lines = [_fix_mojibake(ftfy, line) for line in lines]
        margin = self.margin_for(lines) if margin is None else margin
        fixed = {
            place: value
            for place, value in (self._hyphenated(lines, margin) | self._kommune_rows(lines)).items()
            if place not in keep
        }
        out: list[str] = []
        changes: list[RepairRecord] = []
        names = names_in(lines)
        tails = {tail for _, tail in _line_breaks(lines)}
        for number, line in enumerate(lines, start=1):
            pieces = re.split(r"(\s+)", line)
            tokens = [i for i in range(0, len(pieces), 2) if pieces[i]]
            english = english_line([pieces[i] for i in tokens], self.lexicon)
            for position, index in enumerate(tokens):
                token = pieces[index]
                if (number, position) in keep or is_abbreviation(token):
                    continue
                start = starts_sentence(pieces[tokens[position - 1]] if position else "", position)
                # either half of a word broken at a line end, judged alone when the halves are not joined
                head = position == len(tokens) - 1 and HYPHEN_END.search(token) is not None
                fragment = head or (position == 0 and number in tails)
                override = fixed.get((number, position), {})
                guarded = names if not (english or fragment) else None
                pieces[index] = self._repair_token(token, margin, start, number, changes, override, guarded)
            out.append("".join(pieces))
        return out, changes

    def _hyphenated(self, lines: list[str], margin: float) -> dict[tuple[int, int], dict[int, Fixed]]:
        """A word split at a line end ("Udlaendingesty-" / "relsen") is judged whole, as the one word it prints."""
        fixed: dict[tuple[int, int], dict[int, Fixed]] = {}
        for number, following in _line_breaks(lines):
            tokens, next_tokens = lines[number - 1].split(), lines[following - 1].split()
            head = list(CORE.finditer(tokens[-1]))[-1]
            tail = CORE.match(next_tokens[0])
            if tail is None or not tail.group()[0].islower() or head.end() != len(tokens[-1]) - 1:
                continue
            if tail.group() in CONJUNCTIONS:
                continue  # "sundheds- og ældreområdet": a shared ending, not a word split
            first, second = self._split_repair(head.group(), tail.group(), margin)
            fixed[number, len(tokens) - 1] = {head.start(): first}
            fixed[following, 0] = {0: second}
        return fixed

    def _split_repair(self, head: str, tail: str, margin: float) -> tuple[Fixed, Fixed]:
        """The repair of ``head + tail`` cut back into its two printed halves (as printed if none, or if a
        repaired letter straddles the cut)."""
        repaired = self.repair_word(head + tail, margin, False)
        if repaired is not None:
            text, decision = repaired
            cut = _cut(decision.candidate.cells, len(head))
            if cut is not None:
                return (text[:cut], decision), (text[cut:], decision)
        return (head, None), (tail, None)

    def _kommune_rows(self, lines: list[str]) -> dict[tuple[int, int], dict[int, Fixed]]:
        """In a row keyed by a kommunekode, the gazetteer's spelling of the name wins."""
        fixed: dict[tuple[int, int], dict[int, Fixed]] = {}
        for number, line in enumerate(lines, start=1):
            tokens = line.split()
            if len(tokens) < 2 or not KOMMUNEKODE.match(tokens[0]) or NUMBER.match(tokens[1]):
                continue
            spelling = self.kommune_name(int(tokens[0]), tokens[1])
            if spelling is not None and spelling != tokens[1]:
                rule = Decision(spelling, None, f"gazetteer:kommunekode {tokens[0]}", 0.99)
                fixed[number, 1] = {0: (spelling, rule), WHOLE_TOKEN: (spelling, rule)}
        return fixed

    def _repair_token(
        self,
        token: str,
        margin: float,
        start: bool,
        number: int,
        changes: list[RepairRecord],
        fixed: dict[int, Fixed],
        names: frozenset[str] | None = frozenset(),
    ) -> str:
        """``names``: capitalised words the document prints as names; None: every word is guarded."""
        if WHOLE_TOKEN in fixed:
            text, decision = fixed[WHOLE_TOKEN]
            changes.append(RepairRecord(0, number, token, text, decision.rule, decision.confidence, True))
            return text
        if LINK.search(token):
            return token  # web and mail addresses are not Danish words
        result, position = [], 0
        for match in CORE.finditer(token):
            result.append(token[position : match.start()])
            core = match.group()
            if match.start() in fixed:
                text, decision = fixed[match.start()]
                repaired = (text, decision) if decision is not None and text != core else None
            else:
                first = start and match.start() == 0
                # a word the document prints as a name elsewhere is a name here too, not a sentence's first word
                named = first and names is not None and core in names
                repaired = self.repair_word(core, margin, first and not named, names is None)
            if repaired is None:
                result.append(core)
            else:
                text, decision = repaired
                applied = decision.confidence >= self.settings.min_confidence
                changes.append(RepairRecord(0, number, core, text, decision.rule, decision.confidence, applied))
                result.append(text if applied else core)
            position = match.end()
        result.append(token[position:])
        return "".join(result)

    def kommune_name(self, kommunekode: int, printed: str) -> str | None:
        """The gazetteer's spelling that ``printed`` is a misreading of, if any."""
        kommune = self.gazetteer.kommune(kommunekode)
        if kommune is None:
            return None
        for spelling in kommune.spellings:
            if _reads_as(printed, spelling, self):
                return spelling
        return None


def _line_breaks(lines: list[str]) -> list[tuple[int, int]]:
    """(line, next printed line), numbered from 1, where the line ends in a word broken by a hyphen.

    Up to ``MAX_BLANK_LINES`` blank lines may stand between the halves: an OCR leaves them ("sale-", "", "des").
    """
    breaks = []
    for index, line in enumerate(lines):
        tokens = line.split()
        if not tokens or not HYPHEN_END.search(tokens[-1]) or not CORE.search(tokens[-1]):
            continue
        following = next((i for i in range(index + 1, len(lines)) if lines[i].strip()), None)
        if following is not None and following - index - 1 <= MAX_BLANK_LINES:
            breaks.append((index + 1, following + 1))
    return breaks


def _fix_mojibake(ftfy, line: str) -> str:
    """ftfy's mojibake repair only: quotes, ligatures and widths are the document's own."""
    if line.isascii():
        return line
    return ftfy.fix_text(line, uncurl_quotes=False, fix_latin_ligatures=False, fix_character_width=False)


def _reads_as(printed: str, spelling: str, repairer: Repairer) -> bool:
    printed_parts, spelling_parts = printed.split("-"), spelling.split("-")
    if len(printed_parts) != len(spelling_parts):
        return False
    # Each part must be the printed part itself or one of its (cached) readings.
    return all(
        part.casefold() == wanted.casefold()
        or any(c.text.casefold() == wanted.casefold() for c in repairer.analyse(part)[1])
        for part, wanted in zip(printed_parts, spelling_parts)
    )


def _keep_best(candidates: dict[str, Candidate], candidate: Candidate) -> None:
    key = candidate.text.lower()
    if key not in candidates or candidate.score > candidates[key].score:
        candidates[key] = candidate


def _describe(candidate: Candidate) -> str:
    steps = sorted({f"{c.printed}>{c.letter}" for c in candidate.cells if c.printed != c.letter})
    return ",".join(steps)


def _restore_case(core: str, decision: Decision, lexicon: Lexicon, sentence_start: bool) -> str:
    cells = decision.candidate.cells
    proper = lexicon.is_proper(decision.cells_text.lower())
    letters = [ch for ch in core if ch.isalpha()]
    if len(letters) >= 2 and all(ch.isupper() for ch in letters):
        return decision.cells_text.upper()
    out = []
    for i, cell in enumerate(cells):
        if cell.printed == cell.letter:
            out.append(cell.printed)
            continue
        if cell.multi:
            out.append(cell.letter)  # a multi-character rule names its letter's case
            continue
        caseless = not any(ch.isalpha() for ch in cell.printed)
        upper = (
            any(ch.isupper() for ch in cell.printed) or (i == 0 and proper) or (caseless and i == 0 and sentence_start)
        )
        out.append(cell.letter.upper() if upper else cell.letter.lower())
    return "".join(out)


def _stems(stem: str) -> tuple[str, ...]:
    """The stem an inflection ending was cut from, and, when it ends in a doubled consonant, the stem
    without the doubling: Danish doubles a short vowel's consonant before an ending (praktik -> praktikker,
    bus -> busser, musik -> musikken)."""
    doubled = len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in "aeiouyæøå"
    return (stem, stem[:-1]) if doubled else (stem,)
