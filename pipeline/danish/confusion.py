"""Candidate Danish words for one misread word, from the declared confusion table.

A word is first rewritten by the multi-character confusions (``ae`` -> æ, ``(J`` -> Ø,
``I`` -> l, ...), every subset of their matches being one *variant*. In each variant,
up to ``max_single`` characters that an OCR prints for æ, ø or å (``g``, ``a``, ``@``,
``4``, ...) are then tried as those letters; the lexicon's letter-key index answers
each try with one look-up. Words the lexicon does not hold whole are tried as
compounds of known parts.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from pipeline.danish.lexicon import DANISH_LETTERS, KEY_CHAR, Lexicon

MAX_VARIANTS = 64


@dataclass(frozen=True)
class ConfusionTable:
    single: dict[str, dict[str, float]]  # printed char -> {letter: cost}
    multi: tuple[tuple[str, str, float, bool], ...]  # (printed, letter, cost, only_at_start)
    max_single: int = 4
    min_part: int = 3
    part_penalty: float = 0.8

    @classmethod
    def from_config(cls, config: dict) -> ConfusionTable:
        single: dict[str, dict[str, float]] = {}
        for entry in config["single"]:
            for printed in entry["printed"]:
                single.setdefault(str(printed), {})[entry["letter"]] = float(entry["cost"])
        multi = tuple(
            (str(printed), entry["letter"], float(entry["cost"]), bool(entry.get("only_at_start")))
            for entry in config["multi"]
            for printed in entry["printed"]
        )
        return cls(
            single=single,
            multi=multi,
            max_single=int(config.get("max_single_substitutions", 4)),
            min_part=int(config.get("min_compound_part", 3)),
            part_penalty=float(config.get("compound_part_penalty", 0.8)),
        )

    def single_cost(self, printed: str, letter: str) -> float | None:
        costs = self.single.get(printed, {})
        if letter in costs:
            return costs[letter]
        return costs.get(letter.upper())


@dataclass(frozen=True)
class Cell:
    """One letter of a variant: what was printed there and what it now reads as."""

    printed: str
    letter: str
    fixed: bool  # already decided (by a rule); not tried again
    multi: bool = False  # set by a multi-character rule, which names the letter's case


@dataclass(frozen=True)
class Candidate:
    """A reading of a printed word: its cells, lexical frequency and confusion cost."""

    cells: tuple[Cell, ...]
    zipf: float
    cost: float
    parts: int = 1
    changed_zipf: float = 0.0  # of a compound: the frequency of its least frequent part that was repaired
    repaired_parts: tuple[tuple[Cell, ...], ...] = ()  # of a compound: the cells of each part that was repaired

    @property
    def text(self) -> str:
        return "".join(cell.letter for cell in self.cells)

    @property
    def score(self) -> float:
        return self.zipf - self.cost

    @property
    def changed(self) -> bool:
        return any(cell.printed != cell.letter for cell in self.cells)


def variants(word: str, table: ConfusionTable) -> list[tuple[tuple[Cell, ...], float]]:
    """The word's multi-character rewrites, each with its cost (the word itself first)."""
    matches: list[tuple[int, str, str, float]] = []
    for printed, letter, cost, only_at_start in table.multi:
        start = word.find(printed)
        while start != -1:
            if not only_at_start or start == 0:
                matches.append((start, printed, letter, cost))
            start = word.find(printed, start + 1)
    matches.sort()
    found: list[tuple[tuple[Cell, ...], float]] = []
    for size in range(len(matches) + 1):
        for chosen in combinations(matches, size):
            if len(found) >= MAX_VARIANTS:
                return found
            cells = _rewrite(word, chosen)
            if cells is not None:
                found.append((cells, sum(match[3] for match in chosen)))
    return found


def _rewrite(word: str, chosen: tuple[tuple[int, str, str, float], ...]) -> tuple[Cell, ...] | None:
    cells: list[Cell] = []
    position = 0
    for start, printed, letter, _ in chosen:
        if start < position:
            return None  # overlapping matches
        cells.extend(Cell(ch, ch, False) for ch in word[position:start])
        cells.append(Cell(printed, letter, True, multi=True))
        position = start + len(printed)
    cells.extend(Cell(ch, ch, False) for ch in word[position:])
    return tuple(cells)


def whole_word_candidates(
    cells: tuple[Cell, ...],
    base_cost: float,
    table: ConfusionTable,
    lexicon: Lexicon,
    max_single: int | None = None,
) -> list[Candidate]:
    """Readings of ``cells`` that the lexicon holds as one word.

    Positions are tried left to right, and a branch stops as soon as no lexicon key
    starts with the letters chosen so far, so most words cost a handful of look-ups.
    """
    limit = table.max_single if max_single is None else max_single
    base = [KEY_CHAR if cell.letter.lower() in DANISH_LETTERS else cell.letter.lower() for cell in cells]
    key = "".join(base)
    found: list[Candidate] = []
    if KEY_CHAR not in key:
        if lexicon.knows(key):
            found.append(Candidate(cells, lexicon.zipf(key), base_cost))
    else:
        found.extend(_fit_all(cells, (), key, base_cost, table, lexicon))
    open_positions = [i for i, cell in enumerate(cells) if not cell.fixed and cell.printed in table.single]
    chosen: list[int] = []

    def walk(first: int) -> None:
        if len(chosen) == limit:
            return
        for j in range(first, len(open_positions)):
            position = open_positions[j]
            base[position] = KEY_CHAR
            if lexicon.has_key_prefix("".join(base[: position + 1])):
                chosen.append(position)
                found.extend(_fit_all(cells, tuple(chosen), "".join(base), base_cost, table, lexicon))
                walk(j + 1)
                chosen.pop()
            base[position] = cells[position].letter.lower()

    walk(0)
    return found


def _fit_all(
    cells: tuple[Cell, ...],
    chosen: tuple[int, ...],
    key: str,
    cost: float,
    table: ConfusionTable,
    lexicon: Lexicon,
) -> list[Candidate]:
    fits = (_fit(cells, chosen, form, cost, table, lexicon) for form in lexicon.with_key(key))
    return [candidate for candidate in fits if candidate is not None]


def _fit(
    cells: tuple[Cell, ...],
    chosen: tuple[int, ...],
    form: str,
    cost: float,
    table: ConfusionTable,
    lexicon: Lexicon,
) -> Candidate | None:
    """The candidate reading ``cells`` as ``form``, if every changed letter is a known confusion."""
    new_cells = list(cells)
    for i, cell in enumerate(cells):
        letter = form[i]
        if i in chosen:
            step = table.single_cost(cell.printed, letter)
            if step is None:
                return None
            cost += step
            new_cells[i] = Cell(cell.printed, letter, True)
        elif letter != cell.letter.lower():
            return None  # a letter printed correctly (æ, ø, å) must stay
    return Candidate(tuple(new_cells), lexicon.zipf(form), cost)


def compound_candidate(
    cells: tuple[Cell, ...],
    base_cost: float,
    table: ConfusionTable,
    lexicon: Lexicon,
    repair: bool = True,
    max_parts: int = 4,
) -> Candidate | None:
    """The best reading of ``cells`` as two or more known parts (linking s or e allowed).

    Fewer parts and more frequent parts win: the score is the mean part frequency
    less a penalty per extra part. With ``repair`` false, parts must be read as printed.
    """
    n = len(cells)
    part_options: dict[tuple[int, int], Candidate | None] = {}

    def part(start: int, end: int) -> Candidate | None:
        if (start, end) not in part_options:
            segment = cells[start:end]
            options = whole_word_candidates(segment, 0.0, table, lexicon, max_single=2 if repair else 0)
            if not repair:
                options = [c for c in options if not c.changed]
            part_options[start, end] = max(options, key=lambda c: c.score) if options else None
        return part_options[start, end]

    # best[k][end]: (summed part score, parts) of the best split of cells[:end] into k parts
    best: list[dict[int, tuple[float, list[Candidate]]]] = [{0: (0.0, [])}]
    for k in range(1, max_parts + 1):
        layer: dict[int, tuple[float, list[Candidate]]] = {}
        for start, (total, parts) in best[k - 1].items():
            for end in range(start + table.min_part, n + 1):
                link = 1 if start > 0 and cells[start].letter in "se" and end - start > table.min_part else 0
                for skip in {0, link}:
                    found = part(start + skip, end)
                    if found is None:
                        continue
                    extra = [Candidate(cells[start : start + 1], 0.0, 0.1, parts=0)] if skip else []
                    score = total + found.score - (0.1 if skip else 0.0)
                    if end not in layer or score > layer[end][0]:
                        layer[end] = (score, parts + extra + [found])
        best.append(layer)
    options = [
        (total / k - table.part_penalty * (k - 1), parts)
        for k, layer in enumerate(best)
        if k >= 2 and n in layer
        for total, parts in [layer[n]]
    ]
    if not options:
        return None
    score, parts = max(options, key=lambda option: option[0])
    joined = tuple(cell for p in parts for cell in p.cells)
    cost = base_cost + sum(p.cost for p in parts)
    repaired = [p for p in parts if p.changed]
    least = min((p.zipf for p in repaired), default=0.0)
    counted = sum(1 for p in parts if p.parts)
    return Candidate(joined, score + cost - base_cost, cost, counted, least, tuple(p.cells for p in repaired))
