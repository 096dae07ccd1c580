"""Columns of a table set with spaces, found from the gaps between its words.

A table typed in a monospaced font (a report printed from an older system, a plain-text
e-mail) makes its columns of space characters: camelot's unruled reading sees each printed
line as one run of text, and the region it finds is one column wide. bilag's own words still
stand where they are printed. A column boundary is an x-range that no word of the region's
lines of figures covers; leaders (``........``) are no words. A region is read so only when it
has at least two columns of figures: running text has no gap that runs down all its lines.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.base.models import PageText, Word
from pipeline.tables.detect import Candidate
from pipeline.tables.typing import is_dash
from pipeline.tables.words import FIGURE, SLACK, lines_across
from pipeline.text.bidi import logical

LEADER = re.compile(r"^[.·…_-]{3,}$")
LEADERS_AFTER = re.compile(r"[.·…_]{3,}$")
MIN_LINES = 3  # lines of figures a column must run down
MIN_GAP = 1.0  # points of white between two columns (a monospaced space is 5-7)
HEADER_LINES = 3  # a header read with the table above it is at most this many lines
SENTENCE = 3  # a run of text this many words long above or below the table is around it, not in it
RUN_GAP = 1.5  # words of running text are at most this many letter widths apart
FIGURE_SHARE = 0.7  # a column of figures: this share of its filled cells are figures


def split_by_gaps(candidate: Candidate, page: PageText) -> list[Candidate]:
    """A one-column unruled region as the tables its words' gaps make, where they make tables of figures;
    a line of figures whose words would close two gaps of the lines above starts another table (two
    tables set one under the other, their columns in other places)."""
    if candidate.engine != "stream" or candidate.shape[1] > 1 or page.source == "ocr":
        return [candidate]
    tables = [table for part in _parts(_lines_in(candidate, page)) if (table := _table(candidate, part, page))]
    return tables or [candidate]


def may_hold_one(page: PageText) -> bool:
    """Whether the page has lines enough for a table set with spaces: a region is read so only from at least
    MIN_LINES lines that end, within it, in two figures (two figures side by side, leaders aside)."""
    return sum(_figures_side_by_side(line) for line in page.lines) >= MIN_LINES


def _figures_side_by_side(line: list[Word]) -> bool:
    texts = [t for t in (LEADERS_AFTER.sub("", w.text) or w.text for w in line) if not LEADER.match(t)]
    figures = [bool(FIGURE.match(t) or is_dash(t)) for t in texts]
    return any(a and b for a, b in zip(figures, figures[1:]))


def _table(candidate: Candidate, lines: list[list[Word]], page: PageText) -> Candidate | None:
    figured = [line for line in lines if _figured(line)]
    if len(figured) < MIN_LINES:
        return None
    columns = _columns([w for line in figured for w in line])
    while lines and _around(lines[0]):
        lines = lines[1:]  # a title or a sentence above the table: found again as its caption
    while lines and _around(lines[-1]):
        lines = lines[:-1]
    rows = [_row(line, columns) for line in lines]
    if len(columns) < 3 or _figure_columns(rows) < 2:
        return None
    top, bottom = min(w.top for w in lines[0]), max(w.bottom for w in lines[-1])
    box = (candidate.box[0], page.info.height - bottom, candidate.box[2], page.info.height - top)
    return replace(candidate, cells=tuple(rows), box=box, row_spans=(), col_spans=tuple(columns))


def _figured(line: list[Word]) -> bool:
    """A row of figures: it ends in two figures (or dashes); a title or a sentence with a year in it does not."""
    return len(line) >= 2 and all(FIGURE.match(w.text) or is_dash(w.text) for w in line[-2:])


def _parts(lines: list[list[Word]]) -> list[list[list[Word]]]:
    """The lines split where another table starts: the lines of text just above a line of figures
    whose words would close two of the gaps the lines of figures above it leave."""
    parts: list[list[list[Word]]] = [[]]
    words: list[Word] = []
    figured = 0
    waiting: list[list[Word]] = []  # lines of text since the last line of figures
    for line in lines:
        if not _figured(line):
            waiting.append(line)
            continue
        if figured >= MIN_LINES and len(_columns(words + line)) <= len(_columns(words)) - 2:
            header = _header_above(parts[-1])  # the new table's header lines, read with the table above
            parts[-1] = parts[-1][: len(parts[-1]) - len(header)]
            parts.append(header)
            words, figured = [w for h in header for w in h], 0
        parts[-1] += waiting + [line]
        words, figured, waiting = words + line, figured + 1, []
    parts[-1] += waiting
    return [part for part in parts if part]


def _header_above(lines: list[list[Word]]) -> list[list[Word]]:
    """The last few lines from the last line of text on (``Design effect`` over ``Proportion 1.7 1.8``)."""
    last = next((n for n in range(len(lines) - 1, -1, -1) if not _figured(lines[n])), None)
    return lines[last:] if last is not None and len(lines) - last <= HEADER_LINES else []


def _lines_in(candidate: Candidate, page: PageText) -> list[list[Word]]:
    """The region's lines, its words only, leaders dropped."""
    x0, _, x1, _ = candidate.box
    found = []
    for line in lines_across(page, candidate.box):
        words = [_without_leaders(w) for w in line if x0 - SLACK <= (w.x0 + w.x1) / 2 <= x1 + SLACK]
        words = [w for w in words if not LEADER.match(w.text)]
        if words:
            found.append(words)
    return found


def _without_leaders(word: Word) -> Word:
    """``Total..........`` as ``Total``, its right edge where its letters end."""
    text = LEADERS_AFTER.sub("", word.text)
    if text == word.text or not text:  # no leaders, or leaders only (dropped by the caller)
        return word
    width = (word.x1 - word.x0) * len(text) / len(word.text)
    return replace(word, text=text, x1=word.x0 + width)


def _columns(words: list[Word]) -> list[tuple[float, float]]:
    """The x-ranges the words cover, merged where they touch: each one a column."""
    spans: list[list[float]] = []
    for word in sorted(words, key=lambda w: w.x0):
        if spans and word.x0 < spans[-1][1] + MIN_GAP:
            spans[-1][1] = max(spans[-1][1], word.x1)
        else:
            spans.append([word.x0, word.x1])
    return [(left, right) for left, right in spans]


def _around(line: list[Word]) -> bool:
    """A title, sentence or note above or below the table (not one of its rows)."""
    return not _figured(line) and len(line) >= SENTENCE and _one_run(line)


def _one_run(line: list[Word]) -> bool:
    """Words set one space apart, as running text is: no gap of a column in the line."""
    width = sorted((w.x1 - w.x0) / max(len(w.text), 1) for w in line)[len(line) // 2]
    return all(b.x0 - a.x1 <= RUN_GAP * width for a, b in zip(line, line[1:]))


def _row(line: list[Word], columns: list[tuple[float, float]]) -> tuple[str, ...]:
    """A line's cells: each word in the column it overlaps most (or the nearest); a run of text (a group's
    heading) is one cell where it starts."""
    cells: list[list[str]] = [[] for _ in columns]
    if _one_run(line) and not _figured(line):
        cells[_column(line[0], columns)] = [" ".join(w.text for w in line)]
    else:
        for word in line:
            cells[_column(word, columns)].append(word.text)
    return tuple(logical(" ".join(words)) for words in cells)


def _column(word: Word, columns: list[tuple[float, float]]) -> int:
    def fit(i: int) -> tuple[float, float]:
        left, right = columns[i]
        overlap = min(right, word.x1) - max(left, word.x0)
        return (overlap, -min(abs(left - word.x0), abs(right - word.x1)))

    return max(range(len(columns)), key=fit)


def _figure_columns(rows: list[tuple[str, ...]]) -> int:
    count = 0
    for c in range(len(rows[0])):
        filled = [row[c] for row in rows if row[c]]
        figures = sum(bool(FIGURE.match(v)) for v in filled)
        count += len(filled) >= MIN_LINES and figures >= FIGURE_SHARE * len(filled)
    return count
