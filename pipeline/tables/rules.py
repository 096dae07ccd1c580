"""A page's rules however they are drawn: lines, rectangles, closed paths, and short pieces that line up.

camelot's ruled reading takes its rules from the page layout's lines and rectangles. A rectangle drawn as a
path closed twice (``re h S``, as PyMuPDF's ``draw_rect`` writes it) or a polyline is laid out as a curve,
and camelot sees no rule in it: a grid of such boxes is read unruled, its cells' words scattered.
:func:`add_path_rules` adds each straight, upright or level piece of such a path to the layout as a line,
so the grid is read by its rules; so is a rule drawn as a filled box thicker than camelot takes for one (1.5
points; a grid ruled 1.9 points thick lost its rules down, four columns' names and figures read into one).
:func:`draws_rules` is the cheap look (pdfium's path objects, before any layout) that decides whether a page
is worth the ruled reading at all: a rule may be drawn whole or in pieces, cell by cell (``9.6`` points each),
and pieces that continue one another make one rule; a dotted or dashed rule's marks continue one another
across their gaps (:mod:`dotted`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

from pipeline.tables import dotted

THIN = 3.0  # points: a rule is at most this thick
CAMELOT_THIN = 1.5  # points: camelot takes a filled box for a rule only up to this thick
LONG = 10.0  # points: a rule of a grid is at least this long
JOIN = 1.0  # points: pieces of a rule this close (or overlapping) continue one another
UPRIGHT = 0.5  # points: a piece whose ends differ by this little in x (or y) is upright (or level)

Piece = tuple[float, float, float]  # (position across, start, end) of a thin piece along its length


def draws_rules(bounds: Iterable[tuple[float, float, float, float]]) -> bool:
    """Whether paths with these bounds (left, bottom, right, top) draw a grid's rules: two across and two down,
    two boxes, or a box and a rule; counted until they are found, then pieces that continue one another joined."""
    across: list[Piece] = []
    down: list[Piece] = []
    long_across = long_down = boxes = 0
    for left, bottom, right, top in bounds:
        width, height = right - left, top - bottom
        if height < THIN and width > 0:
            across.append(((bottom + top) / 2, left, right))
            long_across += width > LONG
        elif width < THIN and height > 0:
            down.append(((left + right) / 2, bottom, top))
            long_down += height > LONG
        boxes += width > LONG and height > LONG
        if _enough(long_across, long_down, boxes):
            return True
    return _enough(_joined(across), _joined(down), boxes)


def _enough(across: int, down: int, boxes: int) -> bool:
    return (across >= 2 and down >= 2) or boxes >= 2 or (boxes >= 1 and across + down > 0)


def _joined(pieces: list[Piece]) -> int:
    """How many rules over LONG points the pieces make, those continuing one another in one lane joined."""
    lanes: dict[int, list[tuple[float, float]]] = defaultdict(list)
    for lane, start, end in pieces:
        lanes[round(lane / JOIN)].append((start, end))
    return sum(1 for spans in lanes.values() for start, end in _runs(spans) if end - start > LONG)


def _runs(spans: list[tuple[float, float]]) -> Iterator[tuple[float, float]]:
    """The spans joined where one starts within JOIN of where the one before ends, or, both short marks of a
    dotted or dashed rule, within its gap (:mod:`dotted`)."""
    spans = sorted(spans)
    start, end = spans[0]
    last = end - start
    for s, e in spans[1:]:
        reach = dotted.GAP if max(last, e - s) <= dotted.MARK else JOIN
        if s > end + reach:
            yield start, end
            start = s
        end = max(end, e)
        last = e - s
    yield start, end


def add_path_rules(layout) -> int:
    """Add to the layout, as lines, the straight upright and level pieces of the stroked paths it holds as curves
    (a thin filled box as the line along its middle); how many were added."""
    from playa import miner  # lazy: only where a page is read by its rules

    added = [line for item in _curves(layout, miner) for line in _pieces(item, miner.LTLine)]
    for line in added:
        layout.add(line)
    return len(added)


def _curves(container, miner) -> Iterator:
    """The layout's curves that are neither lines nor rectangles, and its filled boxes thicker than camelot
    takes for a rule but thin enough to be one, in figures (form XObjects) too."""
    for item in container:
        if type(item) is miner.LTCurve or (isinstance(item, miner.LTRect) and _thick_rule(item)):
            yield item
        elif isinstance(item, miner.LTFigure):
            yield from _curves(item, miner)


def _thick_rule(box) -> bool:
    """A filled, unstroked box CAMELOT_THIN to THIN points thick and longer than that: a rule drawn thick."""
    width, height = box.x1 - box.x0, box.y1 - box.y0
    return box.fill and not box.stroke and CAMELOT_THIN < min(width, height) <= THIN < max(width, height)


def _pieces(curve, line_type: type) -> Iterator:
    """The curve's straight pieces that are upright or level: a stroked path's edges; of a thin filled
    four-cornered box, its middle line."""
    points = _corners(curve)
    if curve.stroke:
        for (x0, y0), (x1, y1) in zip(points, points[1:]):
            if (abs(x0 - x1) <= UPRIGHT) != (abs(y0 - y1) <= UPRIGHT):
                yield _line(line_type, (x0, y0), (x1, y1), curve.linewidth)
    elif curve.fill and len(set(points)) == 4:
        xs, ys = [x for x, _ in points], [y for _, y in points]
        x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
        if x1 - x0 <= THIN < y1 - y0:
            yield _line(line_type, ((x0 + x1) / 2, y0), ((x0 + x1) / 2, y1), curve.linewidth)
        elif y1 - y0 <= THIN < x1 - x0:
            yield _line(line_type, (x0, (y0 + y1) / 2), (x1, (y0 + y1) / 2), curve.linewidth)


def _corners(curve) -> list[tuple[float, float]]:
    """The points the path runs through by straight segments only (a Bézier piece breaks the run)."""
    path = curve.original_path or []
    if any(segment[0] in "cvy" for segment in path):
        return []
    return [tuple(p) for p in curve.pts]


def _line(line_type: type, p0: tuple[float, float], p1: tuple[float, float], width: float):
    line = line_type()  # playa's lines are made from a path object; this one from two points
    line.set_bbox((min(p0[0], p1[0]), min(p0[1], p1[1]), max(p0[0], p1[0]), max(p0[1], p1[1])))
    line.pts = [p0, p1]
    line.stroke, line.fill, line.linewidth = True, False, width
    return line
