"""Lines, columns and reading order of a page's words.

``group_lines`` gives the physical lines (the tables stage reads rows from them).
``reading_lines`` gives the order a person reads: a page set in columns is read one
column after the other, a table row by row. ``reading_text`` joins the words of a line
broken at a hyphen (``Kom-`` / ``mune``), as the page means them, and a line of right-to-left
text (Hebrew, Arabic) in the order it is read (``pipeline.text.bidi``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from pipeline.base.models import Word
from pipeline.text.bidi import logical

LINE_TOLERANCE = 3.0  # points: words whose tops differ less sit on one line
SEGMENT_GAP = 1.5  # a gap wider than this many glyph sizes separates two blocks of a line
MIN_COLUMN_LINES = 3  # lines each side of a gutter needs before the page counts as set in columns
PROSE_WORDS = 4  # mean words per line of a column of prose (a table's cells hold fewer)
# Words that follow a hyphen at a line end without joining it: "sundheds- og ældreområdet". Not "et":
# in Danish it is a word's end ("få-" / "et", "hus-" / "et"), never a shared ending's conjunction.
CONJUNCTIONS = frozenset({"og", "eller", "samt", "til", "and", "or", "o"})

Rule = tuple[float, float, float]  # a horizontal rule: x0, x1, y


def group_lines(words: list[Word], tolerance: float = LINE_TOLERANCE) -> list[list[Word]]:
    """Words grouped into lines top to bottom, each line left to right."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        if lines and abs(lines[-1][0].top - word.top) <= tolerance:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w.x0) for line in lines]


def reading_lines(lines: Sequence[list[Word]], rules: Sequence[Rule] = ()) -> list[list[Word]]:
    """The lines in reading order: a band of the page set in columns is read column by column."""
    gutter = _gutter(lines, rules)
    if gutter is None:
        return list(lines)
    x, first, last = gutter
    band = lines[first : last + 1]
    left = [[w for w in line if w.x1 <= x] for line in band]
    right = [[w for w in line if w.x0 >= x] for line in band]
    return (
        reading_lines(lines[:first], rules)
        + reading_lines([line for line in left if line], rules)
        + reading_lines([line for line in right if line], rules)
        + reading_lines(lines[last + 1 :], rules)
    )


def _gutter(lines: Sequence[list[Word]], rules: Sequence[Rule]) -> tuple[float, int, int] | None:
    """The widest band of lines that a vertical gap with prose beside it runs through, if any."""
    best: tuple[int, float, int, int] | None = None
    centres = _gap_centres(lines)
    crossing = _crossing(lines, centres)
    for x in centres:
        first = None
        for index, line in enumerate([*lines, None]):
            crossed = line is None or x in crossing[index]
            if not crossed and first is None:
                first = index
            if crossed and first is not None:
                last = index - 1
                if _is_column_band(lines[first : last + 1], x, rules):
                    span = last - first + 1
                    if best is None or span > best[0]:
                        best = (span, x, first, last)
                first = None
    return None if best is None else best[1:]


def _gap_centres(lines: Sequence[list[Word]]) -> list[float]:
    centres = set()
    for line in lines:
        for a, b in zip(line, line[1:]):
            size = max(a.size, b.size, a.bottom - a.top)
            if b.x0 - a.x1 > SEGMENT_GAP * size:
                centres.add(round((a.x1 + b.x0) / 2))
    return sorted(centres)


def _crossing(lines: Sequence[list[Word]], centres: list[float]) -> list[set[float]]:
    """For each line, the (sorted) centres that one of its words runs across (``x0 < centre < x1``)."""
    crossing = []
    for line in lines:
        crossed: set[float] = set()
        for word in line:
            crossed.update(centres[bisect_right(centres, word.x0) : bisect_left(centres, word.x1)])
        crossing.append(crossed)
    return crossing


def _is_column_band(band: Sequence[list[Word]], x: float, rules: Sequence[Rule]) -> bool:
    left = [[w for w in line if w.x1 <= x] for line in band]
    right = [[w for w in line if w.x0 >= x] for line in band]
    left, right = [line for line in left if line], [line for line in right if line]
    if len(left) < MIN_COLUMN_LINES or len(right) < MIN_COLUMN_LINES:
        return False
    if max(_mean_words(left), _mean_words(right)) < PROSE_WORDS:
        return False  # short cells both sides: a table, read row by row
    top, bottom = band[0][0].top, max(w.bottom for w in band[-1])
    return not any(x0 < x < x1 and top <= y <= bottom for x0, x1, y in rules)  # a ruled table


def _mean_words(lines: list[list[Word]]) -> float:
    return sum(len(line) for line in lines) / len(lines)


def reading_text(lines: Sequence[list[Word]]) -> str:
    """The lines as text; a word broken at a line-end hyphen is joined on the first line."""
    texts = [[w.text for w in line] for line in lines]
    for this, following in zip(texts, texts[1:]):
        if this and following and _joins(this[-1], following[0]):
            this[-1] = this[-1][:-1] + following.pop(0)
    return "\n".join(logical(" ".join(words)) for words in texts)


def _joins(head: str, tail: str) -> bool:
    """A line-end hyphen that breaks one word (Word's hyphenation), not one that is printed."""
    if len(head) < 3 or not head.endswith("-") or not head[-2].isalpha() or not tail[:1].islower():
        return False
    core = head[:-1].rsplit("-", 1)[-1]
    if len(core) < 2 or core.isupper() or any(ch.isdigit() for ch in core):
        return False  # "E-" / "mail", "COVID-" / "smitte": a printed hyphen
    return tail.rstrip(".,;:") not in CONJUNCTIONS
