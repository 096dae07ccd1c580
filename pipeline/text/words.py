"""Words from a text layer's glyphs, by position.

A word is a run of glyphs on one line with no word gap between them. It is never split
where the font changes (Word 2007 draws æ, ø and å in a fallback font: `bekendtgørelse`
is one word, printed in two fonts), and a word gap is judged against the glyphs' size,
so a PDF that draws no space characters still reads as words. Glyphs the PDF gives no
Unicode mapping for (``(cid:431)``) are resolved from the embedded font where it names
them (``pipeline.text.glyphs``), otherwise counted.
"""

from __future__ import annotations

from collections import Counter

from pipeline.models import Word

# A gap wider than this share of the glyphs' size separates two words. Inside a word,
# kerning and justification leave at most ~0.17 (measured on the real documents); a
# word gap drawn without a space character is ~0.25 (the width of a space in Arial).
WORD_GAP = 0.2
LINE_GAP = 3.0  # points: glyphs whose tops differ more start a new line
UNMAPPED = "(cid:"


def page_words(page, resolve=None) -> list[Word]:
    """The words of a pdfplumber page, left to right within each line.

    ``resolve`` turns an unmapped glyph's char dict into its text (or None).
    """
    raw = page.extract_words(
        x_tolerance_ratio=WORD_GAP, y_tolerance=LINE_GAP, keep_blank_chars=False, return_chars=True
    )
    return [_word(item, resolve) for item in raw]


def _word(item: dict, resolve) -> Word:
    chars = item["chars"]
    text = item["text"]
    if resolve is not None and UNMAPPED in text:
        text = "".join(_char_text(char, resolve) for char in chars)
    font, size = _main_font(chars)
    return Word(
        text=text,
        x0=float(item["x0"]),
        x1=float(item["x1"]),
        top=float(item["top"]),
        bottom=float(item["bottom"]),
        bold="bold" in font.lower(),
        font=font,
        size=size,
    )


def _char_text(char: dict, resolve) -> str:
    if not char["text"].startswith(UNMAPPED):
        return char["text"]
    return resolve(char) or char["text"]


def _main_font(chars: list[dict]) -> tuple[str, float]:
    """The font most of a word's letters are drawn in (a fallback font for æ, ø, å does not count)."""
    letters = [c for c in chars if c["text"].isalnum() and c["text"] not in "æøåÆØÅ"] or chars
    fonts = Counter(str(c.get("fontname", "")) for c in letters)
    font = fonts.most_common(1)[0][0]
    sizes = [float(c.get("size", 0.0)) for c in letters if str(c.get("fontname", "")) == font]
    return font, round(max(sizes, default=0.0), 1)


def unmapped_glyphs(words: list[Word]) -> int:
    return sum(word.text.count(UNMAPPED) for word in words)
