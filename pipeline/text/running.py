"""Running headers and footers: lines repeated at the same place on most pages of a PDF.

They stay in the text (they are printed) but are marked in ``pages.csv``, and the
tables stage never reads them as rows.
"""

from __future__ import annotations

import re
from collections import defaultdict

from pipeline.base.models import Word

MARGIN_SHARE = 0.15  # running lines sit in the top or bottom 15% of the page
POSITION_TOLERANCE = 3.0  # points
MAX_LINES = 3  # per margin
NUMBER = re.compile(r"\d+")


def running_lines(pages: list[tuple[float, list[list[Word]]]]) -> list[tuple[int, int]]:
    """For each page (its height and lines), how many of its first and last lines are running.

    A line is running when its text (numbers aside: "Side 2 af 4") stands at the same
    distance from the page's top or bottom on at least half the pages, and on two at least.
    """
    needed = max(2, (len(pages) + 1) // 2)
    heads = [_keys(height, lines, top=True) for height, lines in pages]
    feet = [_keys(height, lines, top=False) for height, lines in pages]
    head_seen, foot_seen = _positions(heads), _positions(feet)
    result = []
    for (_, lines), head_keys, foot_keys in zip(pages, heads, feet):
        head = _count_running(head_keys, head_seen, needed)
        foot = _count_running(foot_keys, foot_seen, needed)
        result.append((head, min(foot, len(lines) - head)))
    return result


def _keys(height: float, lines: list[list[Word]], top: bool) -> list[tuple[str, float]]:
    """The page's outermost lines as (text with numbers masked, distance from the edge)."""
    order = lines if top else lines[::-1]
    keys = []
    for line in order[:MAX_LINES]:
        edge = line[0].top if top else height - max(w.bottom for w in line)
        if edge > MARGIN_SHARE * height:
            break
        keys.append((NUMBER.sub("#", " ".join(w.text for w in line)), edge))
    return keys


def _positions(pages: list[list[tuple[str, float]]]) -> dict[str, list[float]]:
    """Each masked text: where it stands, once per page."""
    seen: dict[str, list[float]] = defaultdict(list)
    for keys in pages:
        for text, edge in dict(keys).items():
            seen[text].append(edge)
    return seen


def _count_running(keys: list[tuple[str, float]], seen: dict[str, list[float]], needed: int) -> int:
    count = 0
    for text, edge in keys:
        if sum(abs(edge - other) <= POSITION_TOLERANCE for other in seen[text]) < needed:
            break
        count += 1
    return count
