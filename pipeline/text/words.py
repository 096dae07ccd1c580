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
from pipeline.text.glyphs import UNMAPPED, GlyphResolver

# A gap wider than this share of the glyphs' size separates two words. Inside a word,
# kerning and justification leave at most ~0.17 (measured on the real documents); a
# word gap drawn without a space character is ~0.25 (the width of a space in Arial).
WORD_GAP = 0.2
LINE_GAP = 3.0  # points: glyphs whose tops differ more start a new line


def page_words(page, resolver: GlyphResolver | None = None) -> list[Word]:
    """The words of a pdfplumber page, left to right within each line.

    ``resolver`` reads again the glyphs pdfminer could not read (``pipeline.text.glyphs``)
    before the glyphs become words: a glyph it misread as a space may be a letter.
    """
    from pdfplumber.utils.text import extract_words  # lazy: heavy import

    chars = page.chars
    if resolver is not None and resolver.touches(chars):
        chars = [{**char, "text": resolver.text(char)} for char in chars]
    raw = extract_words(
        chars, x_tolerance_ratio=WORD_GAP, y_tolerance=LINE_GAP, keep_blank_chars=False, return_chars=True
    )
    return [_word(item["text"], item["chars"]) for item in raw]


def _word(text: str, chars: list[dict]) -> Word:
    font, size = _main_font(chars)
    return Word(
        text=text,
        x0=min(float(c["x0"]) for c in chars),
        x1=max(float(c["x1"]) for c in chars),
        top=min(float(c["top"]) for c in chars),
        bottom=max(float(c["bottom"]) for c in chars),
        bold="bold" in font.lower(),
        font=font,
        size=size,
    )


def _main_font(chars: list[dict]) -> tuple[str, float]:
    """The font most of a word's letters are drawn in (a fallback font for æ, ø, å does not count)."""
    letters = [c for c in chars if c["text"].isalnum() and c["text"] not in "æøåÆØÅ"] or chars
    fonts = Counter(str(c.get("fontname", "")) for c in letters)
    font = fonts.most_common(1)[0][0]
    sizes = [float(c.get("size", 0.0)) for c in letters if str(c.get("fontname", "")) == font]
    return font, round(max(sizes, default=0.0), 1)


def unmapped_glyphs(words: list[Word]) -> int:
    return sum(word.text.count(UNMAPPED) for word in words)
