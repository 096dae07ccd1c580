"""Candidate generation from the declared confusion table."""

from __future__ import annotations

import pytest

from pipeline.danish.confusion import compound_candidate, variants, whole_word_candidates
from pipeline.danish.repair import load_repairer


@pytest.fixture(scope="module")
def engine():
    repairer = load_repairer()
    return repairer.settings.table, repairer.lexicon


def readings(word, engine):
    table, lexicon = engine
    return {
        c.text.lower()
        for cells, cost in variants(word, table)
        for c in whole_word_candidates(cells, cost, table, lexicon)
    }


def test_variants_start_with_the_word_itself(engine):
    table, _ = engine
    found = variants("tiltraekke", table)
    assert "".join(c.letter for c in found[0][0]) == "tiltraekke" and found[0][1] == 0
    assert "tiltrække" in {"".join(c.letter for c in cells) for cells, _ in found}


@pytest.mark.parametrize(
    ("printed", "reading"),
    [("fglger", "følger"), ("p4", "på"), ("Arhus", "århus"), ("sk@n", "skøn"), ("Igbet", "løbet")],
)
def test_confusions_reach_the_danish_word(engine, printed, reading):
    assert reading in readings(printed, engine)


def test_unrelated_letters_are_never_changed(engine):
    assert readings("kontor", engine) == {"kontor"}


def test_compounds_are_read_as_known_parts(engine):
    table, lexicon = engine
    cells, cost = variants("sundhedsradene", table)[0]
    candidate = compound_candidate(cells, cost, table, lexicon)
    assert candidate is not None and candidate.text == "sundhedsrådene" and candidate.parts >= 2
