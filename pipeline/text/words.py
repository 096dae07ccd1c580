"""Words from a text layer's glyphs, by position.

A word is a run of glyphs on one line with no word gap between them. It is never split
where the font changes (Word 2007 draws æ, ø and å in a fallback font: `bekendtgørelse`
is one word, printed in two fonts), and a word gap is judged against the glyphs' size,
so a PDF that draws no space characters still reads as words. Glyphs the PDF gives no
Unicode mapping for (``(cid:431)``) are resolved from the embedded font where it names
them (``pipeline.text.glyphs``), otherwise counted.
"""

from __future__ import annotations

import bisect
import math
import unicodedata
from collections import Counter, defaultdict
from operator import itemgetter

from pipeline.base.models import Word
from pipeline.text.frame import direction, reading_turn, turned
from pipeline.text.glyphs import UNMAPPED, GlyphResolver

# A gap wider than this share of the glyphs' size separates two words. Inside a word,
# kerning and justification leave at most ~0.17 (measured on the real documents); a
# word gap drawn without a space character is ~0.25 (the width of a space in Arial).
WORD_GAP = 0.2
LINE_GAP = 3.0  # points: glyphs whose tops differ more start a new line
OFF_LINE = 0.5  # points: a space whose top differs more from a letter's is another run's
EDGE = 1.0  # points a glyph's middle may stand past the visible box's edge (rounding of the box)
_TEXT_X0_TOP = itemgetter("text", "x0", "top")  # a glyph's, read at once (every glyph of a page is asked)
_BOX = itemgetter("x0", "x1", "top", "bottom")
WORDS = {"x_tolerance_ratio": WORD_GAP, "y_tolerance": LINE_GAP, "keep_blank_chars": False, "return_chars": True}
# How pdfplumber reads each direction: text turned a quarter left reads bottom to top, its
# lines left to right; turned a quarter right, top to bottom and right to left.
DIRECTIONS = {
    "right": {},
    "left": {"char_dir": "rtl", "line_dir": "btt"},
    "up": {"char_dir_rotated": "btt", "line_dir_rotated": "ltr"},
    "down": {"char_dir_rotated": "ttb", "line_dir_rotated": "rtl"},
}


def page_words(page, resolver: GlyphResolver | None = None) -> tuple[list[Word], int]:
    """The words of a pdfplumber page in its reading frame, and the quarter turn of that frame.

    Each direction of text is read the way it runs (``pipeline.text.frame``). ``resolver``
    reads again the glyphs pdfminer could not read (``pipeline.text.glyphs``) before the
    glyphs become words: a glyph it misread as a space may be a letter.
    """
    from pdfplumber.utils.text import extract_words  # lazy: heavy import

    chars = visible(page.chars, page.bbox)
    turn = reading_turn(chars)
    if turn:
        chars = [turned(c, turn, float(page.width), float(page.height)) for c in chars]
    chars = drawn_once(chars)
    if resolver is not None and resolver.touches(chars):
        chars = [_reread(char, resolver.text(char)) for char in chars]
    words: list[Word] = []
    for way, run in _by_direction(chars, turn).items():
        if way == "right":
            run = without_stray_spaces(run)
        raw = extract_words(run, **WORDS, **DIRECTIONS[way])
        words += [_word(item["text"], item["chars"]) for item in raw]
    return words, turn


def visible(chars: list[dict], box) -> list[dict]:
    """The glyphs a viewer shows: those whose middle lies in the page's visible box (its crop box).

    A PDF may draw text that no one sees: a whole form drawn on a page cropped to one box of it, text
    placed past the paper's edge. It is not printed, so it is no word of the page."""
    x0, top, x1, bottom = (float(v) for v in box)

    def shown(c: dict) -> bool:
        x, y = (c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2
        return x0 - EDGE <= x <= x1 + EDGE and top - EDGE <= y <= bottom + EDGE

    return chars if all(shown(c) for c in chars) else [c for c in chars if shown(c)]


def _reread(char: dict, text: str) -> dict:
    return char if text == char["text"] else {**char, "text": text, "reread": True}


def drawn_once(chars: list[dict]) -> list[dict]:
    """Glyphs drawn again over themselves (a fake bold, a shadow) count once.

    A copy sits within a third of the glyph's width and size of the first; a letter
    repeated in a word ("ll") is a whole advance away.
    """
    if len({(text, round(x0), round(top)) for text, x0, top in map(_TEXT_X0_TOP, chars)}) == len(chars):
        return chars  # no two alike glyphs even near each other: the common case, checked cheaply
    kept: list[dict] = []
    near: dict[tuple[str, int], list[dict]] = {}
    for char in chars:
        row = round(char["top"])
        others = [o for dy in (-1, 0, 1) for o in near.get((char["text"], row + dy), ())]
        if not char["text"].isspace() and any(_over(char, other) for other in others):
            continue
        near.setdefault((char["text"], row), []).append(char)
        kept.append(char)
    return kept


def without_stray_spaces(chars: list[dict]) -> list[dict]:
    """A space glyph drawn over a letter of another baseline is no word gap (text that runs right).

    Word 2007 draws some lines' layout spaces as a run of their own, a point off the line:
    sorted in among the letters they split `E-mail` into `E-ma i l`. A space on the
    letters' own baseline is a gap, even where italic glyphs' boxes overlap it.
    """
    rows: dict[int, list[tuple[float, float, float]]] = defaultdict(list)
    for char in chars:
        if not char["text"].isspace():
            rows[round(char["top"])].append((float(char["x0"]), float(char["x1"]), float(char["top"])))
    for row in rows.values():
        row.sort()
    return [c for c in chars if not (c["text"].isspace() and _over_a_letter(c, rows))]


def _over_a_letter(space: dict, rows: dict[int, list[tuple[float, float, float]]]) -> bool:
    middle, top = (float(space["x0"]) + float(space["x1"])) / 2, float(space["top"])
    for letters in (rows.get(round(top) + dy, ()) for dy in (-1, 0, 1)):
        before = bisect.bisect_right(letters, (middle, math.inf, math.inf)) - 1
        x0, x1, letter_top = letters[before] if before >= 0 else (0.0, 0.0, top)
        if x0 < middle < x1 and abs(letter_top - top) > OFF_LINE:
            return True
    return False


def _over(char: dict, other: dict) -> bool:
    width = max(float(char["x1"]) - float(char["x0"]), 0.1)
    return abs(char["x0"] - other["x0"]) < width / 3 and abs(char["top"] - other["top"]) < float(char["size"]) / 3


def _by_direction(chars: list[dict], turn: int) -> dict[str, list[dict]]:
    """Glyphs by the way their baseline runs in the frame: right, up (a y-axis label), down, or left."""
    runs: dict[str, list[dict]] = {}
    for char in chars:
        way = direction(char, turn)
        runs.setdefault(way, []).append({**char, "upright": way in ("right", "left")} if turn else char)
    return runs


def _word(text: str, chars: list[dict]) -> Word:
    font, size = _main_font(chars)
    x0s, x1s, tops, bottoms = zip(*map(_BOX, chars))
    return Word(
        text=unicodedata.normalize("NFC", text),  # a letter and its combining accent as the one letter printed
        x0=float(min(x0s)),
        x1=float(max(x1s)),
        top=float(min(tops)),
        bottom=float(max(bottoms)),
        bold="bold" in font.lower(),
        font=font,
        size=size,
        reread=any(c.get("reread", False) for c in chars),
    )


def _main_font(chars: list[dict]) -> tuple[str, float]:
    """The font most of a word's letters are drawn in (a fallback font for æ, ø, å does not count)."""
    letters = [c for c in chars if c["text"].isalnum() and c["text"] not in "æøåÆØÅ"] or chars
    names = [str(c.get("fontname", "")) for c in letters]
    # most words are drawn in one font: no count needed
    font = names[0] if names.count(names[0]) == len(names) else Counter(names).most_common(1)[0][0]
    sizes = [float(c.get("size", 0.0)) for c, name in zip(letters, names) if name == font]
    return font, round(max(sizes, default=0.0), 1)


def unmapped_glyphs(words: list[Word]) -> int:
    return sum(word.text.count(UNMAPPED) for word in words)
