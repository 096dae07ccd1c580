"""Rules drawn dotted or dashed: a row of short dashes or dots is one rule, and it meets the rules it crosses.

A dotted rule is drawn as many small marks in one lane (filled boxes, short lines, round dots), a regular
step apart. camelot's ruled reading joins marks only up to 2 points apart and takes none that is shorter than
1.5 points (a round dot), and a rule made of marks ends where its pattern ends: up to one step short of the
rule it meets. camelot lets a rule end no more than 2 points short of the one it crosses, so a grid ruled in
dots loses the rules between its rows (a table read as one merged cell). :func:`add_dotted_rules` adds to the
layout each run of marks as one line, reaching on to a rule across it where one stands within a step of
either end. A run is at least :data:`MARKS` marks, each no longer than :data:`MARK`, none more than
:data:`GAP` apart, no gap much wider than the run's usual one: a dotted leader of a table of contents (printed
as ``.`` characters, or drawn) crosses no other rule, so it makes no grid.
"""

from __future__ import annotations

from collections.abc import Iterator
from statistics import median

MARK = 6.0  # points: a dash or dot of a dotted rule is at most this long
THIN = 3.0  # points: and at most this thick
GAP = 6.0  # points: marks of one rule are at most this far apart
MARKS = 5  # a dotted rule is at least this many marks
LANE = 0.5  # points: marks whose middles lie this close across stand in one lane
REACH = 1.0  # points a run may reach past a step to meet a rule across it

Mark = tuple[float, float, float]  # (position across, start, end) along the rule's length
Run = tuple[float, float, float, float]  # (position across, start, end, step)


def add_dotted_rules(layout) -> int:
    """Add to the layout, as lines, the dotted and dashed rules it draws in marks; how many were added."""
    from camelot.image_processing import find_lines_from_layout  # lazy: heavy, and only for ruled pages
    from playa import miner

    across, down = _marks(layout, miner)
    runs = {"horizontal": _runs(across), "vertical": _runs(down)}
    if not runs["horizontal"] and not runs["vertical"]:
        return 0
    lines = []
    for direction, other in (("horizontal", "vertical"), ("vertical", "horizontal")):
        crossing = _positions(find_lines_from_layout(layout, other), other) + [r[:3] for r in runs[other]]
        for lane, start, end, step in runs[direction]:
            start, end = _reached(lane, start, end, step, crossing)
            lines.append(_line(miner.LTLine, direction, lane, start, end))
    for line in lines:
        layout.add(line)
    return len(lines)


def _marks(container, miner) -> tuple[list[Mark], list[Mark]]:
    """The layout's small drawn marks (boxes, lines, curves; in figures too) that could be pieces of a rule
    across (no taller than long) and of a rule down (no wider than tall): a round dot may be either."""
    across: list[Mark] = []
    down: list[Mark] = []
    for item in _drawn(container, miner):
        width, height = item.x1 - item.x0, item.y1 - item.y0
        if max(width, height) > MARK or min(width, height) > THIN:
            continue
        if width > height - LANE:
            across.append(((item.y0 + item.y1) / 2, item.x0, item.x1))
        if height > width - LANE:
            down.append(((item.x0 + item.x1) / 2, item.y0, item.y1))
    return across, down


def _drawn(container, miner) -> Iterator:
    for item in container:
        if isinstance(item, miner.LTFigure):
            yield from _drawn(item, miner)
        elif isinstance(item, (miner.LTRect, miner.LTLine, miner.LTCurve)) and (item.stroke or item.fill):
            yield item


def _runs(marks: list[Mark]) -> list[Run]:
    """The runs of marks in one lane, each no more than GAP after the one before, MARKS or more and evenly
    spaced (no gap more than REACH wider than the run's middle gap): (lane, start, end, step) each."""
    found: list[Run] = []
    for lane in _lanes(marks):
        lane.sort(key=lambda m: m[1])
        run = [lane[0]]
        for mark in lane[1:] + [None]:
            if mark is not None and mark[1] - run[-1][2] <= GAP:
                run.append(mark)
                continue
            found += _as_run(run)
            run = [mark] if mark is not None else []
    return found


def _lanes(marks: list[Mark]) -> Iterator[list[Mark]]:
    """The marks grouped by lane: sorted across, a lane goes on while each mark is within LANE of the last."""
    marks = sorted(marks)
    lane: list[Mark] = []
    for mark in marks:
        if lane and mark[0] - lane[-1][0] > LANE:
            yield lane
            lane = []
        lane.append(mark)
    if lane:
        yield lane


def _as_run(run: list[Mark]) -> list[Run]:
    if len(run) < MARKS:
        return []
    gaps = [b[1] - a[2] for a, b in zip(run, run[1:])]
    usual = median(gaps)
    if usual <= 0 or max(gaps) > usual + REACH:  # touching pieces are a solid rule, not a pattern
        return []
    step = median(b[1] - a[1] for a, b in zip(run, run[1:]))
    return [(median(m[0] for m in run), run[0][1], max(m[2] for m in run), step)]


def _positions(lines: list[tuple[float, float, float, float]], direction: str) -> list[Mark]:
    """The rules of one direction as (position across, start, end)."""
    if direction == "horizontal":
        return [(y0, min(x0, x1), max(x0, x1)) for x0, y0, x1, _ in lines]
    return [(x0, min(y0, y1), max(y0, y1)) for x0, y0, _, y1 in lines]


def _reached(lane: float, start: float, end: float, step: float, crossing: list[Mark]) -> tuple[float, float]:
    """The run's ends moved on to the nearest rule across it within a step (and REACH) of each end: a rule
    across it stands there if it spans the run's lane."""
    reach = step + REACH
    spanning = [at for at, low, high in crossing if low - REACH <= lane <= high + REACH]
    before = [at for at in spanning if start - reach <= at < start]
    after = [at for at in spanning if end < at <= end + reach]
    return (max(before) if before else start), (min(after) if after else end)


def _line(line_type: type, direction: str, lane: float, start: float, end: float):
    p0, p1 = ((start, lane), (end, lane)) if direction == "horizontal" else ((lane, start), (lane, end))
    line = line_type()  # as rules.py makes its lines: from two points, not a path object
    line.set_bbox((p0[0], p0[1], p1[0], p1[1]))
    line.pts = [p0, p1]
    line.stroke, line.fill, line.linewidth = True, False, 0.5
    return line
