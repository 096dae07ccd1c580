"""The frame a page is read in: the way most of its text runs.

A born-digital page turned with /Rotate (a landscape table put on a portrait page) shows
its text running up or down. Its glyphs are turned back into the frame their text runs
right in, so lines, columns and tables are found as on any page; glyphs that run another
way on it (an axis label) keep their own direction relative to that frame.
"""

from __future__ import annotations

from collections import Counter

DIRECTIONS = ("right", "up", "left", "down")  # quarter turns counter-clockwise from upright


def quarter(char: dict) -> int:
    """How many quarter turns counter-clockwise the glyph's baseline runs from upright."""
    a, b = char["matrix"][:2]
    if abs(a) >= abs(b):
        return 0 if a > 0 else 2
    return 1 if b > 0 else 3


def reading_turn(chars: list[dict]) -> int:
    """The quarter turn most of the page's letters run in (0: upright)."""
    turns = Counter(quarter(c) for c in chars if not c["text"].isspace())
    return turns.most_common(1)[0][0] if turns else 0


def turned_size(turn: int, width: float, height: float) -> tuple[float, float]:
    return (height, width) if turn % 2 else (width, height)


def turned(obj: dict, turn: int, width: float, height: float) -> dict:
    """A glyph or edge with its box in the frame turned back by ``turn`` quarter turns."""
    if turn == 0:
        return obj
    x0, x1, top, bottom = float(obj["x0"]), float(obj["x1"]), float(obj["top"]), float(obj["bottom"])
    if turn == 1:  # text ran up: its first line is the leftmost
        box = (height - bottom, height - top, x0, x1)
    elif turn == 2:
        box = (width - x1, width - x0, height - bottom, height - top)
    else:  # text ran down: its first line is the rightmost
        box = (top, bottom, width - x1, width - x0)
    return {**obj, "x0": box[0], "x1": box[1], "top": box[2], "bottom": box[3]}


def direction(char: dict, turn: int) -> str:
    """The way a glyph runs in the turned frame."""
    return DIRECTIONS[(quarter(char) - turn) % 4]
