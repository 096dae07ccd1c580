"""Real born-digital meeting documents: the text exactly as printed, one test per document bug.

The reference is poppler's pdftotext (it reads these files right), compared word for word
free of reading order, as the shared real-text scorer (bench/real_text.py) compares them.
"""

from __future__ import annotations

import collections
import re
import shutil
import subprocess

import pytest

from pipeline.intake.ingest import find_packages, ingest
from pipeline.text import extract_text, page_text
from tests.conftest import DATA

REAL = DATA / "real"
BORN_DIGITAL = sorted(p.name for p in REAL.glob("*.pdf") if "scan" not in p.name)
WORD = re.compile(r"[0-9A-Za-zÆØÅæøåÉéÜüÖöÄä]+(?:[-.,'][0-9A-Za-zÆØÅæøåÉéÜüÖöÄä]+)*")

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler's pdftotext")


def read(name: str, tmp_path):
    """The text stage alone on one real PDF (a copy: raw/ is the user's)."""
    shutil.copy(REAL / name, tmp_path / name)
    package = next(p for p in find_packages(tmp_path) if p.pdfs[0].name == name)
    return extract_text(package, ingest(package))


def reference(name: str, page: int) -> str:
    command = ["pdftotext", "-q", "-f", str(page), "-l", str(page), str(REAL / name), "-"]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize("name", BORN_DIGITAL)
def test_words_as_pdftotext_reads_them(name, tmp_path):
    kept = total = 0
    for page in read(name, tmp_path):
        ours = collections.Counter(WORD.findall(page_text(page)))
        theirs = collections.Counter(WORD.findall(reference(name, page.info.number)))
        total += sum(theirs.values())
        kept += sum((ours & theirs).values())
    assert kept / total >= 0.99, f"{name}: {kept}/{total} words"


def words_of(pages) -> set[str]:
    return {w.text.strip(".,;:()") for page in pages for line in page.lines for w in line}


def test_a_font_change_inside_a_word_does_not_split_it(tmp_path):
    # Word 2007 draws æ, ø and å in a fallback font: "bekendtg ø relæ" was read before.
    pages = read("ballerup-kvalitetsstandarder-stof-alkohol-2013.pdf", tmp_path)
    words = words_of(pages)
    assert {"bekendtgørelse", "Servicelovens", "kvalitetsstandard"} & words
    assert not {"ø", "å", "æ"} & words


def test_word_gaps_without_space_characters(tmp_path):
    # Syddjurs' Adlib export draws no spaces: the gap between glyphs is the only word break.
    pages = read("syddjurs-kulturkommune-temamoede-2012.pdf", tmp_path)
    words = words_of(pages)
    assert {"Byrådet", "perspektivering", "T-shirt"} <= words
    assert not {"Byrådeter", "perspektiveringfor", "T-shirtmed"} & words


def test_spaces_of_another_baseline_do_not_split_words(tmp_path):
    # Ballerup's Word 2007 memo draws layout spaces a point above the letters of "E-mail:"
    words = words_of(read("ballerup-kronikerindsatser-2012.pdf", tmp_path))
    assert "E-mail" in words and not {"E-ma", "l"} & words


def test_line_end_hyphens_are_joined_in_the_text(tmp_path):
    text = "\n".join(page_text(p) for p in read("ballerup-kronikerindsatser-2012.pdf", tmp_path))
    assert "Ballerup Kommune" in text and "Kom-" not in text
    assert "hverdagsrehabilitering" in text


def test_running_headers_and_footers(tmp_path):
    pages = read("aarhus-sager-paa-vej-2025.pdf", tmp_path)
    assert [p.running_footer() for p in pages] == [f"Side {n} af 4" for n in range(1, 5)]
    assert {p.running_header() for p in pages} == {"Sager på vej – Sundhed og Omsorg 2025"}


def test_glyphs_without_a_unicode_mapping_are_counted_and_reported():
    from pipeline.base.models import PageInfo, PageText, Word
    from pipeline.text import glyph_notes
    from pipeline.text.words import unmapped_glyphs

    words = [Word("Kommune(cid:431)", 0, 10, 0, 10), Word("(cid:12)(cid:13)", 20, 30, 0, 10), Word("og", 40, 50, 0, 10)]
    assert unmapped_glyphs(words) == 3
    page = PageText(PageInfo(2, "a.pdf", 2, 595, 842, 30), [words], "text-layer", unmapped=3)
    assert glyph_notes([page]) == [
        "page 2: 3 glyph(s) without a Unicode mapping in the text layer, shown as (cid:N): "
        "words with them are not read as printed"
    ]
