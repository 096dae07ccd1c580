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

from typing import NamedTuple
from unicodedata import normalize

from pdfminer.layout import LTCurve, LTLine, LTRect
from pdfminer.pdffont import PDFFont, PDFUnicodeNotDefined
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
        self.known: dict[tuple[PDFFont, int], FontGlyph] = {}  # what the page's fonts say of each code drawn

    def render_char(self, matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate) -> float:  # type: ignore[override]
        known = self.known.get((font, cid))
        if known is None:
            known = self.known[(font, cid)] = self._font_glyph(font, cid)
        adv = known.width * fontsize * scaling
        if known.vertical:
            vx, vy = known.disp
            vx = fontsize * 0.5 if vx is None else vx * fontsize * 0.001
            vy = (1000 - vy) * fontsize * 0.001
            bx0, by0, bx1, by1 = (-vx, vy + rise + adv, -vx + fontsize, vy + rise)
        else:
            descent = known.descent * fontsize
            bx0, by0, bx1, by1 = (0, descent + rise, adv, descent + rise + fontsize)
        a, b, c, d, e, f = matrix
        # pdfminer's apply_matrix_rect, written out: the corners in its order, so min and max break ties alike
        left1, bottom1 = a * bx0 + c * by0 + e, b * bx0 + d * by0 + f
        right1, bottom2 = a * bx1 + c * by0 + e, b * bx1 + d * by0 + f
        right2, top1 = a * bx1 + c * by1 + e, b * bx1 + d * by1 + f
        left2, top2 = a * bx0 + c * by1 + e, b * bx0 + d * by1 + f
        x0, x1 = min(left1, left2, right1, right2), max(left1, left2, right1, right2)
        y0, y1 = min(bottom1, bottom2, top1, top2), max(bottom1, bottom2, top1, top2)
        width, height = x1 - x0, y1 - y0
        top = (self.height - y1) + self.mediabox_top
        state, shift = graphicstate, self.x_shift
        glyph = Glyph(
            {
                "matrix": matrix,  # made by arithmetic: numbers, as pdfplumber's resolver gives them back
                "fontname": known.fontname,
                "adv": adv,
                "upright": a * d * scaling > 0 and b * c <= 0,
                "x0": x0 + shift if shift != 0 else x0,
                "y0": y0,
                "x1": x1 + shift if shift != 0 else x1,
                "y1": y1,
                "width": width,
                "height": height,
                "size": width if known.vertical else height,
                "mcid": _plain(self.cur_mcid),
                "tag": _plain(self.cur_tag),
                "object_type": "char",
                "page_number": self.page_number,
                "ncs": _decoded_name(ncs.name),
                "text": known.text,
                "stroking_color": state.scolor if isinstance(state.scolor, tuple) else (state.scolor,),
                "non_stroking_color": state.ncolor if isinstance(state.ncolor, tuple) else (state.ncolor,),
                "top": top,
                "bottom": (self.height - y0) + self.mediabox_top,
                "doctop": self.initial_doctop + top,
            }
        )
        self.cur_item.add(glyph)
        return adv

    def _font_glyph(self, font: PDFFont, cid: int) -> FontGlyph:
        try:
            text = font.to_unichr(cid)
            assert isinstance(text, str), str(type(text))
        except PDFUnicodeNotDefined:
            text = self.handle_undefined_char(font, cid)
        fontname = _plain(font.fontname)
        return FontGlyph(
            fontname=fix_fontname_bytes(fontname) if isinstance(fontname, bytes) else fontname,
            text=normalize(self.unicode_norm, text) if self.unicode_norm is not None else text,
            width=font.char_width(cid),
            vertical=font.is_vertical(),
            descent=font.get_descent(),
            disp=font.char_disp(cid),
        )


class FontGlyph(NamedTuple):
    """What a font says of a code: the same for every glyph of the page drawn with it."""

    fontname: object
    text: str
    width: float
    vertical: bool
    descent: float
    disp: object


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
