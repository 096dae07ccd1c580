"""The repair runs only where the document's own evidence shows OCR damage."""

from __future__ import annotations

import shutil

import pytest

from pipeline.danish.damage import CORE, damaged_fonts, evidence
from pipeline.danish.repair import WORD, load_repairer, repair_pages
from pipeline.fixtures.fonts import unmapped_glyph_pdf
from pipeline.intake.ingest import find_packages, ingest
from pipeline.text import extract_text
from tests.conftest import DATA

SEED = DATA / "seed" / "000_e052147a645e90be.txt"
GOLD = DATA / "gold" / "seed_lines_0001-1000.gold.txt"
REAL = DATA / "real"


@pytest.fixture(scope="module")
def repairer():
    return load_repairer()


def words(path, lines=slice(0, 1000)) -> list[str]:
    text = path.read_text(encoding="utf-8").split("\n")[lines]
    return [w for line in text for w in WORD.findall(line)]


def test_an_english_only_ocr_shows_damage(repairer):
    found = evidence(words(SEED), repairer)
    assert found.shows_damage and found.printed_danish == 0 and found.misread > 100


def test_the_same_text_corrected_shows_none(repairer):
    # the hand-corrected lines: the same document as printed correctly
    found = evidence(words(GOLD), repairer)
    assert not found.shows_damage and found.printed_danish > 500


def test_a_short_damaged_passage_is_enough(repairer):
    assert evidence(WORD.findall("Sager pa vej, sa vi kan veere klar"), repairer).shows_damage


def pages_of(name: str, tmp_path):
    shutil.copy(REAL / name, tmp_path / name)
    package = next(p for p in find_packages(tmp_path) if p.pdfs[0].name == name)
    return extract_text(package, ingest(package))


def test_a_font_that_maps_å_to_a_is_repaired(repairer, tmp_path):
    # a title font that draws "på" and says "pa" (its /ToUnicode drops the ring), as some Word exports have
    lines = ["Sager på vej – Sundhed og Omsorg", "Sager der er på vej til udvalget, så vi kan være klar"]
    (tmp_path / "raw").mkdir()
    unmapped_glyph_pdf(tmp_path / "raw" / "sager.pdf", lines, composite=True, to_unicode={"å": "a", "æ": "ae"})
    package = next(iter(find_packages(tmp_path / "raw")))
    pages = extract_text(package, ingest(package))
    assert pages[0].line_texts()[0] == "Sager pa vej – Sundhed og Omsorg"
    assert {f.split("+")[-1] for f in damaged_fonts(pages, repairer)} == {"Vera"}
    repaired, records = repair_pages(pages, repairer)
    assert repaired[0].line_texts()[0] == "Sager på vej – Sundhed og Omsorg"
    assert ("pa", "på") in {(r.original, r.replacement) for r in records if r.applied}


def test_aarhus_title_ring_read_from_its_font_needs_no_repair(repairer, tmp_path):
    # Aarhus' Word 365 export draws "på" as "a" and a ring its /ToUnicode calls a space: the font names the ring
    pages = pages_of("aarhus-sager-paa-vej-2025.pdf", tmp_path)
    assert pages[0].line_texts()[0].startswith("Sager på vej")
    assert damaged_fonts(pages, repairer) == set()
    repaired, records = repair_pages(pages, repairer)
    assert records == []
    text = " ".join(repaired[2].line_texts())
    assert "Thure Hastrup" in text and "Magistaren" in text


@pytest.mark.parametrize(
    "name",
    [
        "ballerup-kronikerindsatser-2012.pdf",
        "ballerup-kvalitetsstandarder-stof-alkohol-2013.pdf",
        "ballerup-sfu-referat-2012-12-04.pdf",
        "middelfart-geosager-2017.pdf",
        "syddjurs-kulturkommune-temamoede-2012.pdf",
    ],
)
def test_born_digital_pages_that_print_æøå_get_no_repair(repairer, tmp_path, name):
    pages = pages_of(name, tmp_path)
    repaired, records = repair_pages(pages, repairer)
    assert records == []
    assert [p.line_texts() for p in repaired] == [p.line_texts() for p in pages]


def test_an_english_table_in_a_born_digital_font_gets_no_repair(repairer, tmp_path):
    # camelot's twotables_2.pdf: its bold header font prints "std" six times, which reads as
    # "stå" by an OCR's shape confusion (d for å); a font's map can only drop a diacritic
    shutil.copy(DATA / "tables" / "camelot" / "twotables_2.pdf", tmp_path / "twotables_2.pdf")
    package = next(iter(find_packages(tmp_path)))
    pages = extract_text(package, ingest(package))
    assert "std" in {core for line in pages[0].lines for w in line for core in CORE.findall(w.text)}
    assert damaged_fonts(pages, repairer) == set()
    assert repair_pages(pages, repairer)[1] == []


def test_a_fonts_map_is_judged_only_on_words_that_print_what_a_dropped_diacritic_leaves(repairer):
    """Under a font's map only a dropped diacritic counts (``pa`` for ``på``): a word printing no ``a`` or ``o``
    is never its damage, whatever an OCR's confusions would make of it (``fglger``, ``veere``)."""
    ocr_only = [w for w in CORE.findall(" ".join(words(SEED))) if not any(ch in w for ch in "ao")]
    assert evidence(ocr_only, repairer).misread > 10  # misread by an OCR: they are read as damage there
    assert evidence(ocr_only, repairer, font_map=True).misread == 0
    assert evidence(["pa", "pa", "blev"], repairer, font_map=True).misread == 2  # `på` with its ring dropped
