"""A pdfplumber page whose glyphs are made into dicts as pdfminer renders them, at a fraction of the cost.

pdfplumber has pdfminer lay every glyph out as an ``LTChar`` and then turns each object of
the layout into a dict by walking all its attributes through a generic resolver
(``process_object``): on born-digital pages that walk took a quarter of bilag's CPU, and the
``LTChar`` objects, made only to be walked, another twentieth. :class:`QuickPage` renders each
glyph straight into the dict pdfplumber would make of it: the same arithmetic as pdfminer's
``LTChar`` (so the same numbers to the last bit) and the same keys in the same order as
pdfplumber's (``tests/text/test_parsed.py`` holds them side by side). A horizontal string's glyphs are
made in one loop, what they share (colours, marked content) found once per string. Every other object
(rules, images, curves) is laid out and made a dict by pdfminer and pdfplumber as before.

Imported where the pages are read (it imports pdfplumber, a heavy import).
"""

from __future__ import annotations

import logging
from typing import NamedTuple
from unicodedata import normalize

from pdfminer.layout import LTContainer, LTCurve, LTLine, LTRect
from pdfminer.pdffont import PDFFont, PDFUnicodeNotDefined
from pdfplumber.page import ALL_ATTRS, Page, PDFPageAggregatorWithMarkedContent, fix_fontname_bytes
from pdfplumber.utils.exceptions import PdfminerException
from pdfplumber.utils.pdfinternals import resolve_all, resolve_and_decode

from pipeline.text.content import QuickInterpreter
from pipeline.text.pdfminer_fonts import simple_fonts_as_shipped

log = logging.getLogger("pdfminer.pdfdevice")  # where pdfminer warns of a string it cannot render

PLAIN = frozenset((float, int, str, bool, type(None)))  # types of values pdfplumber's resolver gives back as they are
CURVES = {LTCurve: "curve", LTLine: "line", LTRect: "rect"}  # pdfplumber's object_type of each
_decoded: dict[object, object] = {}  # colour space name -> its name decoded (a handful a document)


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

    def iter_layout_objects(self, layout_objects):  # type: ignore[override]
        """pdfplumber's walk of the layout, a glyph's dict given as it is (no container, nothing to resolve)."""
        if self.pdf.laparams is not None:
            yield from super().iter_layout_objects(layout_objects)
            return
        for obj in layout_objects:
            if type(obj) is dict:
                yield obj
            elif isinstance(obj, LTContainer):  # a form's figure: its objects, as pdfplumber walks them
                yield from self.iter_layout_objects(obj._objs)
            else:
                yield self.process_object(obj)

    def process_object(self, obj):  # type: ignore[override]
        if type(obj) is dict:  # a glyph
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

    def render_string_horizontal(  # type: ignore[override]
        self, seq, matrix, pos, font, fontsize, scaling, charspace, wordspace, rise, dxscale, ncs, graphicstate
    ):
        """pdfminer's loop over a string's glyphs with :meth:`render_char` written out in it: what is the same
        for every glyph of the string (its colours, marked content, the turn of its matrix) is found once."""
        (x, y) = pos
        needcharspace = False
        a, b, c, d, e, f = matrix
        add, glyphs, shift, page_number = self.cur_item.add, self.known, self.x_shift, self.page_number
        page_height, mediabox_top, initial_doctop = self.height, self.mediabox_top, self.initial_doctop
        upright = a * d * scaling > 0 and b * c <= 0
        mcid, tag, ncs_name = _plain(self.cur_mcid), _plain(self.cur_tag), _decoded_name(ncs.name)
        stroking, non_stroking = _colour(graphicstate.scolor), _colour(graphicstate.ncolor)
        for obj in seq:
            if isinstance(obj, (int, float)):
                x -= obj * dxscale
                needcharspace = True
                continue
            if not isinstance(obj, bytes):
                log.warning("Cannot render horizontal string because %r is not a valid int, float or bytes.", obj)
                continue
            for cid in font.decode(obj):
                if needcharspace:
                    x += charspace
                if (known := glyphs.get((font, cid))) is None:
                    known = glyphs[(font, cid)] = self._font_glyph(font, cid)
                # pdfminer's translate_matrix, then its LTChar's box (apply_matrix_rect): the same arithmetic in
                # the same order as render_char's, so the same numbers to the last bit
                e1, f1 = x * a + y * c + e, x * b + y * d + f
                adv = known.width * fontsize * scaling
                by0 = known.descent * fontsize + rise
                by1 = by0 + fontsize
                left1, bottom1 = a * 0 + c * by0 + e1, b * 0 + d * by0 + f1
                right1, bottom2 = a * adv + c * by0 + e1, b * adv + d * by0 + f1
                right2, top1 = a * adv + c * by1 + e1, b * adv + d * by1 + f1
                left2, top2 = a * 0 + c * by1 + e1, b * 0 + d * by1 + f1
                x0, x1 = min(left1, left2, right1, right2), max(left1, left2, right1, right2)
                y0, y1 = min(bottom1, bottom2, top1, top2), max(bottom1, bottom2, top1, top2)
                top = (page_height - y1) + mediabox_top
                add(
                    {
                        "matrix": (a, b, c, d, e1, f1),
                        "fontname": known.fontname,
                        "adv": adv,
                        "upright": upright,
                        "x0": x0 + shift if shift != 0 else x0,
                        "y0": y0,
                        "x1": x1 + shift if shift != 0 else x1,
                        "y1": y1,
                        "width": x1 - x0,
                        "height": y1 - y0,
                        "size": y1 - y0,
                        "mcid": mcid,
                        "tag": tag,
                        "object_type": "char",
                        "page_number": page_number,
                        "ncs": ncs_name,
                        "text": known.text,
                        "stroking_color": stroking,
                        "non_stroking_color": non_stroking,
                        "top": top,
                        "bottom": (page_height - y0) + mediabox_top,
                        "doctop": initial_doctop + top,
                    }
                )
                x += adv
                if cid == 32 and wordspace:
                    x += wordspace
                needcharspace = True
        return (x, y)

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
        shift = self.x_shift
        self.cur_item.add(
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
                "stroking_color": _colour(graphicstate.scolor),
                "non_stroking_color": _colour(graphicstate.ncolor),
                "top": top,
                "bottom": (self.height - y0) + self.mediabox_top,
                "doctop": self.initial_doctop + top,
            }
        )
        return adv

    def tag_cur_item(self) -> None:
        """pdfplumber tags the last object laid out with the marked content it is in (after an image or a
        path, which may have made none): on a glyph's dict the keys are set, as they would be read from the
        ``LTChar``'s attributes."""
        last = self.cur_item._objs[-1] if self.cur_item._objs else None
        if type(last) is dict:
            last["mcid"], last["tag"] = self.cur_mcid, self.cur_tag
        else:
            super().tag_cur_item()

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


def _colour(colour: object) -> tuple:
    return colour if isinstance(colour, tuple) else (colour,)


def _decoded_name(name: object) -> object:
    if name not in _decoded:
        _decoded[name] = resolve_and_decode(name)
    return _decoded[name]


def quick(page: Page) -> QuickPage:
    """The same page of the same PDF, its glyphs read the quick way (standard fonts without /Encoding read as
    pdfminer ships, though the process imported OCRmyPDF: ``pipeline.text.pdfminer_fonts``)."""
    simple_fonts_as_shipped()
    return QuickPage(page.pdf, page.page_obj, page_number=page.page_number, initial_doctop=page.initial_doctop)
