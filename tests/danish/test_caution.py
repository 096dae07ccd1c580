"""Inside text an OCR damaged, words that are not the OCR's to have damaged stay as printed.

The data-driven cases (real correct text that must come through unchanged, damaged words that
must be repaired, all inside the damaged seed text) are in tests/cases/repair, run by
tests/danish/test_cases.py; what stays here is no plain (input, expected) pair.
"""

from __future__ import annotations

import pytest

from pipeline.danish.repair import load_repairer
from tests.conftest import DATA

SEED = (DATA / "seed" / "000_e052147a645e90be.txt").read_text(encoding="utf-8").split("\n")[:300]

# The correct lines that must stay as printed (UNCHANGED) and the damaged ones that must still be
# repaired (REPAIRED) are tests/cases/repair/negative.json and in_the_wild.json (tests/danish/test_cases.py).


@pytest.fixture(scope="module")
def repairer():
    return load_repairer()


def test_a_name_printed_inside_a_sentence_is_a_name_at_a_line_start_too(repairer):
    out, _ = repairer.repair_lines([*SEED, "vi mødes hos Hastrup i dag", "Hastrup har ordet"])
    assert out[-2:] == ["vi mødes hos Hastrup i dag", "Hastrup har ordet"]
