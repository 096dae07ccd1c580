"""datapackage.json: a Frictionless descriptor of every CSV, checked by Frictionless itself."""

from __future__ import annotations

import json
import shutil

import frictionless
import pytest

from pipeline.publish.datapackage import CONTRACT_VERSION, frictionless_name


@pytest.fixture(scope="module")
def descriptor(sample_result) -> dict:
    return json.loads((sample_result.output / "datapackage.json").read_text(encoding="utf-8"))


def test_the_published_package_is_a_valid_frictionless_data_package(sample_result):
    report = frictionless.validate(sample_result.output / "datapackage.json")
    assert report.valid, report.flatten(["type", "note"])


def test_every_csv_is_described(sample_result, descriptor):
    paths = [resource["path"] for resource in descriptor["resources"]]
    described = {p for path in paths for p in (path if isinstance(path, list) else [path])}
    written = {str(p.relative_to(sample_result.output)) for p in sample_result.output.glob("**/*.csv")}
    assert described == written  # the other tables too, a table over several pages by its every file


def test_fields_types_units_codes_pages_and_year(descriptor):
    befolkning = next(r for r in descriptor["resources"] if r["name"] == "befolkning")
    fields = {f["name"]: f for f in befolkning["schema"]["fields"]}
    assert list(fields) == [
        "kommunekode", "kommune", "region", "indbyggere", "ikke_vestlige_statsborgere", "asylansoegere",
    ]  # fmt: skip
    assert fields["kommunekode"]["type"] == "integer"
    assert len(fields["kommunekode"]["constraints"]["enum"]) == 98
    assert fields["indbyggere"]["unit"] == "personer"
    assert befolkning["schema"]["primaryKey"] == ["kommunekode"]
    assert befolkning["source_pages"] == [3, 4, 5]
    assert descriptor["bilag"]["contract_version"] == CONTRACT_VERSION
    assert (descriptor["bilag"]["year"], descriptor["bilag"]["landstal"]["value"]) == (2026, 600)


def test_the_schema_rejects_a_wrong_value(sample_result, tmp_path):
    copy = tmp_path / "package"
    shutil.copytree(sample_result.output, copy)
    table = copy / "tables" / "kommunekvoter.csv"
    lines = table.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace("101,", "999,", 1)  # not a kommunekode
    table.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = frictionless.validate(copy / "datapackage.json")
    assert not report.valid
    assert "constraint-error" in {error.type for task in report.tasks for error in task.errors}


@pytest.mark.parametrize(("name", "expected"), [("Møde-12.-juni", "moede-12.-juni"), ("KKR Ærø", "kkr-aeroe")])
def test_frictionless_names_are_lower_case_ascii(name, expected):
    assert frictionless_name(name) == expected
