"""Running headers and footers: lines repeated at the same place on most pages of a PDF.

They stay in the text (they are printed) but are marked in ``pages.csv``, and the
tables stage never reads them as rows.

On a scan (``scanned``) a running line is not read the same way twice: a logo read as
``88`` on one page and ``bdO`` on the next, a date as ``1811-2012``, a page moved a few
points on the glass. There a line is running when most of its text (figures aside) is alike
on half the pages (three at least), and stands within a few more points; its margin is measured in
points as well (a landscape page's header block reaches lower than 15% of its height).
"""

from __future__ import annotations

import re
from collections import defaultdict
from difflib import SequenceMatcher

from pipeline.base.models import Word

MARGIN_SHARE = 0.15  # running lines sit in the top or bottom 15% of the page
POSITION_TOLERANCE = 3.0  # points
MAX_LINES = 3  # per margin
NUMBER = re.compile(r"\d+")
SCAN_NUMBER = re.compile(r"\d[\d.,:/-]*")  # a date or a page number as an OCR reads it: ``13:71:2012``, ``117``
SCAN_ALIKE = 0.85  # share of a scanned line's characters alike on another page (list rows: about .75)
SCAN_TOLERANCE = 8.0  # points: a scanned page sits a little differently on the glass
SCAN_FIGURES = 2  # figures a scan's running line prints at most (a date, a page number)
SCAN_MARGIN = 110.0  # points from the edge a scan's running lines may reach, at least


def running_lines(pages: list[tuple[float, list[list[Word]]]], scanned: bool = False) -> list[tuple[int, int]]:
    """For each page (its height and lines), how many of its first and last lines are running.

    A line is running when its text (numbers aside: "Side 2 af 4") stands at the same
    distance from the page's top or bottom on at least half the pages, and on two at least;
    on scanned pages when it is alike (:data:`SCAN_ALIKE`) on half the pages, and on three at least.
    """
    needed = max(3 if scanned else 2, (len(pages) + 1) // 2)
    heads = [_keys(height, lines, top=True, scanned=scanned) for height, lines in pages]
    feet = [_keys(height, lines, top=False, scanned=scanned) for height, lines in pages]
    # on a scan each line is compared with the others' lines; on a text layer looked up by its text
    count = _count_alike if scanned else _count_running
    head_seen, foot_seen = (heads, feet) if scanned else (_positions(heads), _positions(feet))
    result = []
    for (_, lines), head_keys, foot_keys in zip(pages, heads, feet):
        head = count(head_keys, head_seen, needed)
        result.append((head, min(count(foot_keys, foot_seen, needed), len(lines) - head)))
    return result


def _count_alike(keys: list[tuple[str, float]], pages: list[list[tuple[str, float]]], needed: int) -> int:
    """How many of the page's outermost lines each have an alike line near their place on ``needed`` pages
    (their own among them)."""
    count = 0
    for text, edge in keys:
        if text.count("#") > SCAN_FIGURES:
            break  # a row of figures, however alike page to page (``I alt``, a list's last row), is no running line
        alike = 0
        for page in pages:  # till enough are found: a long scan's pages are not all compared with each other
            alike += any(abs(edge - e) <= SCAN_TOLERANCE and _alike(text, t) for t, e in page)
            if alike >= needed:
                break
        if alike < needed:
            break
        count += 1
    return count


def _alike(a: str, b: str) -> bool:
    if a == b:
        return True
    matcher = SequenceMatcher(None, a, b)
    return (
        matcher.real_quick_ratio() >= SCAN_ALIKE
        and matcher.quick_ratio() >= SCAN_ALIKE
        and matcher.ratio() >= SCAN_ALIKE
    )


def _keys(height: float, lines: list[list[Word]], top: bool, scanned: bool = False) -> list[tuple[str, float]]:
    """The page's outermost lines as (text with numbers masked, distance from the edge)."""
    order = lines if top else lines[::-1]
    margin = max(MARGIN_SHARE * height, SCAN_MARGIN) if scanned else MARGIN_SHARE * height
    number = SCAN_NUMBER if scanned else NUMBER
    keys = []
    for line in order[:MAX_LINES]:
        edge = line[0].top if top else height - max(w.bottom for w in line)
        if edge > margin:
            break
        keys.append((number.sub("#", " ".join(w.text for w in line)), edge))
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
