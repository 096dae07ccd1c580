"""The repairer the data-driven repair cases (tests/cases/repair) run through: built once here."""

from __future__ import annotations

import pytest

from pipeline.danish.repair import load_repairer


@pytest.fixture(scope="session")
def repairer():
    return load_repairer()
