"""Running headers and footers: repeated at the same place on most pages."""

from __future__ import annotations

from pipeline.base.models import Word
from pipeline.text.running import running_lines

HEIGHT = 842.0


def line(text: str, top: float) -> list[Word]:
    return [Word(text, 50, 50 + 6 * len(text), top, top + 10)]


def page(number: int, body: str) -> tuple[float, list[list[Word]]]:
    return HEIGHT, [line("Ballerup Kommune", 30), line(body, 120), line(f"Side {number} af 3", 800)]


def test_a_header_and_a_page_number_footer_are_running():
    pages = [page(1, "Referat"), page(2, "Sager"), page(3, "Bilag")]
    assert running_lines(pages) == [(1, 1), (1, 1), (1, 1)]


def test_a_line_on_one_page_only_is_not_running():
    pages = [page(1, "Referat"), (HEIGHT, [line("Dagsorden", 30), line("Punkt 1", 120)])]
    assert running_lines(pages) == [(0, 0), (0, 0)]


def test_a_single_page_has_none():
    assert running_lines([page(1, "Referat")]) == [(0, 0)]


def test_a_repeated_line_in_the_body_is_not_running():
    pages = [(HEIGHT, [line("Punkt 1", 400)]), (HEIGHT, [line("Punkt 1", 400)])]
    assert running_lines(pages) == [(0, 0), (0, 0)]


# A scan's running lines as an OCR reads them, page by page: the logo read otherwise each time, the date and
# the page number misread, the page a few points higher or lower on the glass (measured on the real Ballerup
# scan: 66.5 to 72.3 points from the top).
SCANNED_HEADS = [
    ("88 BALLERUP Ejendomsoversigt 1811-2012", 70.6, "WY Grupperet efter udvalg 117", 100.8),
    ("bdO BALLERUP Ejendomsoversigt 13-11-2012", 67.3, "WYy Grupperet efter udvalg 3/7", 102.5),
    ("ae BALLERUP Ejendomsoversigt 1311202", 72.1, "WY Grupperet efter udvalg 417", 101.1),
    ("585 BALLERUP Ejendomsoversigt 13-11-2012", 66.5, "Wy Grupperet efter udvalg 5/7", 101.6),
]
# the last row of a list on each page: alike, but each page's own (about .75 of their characters alike)
LIST_ENDS = [
    "031.001.01 Ballerup Damgårdsparken Parkvej 9 44773088 Anne Hassing",
    "031.001.02 Ballerup Hørhaven Hørhaven 13 44773088 Anne Hassing",
    "031.001.05 Ballerup Grantofteparken Grantofteparken 916 44773088 Anne Hassing",
    "031.002 Ballerup Ballerup Idrætspark Idrætsby 38 44773088 Anne Hassing",
]
LANDSCAPE = 595.2


def scanned_page(n: int) -> tuple[float, list[list[Word]]]:
    first, at, second, below = SCANNED_HEADS[n]
    return LANDSCAPE, [line(first, at), line(second, below), line("Enhed Område Adresse", 132), line(LIST_ENDS[n], 560)]


def test_a_scans_running_header_is_found_though_the_ocr_reads_it_otherwise_on_every_page():
    pages = [scanned_page(n) for n in range(4)]
    assert running_lines(pages, scanned=True) == [(2, 0)] * 4


def test_a_lists_last_rows_alike_on_every_scanned_page_are_no_running_footer():
    pages = [scanned_page(n) for n in range(4)]
    assert all(foot == 0 for _, foot in running_lines(pages, scanned=True))


def test_born_digital_running_lines_must_read_the_same():
    """A text layer prints its running lines the same on every page: lines only alike are not running there."""
    pages = [scanned_page(n) for n in range(4)]
    assert running_lines(pages) == [(0, 0)] * 4


def test_a_row_of_figures_at_the_foot_of_every_scanned_page_is_no_running_footer():
    """A page's ``I alt`` row, word for word the same on every page but its figures: a row of the table."""
    pages = [(LANDSCAPE, [*scanned_page(n)[1][:3], line(f"I alt {n}.310 {n}2.400 1.{n}07", 560)]) for n in range(4)]
    assert running_lines(pages, scanned=True) == [(2, 0)] * 4
