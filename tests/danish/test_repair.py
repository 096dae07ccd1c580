"""The repair stage on a page's lines: read in reading order, a page set in columns column by column."""

from __future__ import annotations

from pipeline.base.models import PageInfo, PageText, Word
from pipeline.danish.repair import repair_pages

# An OCR'd memo: prose on the left, the amounts of its items in a column on the right. One item's
# word is broken at the line end ("Diabe-" / "tes,"), and the amount of its row stands after the hyphen.
PROSE = (
    ("a) Patientuddannelser med fokus på kost, motion og", "1.200.000 kr"),
    ("b) Standardiserede træningsforløb for programmerne Diabe-", "720.000 kr"),
    ("tes, hjerte-kar, lænderyg og kræft for borgere i kommunen", ""),
    ("c) Tværfaglig koordinering og netværk på tværs af enhederne", "350.000 kr"),
    ("d) Tidlig opsporing af borgere med kronisk sygdom i hjemmeplejen", "410.000 kr"),
)


def ocr_page(lines: tuple[tuple[str, str], ...]) -> PageText:
    rows = []
    for number, (prose, amount) in enumerate(lines):
        top, words, x = 100.0 + 14 * number, [], 60.0
        for text in prose.split():
            words.append(Word(text, x, x + 5.5 * len(text), top, top + 10, confidence=0.95))
            x += 5.5 * len(text) + 3
        x = 430.0
        for text in amount.split():
            words.append(Word(text, x, x + 5.5 * len(text), top, top + 10, confidence=0.95))
            x += 5.5 * len(text) + 3
        rows.append(words)
    return PageText(PageInfo(1, "memo.pdf", 1, 595.0, 842.0, 0), rows, "ocr", triage="image-only")


def test_a_word_broken_at_a_line_end_before_a_far_column_is_judged_whole(repairer):
    """Judged alone, the tail ``tes`` became ``tøs`` (a word), and the page read ``Diabetøs``."""
    (page,), records = repair_pages([ocr_page(PROSE)], repairer)
    texts = [" ".join(w.text for w in line) for line in page.lines]
    assert texts[1].split()[-3:] == ["Diabe-", "720.000", "kr"]
    assert texts[2].startswith("tes, hjerte-kar")
    assert not [r for r in records if r.applied]


def test_a_misread_word_in_the_column_is_still_repaired_and_logged_on_its_printed_line(repairer):
    lines = list(PROSE)
    lines[3] = ("c) Tvaerfaglig koordinering og netvaerk på tværs af enhederne", "350.000 kr")
    (page,), records = repair_pages([ocr_page(tuple(lines))], repairer)
    assert " ".join(w.text for w in page.lines[3]).startswith("c) Tværfaglig koordinering og netværk")
    assert {(r.line, r.original, r.replacement) for r in records if r.applied} == {
        (4, "Tvaerfaglig", "Tværfaglig"),
        (4, "netvaerk", "netværk"),
    }
