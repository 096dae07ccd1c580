"""Small tables of figures camelot's unruled reading passes over: lines of figures aligned column by column.

camelot's unruled reading finds a table where at least four text lines line up; a box of two rows of figures
(a form's readings: ``0 0 0,0160 0,0 ...`` over ``300.710 289.535 1,6000 ...``, its column names and rules
printed in the picture under the text layer) lines up too few, and is lost. Here the page's text lines are
read as printed lines of words: a run of at least four figures side by side on a line, under which the next
line in that span prints as many figures, each where the one above it starts or ends, is a table's rows.
The region they stand in is then read by camelot's unruled reading of that area (where no table was found).
A line of prose with figures in it is no run of figures; two runs whose figures do not line up are no table.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pipeline.tables.words import FIGURE

MIN_FIGURES = 4  # figures side by side on one printed line
MIN_LINES = 2  # lines of figures one under the other
ALIGN = 1.5  # points: a figure starts (or ends) this close to where the one above it starts (or ends)
MARGIN = 1.0  # points around the figures' region
NAMES_ABOVE = 2  # lines over the figures taken in: column names, a group's name

Box = tuple[float, float, float, float]  # x0, y0, x1, y1, y upwards (camelot's)


@dataclass(frozen=True)
class Run:
    """Figures side by side on a printed line: each (x0, x1); the line's bottom and top."""

    spans: tuple[tuple[float, float], ...]
    bottom: float
    top: float
    left: float = 0.0  # where the line's words before the figures start (its label), else the first figure


def figure_regions(text_lines: Iterable, found: list[Box]) -> list[Box]:
    """The regions of lines of figures aligned column by column that no found table covers (camelot's text lines
    in, PDF points)."""
    words = [w for line in text_lines for w in _words(line)]
    lines = _printed(words)
    runs = sorted((r for line in lines for r in _runs(line)), key=lambda r: -r.top)
    regions = []
    for chain in _chains(runs, words):
        box = (
            min(run.left for run in chain) - MARGIN,
            chain[-1].bottom - MARGIN,
            chain[0].spans[-1][1] + MARGIN,
            _names_above(chain[0], lines) + MARGIN,
        )
        if not any(_overlaps(box, other) for other in found):
            regions.append(box)
    return regions


def _names_above(first: Run, lines: list[list[Word]]) -> float:
    """The top of the lines printed right above the first run, each within a line and a half of the one under
    it and within the run's span (column names, a group's name under them: ``Anlæg``), two at most; else the
    run's own top."""
    height, top = first.top - first.bottom, first.top
    for _ in range(NAMES_ABOVE):
        above = [line for line in lines if min(w[3] for w in line) > top]
        if not above:
            break
        line = min(above, key=lambda ln: min(w[3] for w in ln))
        near = min(w[3] for w in line) - top <= 1.5 * height
        if not near or line[0][1] < first.left - ALIGN or line[-1][2] > first.spans[-1][1] + ALIGN:
            break
        top = max(w[4] for w in line)
    return top


Word = tuple[str, float, float, float, float]  # text, x0, x1, bottom, top


def _words(line) -> list[Word]:
    """A camelot text line's words: its characters between spaces."""
    words: list[Word] = []
    chars: list = []
    for item in [*line, None]:
        text = getattr(item, "get_text", lambda: " ")()
        if item is not None and hasattr(item, "x0") and text.strip():
            chars.append(item)
            continue
        if chars:
            text = "".join(c.get_text() for c in chars)
            words.append((text, chars[0].x0, chars[-1].x1, min(c.y0 for c in chars), max(c.y1 for c in chars)))
            chars = []
    return words


def _printed(words: list[Word]) -> list[list[Word]]:
    """The words in printed lines (a word whose middle lies within the first word's height), each left to right."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: -(w[3] + w[4]) / 2):
        middle = (word[3] + word[4]) / 2
        if lines and lines[-1][0][3] <= middle <= lines[-1][0][4]:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w[1]) for line in lines]


def _runs(line: list[Word]) -> list[Run]:
    """The line's runs of at least MIN_FIGURES figures side by side."""
    runs, current = [], []
    label: list[Word] = []  # the words before a run: its label, if it has figures after it only
    for word in [*line, None]:
        if word is not None and FIGURE.match(word[0]):
            current.append(word)
            continue
        if len(current) >= MIN_FIGURES:
            spans = tuple((w[1], w[2]) for w in current)
            left = label[0][1] if label and not runs else spans[0][0]
            runs.append(Run(spans, min(w[3] for w in current), max(w[4] for w in current), left))
        label = [] if current else label + ([word] if word is not None else [])
        current = []
    return runs


def _chains(runs: list[Run], words: list[Word]) -> list[list[Run]]:
    """Runs one under the other, each aligned with the one above and nothing printed between them in their span."""
    chains: list[list[Run]] = []
    for run in runs:
        chain = next((c for c in chains if _aligned(c[-1], run) and not _between(c[-1], run, words)), None)
        if chain is not None:
            chain.append(run)
        else:
            chains.append([run])
    return [c for c in chains if len(c) >= MIN_LINES]


def _aligned(above: Run, below: Run) -> bool:
    """As many figures, each starting or ending where the one above it does."""
    return len(above.spans) == len(below.spans) and all(
        abs(a[0] - b[0]) <= ALIGN or abs(a[1] - b[1]) <= ALIGN for a, b in zip(above.spans, below.spans)
    )


def _between(above: Run, below: Run, words: list[Word]) -> bool:
    """A word printed between the two runs, within their span."""
    left, right = above.spans[0][0], above.spans[-1][1]
    return any(below.top < (w[3] + w[4]) / 2 < above.bottom and w[2] > left and w[1] < right for w in words)


def _overlaps(a: Box, b: Box) -> bool:
    return min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])
