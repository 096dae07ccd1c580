"""camelot's two readings of each page, from one layout of the page.

``camelot.read_pdf`` lays a page out (playa) once per flavour and, for the ruled reading,
renders it at 300 dpi and finds its lines in the image: on ICDAR-2013 that rendering was
nine tenths of the ruled reading's cost. Here each page is laid out once and both parsers
read that layout. The layout groups glyphs into text lines and lines into boxes, as camelot's
does, but not boxes into a hierarchy (``boxes_flow=None``): camelot reads text lines only, sorted
by position, and that grouping was a quarter of the layout's cost on ICDAR-2013 (the tables
read from all 325 pages of the shared sets are the same with it and without). The ruled
reading takes its lines from the PDF's own drawing instructions
(camelot's ``vector`` engine, with the rules it does not see as lines added: :mod:`rules`), and only on
pages that draw rules a grid could be made of. camelot turns a page whose text lines run more often
down than across; here a page is turned only when most of its characters are turned the same way (a
grid whose cells hold text turned every way is read upright).
A born-digital table is drawn with those instructions; a scan's rules are pixels, and an
OCR'd page is read by its words' alignment only.
"""

from __future__ import annotations

import warnings
from pathlib import Path

from pipeline.tables.detect import Candidate, from_camelot
from pipeline.tables.dotted import add_dotted_rules
from pipeline.tables.figure_lines import figure_regions
from pipeline.tables.rules import add_path_rules, draws_rules
from pipeline.tables.stacked_grids import joined_below
from pipeline.tables.text_lines import in_reading_order, rejoin_upright

LATTICE_MAX_SQUARE_INCHES = 400.0  # A2 is 386: a larger page (an A0 plan) is read unruled only


def read_candidates(pdf: Path, numbers: list[int], unruled: set[int] | None = None) -> list[Candidate]:
    """camelot's ruled (lattice, on pages that draw rules) and unruled (stream) readings of the given pages.

    ``unruled``: the pages whose words could make an unruled table (None: every page); a page that draws
    no rules and is not among them is not laid out at all.
    """
    import playa  # lazy: heavy imports

    ruled = set(ruled_pages(pdf, numbers))
    numbers = [n for n in numbers if unruled is None or n in ruled or n in unruled]
    if not numbers:
        return []
    found: list[Candidate] = []
    with warnings.catch_warnings(), playa.open(str(pdf), space="page") as document:
        warnings.simplefilter("ignore")
        for number in numbers:
            found += _on_page(pdf, document.pages[number - 1], number, number in ruled)
    return found


def _on_page(pdf: Path, page, number: int, ruled: bool) -> list[Candidate]:
    """The page's ruled (where it draws rules) and unruled readings, and the unruled reading of each area of
    lines of figures neither found. The unruled reading takes camelot's lines as laid out (its cells are read
    again from bilag's words); the ruled reading, whose cells keep camelot's text, takes them mended
    (:func:`text_lines.rejoin_upright`: no upright glyph laid out down is lost)."""
    layout, dimensions, images, across, down, rotation = _layout(page)
    if ruled:
        add_path_rules(layout)
        add_dotted_rules(layout)
    read = (dimensions, number, images, across, down, rotation)
    unruled = _parsed(pdf, layout, read, "stream")
    if ruled:
        rejoin_upright(across, down)
    grids = joined_below(_parsed(pdf, layout, read, "lattice"), across) if ruled else []
    on_page = grids + unruled
    small = figure_regions(across, [c.box for c in on_page])  # lines of figures no reading found
    areas = [",".join(f"{v:.2f}" for v in (x0, y1, x1, y0)) for x0, y0, x1, y1 in small]
    return on_page + (_parsed(pdf, layout, read, "stream", areas) if areas else [])


def _parsed(pdf: Path, layout, read: tuple, flavour: str, areas: list[str] | None = None) -> list[Candidate]:
    """camelot's ruled or unruled reading of the laid out page (``areas``: of those regions only)."""
    import camelot

    if flavour == "lattice":
        parser = camelot.parsers.Lattice(engine="vector")
    else:
        parser = camelot.parsers.Stream(table_areas=areas)
    parser.prepare_page_parse(str(pdf), layout, *read, {})
    tables = parser.extract_tables()
    for table in tables:
        in_reading_order(table, read[3] + read[4])
    return [from_camelot(table, flavour) for table in tables]


def ruled_pages(pdf: Path, numbers: list[int]) -> list[int]:
    """The pages that draw rules a grid could be made of (the ruled reading is worth it only there)."""
    import pypdfium2  # lazy: only when tables are read
    import pypdfium2.raw as pdfium

    document = pypdfium2.PdfDocument(str(pdf))
    try:
        return [n for n in numbers if _draws_rules(document[n - 1], pdfium.FPDF_PAGEOBJ_PATH)]
    finally:
        document.close()


def _draws_rules(page, path_type: int) -> bool:
    """Whether the page draws a grid's rules; the page let go at once (memory flat in the number of pages)."""
    try:
        return _fits(page) and _has_rules(page, path_type)
    finally:
        page.close()


def _fits(page) -> bool:
    """camelot's ruled reading of an A0 site plan took over 1.5 GB (its lines, not its image size)."""
    width, height = page.get_size()
    return (width / 72) * (height / 72) <= LATTICE_MAX_SQUARE_INCHES


def _has_rules(page, path_type: int) -> bool:
    """Whether the page's paths draw a grid's rules (:func:`rules.draws_rules`)."""
    return draws_rules(drawn.get_bounds() for drawn in page.get_objects(filter=[path_type], max_depth=3))


def _layout(page) -> tuple:
    """camelot's layout of the page (``PDFHandler._get_layout``), laid out again turned only when most of its
    characters are turned the same way: (layout, dimensions, images, text across, text down, turn)."""
    from camelot.utils import get_image_char_and_text_objects, get_page_layout, get_rotation

    layout, dimensions = get_page_layout(page, boxes_flow=None)
    images, chars, across, down = get_image_char_and_text_objects(layout)
    turn = get_rotation(chars, across, down)
    if turn and _turned_most(chars, turn):
        page.set_initial_ctm(page.space, page.rotate + (90 if turn == "anticlockwise" else -90))
        layout, dimensions = get_page_layout(page, boxes_flow=None)
        images, chars, across, down = get_image_char_and_text_objects(layout)
    else:
        turn = ""
    return layout, dimensions, images, across, down, turn


def _turned_most(chars: list, turn: str) -> bool:
    """More of the characters are turned the way camelot guesses than stand any other way."""
    sign = -1 if turn == "clockwise" else 1
    turned = sum(1 for c in chars if sign * c.matrix[1] > 0 and sign * c.matrix[2] < 0)
    return turned > len(chars) - turned
