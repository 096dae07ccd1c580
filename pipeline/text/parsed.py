"""A pdfplumber page whose glyphs are made into dicts as pdfminer renders them, at a fraction of the cost.

pdfplumber has pdfminer lay every glyph out as an ``LTChar`` and then turns each object of
the layout into a dict by walking all its attributes through a generic resolver
(``process_object``): on born-digital pages that walk took a quarter of bilag's CPU, and the
``LTChar`` objects, made only to be walked, another twentieth. :class:`QuickPage` renders each
glyph straight into the dict pdfplumber would make of it: the same arithmetic as pdfminer's
``LTChar`` (so the same numbers to the last bit) and the same keys in the same order as
pdfplumber's (``tests/text/test_parsed.py`` holds them side by side). Every other object
(rules, images, curves) is laid out and made a dict by pdfminer and pdfplumber as before.

Imported where the pages are read (it imports pdfplumber, a heavy import).
"""

from __future__ import annotations

from unicodedata import normalize

from pdfminer.layout import LTCurve, LTLine, LTRect
from pdfminer.pdffont import PDFUnicodeNotDefined
from pdfminer.utils import apply_matrix_rect
from pdfplumber.page import ALL_ATTRS, Page, PDFPageAggregatorWithMarkedContent, fix_fontname_bytes
from pdfplumber.utils.exceptions import PdfminerException
from pdfplumber.utils.pdfinternals import resolve_all, resolve_and_decode

from pipeline.text.content import QuickInterpreter

PLAIN = frozenset((float, int, str, bool, type(None)))  # types of values pdfplumber's resolver gives back as they are
CURVES = {LTCurve: "curve", LTLine: "line", LTRect: "rect"}  # pdfplumber's object_type of each
_decoded: dict[object, object] = {}  # colour space name -> its name decoded (a handful a document)


class Glyph(dict):
    """A glyph's dict in the page's layout, where pdfminer puts an ``LTChar``. pdfplumber's device tags
    the last object it laid out with the marked content it is in (``mcid``, ``tag``) by setting
    attributes on it; on a glyph that sets its keys, as they would have been read from the ``LTChar``."""

    __slots__ = ()

    def __setattr__(self, name: str, value: object) -> None:
        self[name] = value


class QuickPage(Page):
    """A pdfplumber page, its glyphs' dicts made as they are rendered."""

    @property
    def layout(self):  # type: ignore[override]
        if hasattr(self, "_layout"):
            return self._layout
        if self.pdf.laparams is not None:  # pdfminer's layout analysis groups LTChar objects: none made here
            return super().layout
        device = GlyphDevice(self)
        interpreter = QuickInterpreter(self.pdf.rsrcmgr, device)
        try:
            interpreter.process_page(self.page_obj)
        except Exception as e:
            raise PdfminerException(e) from e  # as pdfplumber raises it
        self._layout = device.get_result()
        return self._layout

    def process_object(self, obj):  # type: ignore[override]
        if type(obj) is Glyph:
            return obj
        if type(obj) in CURVES:
            return self._curve(obj)
        return super().process_object(obj)

    def _curve(self, obj: LTCurve) -> dict:
        """pdfplumber's ``process_object`` for a rule, a box or a curve, its resolver passed by where the values
        are numbers (a path's points)."""
        attr = {k: _plain(v) for k, v in obj.__dict__.items() if k in ALL_ATTRS}
        attr["object_type"] = CURVES[type(obj)]
        attr["page_number"] = self.page_number
        for space in ("ncs", "scs"):
            if hasattr(obj, space):
                attr[space] = resolve_and_decode(getattr(obj, space).name)
        attr["pts"] = list(map(self.point2coord, attr["pts"]))
        attr["path"] = [(cmd, *map(self.point2coord, pts)) for cmd, *pts in obj.original_path]
        attr["dash"] = obj.dashing_style
        x_shift, top = self.mediabox[:2]
        if "y0" in attr:
            attr["top"] = (self.height - attr["y1"]) + top
            attr["bottom"] = (self.height - attr["y0"]) + top
            attr["doctop"] = self.initial_doctop + attr["top"]
        if "x0" in attr and x_shift != 0:
            attr["x0"] = attr["x0"] + x_shift
            attr["x1"] = attr["x1"] + x_shift
        return attr


class GlyphDevice(PDFPageAggregatorWithMarkedContent):
    """pdfplumber's device, each glyph rendered into its dict (pdfminer's ``render_char`` and ``LTChar``,
    then pdfplumber's ``process_object``, in one)."""

    def __init__(self, page: QuickPage) -> None:
        super().__init__(page.pdf.rsrcmgr, pageno=page.page_number, laparams=None)
        self.page_number = page.page_number
        self.unicode_norm = page.pdf.unicode_norm
        # as pdfplumber turns y upwards from the mediabox into top downwards, to the last bit
        self.x_shift, self.mediabox_top = page.mediabox[:2]
        self.height, self.initial_doctop = page.height, page.initial_doctop

    def render_char(self, matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate) -> float:  # type: ignore[override]
        try:
            text = font.to_unichr(cid)
            assert isinstance(text, str), str(type(text))
        except PDFUnicodeNotDefined:
            text = self.handle_undefined_char(font, cid)
        adv = font.char_width(cid) * fontsize * scaling
        vertical = font.is_vertical()
        if vertical:
            vx, vy = font.char_disp(cid)
            vx = fontsize * 0.5 if vx is None else vx * fontsize * 0.001
            vy = (1000 - vy) * fontsize * 0.001
            bbox = (-vx, vy + rise + adv, -vx + fontsize, vy + rise)
        else:
            descent = font.get_descent() * fontsize
            bbox = (0, descent + rise, adv, descent + rise + fontsize)
        a, b, c, d, _, _ = matrix
        upright = a * d * scaling > 0 and b * c <= 0
        x0, y0, x1, y1 = apply_matrix_rect(matrix, bbox)
        if x1 < x0:
            x0, x1 = x1, x0
        if y1 < y0:
            y0, y1 = y1, y0
        width, height = x1 - x0, y1 - y0
        # numbers made by arithmetic are given back by pdfplumber's resolver as they are
        glyph = Glyph(
            matrix=_plain(matrix),
            fontname=_plain(font.fontname),
            adv=adv,
            upright=upright,
            x0=x0,
            y0=y0,
            x1=x1,
            y1=y1,
            width=width,
            height=height,
            size=width if vertical else height,
            mcid=_plain(self.cur_mcid),
            tag=_plain(self.cur_tag),
        )
        self._finish(glyph, text, ncs, graphicstate)
        self.cur_item.add(glyph)
        return adv

    def _finish(self, glyph: Glyph, text: str, ncs, state) -> None:
        """What pdfplumber's ``process_object`` adds to a glyph's attributes, in its order."""
        glyph["object_type"] = "char"
        glyph["page_number"] = self.page_number
        glyph["ncs"] = _decoded_name(ncs.name)
        glyph["text"] = normalize(self.unicode_norm, text) if self.unicode_norm is not None else text
        glyph["stroking_color"] = state.scolor if isinstance(state.scolor, tuple) else (state.scolor,)
        glyph["non_stroking_color"] = state.ncolor if isinstance(state.ncolor, tuple) else (state.ncolor,)
        if isinstance(glyph["fontname"], bytes):
            glyph["fontname"] = fix_fontname_bytes(glyph["fontname"])
        glyph["top"] = (self.height - glyph["y1"]) + self.mediabox_top
        glyph["bottom"] = (self.height - glyph["y0"]) + self.mediabox_top
        glyph["doctop"] = self.initial_doctop + glyph["top"]
        if self.x_shift != 0:
            glyph["x0"] = glyph["x0"] + self.x_shift
            glyph["x1"] = glyph["x1"] + self.x_shift


def _plain(value: object) -> object:
    """The value as pdfplumber's resolver gives it back: numbers and strings as they are; a tuple of them, or a
    list of such tuples (a path's points), equal to the copy the resolver would make."""
    kind = type(value)
    if kind in PLAIN or (kind is tuple and PLAIN.issuperset(map(type, value))):
        return value
    if kind is list and all(type(v) is tuple and PLAIN.issuperset(map(type, v)) for v in value):
        return list(value)
    return resolve_all(value)


def _decoded_name(name: object) -> object:
    if name not in _decoded:
        _decoded[name] = resolve_and_decode(name)
    return _decoded[name]


def quick(page: Page) -> QuickPage:
    """The same page of the same PDF, its glyphs read the quick way."""
    return QuickPage(page.pdf, page.page_obj, page_number=page.page_number, initial_doctop=page.initial_doctop)
