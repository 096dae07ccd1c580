"""camelot's text lines as the page prints them: an upright glyph in its own line, a turned cell's lines in order.

The layout camelot reads groups glyphs into lines across and lines down. A glyph printed upright at the start
of a line across may be laid out as a line down of its own, stacked with blanks printed above or below it
(``NÚMERO`` in a fixed-pitch header, its ``N`` over the blanks of the line above): camelot then places the
line across (``ÚMERO``) alone and the glyph nowhere, and the cell loses it. :func:`rejoin_upright` puts each
upright glyph of a line down back at the end of the line across it continues, on its baseline (for the ruled
reading, whose cells keep camelot's text; the unruled reading puts the glyph in a column of its own, and its
cells are read again from bilag's words).

camelot puts a cell's lines in the order they stand on the page, top first, then left first: the order of
text set upright. Text set turned reads its lines another way: turned half round, bottom first; turned a
quarter left (read upwards), left first; a quarter right (read downwards), right first. :func:`in_reading_order`
puts the lines of each cell whose lines are all turned the same way in their own reading order.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

LEVEL = 0.01  # a glyph's matrix entries this close to zero are zero
BASELINE = 1.0  # points: glyphs whose bottoms differ by this little stand on one baseline

# each turn's reading order of a cell's lines: a key on the line's box (x0, y0, x1, y1)
ORDER: dict[int, Callable[[tuple[float, float, float, float]], tuple[float, float]]] = {
    0: lambda b: (-b[3], b[0]),
    90: lambda b: (b[0], b[1]),  # read upwards: lines go on to the right
    180: lambda b: (b[1], -b[2]),  # upside down: lines go on upwards
    270: lambda b: (-b[2], -b[3]),  # read downwards: lines go on to the left
}


def turn_of(char) -> int | None:
    """How far a glyph is turned anticlockwise (0, 90, 180, 270), from its matrix; None if slanted."""
    a, b, c, d = char.matrix[:4]
    level = abs(b) < LEVEL and abs(c) < LEVEL
    upright = abs(a) < LEVEL and abs(d) < LEVEL
    if level:
        return 0 if a > 0 and d > 0 else 180 if a < 0 and d < 0 else None
    if upright:
        return 90 if b > 0 and c < 0 else 270 if b < 0 and c > 0 else None
    return None


def rejoin_upright(across: list, down: list) -> int:
    """Move each upright glyph of a line down to the end of the line across it continues (within a glyph's width
    of its start or end, on its baseline); a line down left with no glyph is dropped. How many moved."""
    moved = 0
    for line in list(down):
        for char in [g for g in _glyphs(line) if g.get_text().strip() and turn_of(g) == 0]:
            host = next((h for h in across if _continues(char, h)), None)
            if host is not None:
                _put(char, host)
                line._objs.remove(char)
                moved += 1
        if not any(g.get_text().strip() for g in _glyphs(line)):
            down.remove(line)
    return moved


def _glyphs(line) -> list:
    return [g for g in line if hasattr(g, "matrix")]


def _continues(char, line) -> bool:
    """The glyph stands on the line's baseline, within its own width before the line's start or after its end (its
    box may reach half its width into the line)."""
    glyphs = [g for g in _glyphs(line) if g.get_text().strip()]
    if not glyphs or abs(glyphs[0].y0 - char.y0) > BASELINE or turn_of(glyphs[0]) != 0:
        return False
    width = char.x1 - char.x0
    return -width / 2 <= line.x0 - char.x1 <= width or -width / 2 <= char.x0 - line.x1 <= width


def _put(char, line) -> None:
    """The glyph put into the line in its place along it, the line's box grown over it."""
    objs = line._objs
    middle = (char.x0 + char.x1) / 2
    at = next((i for i, g in enumerate(objs) if hasattr(g, "matrix") and (g.x0 + g.x1) / 2 > middle), None)
    objs.insert(at if at is not None else max(len(objs) - 1, 0), char)
    line.set_bbox((min(line.x0, char.x0), min(line.y0, char.y0), max(line.x1, char.x1), max(line.y1, char.y1)))


def in_reading_order(table, lines: list) -> None:
    """Each cell of a camelot table whose lines are all turned one way (not upright) with its lines in that
    turn's reading order; the table's frame of cells updated. A cell is left as it is unless its lines are
    exactly the page's lines standing within it."""
    changed = False
    for row in table.cells:
        for cell in row:
            held = [t for t in cell.text.split("\n") if t]
            if len(held) < 2:
                continue
            inside = [t for t in lines if _within(t, cell)]
            if Counter(held) != Counter(t.get_text().rstrip("\n") for t in inside):
                continue
            turns = {_turn(t) for t in inside}
            if len(turns) == 1 and (turn := turns.pop()) not in (None, 0):
                inside.sort(key=lambda t: ORDER[turn](t.bbox))
                cell._text = "".join(t.get_text() for t in inside)
                changed = True
    if changed:
        table.df = type(table.df)(table.data)


def _within(line, cell) -> bool:
    x, y = (line.x0 + line.x1) / 2, (line.y0 + line.y1) / 2
    return cell.x1 <= x <= cell.x2 and cell.y1 <= y <= cell.y2


def _turn(line) -> int | None:
    """The turn most of the line's printed glyphs share."""
    turns = Counter(turn_of(g) for g in _glyphs(line) if g.get_text().strip())
    return turns.most_common(1)[0][0] if turns else None
