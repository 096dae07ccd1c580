"""processed/_combined: one CSV per table across the valid packages, rebuilt whole."""

from __future__ import annotations

import csv
import json
import shutil

import frictionless

from pipeline.publish.combine import combine


def rows(path):
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def test_valid_packages_are_combined_with_their_id_and_year_and_invalid_ones_left_out(sample_result, tmp_path):
    for name in ("a", "b", "c"):
        shutil.copytree(sample_result.output, tmp_path / name)
    descriptor = tmp_path / "c" / "datapackage.json"
    data = json.loads(descriptor.read_text(encoding="utf-8"))
    data["bilag"]["valid"] = False
    descriptor.write_text(json.dumps(data), encoding="utf-8")

    result = combine(tmp_path)

    assert result.packages == ["a", "b"]
    assert result.excluded == [{"package": "c", "reason": "failed validation"}]
    combined = rows(tmp_path / "_combined" / "kommunekvoter.csv")
    single = rows(sample_result.output / "tables" / "kommunekvoter.csv")
    assert combined[0] == ["package", "year", *single[0]]
    assert combined[1:] == [["a", "2026", *r] for r in single[1:]] + [["b", "2026", *r] for r in single[1:]]
    assert result.tables == {
        "regionskvoter": 10,
        "befolkning": 196,
        "familiesammenfoeringer": 196,
        "kommunekvoter": 196,
    }
    report = frictionless.validate(tmp_path / "_combined" / "datapackage.json")
    assert report.valid, report.flatten(["type", "note"])


def test_a_rebuild_replaces_the_whole_folder(sample_result, tmp_path):
    shutil.copytree(sample_result.output, tmp_path / "a")
    combine(tmp_path)
    (tmp_path / "_combined" / "stale.csv").write_text("left over\n")
    shutil.rmtree(tmp_path / "a")
    result = combine(tmp_path)
    assert result.packages == [] and sorted(p.name for p in (tmp_path / "_combined").iterdir()) == ["datapackage.json"]
