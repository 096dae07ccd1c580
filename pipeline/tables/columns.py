"""Columns camelot's unruled reading joined, split again where the printed rows leave a gutter.

camelot's stream reading finds a region's columns from where its text lines up; where two printed
columns stand close, or one is often empty, it reads them as one, and a cell then holds the words
of both (``439`` and ``55`` read as ``43955``; an ID column pulled into the names). bilag's own
words still stand where they are printed. A gutter is an x-range no word of the table's body
crosses (the rows under its header), wider than a space between words, or as narrow between
figures and words that start flush after them, both sides printing different texts, or where a
left-aligned column starts flush and most rows stand wide apart at it; a column is split at a gutter
that two of its cells have words on both sides of. A figure cell that still holds two
figures a gutter apart is doubtful (:func:`joined_figures`): flagged, never published as one number.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from pipeline.base.models import PageText, Word
from pipeline.tables.detect import Candidate
from pipeline.tables.structure import header_rows
from pipeline.tables.words import FIGURE, SLACK, is_turned, lines_across

GUTTER = 1.0  # points: a gutter no word of the body crosses (printed columns may stand a space apart)
SPACES = 1.25  # ... and wider than this many of the table's spaces between words (OKLAHOMA CITY is one)
STANDS_OUT = 1.2  # a gutter in a cell is this many times its middle gap between words
MARKER = re.compile(r"^\(?([0-9]{1,2}|[a-zA-Z]|[ivx]{1,4})[.)]$")
FLUSH = 0.5  # points: the words of a left-aligned column start this close
MIN_BODY = 3  # rows of figures a gutter must run down
MIN_ALIGNED = 5  # cells with words both sides of a gutter narrower than a wide space, to judge it by
ALIGNED_APART = 0.75  # ... of which this share stand a wide space apart at it
MIN_SPLIT = 2  # cells of a column with words on both sides of a gutter: the column holds two

Span = tuple[float, float]


def split_joined(candidate: Candidate, page: PageText) -> Candidate:
    """The candidate with each column that holds two printed columns split at their gutter."""
    if not words_placeable(candidate, page):
        return candidate
    placed = placed_words(candidate, page)
    header = header_rows(candidate.cells)
    body = placed[header:]  # a header cell spans the columns under it: the gutters are the body's
    if sum(1 for row in body if _in_body(row)) < MIN_BODY:
        return candidate
    space = _space(placed)
    gutters = _gutters([w for row in body for cell in row for w in cell], space)
    wide = SPACES * space
    cuts = [_cuts(c, body, placed[:header], gutters, wide) for c in range(len(candidate.col_spans))]
    if not any(cuts):
        return candidate
    names = _with_turned(candidate, page, placed[:header]) if candidate.engine == "lattice" else placed[:header]
    return _split(candidate, names + placed[header:], cuts, header, wide)


def rejoined(candidate: Candidate, page: PageText) -> Candidate:
    """Words camelot cut at a column boundary (``C`` | ``lass A``, a first letter set apart) whole again, in the
    column holding the rest of them: bilag's word ``Class`` stands across the boundary."""
    if page.source == "ocr" or len(candidate.row_spans) != len(candidate.cells) or not candidate.col_spans:
        return candidate
    placed = placed_words(candidate, page)
    rows = [list(row) for row in candidate.cells]
    for r, row in enumerate(rows):
        words = {w.text for cell in placed[r] for w in cell}
        for c in range(len(row) - 1):
            head, tail = row[c].split(), row[c + 1].split()
            if head and tail and head[-1] + tail[0] in words and head[-1] not in words and tail[0] not in words:
                row[c], row[c + 1] = " ".join(head[:-1]), " ".join([head[-1] + tail[0], *tail[1:]])
    cells = tuple(tuple(row) for row in rows)
    return candidate if cells == candidate.cells else replace(candidate, cells=cells)


def _in_body(row: list[list[Word]]) -> bool:
    return any(FIGURE.match(w.text) for cell in row for w in cell)


def words_placeable(candidate: Candidate, page: PageText) -> bool:
    """The page's words can be placed in the candidate's cells: a text layer's words, and a grid whose every row
    has a span and a cell per column span."""
    if page.source == "ocr" or len(candidate.row_spans) != len(candidate.cells) or not candidate.col_spans:
        return False
    return all(len(row) == len(candidate.col_spans) for row in candidate.cells)


def placed_words(candidate: Candidate, page: PageText) -> list[list[list[Word]]]:
    """The page's words in each cell of the candidate (by their middles)."""
    if candidate.engine == "lattice":
        return _placed_by_text(candidate, page)
    height = page.info.height
    x0, _, x1, _ = candidate.box
    cells: list[list[list[Word]]] = [[[] for _ in candidate.col_spans] for _ in candidate.cells]
    for line in lines_across(page, candidate.box):
        for word in line:
            middle_x, middle_y = (word.x0 + word.x1) / 2, height - (word.top + word.bottom) / 2
            if not x0 - SLACK <= middle_x <= x1 + SLACK:
                continue
            row = next((r for r, (top, bottom) in enumerate(candidate.row_spans) if bottom <= middle_y <= top), None)
            if row is not None:
                cells[row][_nearest(middle_x, candidate.col_spans)].append(word)
    return cells


def _placed_by_text(candidate: Candidate, page: PageText) -> list[list[list[Word]]]:
    """A ruled grid's rows matched to the printed lines that print their text (:func:`matched_lines`), each
    line's words within the grid by column."""
    x0, _, x1, _ = candidate.box
    cells: list[list[list[Word]]] = [[[] for _ in candidate.col_spans] for _ in candidate.cells]
    for r, line in enumerate(matched_lines(candidate, page)):
        for word in line:
            if x0 - SLACK <= (word.x0 + word.x1) / 2 <= x1 + SLACK:
                cells[r][_nearest((word.x0 + word.x1) / 2, candidate.col_spans)].append(word)
    return cells


def matched_lines(candidate: Candidate, page: PageText) -> list[list[Word]]:
    """Each row's printed line, whole ([] where none): camelot puts a line's text in the ruled row it judges it
    in, not always the one its middle stands in; the row's line is the first after the last one matched
    that prints half its words or more."""
    lines = lines_across(page, candidate.box)
    found: list[list[Word]] = []
    start = 0
    for row in candidate.cells:
        tokens = Counter(" ".join(row).split())
        best = next(
            (i for i in range(start, len(lines)) if 2 * _shared(tokens, lines[i]) >= sum(tokens.values())), None
        )
        found.append(lines[best] if tokens and best is not None else [])
        start = best + 1 if tokens and best is not None else start
    return found


def _with_turned(candidate: Candidate, page: PageText, header: list[list[list[Word]]]) -> list[list[list[Word]]]:
    """A ruled grid's header rows with the words printed turned 90° within their rules (names set vertically,
    each a line of its own, so no row's line)."""
    height = page.info.height
    rows = [[list(cell) for cell in row] for row in header]
    for word in (w for line in lines_across(page, candidate.box) for w in line if is_turned(w)):
        middle_x, middle_y = (word.x0 + word.x1) / 2, height - (word.top + word.bottom) / 2
        row = next(
            (r for r, (top, bottom) in enumerate(candidate.row_spans[: len(rows)]) if bottom <= middle_y <= top), None
        )
        if row is not None and candidate.box[0] <= middle_x <= candidate.box[2]:
            rows[row][_nearest(middle_x, candidate.col_spans)].append(word)
    return rows


def _shared(tokens: Counter, line: list[Word]) -> int:
    return sum((tokens & Counter(w.text for w in line)).values())


def _nearest(x: float, spans: tuple[Span, ...]) -> int:
    return min(range(len(spans)), key=lambda i: max(spans[i][0] - x, 0, x - spans[i][1]))


def _space(placed: list[list[list[Word]]]) -> float:
    """The table's space between words: the median gap between neighbouring words of one cell and line
    (not two figures: they may be two columns' figures); a third of the words' height if none."""
    gaps = sorted(
        b.x0 - a.x1
        for row in placed
        for cell in row
        for a, b in zip(cell, cell[1:])
        if abs(a.top - b.top) < 1 and 0 < b.x0 - a.x1 and (_lettered(a) or _lettered(b))
    )
    if gaps:
        return gaps[len(gaps) // 2]
    heights = sorted(w.bottom - w.top for row in placed for cell in row for w in cell)
    return heights[len(heights) // 2] / 3 if heights else 0.0


def _lettered(word: Word) -> bool:  # a word with a letter in it (not two figures side by side)
    return any(ch.isalpha() for ch in word.text)


def _gutters(words: list[Word], space: float) -> list[Span]:
    """The x-ranges between the runs the words cover (a gutter narrower than a space between words counts
    only where a column starts flush after it: :func:`_flush`)."""
    runs: list[list[float]] = []
    for word in sorted(words, key=lambda w: w.x0):
        if runs and word.x0 <= runs[-1][1]:
            runs[-1][1] = max(runs[-1][1], word.x1)
        else:
            runs.append([word.x0, word.x1])
    return [(a[1], b[0]) for a, b in zip(runs, runs[1:]) if b[0] - a[1] >= GUTTER]


def _cuts(
    column: int, body: list[list[list[Word]]], header: list[list[list[Word]]], gutters: list[Span], wide: float
) -> list[float]:
    """Where the column is cut: the middle of each gutter that body cells of it have words on both sides of
    (a narrow one where a column starts flush after it: :func:`_flush`)."""
    cuts = []
    for left, right in gutters:
        middle = (left + right) / 2
        cells = [
            row[column]
            for row in body
            if _both_sides(row[column], middle)
            and _stands_out(row[column], middle)
            and not _marked(row[column], middle)
        ]
        named = any(_apart(row[column], middle, wide) for row in header)  # the header names both columns
        if len(cells) >= MIN_SPLIT and (
            right - left >= wide or _flush(cells, middle, named) or _aligned(column, body, middle, wide)
        ):
            cuts.append(middle)
    return cuts


def _aligned(column: int, body: list[list[list[Word]]], x: float, wide: float) -> bool:
    """A left-aligned column whose neighbour's longest cell runs up close to it: the words after ``x`` start
    flush, nearly every cell with words on both sides stands ``wide`` apart there (one long name a space
    short of the next column does not join them), and both sides print different texts."""
    cells = [row[column] for row in body if _both_sides(row[column], x)]
    if len(cells) < MIN_ALIGNED:
        return False
    after = [min((w for w in cell if w.x0 >= x), key=lambda w: w.x0) for cell in cells]
    before = [max((w for w in cell if w.x1 <= x), key=lambda w: w.x1) for cell in cells]
    apart = sum(1 for cell in cells if _apart(cell, x, wide))
    differ = len({w.text for w in before}) > 1 and len({w.text for w in after}) > 1
    flush = max(w.x0 for w in after) - min(w.x0 for w in after) <= FLUSH
    return flush and differ and apart >= ALIGNED_APART * len(cells)


def _marked(words: list[Word], x: float) -> bool:
    """An item's marker before ``x`` (``2.``, ``a)``): a list's hanging indent, one cell, not two columns."""
    before = [w.text for w in words if w.x1 <= x]
    return len(before) == 1 and bool(MARKER.match(before[0]))


def _stands_out(words: list[Word], x: float) -> bool:
    """The cell's gap at ``x`` is wider than its other gaps between words: not a line of justified text,
    whose stretched spaces may all line up with a gutter."""
    pairs = [(a, b) for a, b in zip(words, words[1:]) if abs(a.top - b.top) < 1]
    at = [b.x0 - a.x1 for a, b in pairs if a.x1 <= x <= b.x0]
    others = sorted(b.x0 - a.x1 for a, b in pairs if not a.x1 <= x <= b.x0)
    return not others or not at or at[0] >= STANDS_OUT * others[len(others) // 2]


def _flush(cells: list[list[Word]], x: float, named: bool) -> bool:
    """Printed columns a space apart: a number just before ``x``, a word of letters just after it, those
    words starting flush (left-aligned), and the header naming both columns or each side printing different
    texts (an ID and a type; ``years`` after every age, a group of thousands ``15 455``, ``Q2 2006`` are
    one value)."""
    before = [max((w for w in cell if w.x1 <= x), key=lambda w: w.x1) for cell in cells]
    after = [min((w for w in cell if w.x0 >= x), key=lambda w: w.x0) for cell in cells]
    kinds = all(w.text.isdigit() for w in before) and all(w.text.isalpha() for w in after)  # not "2." items
    differ = len({w.text for w in before}) > 1 and len({w.text for w in after}) > 1
    return kinds and (named or differ) and max(w.x0 for w in after) - min(w.x0 for w in after) <= FLUSH


def _both_sides(words: list[Word], x: float) -> bool:
    return any(w.x1 <= x for w in words) and any(w.x0 >= x for w in words)


def _split(
    candidate: Candidate, placed: list[list[list[Word]]], cuts: list[list[float]], header: int, wide: float
) -> Candidate:
    """Each cut column as several; a cell's words each in the part it stands in (a header cell only where
    its own words stand a gutter apart: ``Exhibit B.4`` over two columns is one)."""
    rows = []
    for r, row in enumerate(candidate.cells):
        cells: list[str] = []
        for c, text in enumerate(row):
            inner = cuts[c] if r >= header else [x for x in cuts[c] if _apart(placed[r][c], x, wide)]
            parts = _parts(text, placed[r][c], inner)
            cells += _spread(parts, inner, cuts[c])
        rows.append(tuple(cells))
    spans: list[Span] = []
    for (left, right), inner in zip(candidate.col_spans, cuts):
        edges = [left, *inner, right]
        spans += list(zip(edges, edges[1:]))
    return replace(candidate, cells=tuple(rows), col_spans=tuple(spans))


def _apart(words: list[Word], x: float, wide: float) -> bool:
    """The words either side of ``x`` stand at least ``wide`` apart."""
    left, right = [w.x1 for w in words if w.x1 <= x], [w.x0 for w in words if w.x0 >= x]
    return bool(left and right) and min(right) - max(left) >= wide


def _spread(parts: list[str], inner: list[float], cuts: list[float]) -> list[str]:
    """The parts cut at ``inner`` laid over all the column's parts (cut at ``cuts``), each where it starts."""
    out = [""] * (len(cuts) + 1)
    starts = [0] + [cuts.index(x) + 1 for x in inner]
    for start, part in zip(starts, parts):
        out[start] = part
    return out


def _parts(text: str, words: list[Word], cuts: list[float]) -> list[str]:
    """A cell's text over the parts of its column: its words where they stand, when they are its text;
    else all of it in the part most of its words stand in (a text bilag's words do not spell)."""
    parts: list[list[str]] = [[] for _ in range(len(cuts) + 1)]
    part_of = {}  # each word's text -> the parts its words stand in, in reading order
    for word in words:  # in reading order
        part_of.setdefault(word.text, []).append(sum(1 for x in cuts if (word.x0 + word.x1) / 2 > x))
    if Counter(text.split()) == Counter(w.text for w in words):  # camelot's order (names set turned read upwards)
        for token in text.split():
            parts[part_of[token].pop(0)].append(token)
    else:
        for word in words:
            parts[sum(1 for x in cuts if (word.x0 + word.x1) / 2 > x)].append(word.text)
    if _spelled(text, words) and sum(1 for p in parts if p) > 1:
        return [" ".join(p) for p in parts]
    most = max(range(len(parts)), key=lambda i: len(parts[i])) if words else 0  # camelot's text kept
    return [text if i == most else "" for i in range(len(parts))]


def _spelled(text: str, words: list[Word]) -> bool:
    """The words spell the cell's text (spaces aside; camelot orders a cell's text boxes, not its words)."""
    return sorted("".join(w.text for w in words).replace(" ", "")) == sorted(text.replace(" ", ""))
