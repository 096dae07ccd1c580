"""Legibility: noise scores low, Danish read by an English-only OCR high (danish_quality cannot tell)."""

from __future__ import annotations

from pipeline.base.models import PageInfo, PageText, Word
from pipeline.danish.repair import danish_quality, load_repairer
from pipeline.ocr import OcrSettings, _noise
from pipeline.ocr.legibility import legibility

INFO = PageInfo(1, "scan.pdf", 1, 595.0, 842.0, 0)
# Lines as OCR read them: the real Ballerup table page read sideways, and an English OCR layer over Danish.
NOISE = [
    "TØRT UTU MAU un dn UW 0 Too wWwW",
    "ESCCSCEESCC Cc CC SCE cc E& £ E5538£s",
    "og 0 0 0 0 ag åg 2 ØD 0 0 oOo mM",
]
ENGLISH = [
    "Udlendingestyrelsen har udmeldt landstallet for 2026",
    "Region Sjelland 1.234 fordeles efter befolkningstal",
]


def page(lines: list[str], confidence: float | None = None) -> PageText:
    words = [
        [
            Word(t, 10.0 * i, 10.0 * i + 8, 10.0 * n, 10.0 * n + 8, confidence=confidence)
            for i, t in enumerate(line.split())
        ]
        for n, line in enumerate(lines)
    ]
    return PageText(INFO, words, "ocr")


def test_noise_and_english_ocr_of_danish_are_told_apart():
    repairer = load_repairer()
    noise, english = page(NOISE), page(ENGLISH)
    assert legibility(noise, repairer) < 0.6 < 0.9 < legibility(english, repairer)
    assert danish_quality(noise.line_texts(), repairer) > 0.5  # the old score does not tell noise


def test_words_the_ocr_was_unsure_of_do_not_count():
    repairer = load_repairer()
    assert legibility(page(ENGLISH, confidence=0.95), repairer) > 0.9
    assert legibility(page(ENGLISH, confidence=0.2), repairer) == 0.0


def test_a_page_that_reads_as_noise_is_a_finding_and_its_note_says_so():
    noise = page(NOISE)
    noise.triage, noise.legibility = "image-only", legibility(noise, load_repairer())
    finding = _noise(noise, OcrSettings())
    assert finding.slug == "page-illegible" and finding.page == 1
    assert "reads as noise" in finding.message and noise.note.startswith("reads as noise")
    assert _noise(page(ENGLISH), OcrSettings()) is None  # no score (born-digital): nothing to say
