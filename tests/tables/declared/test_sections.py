"""Sections: each table's heading found at the start of a line, through the noise a scan adds."""

from __future__ import annotations

import pytest

from pipeline.base.models import Word
from pipeline.tables.declared.rows import Line
from pipeline.tables.declared.sections import find_sections


def line(text: str) -> Line:
    return Line(1, [Word(t, 0, 1, 0, 1) for t in text.split()])


@pytest.mark.parametrize("noise", [": :", ";", "' ,", "-"])
def test_scan_specks_read_as_punctuation_before_a_heading_do_not_hide_it(noise):
    config = {"tables": {"befolkning": {"heading": r"^Bilag\s+A\b"}}}
    lines = [line("som anført i bilag A."), line(f"{noise} Bilag A: Opgørelse over indbyggere"), line("101 København")]
    assert [x.text for x in find_sections(lines, config)["befolkning"]] == ["101 København"]
    assert find_sections([line("(Bilag A) er vedlagt")], config) == {}


def test_a_speck_read_as_a_letter_before_a_heading_is_passed_over_only_when_nothing_else_matches():
    config = {"tables": {"befolkning": {"heading": r"^Bilag\s+A\b"}}}
    noisy = [line("i Bilag A: Opgørelse over indbyggere"), line("101 København")]
    assert [x.text for x in find_sections(noisy, config)["befolkning"]] == ["101 København"]
    clean = [line("i Bilag A er tallene"), line("Bilag A: Opgørelse"), line("101 København")]
    assert [x.text for x in find_sections(clean, config)["befolkning"]] == ["101 København"]


def test_a_heading_word_misread_by_one_letter_is_found_but_never_a_lower_case_prose_line():
    config = {"tables": {"kommunekvoter": {"heading": r"^Bilag\s+B\b"}}}
    lines = [line("bilag B. viser kvoterne"), line("Rilag B. Beregnede kommunekvoter"), line("101 København 2")]
    assert [x.text for x in find_sections(lines, config)["kommunekvoter"]] == ["101 København 2"]
    assert find_sections([line("Bilag A. Opgørelse")], config) == {}  # a different letter after the word is no misread


def test_a_heading_with_a_speck_read_as_a_mark_between_its_words_is_found():
    from pipeline.base.models import Word
    from pipeline.tables.declared.rows import Line
    from pipeline.tables.declared.sections import find_sections

    config = {"tables": {"befolkning": {"heading": r"^Bilag\s+A\b"}}}
    lines = [Line(3, [Word(t, 0, 1, 0, 1) for t in text.split()]) for text in ("Bilag:A: Opgørelse", "101 København 1")]
    assert len(find_sections(lines, config)["befolkning"]) == 1
    prose = [Line(3, [Word(t, 0, 1, 0, 1) for t in text.split()]) for text in ("Bilagets A-tal", "101 København 1")]
    assert "befolkning" not in find_sections(prose, config)
