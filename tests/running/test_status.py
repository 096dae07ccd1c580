"""bilag status: every package bilag knows of, its state and when."""

from __future__ import annotations

import shutil

from pipeline.intake.ingest import find_packages
from pipeline.running.status import package_states
from tests.conftest import SAMPLE


def test_a_package_published_but_not_yet_in_the_ledger_is_read_from_its_manifest(sample_result, tmp_path):
    """A run killed between publishing and recording it: the manifest says what was published."""
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SAMPLE, raw / SAMPLE.name)

    states = package_states(raw, sample_result.output.parent, find_packages)

    state = next(s for s in states if s.package == SAMPLE.stem)
    assert (state.state, state.pages, state.message) == ("published", 11, "not yet in the ledger")


def test_a_package_whose_pdf_changed_since_it_was_published_is_new(sample_result, tmp_path, tampered_pdf):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(tampered_pdf, raw / SAMPLE.name)  # the same name, other bytes

    states = package_states(raw, sample_result.output.parent, find_packages)

    assert next(s for s in states if s.package == SAMPLE.stem).state == "new"
