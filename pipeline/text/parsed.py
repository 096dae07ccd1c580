"""A pdfplumber page whose glyphs are made into dicts at a fifth of pdfplumber's cost.

pdfplumber turns every object pdfminer lays out into a dict by walking all its attributes
through a generic resolver (``process_object``): on born-digital pages that took a quarter
of bilag's CPU, more than pdfminer's parse of the page. A glyph's attributes are plain
numbers and strings, so :class:`QuickPage` builds its dict directly, equal key for key to
pdfplumber's (``tests/text/test_parsed.py`` holds them side by side); every other object
(rules, images, curves) goes through pdfplumber as before.

Imported where the pages are read (it imports pdfplumber, a heavy import).
"""

from __future__ import annotations

from unicodedata import normalize

from pdfminer.layout import LTChar
from pdfplumber.page import ALL_ATTRS, Page, fix_fontname_bytes
from pdfplumber.utils.pdfinternals import resolve_all, resolve_and_decode

PLAIN = frozenset((float, int, str, bool, type(None)))  # types of values pdfplumber's resolver gives back as they are
_decoded: dict[object, object] = {}  # colour space name -> its name decoded (a handful a document)


class QuickPage(Page):
    """A pdfplumber page, its glyphs' dicts built directly."""

    def process_object(self, obj):  # type: ignore[override]
        if type(obj) is not LTChar:
            return super().process_object(obj)
        attr = {k: v if type(v) in PLAIN else _resolved(v) for k, v in obj.__dict__.items() if k in ALL_ATTRS}
        attr["object_type"] = "char"
        attr["page_number"] = self.page_number
        for space in ("ncs", "scs"):
            if hasattr(obj, space):
                attr[space] = _decoded_name(getattr(obj, space).name)
        text = obj.get_text()
        attr["text"] = normalize(self.pdf.unicode_norm, text) if self.pdf.unicode_norm is not None else text
        state = obj.graphicstate
        attr["stroking_color"] = state.scolor if isinstance(state.scolor, tuple) else (state.scolor,)
        attr["non_stroking_color"] = state.ncolor if isinstance(state.ncolor, tuple) else (state.ncolor,)
        if isinstance(attr["fontname"], bytes):
            attr["fontname"] = fix_fontname_bytes(attr["fontname"])
        x_shift, top, height = self._frame()
        attr["top"] = (height - attr["y1"]) + top  # as pdfplumber adds them, to the last bit
        attr["bottom"] = (height - attr["y0"]) + top
        attr["doctop"] = self.initial_doctop + attr["top"]
        if x_shift != 0:
            attr["x0"] = attr["x0"] + x_shift
            attr["x1"] = attr["x1"] + x_shift
        return attr

    def _frame(self) -> tuple[float, float, float]:
        """The mediabox's left and top edges, and the page's height."""
        if not hasattr(self, "_quick_frame"):
            self._quick_frame = (*self.mediabox[:2], self.height)
        return self._quick_frame


def _resolved(value: object) -> object:
    """As pdfplumber's resolver gives it back: a tuple of numbers (a glyph's matrix) as it is, equal to the copy
    the resolver would make."""
    if type(value) is tuple and all(type(v) in PLAIN for v in value):
        return value
    return resolve_all(value)


def _decoded_name(name: object) -> object:
    if name not in _decoded:
        _decoded[name] = resolve_and_decode(name)
    return _decoded[name]


def quick(page: Page) -> QuickPage:
    """The same page of the same PDF, its glyphs read the quick way."""
    return QuickPage(page.pdf, page.page_obj, page_number=page.page_number, initial_doctop=page.initial_doctop)
