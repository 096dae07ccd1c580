"""The PDF the tables are read from: an OCR'd page as bilag's straight words, the others as they are."""

from __future__ import annotations

import warnings

import pdfplumber

from pipeline.base.models import PageInfo, PageText, Word
from pipeline.ocr.straight import straightened

ROWS = [
    ("1.000 kr.", "Budget 2026", "Budget 2025", "Regnskab 2024"),
    ("Dagtilbud", "412.300", "398.750", "390.120"),
    ("Skoler", "655.900", "641.200", "633.480"),
    ("Ungdomsskole", "160.610", "155.400", "151.900"),
    ("I alt", "1.228.810", "1.195.350", "1.175.500"),
]
SENTENCE = "Beløbene er angivet i 1.000 kr. og sammenholdt med regnskabet for 2024."


def _words(text: str, x0: float, top: float, gap: float = 3.0) -> list[Word]:
    """Words of ``text`` from ``x0`` on, 4.5 points a character, ``gap`` apart, x-height 5 points."""
    words, x = [], x0
    for token in text.split():
        words.append(Word(token, x, x + 4.5 * len(token), top, top + 5.0, confidence=0.96))
        x += 4.5 * len(token) + gap
    return words


def ocr_page(number: int, skew: float = 0.026) -> PageText:
    """A page as bilag read it from a scan fed at a slant (1.5°: ``skew``, deskewed): a sentence, then a table."""
    lines = [_words(SENTENCE, 70, 100)]
    for r, row in enumerate(ROWS):
        top = 140 + 16 * r
        line = _words(row[0], 70, top)
        for c, text in enumerate(row[1:]):
            right = 330 + 90 * c
            line += _words(text, right - 4.5 * len(text.replace(" ", "")) - 3 * text.count(" "), top)
        lines.append(line)
    info = PageInfo(pdf="memo.pdf", number=number, index=number, width=595.0, height=842.0, chars=0)
    return PageText(info=info, lines=lines, source="ocr", triage="image-only", skew=skew)


def two_pages(target):
    """A stand-in for a searchable PDF of two pages, each printing its number."""
    from reportlab.pdfgen import canvas

    document = canvas.Canvas(str(target), pagesize=(595, 842))
    for number in (1, 2):
        document.drawString(70, 700, f"Side {number} som scannet")
        document.showPage()
    document.save()
    return target


def test_an_ocrd_page_is_read_as_bilags_words_where_bilag_reads_them(tmp_path):
    import camelot

    source = two_pages(tmp_path / "searchable.pdf")
    target = straightened(source, [ocr_page(2)], tmp_path / "straight" / "memo.pdf")
    with pdfplumber.open(target) as pdf:
        assert pdf.pages[0].extract_text() == "Side 1 som scannet"  # a page not OCR'd stays as it is
        assert SENTENCE in pdf.pages[1].extract_text()  # a sentence's words are one line
        words = pdf.pages[1].extract_words()
    figure = next(w for w in words if w["text"] == "655.900")
    assert abs(figure["x1"] - 330) < 1.0 and abs(figure["bottom"] - 177) < 2.5  # its baseline, and its descent
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        (table,) = camelot.read_pdf(str(target), pages="2", flavor="stream")
    body = [[" ".join(v.split()) for v in row] for row in table.df.values.tolist()]
    assert [list(row) for row in ROWS[1:]] == [row[-4:] for row in body[-4:]]  # label and three figures a row


def test_a_pdf_with_no_page_read_by_ocr_at_a_slant_is_read_as_it_is(tmp_path):
    source = two_pages(tmp_path / "searchable.pdf")
    kept = PageText(info=ocr_page(1).info, lines=ocr_page(1).lines, source="text-layer", triage="ocr-layer")
    assert straightened(source, [kept], tmp_path / "straight.pdf") == source
    # fed straight (0.06°: a line drifts under a point across the page): OCRmyPDF's layer is read
    assert straightened(source, [ocr_page(1, skew=0.001)], tmp_path / "straight.pdf") == source
    # 0.3° is 3 points across the page: more than camelot's row tolerance (2), so bilag's straight words
    assert straightened(source, [ocr_page(1, skew=0.005)], tmp_path / "straight.pdf") != source
