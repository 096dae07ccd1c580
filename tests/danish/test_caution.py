"""Inside text an OCR damaged, words that are not the OCR's to have damaged stay as printed.

Data-driven, as ftfy keeps its negative cases: real correct text (from real meeting
documents) that must come through unchanged, beside damaged words that must be repaired,
all inside the damaged seed text so the repair runs at full strength.
"""

from __future__ import annotations

import pytest

from pipeline.danish.repair import load_repairer
from tests.conftest import DATA

SEED = (DATA / "seed" / "000_e052147a645e90be.txt").read_text(encoding="utf-8").split("\n")[:300]

UNCHANGED = [
    "indenfor sundheds-",  # a shared ending, then
    "og ældreområdet.",
    "krav om besporing",  # a compound the word list lacks
    "tage på Maglemosen",  # a place name
    "Thure Hastrup",  # a person
    "Vi har en bevilling til Horesta og Lerdrup",
    "ruder o.l.",  # an abbreviation
    "jf. SEL § 5",
    "Det er et fleksjob og tværsektorielt arbejde",  # a word printed with æ already
    "behand-",  # a fragment at a line-end hyphen
    "The report was made here",  # English
]
REPAIRED = [
    ("Kgbenhavn og Frederiksberg", "København og Frederiksberg"),
    ("det fglger af loven", "det følger af loven"),
    ("vi skal veere klar pa mandag", "vi skal være klar på mandag"),
    ("o Formal: at styrke", "o Formål: at styrke"),
    ("— Psykiatriomradet skal", "— Psykiatriområdet skal"),
]


@pytest.fixture(scope="module")
def repairer():
    return load_repairer()


def in_damaged_text(repairer, line: str) -> str:
    out, _ = repairer.repair_lines([*SEED, line])
    return out[-1]


@pytest.mark.parametrize("line", UNCHANGED)
def test_correct_text_stays_as_printed(repairer, line):
    assert in_damaged_text(repairer, line) == line


@pytest.mark.parametrize(("line", "expected"), REPAIRED)
def test_damaged_words_are_still_repaired(repairer, line, expected):
    assert in_damaged_text(repairer, line) == expected


def test_a_name_printed_inside_a_sentence_is_a_name_at_a_line_start_too(repairer):
    out, _ = repairer.repair_lines([*SEED, "vi mødes hos Hastrup i dag", "Hastrup har ordet"])
    assert out[-2:] == ["vi mødes hos Hastrup i dag", "Hastrup har ordet"]
