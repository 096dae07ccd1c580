"""A region's heading through scan noise, and a region whose rows slid put in doubt."""

from __future__ import annotations

import re

from pipeline.tables.declared.regions import region_in
from tests.conftest import DEFAULTS

TOTAL = re.compile(r"^(?P<group>.*?)\s*([ij1l|]\s*alt)$")


def test_a_region_heading_read_with_specks_still_names_its_region():
    gazetteer = DEFAULTS.gazetteer
    assert region_in('i "Region Nordjylland', gazetteer, TOTAL) == ("Region Nordjylland", False)
    assert region_in("SEE Region Nordjylland Er", gazetteer, TOTAL) == ("Region Nordjylland", False)
    assert region_in("Er Region Sjælland i alt", gazetteer, TOTAL) == ("Region Sjælland", True)
    assert region_in("Region Midtjylland ialt", gazetteer, TOTAL) == ("Region Midtjylland", True)


def test_a_line_naming_no_region_or_two_names_none():
    gazetteer = DEFAULTS.gazetteer
    assert region_in("Kommune nr. og kommune", gazetteer, TOTAL) == (None, False)
    assert region_in("Region Sjælland og Region Syddanmark", gazetteer, TOTAL) == (None, False)
