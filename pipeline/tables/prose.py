"""What is not a table though its words line up: prose, bullet lists, tables of contents, charts.

Running text split into columns by a layout engine has long cells that read as sentences
in one or two columns; a bullet list has a column of bullets beside sentences; a table of
contents has titles with leaders and a column of page numbers. None of these holds figures
in several columns. A chart's labels do: its value axis is a column of round figures falling
by one step (``1200``, ``1000``, ``800`` ...) among mostly empty cells (legend, other labels), or
labels scattered over the plot, each alone on its line.
"""

from __future__ import annotations

import re
from collections import Counter

BULLETS = frozenset("•●○◦▪■□–-*·o»>✓")
# a figure with its share or currency sign (a price list prints ``8 €``)
FIGURE = re.compile(r"^[(−–+-]?[$£€]?\s?\d[\d.,\s]*(%|pct\.|kr\.|mio\. kr\.|€|\$|£|dkk)?\)?$", re.IGNORECASE)
SENTENCE_WORDS = 8  # a cell of this many words or more reads as running text
AXIS_TICKS = 4  # a value axis has at least this many ticks
# a tick: a whole figure, grouped or not, with its unit (``4.000.000 kr.``, ``€ 200``, ``40 %``)
AXIS_TICK = re.compile(
    r"(?:[$£€]\s?)?(?P<sign>[-−]?)(?P<digits>\d{1,3}(?:[.,]\d{3})*|\d{4,7})"
    r"(?:\s?(?:%|pct\.|kr\.?|mio\.? ?kr\.?|mia\.? ?kr\.?|€|\$|£|dkk|eur))?",
    re.IGNORECASE,
)
PRICED = 1 / 3  # rows with a figure right of their text: a price list, not prose cut into lines
LOWER_WORD = re.compile(r"^[^\W\d_A-ZÆØÅ][^\W\d_]*[,.;:]?$")  # one word of letters, lower case
CHART_FILL = 0.6  # a chart's grid of labels has at most this share of its cells filled
SCATTERED_FILL = 0.3  # labels scattered over a plot fill at most this share of their grid
LONE_ROWS = 0.6  # ... and at least this share of its rows hold one label alone
LONE_COLUMNS = 2  # ... standing in this many different columns (a table's group headings stand in one)
JUSTIFIED_WORDS = 3  # a justified line split at its stretched spaces: this many lone lower-case words, distinct
JUSTIFIED_ROWS = 0.25  # ... in this share of the rows of several cells
BESIDE_ALONE = 0.3  # a column of running text beside a table: this share of rows hold its lines alone ...
BROKEN = 0.3  # ... at least this share of its lines run on from the last (lower case) or break a word (``disabil-``)


def _filled(cells: tuple[tuple[str, ...], ...]) -> list[str]:
    return [v for row in cells for v in row if v]


def is_bullet_list(cells: tuple[tuple[str, ...], ...]) -> bool:
    firsts = [next((v for v in row if v), "") for row in cells]
    marked = sum(1 for v in firsts if v[:1] in BULLETS and (len(v) == 1 or v[1:2] == " "))
    return marked >= max(2, len(firsts) // 2)


def is_contents(cells: tuple[tuple[str, ...], ...]) -> bool:
    """Titles ending in page numbers that only go up (often with leaders between)."""
    rows = [tuple(v for v in row if v) for row in cells]
    rows = [r for r in rows if r]
    paged = [int(r[-1]) for r in rows if len(r) >= 2 and re.fullmatch(r"\d{1,3}", r[-1]) and not FIGURE.match(r[-2])]
    ascending = all(a <= b for a, b in zip(paged, paged[1:]))
    return len(paged) >= 3 and len(paged) >= 0.6 * len(rows) and ascending


def _figure_columns(cells: tuple[tuple[str, ...], ...]) -> int:
    width = max((len(row) for row in cells), default=0)
    count = 0
    for c in range(width):
        column = [row[c] for row in cells if c < len(row) and row[c]]
        if column and sum(bool(FIGURE.match(v)) for v in column) >= max(2, len(column) // 2):
            count += 1
    return count


def is_prose(cells: tuple[tuple[str, ...], ...], ruled: bool = False) -> bool:
    """Running text: most text in cells of sentence length, and few columns of figures (a ruled grid: none)."""
    filled = _filled(cells)
    if not filled:
        return True
    words = [len(v.split()) for v in filled]
    long_share = sum(words[i] for i in range(len(words)) if words[i] >= SENTENCE_WORDS) / max(sum(words), 1)
    return long_share > 0.5 and _figure_columns(cells) < (1 if ruled else 2)


def is_broken_prose(cells: tuple[tuple[str, ...], ...]) -> bool:
    """Columns of running text cut into lines: many words in every cell and no figures beside them (a price
    list's one column of prices, in a third of its rows or more, stands beside its lines)."""
    filled = _filled(cells)
    mean_words = sum(len(v.split()) for v in filled) / max(len(filled), 1)
    priced = sum(1 for row in cells if any(FIGURE.match(v) for v in row[1:] if v)) >= PRICED * len(cells)
    return mean_words >= 4 and _figure_columns(cells) < (1 if priced else 2)


def is_justified_prose(cells: tuple[tuple[str, ...], ...]) -> bool:
    """A justified paragraph split into columns at its stretched spaces: rows whose cells are single lower-case
    words (``for``, ``the``, ``in``), each printed nowhere else in the region (a table's ``ja``/``nej`` or
    ``høj``/``lav`` repeat), and no columns of figures."""
    rows = [row for row in cells if sum(1 for v in row if v) >= 2]
    if not rows or _figure_columns(cells) >= 2:
        return False
    counted = Counter(v for row in cells for v in row)
    lines = 0
    for row in rows:
        words = {v for v in row if LOWER_WORD.match(v) and counted[v] == 1}
        lines += len(words) >= JUSTIFIED_WORDS
    return lines >= max(1, JUSTIFIED_ROWS * len(rows))


def is_chart(cells: tuple[tuple[str, ...], ...]) -> bool:
    """A chart's labels: a value axis (a column of whole figures falling by one step, a missing tick
    allowed; years and row numbers go up) in a grid mostly empty."""
    width = max((len(row) for row in cells), default=0)
    filled = len(_filled(cells))
    if not filled or filled > CHART_FILL * width * len(cells):
        return False
    return any(_is_axis([row[c] for row in cells if c < len(row) and row[c]]) for c in range(width))


def running_text_column(cells: tuple[tuple[str, ...], ...]) -> int | None:
    """The first or last column when it holds a column of running text printed beside the table: lines of
    several words, many running on from the one above (lower case) or breaking a word, no figures; their
    baselines not the table's, so many rows hold a line of it alone and many the table's cells alone."""
    width = max((len(row) for row in cells), default=0)
    for c in (width - 1, 0) if width > 2 else ():
        lines = [row[c] for row in cells if c < len(row) and row[c]]
        others = [any(v for n, v in enumerate(row) if n != c) for row in cells]
        alone = sum(1 for row, other in zip(cells, others) if not other and c < len(row) and row[c])
        table = sum(1 for row, other in zip(cells, others) if other and not (c < len(row) and row[c]))
        if len(lines) < AXIS_TICKS or min(alone, table) < BESIDE_ALONE * len(cells):
            continue
        broken = sum(1 for v in lines if v[0].islower() or v.endswith("-"))
        words = sum(len(v.split()) for v in lines) / len(lines)
        if words >= 4 and broken >= BROKEN * len(lines) and not any(FIGURE.match(v) for v in lines):
            return c
    return None


def is_scattered(cells: tuple[tuple[str, ...], ...]) -> bool:
    """A plot's labels (values over bars, axis ticks, a legend): a grid mostly empty whose rows mostly hold one
    label alone, those labels standing in several columns. A table's rows print a label and its figures side by
    side; its group headings, alone in their rows, stand in one column."""
    width = max((len(row) for row in cells), default=0)
    rows = [[c for c, v in enumerate(row) if v] for row in cells]
    rows = [r for r in rows if r]
    if not rows or sum(len(r) for r in rows) > SCATTERED_FILL * width * len(cells):
        return False
    lone = [r[0] for r in rows if len(r) == 1]
    return len(lone) >= LONE_ROWS * len(rows) and len(set(lone)) >= LONE_COLUMNS


def _is_axis(column: list[str]) -> bool:
    found = (AXIS_TICK.fullmatch(v) for v in column)
    ticks = [int(("-" if m["sign"] else "") + re.sub(r"[.,]", "", m["digits"])) for m in found if m]
    if len(ticks) < AXIS_TICKS:
        return False
    steps = [a - b for a, b in zip(ticks, ticks[1:])]
    step = min(steps)
    return step > 1 and all(s in (step, 2 * step) for s in steps)


def is_table_like(cells: tuple[tuple[str, ...], ...], ruled: bool = False) -> bool:
    """Neither prose nor a list nor contents nor a chart; unruled text is also refused when it is prose cut
    into lines or split at a justified line's spaces, or labels scattered over a plot."""
    if is_prose(cells, ruled) or is_bullet_list(cells) or is_contents(cells) or is_chart(cells):
        return False
    return ruled or not (is_broken_prose(cells) or is_scattered(cells) or is_justified_prose(cells))
