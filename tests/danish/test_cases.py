"""The repair's data-driven cases, kept as ftfy keeps its own: one JSON file per kind in tests/cases/repair.

Each case is real text: ``original`` as the page gives it, ``fixed`` what the repair must make of it
(absent: it must come through unchanged). ``context`` says where it is read: ``"seed"`` after the
first 300 lines of the seed (an English-only OCR's Danish: the repair at full strength), ``"alone"``
by itself at the case's ``margin``. ``"expect": "fail"`` marks a known failure (strict: one that
starts to pass must move to the positive cases). tests/cases/repair/README.md says more.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import DATA

CASES = Path(__file__).resolve().parent.parent / "cases" / "repair"
SEED = (DATA / "seed" / "000_e052147a645e90be.txt").read_text(encoding="utf-8").split("\n")[:300]


def cases() -> list:
    params = []
    for path in sorted(CASES.glob("*.json")):
        for number, case in enumerate(json.loads(path.read_text(encoding="utf-8")), 1):
            marks = []
            if case.get("expect", "pass") == "fail":
                marks.append(pytest.mark.xfail(strict=True, reason=f"known failure: {case['label']}"))
            params.append(pytest.param(case, id=f"{path.stem}-{number}", marks=marks))
    return params


def repaired(repairer, case: dict) -> str:
    if case["context"] == "seed":
        out, _ = repairer.repair_lines([*SEED, *case["original"].split("\n")])
        return "\n".join(out[len(SEED) :])
    assert case["context"] == "alone", case
    return "\n".join(repairer.repair_lines(case["original"].split("\n"), case.get("margin"))[0])


@pytest.mark.parametrize("case", cases())
def test_repair_case(repairer, case):
    assert repaired(repairer, case) == case.get("fixed", case["original"]), case["source"]
