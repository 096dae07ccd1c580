"""A ruled grid's cells as the page prints them: each printed line in its row, each word within its rules.

camelot's ruled reading puts a run of text in the cell it starts in, though a rule drawn down the row
parts it (``1980** By leading retailers``, ``821-59/2013-DS C+C``, ``NA NA``: two columns' words in one
cell, the cell beside it empty); and a cell merged over rows with no rule between them holds the lines of
the rows below (``492 (18.1%) 2714``: a total row's figure in the row above; a first row of figures read
into the column names printed turned over it). bilag's own words stand where they are printed. Each printed
line belongs to the row it stands in (where its type reaches over a rule, of the rows it stands in the one
whose cells hold most of its words), each word to the column whose rules it stands within. Words camelot
put in another cell go to their own when it is empty and the cell they leave still holds the words it
prints: from a cell of the same row across drawn rules only (a heading centred over two columns, no rule
between, stays one), or, in the body (below the header the printed lines make), from the cell merged over
the rows above, every cell between empty.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from pipeline.base.models import PageText, Word
from pipeline.tables.columns import words_placeable
from pipeline.tables.detect import Candidate
from pipeline.tables.structure import Grid, header_rows
from pipeline.tables.words import SLACK, is_turned, lines_across

EDGE = 0.5  # points a word's box may reach over a rule and still stand within it
WALL = 1.5  # points a drawn rule may stand from a column's edge

Place = tuple[int, int]  # (row, column)
Spans = tuple[tuple[float, float], ...]


def within_rules(candidate: Candidate, page: PageText) -> Candidate:
    """The ruled candidate with each word camelot put in another cell moved to the cell it is printed in."""
    if candidate.engine != "lattice" or not words_placeable(candidate, page):
        return candidate
    owned = _owned(candidate, page)
    body = header_rows(_as_printed(owned, candidate.shape))
    cells = [list(row) for row in candidate.cells]
    while _moved(candidate, cells, owned, body):
        pass  # a cell emptied by one move may take its own words in the next pass
    found = tuple(tuple(row) for row in cells)
    return candidate if found == candidate.cells else replace(candidate, cells=found)


def _moved(candidate: Candidate, cells: list[list[str]], owned: dict[Place, list[Word]], body: int) -> bool:
    """One pass over the empty cells: each takes its printed words from where camelot put them; any moved."""
    moved = False
    for (r, c), words in sorted(owned.items()):
        if cells[r][c]:
            continue
        moving = Counter(w.text for w in words)
        sources = _sources(candidate, cells, r, c, r >= body)
        source = next((s for s in sources if _holds(cells, owned, s, moving)), None)
        if source is not None:
            cells[source[0]][source[1]], cells[r][c] = _parted(cells[source[0]][source[1]], moving)
            moved = True
    return moved


def _owned(candidate: Candidate, page: PageText) -> dict[Place, list[Word]]:
    """The words of each printed line in its row, by the column they stand in."""
    tokens = [[set(v.split()) for v in row] for row in candidate.cells]
    owned: dict[Place, list[Word]] = {}
    for line in _printed_lines(candidate, page):
        placed = [(w, _column((w.x0 + w.x1) / 2, candidate.col_spans)) for w in line]
        row = _row(line, placed, tokens, candidate.row_spans, page.info.height)
        for word, column in placed if row is not None else []:
            owned.setdefault((row, column), []).append(word)
    return owned


def _as_printed(owned: dict[Place, list[Word]], shape: tuple[int, int]) -> Grid:
    """The grid as its printed lines fill it."""
    rows, columns = shape
    return tuple(tuple(" ".join(w.text for w in owned.get((r, c), [])) for c in range(columns)) for r in range(rows))


def _printed_lines(candidate: Candidate, page: PageText) -> list[list[Word]]:
    """The region's words in printed lines: a word whose middle stands within the height of the line's first
    word is on that line (a label and its figures in a smaller type are one line); a word set turned 90° (a
    column's name set vertically) is a line of its own."""
    x0, _, x1, _ = candidate.box
    words = [
        w for line in lines_across(page, candidate.box) for w in line if x0 - SLACK <= (w.x0 + w.x1) / 2 <= x1 + SLACK
    ]
    lines: list[list[Word]] = []
    for word in sorted((w for w in words if not is_turned(w)), key=lambda w: (w.top + w.bottom) / 2):
        if lines and lines[-1][0].top <= (word.top + word.bottom) / 2 <= lines[-1][0].bottom:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w.x0) for line in lines] + [[w] for w in words if is_turned(w)]


def _row(
    line: list[Word], placed: list[tuple[Word, int]], tokens: list[list[set[str]]], spans: Spans, height: float
) -> int | None:
    """The row a printed line stands in; where it stands across a rule (its type taller than the row's room),
    of the rows it stands in the one whose cells hold most of its words, else the one holding its middle."""
    top, bottom = height - min(w.top for w in line) - EDGE, height - max(w.bottom for w in line) + EDGE
    rows = [r for r, (high, low) in enumerate(spans) if low < top and bottom < high]
    if len(rows) <= 1:
        return rows[0] if rows else None
    held = {r: sum(1 for w, c in placed if w.text in tokens[r][c]) for r in rows}
    most = [r for r in rows if held[r] == max(held.values())]
    middle = (top + bottom) / 2
    return most[0] if len(most) == 1 else next((r for r in most if spans[r][1] <= middle <= spans[r][0]), None)


def _column(x: float, spans: Spans) -> int:
    return min(range(len(spans)), key=lambda i: max(spans[i][0] - x, 0, x - spans[i][1]))


def _sources(candidate: Candidate, cells: list[list[str]], r: int, c: int, body: bool) -> list[Place]:
    """Where camelot may have put a cell's words: the nearest filled cell of its row each way, across rules
    drawn in the row; in the body (below the header the printed lines make), the nearest filled cell above it in
    its column (a header's lines under a heading over several rows stay where camelot read them)."""
    found = []
    for step in (-1, 1):
        k = c + step
        while 0 <= k < len(cells[r]) and not cells[r][k]:
            k += step
        if 0 <= k < len(cells[r]) and all(_walled(candidate, r, b) for b in range(min(c, k), max(c, k))):
            found.append((r, k))
    above = next((k for k in range(r - 1, -1, -1) if cells[k][c]), None) if body else None
    return [*found, (above, c)] if above is not None else found


def _walled(candidate: Candidate, r: int, c: int) -> bool:
    """A rule is drawn between columns ``c`` and ``c + 1`` beside row ``r``."""
    x = (candidate.col_spans[c][1] + candidate.col_spans[c + 1][0]) / 2
    top, bottom = candidate.row_spans[r]
    middle = (top + bottom) / 2
    return any(abs(wx - x) <= WALL and low <= middle <= high for wx, low, high in candidate.walls)


def _holds(cells: list[list[str]], owned: dict[Place, list[Word]], source: Place, moving: Counter) -> bool:
    """The source cell holds the moving words beside the words it holds of its own place."""
    held = Counter(cells[source[0]][source[1]].split())
    own = Counter(w.text for w in owned.get(source, [])) & held
    return not (own + moving) - held


def _parted(text: str, moving: Counter) -> tuple[str, str]:
    """The text without the moving words (the last of each: camelot appends a merged cell's lines), and
    the moving words in the text's order (names set turned read upwards, as camelot reads them)."""
    tokens = text.split()
    left = Counter(moving)
    taken = [False] * len(tokens)
    for i in range(len(tokens) - 1, -1, -1):
        if left[tokens[i]] > 0:
            left[tokens[i]] -= 1
            taken[i] = True
    kept = " ".join(t for t, out in zip(tokens, taken) if not out)
    return kept, " ".join(t for t, out in zip(tokens, taken) if out)
