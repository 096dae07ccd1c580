"""The combined dataset: one CSV per table across every valid published package.

``processed/_combined/<table>.csv`` has the package id and the landstal year in front
of the table's own columns, so a reader needs one file per table. Packages that failed
validation are left out (and listed in ``_combined/datapackage.json``), because their
figures are not known to be right. The folder is built aside and swapped in at once.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.base.files import STATE_DIR, swap_in
from pipeline.publish.datapackage import CONTRACT_VERSION

COMBINED = "_combined"


@dataclass
class Combined:
    tables: dict[str, int] = field(default_factory=dict)  # table -> rows
    packages: list[str] = field(default_factory=list)
    excluded: list[dict] = field(default_factory=list)


def combine(out_dir: Path) -> Combined:
    """Rebuild processed/_combined/ from the packages published in ``out_dir``."""
    result = Combined()
    header: dict[str, list[str]] = {}
    rows: dict[str, list[list[str]]] = {}
    resources: dict[str, dict] = {}
    for folder in sorted(p for p in out_dir.iterdir() if p.is_dir() and p.name[0] not in "._"):
        try:
            descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            continue  # published by an older bilag: republished by the next run that needs it
        facts = descriptor.get("bilag", {})
        if not facts.get("valid"):
            result.excluded.append({"package": folder.name, "reason": "failed validation"})
            continue
        result.packages.append(folder.name)
        year = "" if facts.get("year") is None else str(facts["year"])
        for resource in descriptor["resources"]:
            path = resource["path"]
            # the declared tables only: a package's other tables are its own (a path list: over pages)
            if not isinstance(path, str) or not path.startswith("tables/") or path.startswith("tables/other/"):
                continue
            if path.endswith(".provenance.csv"):
                continue
            table = Path(path).stem
            with (folder / path).open(encoding="utf-8", newline="") as handle:
                reader = csv.reader(handle)
                columns = next(reader)
                if header.setdefault(table, columns) != columns:
                    result.excluded.append({"package": folder.name, "reason": f"{table}: other columns"})
                    continue
                rows.setdefault(table, []).extend([folder.name, year, *row] for row in reader)
            resources.setdefault(table, resource)
    staging = out_dir / STATE_DIR / f"combined-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    try:
        for table, columns in header.items():
            with (staging / f"{table}.csv").open("w", encoding="utf-8", newline="") as handle:
                writer = csv.writer(handle, lineterminator="\n")
                writer.writerow(["package", "year", *columns])
                writer.writerows(rows.get(table, []))
            result.tables[table] = len(rows.get(table, []))
        descriptor = _descriptor(resources, result)
        (staging / "datapackage.json").write_text(
            json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        swap_in(staging, out_dir / COMBINED)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return result


def _descriptor(resources: dict[str, dict], result: Combined) -> dict:
    combined = []
    for table, resource in sorted(resources.items()):
        schema = resource["schema"]
        fields = [
            {"name": "package", "type": "string", "description": "The package id (its folder in processed/)."},
            {"name": "year", "type": "integer", "description": "The landstal year the package is about."},
            *schema["fields"],
        ]
        combined.append(
            {
                **{k: v for k, v in resource.items() if k not in ("schema", "source_pages")},
                "path": f"{table}.csv",
                "schema": {
                    "fields": fields,
                    "primaryKey": ["package", *schema.get("primaryKey", [])],
                    "missingValues": [""],
                },
            }
        )
    return {
        "profile": "tabular-data-package",
        "name": "bilag-combined",
        "title": "Every valid package's tables, one file per table",
        "bilag": {
            "contract_version": CONTRACT_VERSION,
            "packages": result.packages,
            "excluded": result.excluded,
        },
        "resources": combined,
    }
