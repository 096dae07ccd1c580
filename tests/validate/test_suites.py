"""Validate: real great-expectations suites; every failure named."""

from __future__ import annotations

import json
from dataclasses import replace

from pipeline.base.config import DEFAULT_CONFIG_DIR, load_yaml
from pipeline.base.gazetteer import load_gazetteer
from pipeline.danish.repair import load_repairer, repair_pages
from pipeline.intake.ingest import find_packages, ingest
from pipeline.tables import extract_tables
from pipeline.text import extract_text
from pipeline.validate.suites import validate

CONFIG = load_yaml(DEFAULT_CONFIG_DIR / "tables.yaml")
GAZETTEER = load_gazetteer(DEFAULT_CONFIG_DIR / "gazetteer.yaml")


def extraction_of(pdf):
    package = find_packages(pdf.parent)[0]
    pages, _ = repair_pages(extract_text(package, ingest(package)), load_repairer())
    return extract_tables(pages, CONFIG, GAZETTEER)


def test_sample_is_valid_and_every_expectation_ran(sample_result):
    report = json.loads((sample_result.output / "validation.json").read_text(encoding="utf-8"))
    assert report["valid"] is True and report["findings"] == []
    assert report["landstal"] == {"name": "landstal", "year": 2026, "value": 600, "page": 2}
    kinds = {(e["suite"], e["expectation"]) for e in report["expectations"]}
    assert ("befolkning", "expect_column_distinct_values_to_equal_set") in kinds
    assert ("totals", "expect_column_pair_values_to_be_equal") in kinds
    assert all(e["success"] for e in report["expectations"])
    html = (sample_result.output / "validation.html").read_text(encoding="utf-8")
    assert "Valid: every check passed." in html and "http" not in html


def test_wrong_landstal_wrong_region_and_missing_row_are_named(build):
    extraction = extraction_of(build())
    extraction.landstal = replace(extraction.landstal, value=601)
    befolkning = extraction.tables["befolkning"]
    befolkning.rows[0].printed_region = "Region Sjælland"  # 101 printed under the wrong region
    del befolkning.rows[-1]  # 860 Hjørring lost
    findings = validate(extraction, CONFIG, GAZETTEER).findings
    messages = [f.message for f in findings]
    assert (
        "regionskvoter: Danmark (regionskvoter-sum-to-landstal), regionskvote: printed 601, computed 600 "
        "(differs by -1)"
    ) in messages
    assert "befolkning: 101 København is printed under Region Sjælland, not Region Hovedstaden" in messages
    assert "befolkning: kommunekode 860 is not in the table" in messages


def test_kommunekvoter_must_add_up_to_the_regionskvote(build):
    extraction = extraction_of(build())
    regionskvoter = extraction.tables["regionskvoter"]
    hovedstaden = next(r for r in regionskvoter.rows if r.region == "Region Hovedstaden")
    hovedstaden.cells["regionskvote"].value = 150
    messages = [f.message for f in validate(extraction, CONFIG, GAZETTEER).findings]
    assert (
        "kommunekvoter: Region Hovedstaden (kommunekvoter-sum-to-regionskvote), kommunekvote: "
        "printed 150, computed 148 (differs by -2)"
    ) in messages


def test_missing_landstal_is_a_finding(build):
    extraction = extraction_of(build())
    extraction.landstal = None
    slugs = [f.slug for f in validate(extraction, CONFIG, GAZETTEER).findings]
    assert slugs == ["landstal-not-found"]
