"""What is not a table though its words line up: prose, bullet lists, tables of contents, charts.

Running text split into columns by a layout engine has long cells that read as sentences
in one or two columns; a bullet list has a column of bullets beside sentences; a table of
contents has titles with leaders and a column of page numbers. None of these holds figures
in several columns. A chart's labels do: its value axis is a column of round figures falling
by one step (``1200``, ``1000``, ``800`` ...) among mostly empty cells (legend, other labels).
"""

from __future__ import annotations

import re

BULLETS = frozenset("•●○◦▪■□–-*·o»>✓")
# a figure with its share or currency sign (a price list prints ``8 €``)
FIGURE = re.compile(r"^[(−–+-]?[$£€]?\s?\d[\d.,\s]*(%|pct\.|kr\.|mio\. kr\.|€|\$|£|dkk)?\)?$", re.IGNORECASE)
SENTENCE_WORDS = 8  # a cell of this many words or more reads as running text
AXIS_TICKS = 4  # a value axis has at least this many ticks
AXIS_TICK = re.compile(r"[-−]?\d{1,3}([.,]\d{3})*")
PRICED = 1 / 3  # rows with a figure right of their text: a price list, not prose cut into lines
CHART_FILL = 0.6  # a chart's grid of labels has at most this share of its cells filled


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


def is_chart(cells: tuple[tuple[str, ...], ...]) -> bool:
    """A chart's labels: a value axis (a column of whole figures falling by one step, a missing tick
    allowed; years and row numbers go up) in a grid mostly empty."""
    width = max((len(row) for row in cells), default=0)
    filled = len(_filled(cells))
    if not filled or filled > CHART_FILL * width * len(cells):
        return False
    return any(_is_axis([row[c] for row in cells if c < len(row) and row[c]]) for c in range(width))


def _is_axis(column: list[str]) -> bool:
    ticks = [int(re.sub(r"[.,−–]", "", v.replace("−", "-"))) for v in column if AXIS_TICK.fullmatch(v)]
    if len(ticks) < AXIS_TICKS:
        return False
    steps = [a - b for a, b in zip(ticks, ticks[1:])]
    step = min(steps)
    return step > 1 and all(s in (step, 2 * step) for s in steps)


def is_table_like(cells: tuple[tuple[str, ...], ...], ruled: bool = False) -> bool:
    """Neither prose nor a list nor contents nor a chart; unruled text is also refused when it is prose cut
    into lines."""
    if is_prose(cells, ruled) or is_bullet_list(cells) or is_contents(cells) or is_chart(cells):
        return False
    return ruled or not is_broken_prose(cells)
