"""Glyphs a text layer gives no Unicode for, read from the font embedded with them.

pdfminer shows a glyph as ``(cid:N)`` when its font carries no /ToUnicode map and its
encoding does not name the glyph. The font program embedded in the PDF often still says
what the glyph draws: a TrueType font (simple, or a CIDFontType2 under a Type0 font, as
Word and many typesetters write them) maps the code to a glyph (/CIDToGIDMap, or the
font's own cmap for a simple font) and the glyph back to a character through its own
Unicode cmap or its PostScript glyph name. That is what is read here. Fonts that say
nothing (not embedded, CFF CID fonts whose glyphs have no names) stay unresolved, and
the glyph is counted and reported by the text stage.
"""

from __future__ import annotations

import io
import logging
import re
import unicodedata
from collections.abc import Iterator
from typing import NamedTuple

log = logging.getLogger(__name__)

UNMAPPED = "(cid:"
CID = re.compile(r"\(cid:(\d+)\)")
MAX_FORM_DEPTH = 4  # fonts of forms inside forms; deeper nesting is not worth following


class GlyphResolver:
    """The text of one page's glyphs where pdfminer could not read it; reads the fonts only when asked.

    Two cases: a glyph shown as ``(cid:N)``, and every glyph of a composite TrueType font
    whose /CIDToGIDMap is a stream and that has no /ToUnicode: pdfminer then reads the
    font's cmap as if CIDs were glyph numbers and gives wrong letters without a sign.
    """

    def __init__(self, page) -> None:
        self._page = page
        self._misread: dict[str, FontText] | None = None
        self._explained: dict[str, dict[int, str]] | None = None
        self._marks: dict[str, str] | None = None
        self.reread = 0  # glyphs whose text came from their font

    def touches(self, chars: list[dict]) -> bool:
        """Whether any of these glyphs needs reading again."""
        misread = self.misread()
        return any(c["text"].startswith(UNMAPPED) or c.get("fontname") in misread or _blank_mark(c) for c in chars)

    def text(self, char: dict) -> str:
        """The glyph's text from its font; ``(cid:N)`` where the font does not say."""
        text = self._text(char)
        self.reread += text != char["text"] and not text.startswith(UNMAPPED)
        return text

    def _text(self, char: dict) -> str:
        name = str(char.get("fontname", ""))
        if _blank_mark(char):
            if self._marks is None:
                self._marks = blank_marks(self._page)
            return self._marks.get(name, char["text"])
        match = CID.fullmatch(char["text"])
        font = self.misread().get(name)
        if font is not None:
            code = int(match.group(1)) if match else font.pdfminer_code.get(char["text"])
            return font.texts.get(code, f"{UNMAPPED}{code})") if code is not None else f"{UNMAPPED}?)"
        if match is None:
            return char["text"]
        if self._explained is None:
            self._explained = page_fonts(self._page)
        return self._explained.get(name, {}).get(int(match.group(1)), char["text"])

    def misread(self) -> dict[str, FontText]:
        if self._misread is None:
            self._misread = misread_fonts(self._page)
        return self._misread


class FontText(NamedTuple):
    """A misread font: pdfminer's letter -> the code it came from, and each code's true text."""

    pdfminer_code: dict[str, int]
    texts: dict[int, str]


def misread_fonts(page) -> dict[str, FontText]:
    """Composite TrueType fonts pdfminer misreads: no /ToUnicode, CIDs mapped to glyphs by a stream."""
    from pdfminer.pdftypes import resolve1

    found: dict[str, FontText] = {}
    for name, font in _fonts(page.page_obj.resources, 0):
        descendant = _descendant(font)
        if "ToUnicode" in font or _literal(descendant.get("Subtype")) != "CIDFontType2":
            continue
        if _literal(resolve1(descendant.get("CIDToGIDMap"))) in ("Identity", ""):
            continue
        try:
            found[name] = _misread(descendant)
        except Exception as error:  # a broken font program: its letters are shown as unmapped
            log.debug("font %s: %s", name, error)
            found[name] = FontText({}, {})
    return found


def _misread(descendant: dict) -> FontText:
    program = _truetype(descendant)
    if program is None:
        return FontText({}, {})
    order = {name: gid for gid, name in enumerate(program.getGlyphOrder())}
    # pdfminer's letter for CID c is the character whose glyph in the font's cmap is glyph number c
    best = sorted((program.getBestCmap() or {}).items(), reverse=True)
    return FontText({chr(u): order[name] for u, name in best}, _cid_texts(descendant, program))


def _blank_mark(char: dict) -> bool:
    """A glyph read as a space that takes no room: an accent the /ToUnicode map calls a space."""
    return char["text"] == " " and float(char["x1"]) - float(char["x0"]) < 0.01


def blank_marks(page) -> dict[str, str]:
    """Per composite font: the combining mark its /ToUnicode maps to a space, where there is just one.

    Word for Microsoft 365 draws a decomposed "å" (a + U+030A, as text pasted from a Mac
    carries it) as the letter and a ring glyph, and maps the ring to a space: "på" reads
    "pa ". The font program still names the glyph. Two such marks in one font cannot be
    told apart by their zero width, and are left as they are.
    """
    marks: dict[str, str] = {}
    for name, font in _fonts(page.page_obj.resources, 0):
        descendant = _descendant(font)
        if "ToUnicode" not in font or _literal(descendant.get("Subtype")) != "CIDFontType2":
            continue
        try:
            found = _marks_read_as_space(font, descendant)
        except Exception as error:  # a broken font or map: its spaces stay spaces
            log.debug("font %s: %s", name, error)
            continue
        if len(found) == 1:
            marks[name] = found.pop()
    return marks


def _marks_read_as_space(font: dict, descendant: dict) -> set[str]:
    from pdfminer.cmapdb import CMapParser, FileUnicodeMap
    from pdfminer.pdftypes import resolve1

    to_unicode = FileUnicodeMap()
    CMapParser(to_unicode, io.BytesIO(resolve1(font["ToUnicode"]).get_data())).run()
    spaces = [code for code, text in to_unicode.cid2unichr.items() if text.isspace()]
    program = _truetype(descendant) if spaces else None
    if program is None:
        return set()
    texts = _cid_texts(descendant, program)
    return {texts[code] for code in spaces if unicodedata.combining(texts.get(code, " ")[0])}


def page_fonts(page) -> dict[str, dict[int, str]]:
    """Per font name on the page: code -> text, for every code its embedded font explains.

    A font name used by two different fonts on one page is ambiguous and left out.
    """
    found: dict[str, dict[int, str]] = {}
    ambiguous: set[str] = set()
    for name, font in _fonts(page.page_obj.resources, 0):
        codes = _safe_codes(font)
        if name in found and found[name] != codes:
            ambiguous.add(name)
        found[name] = codes
    return {name: codes for name, codes in found.items() if name not in ambiguous}


def _fonts(resources, depth: int) -> Iterator[tuple[str, dict]]:
    from pdfminer.pdftypes import resolve1

    resources = resolve1(resources) or {}
    for ref in (resolve1(resources.get("Font")) or {}).values():
        font = resolve1(ref)
        if isinstance(font, dict):
            yield _literal(font.get("BaseFont")), font
    if depth >= MAX_FORM_DEPTH:
        return
    for ref in (resolve1(resources.get("XObject")) or {}).values():
        xobject = resolve1(ref)
        attrs = getattr(xobject, "attrs", {})
        if _literal(attrs.get("Subtype")) == "Form" and "Resources" in attrs:
            yield from _fonts(attrs["Resources"], depth + 1)


def _safe_codes(font: dict) -> dict[int, str]:
    try:
        return font_codes(font)
    except Exception as error:  # a broken font program explains nothing; its glyphs stay counted
        log.debug("font %s: %s", _literal(font.get("BaseFont")), error)
        return {}


def font_codes(font: dict) -> dict[int, str]:
    """code -> text for a Type0 (CIDFontType2) or simple TrueType font with an embedded program."""
    descendant = _descendant(font)
    program = _truetype(descendant or font)
    if program is None:
        return {}
    return _cid_texts(descendant, program) if descendant else _texts(_simple_glyphs(program), program)


def _descendant(font: dict) -> dict:
    """A Type0 font's CIDFont ({} for a simple font)."""
    from pdfminer.pdftypes import resolve1

    if _literal(font.get("Subtype")) != "Type0":
        return {}
    descendant = resolve1((resolve1(font.get("DescendantFonts")) or [None])[0])
    return descendant if isinstance(descendant, dict) else {}


def _cid_texts(descendant: dict, program) -> dict[int, str]:
    names = program.getGlyphOrder()
    to_glyph = _cid_to_gid(descendant.get("CIDToGIDMap"), len(names))
    return _texts({cid: names[gid] for cid, gid in to_glyph.items()}, program)


def _truetype(font: dict):
    from fontTools.ttLib import TTFont  # lazy: only pages with unmapped glyphs need it
    from pdfminer.pdftypes import resolve1

    descriptor = resolve1(font.get("FontDescriptor")) or {}
    stream = resolve1(descriptor.get("FontFile2"))
    if stream is None:
        return None
    return TTFont(io.BytesIO(stream.get_data()), lazy=True)


def _cid_to_gid(mapping, glyphs: int) -> dict[int, int]:
    """/CIDToGIDMap: /Identity (or absent) maps a CID to the glyph of that number; a stream gives two bytes per CID."""
    from pdfminer.pdftypes import resolve1

    mapping = resolve1(mapping)
    if mapping is None or _literal(mapping) == "Identity":
        return {gid: gid for gid in range(glyphs)}
    data = mapping.get_data()
    gids = {cid: int.from_bytes(data[2 * cid : 2 * cid + 2], "big") for cid in range(len(data) // 2)}
    return {cid: gid for cid, gid in gids.items() if 0 < gid < glyphs}


def _simple_glyphs(program) -> dict[int, str]:
    """A simple TrueType font's code -> glyph name: its (3,0) symbol cmap at U+F0xx, or its (1,0) Mac cmap."""
    glyphs: dict[int, str] = {}
    for table in program["cmap"].tables:
        if (table.platformID, table.platEncID) == (3, 0):
            glyphs |= {code & 0xFF: name for code, name in table.cmap.items() if code & 0xFF00 in (0xF000, 0)}
        elif (table.platformID, table.platEncID) == (1, 0) and not glyphs:
            glyphs |= dict(table.cmap)
    return glyphs


def _texts(glyph_of: dict[int, str], program) -> dict[int, str]:
    """Each code's text: the glyph's Unicode by the font's own Unicode cmap, else by its glyph name."""
    from fontTools.agl import toUnicode

    unicode_of: dict[str, int] = {}
    for code, name in sorted((program.getBestCmap() or {}).items(), reverse=True):
        if not 0xE000 <= code <= 0xF8FF:  # a private-use code says nothing about the letter
            unicode_of[name] = code  # reversed order: the lowest code point wins
    texts: dict[int, str] = {}
    for code, name in glyph_of.items():
        text = chr(unicode_of[name]) if name in unicode_of else toUnicode(name)
        if text and text.isprintable():
            texts[code] = _plain(text)
    return texts


def _plain(text: str) -> str:
    """Ligature glyphs (ﬁ, ﬂ) as the letters they join: the text is searched and repaired as letters."""
    return "".join(unicodedata.normalize("NFKC", c) if 0xFB00 <= ord(c) <= 0xFB06 else c for c in text)


def _literal(value) -> str:
    name = getattr(value, "name", value)
    if isinstance(name, bytes):
        name = name.decode("latin-1")
    return str(name or "")
