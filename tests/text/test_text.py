"""Text: words with positions from the text layer, grouped into lines."""

from __future__ import annotations

from pipeline.base.models import Word
from pipeline.intake.ingest import find_packages, ingest
from pipeline.text import extract_text, group_lines


def test_words_and_lines_of_a_table_page(build):
    pdf = build()
    package = find_packages(pdf.parent)[0]
    pages = extract_text(package, ingest(package))
    assert [p.source for p in pages] == ["text-layer"] * len(pages)
    lines = [" ".join(w.text for w in line) for line in pages[2].lines]
    assert "101 København 667.099 52.544" in lines
    subtotal = next(line for line in pages[2].lines if line[0].text == "Region" and line[1].text == "Hovedstaden")
    assert all(word.bold for word in subtotal)
    assert not any(word.bold for word in next(line for line in pages[2].lines if line[0].text == "101"))


def test_group_lines_orders_top_to_bottom_then_left_to_right():
    words = [Word("b", 50, 60, 100.5, 110), Word("a", 10, 20, 100, 110), Word("c", 10, 20, 120, 130)]
    assert [[w.text for w in line] for line in group_lines(words)] == [["a", "b"], ["c"]]


def test_page_triage():
    from pipeline.text import page_triage

    assert page_triage(has_text=True, image_coverage=0.0) == "born-digital"
    assert page_triage(has_text=True, image_coverage=0.98) == "ocr-layer"
    assert page_triage(has_text=False, image_coverage=0.98) == "image-only"
    assert page_triage(has_text=False, image_coverage=0.0) == "empty"
