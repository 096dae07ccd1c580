"""The gazetteer: 98 municipalities in 5 regions."""

from __future__ import annotations

from collections import Counter

from tests.conftest import DEFAULTS


def test_98_kommuner_in_5_regions():
    gazetteer = DEFAULTS.gazetteer
    assert len(gazetteer.kommuner) == 98
    assert Counter(k.region for k in gazetteer.kommuner.values()) == {
        "Region Hovedstaden": 29,
        "Region Sjælland": 17,
        "Region Syddanmark": 22,
        "Region Midtjylland": 19,
        "Region Nordjylland": 11,
    }
    assert gazetteer.kommune(751).spellings == ("Aarhus", "Århus")
    assert gazetteer.region_named("region  sjælland") == "Region Sjælland"


def test_a_region_name_with_misread_letters_is_still_found():
    gazetteer = DEFAULTS.gazetteer
    assert gazetteer.region_named("Røoinn Syddanmark") == "Region Syddanmark"
    assert gazetteer.region_named("Region Midtjyiland") == "Region Midtjylland"
    assert gazetteer.region_named("Regionen") is None
    assert gazetteer.kommune_named("silkeborg").kommunekode == 740
