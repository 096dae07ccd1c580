"""A text layer over an image judged in its own script and language (issue 21, "a good text layer thrown away").

A right layer in English, French or Hebrew is kept as it is; a Danish text read by an OCR that did not
know Danish, and a layer of garbage, are judged as Danish as before (OCR'd again).
"""

from __future__ import annotations

import csv

import pytest

from pipeline.base.models import PageInfo, PageText, Word
from pipeline.danish.repair import load_repairer, repair_pages
from pipeline.fixtures.layered import DANISH, ENGLISH, FRENCH, english_ocr, shifted, text_over_image_pdf
from pipeline.intake.ingest import find_packages
from pipeline.ocr.language import own_language
from pipeline.stages import run_package
from tests.conftest import DATA, DEFAULTS, process

SEED = (DATA / "seed" / "000_e052147a645e90be.txt").read_text(encoding="utf-8").split("\n")
# A Hebrew report's first lines as a PDF's text layer gives them: in visual order, each word reversed
HEBREW = [
    "םיבשותל םיתורישהו ביצקתה לע הייריעה לש יתנש חוד",
    "האבה הנשל השדחה תינכותה תא הרשיא הצעומהו הייריעה לש ביצקתה לדג 2024 תנשב",
]


def test_a_layer_is_judged_in_its_own_language_and_script():
    english, hebrew = own_language(list(ENGLISH)), own_language(HEBREW)
    assert english.code == "en" and english.sound > 0.95
    assert hebrew.code == "he" and hebrew.sound > 0.95


@pytest.mark.parametrize("start", [40, 120, 400, 1000, 1400])
def test_danish_read_by_an_ocr_that_knew_no_danish_is_still_danish(start):
    """The seed (an English-only OCR's Danish: ``Kgbenhavn``, ``fglger``, ``pa``) is judged as Danish."""
    assert own_language(SEED[start : start + 40]) is None


def test_garbage_and_a_few_words_are_no_language():
    assert own_language(list(shifted(ENGLISH))) is None
    assert own_language(list(english_ocr(DANISH))) is None  # Danish, damaged
    assert own_language(["The board approved the budget"]) is None  # too few words to say


def test_a_layer_kept_in_another_language_is_not_repaired_as_danish():
    words = [Word(text, 10.0 * i, 10.0 * i + 8, 10.0, 18.0) for i, text in enumerate("vi ser pa sagen".split())]
    page = PageText(PageInfo(1, "a.pdf", 1, 595.0, 842.0, 0), [words] * 30, "text-layer", "ocr-layer", language="xx")
    repaired, changes = repair_pages([page], load_repairer())
    assert changes == [] and repaired[0].line_texts()[0] == "vi ser pa sagen"


def pages_csv(folder) -> dict[str, str]:
    with (folder / "pages.csv").open(encoding="utf-8", newline="") as handle:
        return next(csv.DictReader(handle))


@pytest.fixture(scope="module")
def kept(tmp_path_factory):
    """A right English and a right French text layer over the picture of their page, each processed."""
    raw = tmp_path_factory.mktemp("layered")
    return {
        name: process(text_over_image_pdf(raw / f"{name}.pdf", lines), tmp_path_factory.mktemp("out")).output
        for name, lines in (("english", ENGLISH), ("french", FRENCH))
    }


@pytest.mark.parametrize("name, lines", [("english", ENGLISH), ("french", FRENCH)])
def test_a_right_layer_over_an_image_is_kept_as_printed(kept, name, lines):
    page = pages_csv(kept[name])
    assert page["triage"] == "ocr-layer" and page["text_source"] == "text-layer"
    assert page["note"].startswith("text layer kept: it reads as "), page["note"]
    assert (kept[name] / "text" / "page-001.txt").read_text(encoding="utf-8").split("\n")[: len(lines)] == list(lines)
    findings = (kept[name] / "validation.json").read_text(encoding="utf-8")
    assert "page-illegible" not in findings


@pytest.fixture(scope="module")
def read_again(tmp_path_factory) -> dict[str, tuple[dict[str, str], str]]:
    """The negatives, as one package of two PDFs: Danish under the layer of an OCR that knew no Danish,
    and English under a garbage layer. Each page's row of pages.csv and its published text, by PDF."""
    raw = tmp_path_factory.mktemp("raw")
    text_over_image_pdf(raw / "layers" / "damaged.pdf", DANISH, english_ocr(DANISH))
    text_over_image_pdf(raw / "layers" / "garbage.pdf", ENGLISH, shifted(ENGLISH))
    [package] = find_packages(raw)
    out = run_package(package, tmp_path_factory.mktemp("out"), DEFAULTS).output
    with (out / "pages.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return {row["pdf"]: (row, (out / "text" / f"page-{int(row['page']):03d}.txt").read_text("utf-8")) for row in rows}


@pytest.mark.slow
@pytest.mark.parametrize(
    "pdf, printed, layer", [("damaged.pdf", DANISH, english_ocr(DANISH)), ("garbage.pdf", ENGLISH, shifted(ENGLISH))]
)
def test_a_damaged_or_garbage_layer_over_an_image_is_read_again(read_again, pdf, printed, layer):
    """Danish read by an OCR that knew no Danish (``Kgbenhavns``, ``fglger``) is judged as Danish, and
    garbage is no language's: both pages are OCR'd again in Danish, and the words printed come back."""
    page, text = read_again[pdf]
    assert page["text_source"] == "ocr" and page["note"].startswith("Danish re-OCR"), page
    assert printed[0] in text and layer[0] not in text
