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
