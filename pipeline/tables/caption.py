"""A table's caption and notes as printed around it: its title, the headnote under the title, the notes below.

Statistical tables print a numbered title (``Table 324. Arrests by Sex and Age: 2009``, ``Tabel
3.2``), often a headnote under it (``[In thousands ... ]``), and notes under the table (``1 Except
forcible rape``, ``Kilde: Danmarks Statistik``). The title is the numbered line of the block of
lines just above the table, and the lines between it and the table are its headnote; without a
numbered line the title is the line just above (:func:`heading_above`). Notes are the lines just
below the table that start as notes do, and the lines that run on from them (lower case, a link).
Both are published with the table (``description``): they say what its figures mean.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.base.models import PageText, Word
from pipeline.tables.detect import Box
from pipeline.tables.structure import figure
from pipeline.text.bidi import logical

NUMBERED = re.compile(r"^(table|tabel|tab\.|figure|figur|bilag|appendix|exhibit)[:.]?\s*[A-Z]?[-.]?\d", re.IGNORECASE)
NOTE = re.compile(
    r"^(\d{1,2}\s+\S|[¹²³⁴⁵*†‡]|[–-]\s+\S|x\s+not\b|\(\s*\)\s*\w|(notes?|source|sources|kilde|kilder|anm\.?|nb)\b)",
    re.I,
)
NOTE_MARK = re.compile(r"^([1-9¹²³⁴⁵⁶⁷⁸⁹])(\s+|(?=[^\W\d_]))")  # a numbered footnote's marker
MARKED = re.compile(r"^[^\W\d_]{3,}([1-9¹²³⁴⁵⁶⁷⁸⁹])$")  # a word with its note's marker after it: ``period1``
SUPERSCRIPT = dict(zip("¹²³⁴⁵⁶⁷⁸⁹", "123456789"))
RUNS_ON = re.compile(r"^([a-zæøå]|<|\(|https?:|www\.)")  # a note's next line: it runs on, or is its link
BLOCK_LINES = 8  # a caption or notes block longer than this is running text
LINE_GAP = 1.0  # lines of one block are at most this many line heights apart
REACH = 45.0  # points between the table and its caption, heading or notes block
WRAPS_AT = 8  # a title line of this many words that stops mid-phrase runs on into the next line


@dataclass(frozen=True)
class Caption:
    title: str
    headnote: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    numbered: bool = False  # the title is a numbered caption (not just the line above the table)


def caption_of(page: PageText, box: Box) -> Caption:
    """The table's title, headnote and notes as printed around ``box``."""
    above = _block(page, box, upwards=True)
    numbered = next((n for n, line in enumerate(above) if NUMBERED.match(line)), None)
    if numbered is not None:
        title, headnote = _wrapped(above[numbered], above[numbered + 1 :])
    else:
        title, headnote = heading_above(page, box), ()
    below = _block(page, box, upwards=False) or _referred_notes(page, box)
    ends = (n for n, line in enumerate(below) if not NOTE.match(line) and not (n and RUNS_ON.match(line)))
    notes = tuple(below[: next(ends, len(below))])
    return Caption(title, headnote, notes, numbered is not None)


def titled(lines: list[str]) -> tuple[str, tuple[str, ...]]:
    """Lone lines printed at the top of a table's region as its title and headnote: the lines down to the
    numbered one are the title and the lines under it the headnote, as above a table; else the lines are the
    title, but for the sentences or bracketed remarks under its first line (``Listen omfatter alle sager pr.
    1. oktober.``, ``[In thousands]``), which say what the figures are: the headnote."""
    numbered = next((n for n, line in enumerate(lines) if NUMBERED.match(line)), None)
    if numbered is not None:
        return _wrapped(" ".join(lines[: numbered + 1]), lines[numbered + 1 :])
    first = next((n for n, line in enumerate(lines) if n and _remark(line)), len(lines))
    return " ".join(lines[:first]), tuple(lines[first:])


def _wrapped(title: str, under: list[str]) -> tuple[str, tuple[str, ...]]:
    """A numbered title with the lines it runs on into (a long line that stops mid-phrase: ``... — national
    Vital`` over ``Statistics System, United States, 2006``), and the headnote under it."""
    last, taken = title, 0
    while taken < len(under) and _runs_on(last, under[taken]):
        last = under[taken]
        taken += 1
    return " ".join([title, *under[:taken]]), tuple(under[taken:])


def _runs_on(line: str, following: str) -> bool:
    long = len(line.split()) >= WRAPS_AT
    return long and line[-1] not in ".:;!?)]" and following[:1] not in "[(" and not NUMBERED.match(following)


def _remark(line: str) -> bool:
    """A line that reads as a sentence (a capital, several words, a full stop) or a bracketed remark."""
    sentence = line[:1].isupper() and len(line.split()) >= 4 and line.endswith(".")
    return sentence or (line[:1] in "[(" and line[-1:] in "])")


def _referred_notes(page: PageText, box: Box) -> list[str]:
    """Footnotes printed further down than a caption stands (at the page's foot), with nothing between: taken
    when the first starts with a marker the table prints after a word (``period1``, ``unit²``)."""
    below = _block(page, box, upwards=False, reach=page.info.height)
    first = NOTE_MARK.match(below[0]) if below else None
    return below if first and first.group(1) in _markers(page, box) else []


def _markers(page: PageText, box: Box) -> set[str]:
    """The note markers the table's words print after their letters, as digits."""
    top, bottom = page.info.height - box[3], page.info.height - box[1]
    inside = (w for line in page.lines for w in line if top <= w.top and w.bottom <= bottom and _over([w], box))
    return {SUPERSCRIPT.get(m.group(1), m.group(1)) for w in inside if (m := MARKED.match(w.text))}


def _block(page: PageText, box: Box, upwards: bool, reach: float = REACH) -> list[str]:
    """The lines of the block printed next to the table (above or below it, its first line within ``reach``),
    top to bottom."""
    edge = page.info.height - (box[3] if upwards else box[1])
    lines = [words for words in printed_lines(page) if _over(words, box)]
    if upwards:
        lines = sorted((w for w in lines if max(x.bottom for x in w) <= edge + 2), key=lambda w: -w[0].top)
    else:
        lines = sorted((w for w in lines if min(x.top for x in w) >= edge - 2), key=lambda w: w[0].top)
    block: list[list[Word]] = []
    for words in lines:
        height = max(w.bottom - w.top for w in words)
        near = _gap(block[-1] if block else None, words, edge, upwards)
        if near > (reach if not block else LINE_GAP * height) or len(block) == BLOCK_LINES:
            break
        block.append(words)
    texts = [logical(" ".join(w.text for w in words).strip()) for words in block]
    return texts[::-1] if upwards else texts


def _gap(last: list[Word] | None, words: list[Word], edge: float, upwards: bool) -> float:
    if last is None:
        return edge - max(w.bottom for w in words) if upwards else min(w.top for w in words) - edge
    if upwards:
        return min(w.top for w in last) - max(w.bottom for w in words)
    return min(w.top for w in words) - max(w.bottom for w in last)


def _over(words: list[Word], box: Box) -> bool:
    return min(w.x0 for w in words) < box[2] and max(w.x1 for w in words) > box[0]


def printed_lines(page: PageText) -> list[list[Word]]:
    """The page's lines but its running header and footer (no table's headnote or notes; a running heading
    is still the line above a table, :func:`heading_above`, the sign of a table continued under it)."""
    head, foot = page.running
    return page.lines[head : len(page.lines) - foot]


def heading_above(page: PageText, box: Box) -> str:
    """The line printed just above the table (within a few lines), as its title; words an OCR put on lines
    of their own though printed on that line (a bold heading's capitals stand higher) are part of it."""
    top = page.info.height - box[3]
    best, best_gap = "", REACH
    for words in page.lines:
        gap = top - max(w.bottom for w in words)
        overlaps = min(w.x1 for w in words) < box[2] and max(w.x1 for w in words) > box[0]
        if -2 <= gap < best_gap and overlaps and (text := _heading(_printed_line(page, words))):
            best, best_gap = text, gap
    return best


def _printed_line(page: PageText, words: list[Word]) -> list[Word]:
    middle = sum((w.top + w.bottom) / 2 for w in words) / len(words)
    return sorted((w for line in page.lines for w in line if w.top <= middle <= w.bottom), key=lambda w: w.x0)


def _heading(line: list[Word]) -> str:
    """The line's text if it reads as a heading: not a sentence run on (a lower-case start), not figures."""
    text = logical(" ".join(w.text for w in line).strip())
    figures = sum(bool(figure(w.text, ",") or figure(w.text, ".")) for w in line)
    return text if 1 < len(text) <= 160 and not text[0].islower() and figures * 2 < len(line) else ""
