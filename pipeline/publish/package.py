"""Publish stage: write a package's outputs to processed/<package-id>/, all or nothing.

Everything is written to a staging folder beside the target and then swapped into
place in one atomic step, so a reader never sees half a package or a mix of old and
new files, and a run killed at any moment loses nothing that was published before.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from pipeline import __version__
from pipeline.base.context import PackageContext
from pipeline.base.files import sha256_of, swap_in
from pipeline.base.models import Extraction, PageText, RepairRecord, Validation
from pipeline.base.names import table_name
from pipeline.publish.checked import pages_not_text, totals_checked
from pipeline.publish.datapackage import (
    CONTRACT_VERSION,
    PAGES_FIELDS,
    REPAIRS_FIELDS,
    frictionless_name,
    other_provenance_resource,
    other_resource,
    plain_resource,
    provenance_resource,
    table_resource,
)
from pipeline.publish.evidence import Cropper, Flagged, finding_places, flagged_cells
from pipeline.publish.layout import files, other_provenance, parts
from pipeline.publish.report import render_html
from pipeline.text import page_text


@dataclass(frozen=True)
class Outputs:
    """What the stages made of one package: everything the publish stage writes."""

    pages: list[PageText]
    repairs: list[RepairRecord]
    extraction: Extraction
    validation: Validation
    searchable: tuple[Path, ...] = ()  # OCR'd PDFs (image + Danish text layer), kept as searchable/<pdf>
    read: tuple[Path, ...] = ()  # the PDFs as the stages read them (intake's repaired copies); crops come from them


@dataclass(frozen=True)
class Published:
    folder: Path  # processed/<package-id>
    flagged: int  # figures shown in its report for a person to check


def publish(context: PackageContext, outputs: Outputs) -> Published:
    """Publish stage entry: the package's outputs written to its folder, all or nothing."""
    out_dir = context.out_dir
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / context.package.id
    staging = out_dir / f".staging-{context.package.id}-{os.getpid()}"
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir()
    try:
        flagged = _write_all(context, outputs, staging)
        swap_in(staging, target)  # staging now holds the previous version, if any
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return Published(target, flagged)


def _write_all(context: PackageContext, outputs: Outputs, folder: Path) -> int:
    """Every output file of the package in ``folder``; the number of figures flagged for a person."""
    (folder / "text").mkdir()
    for page in outputs.pages:
        (folder / "text" / f"page-{page.info.index:03d}.txt").write_text(page_text(page) + "\n", encoding="utf-8")
    _write_csv(
        folder / "pages.csv",
        [name for name, _ in PAGES_FIELDS],
        [
            [
                p.info.index,
                p.info.pdf,
                p.info.number,
                round(p.info.width, 1),
                round(p.info.height, 1),
                p.info.chars,
                p.triage,
                "" if p.quality is None else p.quality,
                "" if p.legibility is None else p.legibility,
                p.source,
                p.note,
                p.running_header(),
                p.running_footer(),
                p.unmapped,
                p.reread,
            ]
            for p in outputs.pages
        ],
    )
    _write_csv(
        folder / "repairs.csv",
        ["page", "line", "original", "replacement", "rule", "confidence", "applied"],
        [
            [r.page, r.line, r.original, r.replacement, r.rule, r.confidence, str(r.applied).lower()]
            for r in outputs.repairs
        ],
    )
    if outputs.searchable:
        (folder / "searchable").mkdir()
        for pdf in outputs.searchable:
            shutil.copyfile(pdf, folder / "searchable" / pdf.name)
    tables = folder / "tables"
    (tables / "other").mkdir(parents=True)
    for table in outputs.extraction.tables.values():
        key = ["kommunekode", "kommune", "region"] if table.key == "kommunekode" else [table.key]
        rows = []
        provenance = []
        for row in table.rows:
            keys = [row.kommunekode, row.kommune, row.region] if table.key == "kommunekode" else [row.kommune]
            rows.append(keys + [_blank(row.cells[c].value) for c in table.columns])
            for column in table.columns:
                cell = row.cells[column]
                confidence = "" if cell.confidence is None else round(cell.confidence, 2)
                provenance.append([keys[0], column, cell.page or "", cell.how, confidence])
        _write_csv(tables / f"{table.name}.csv", key + list(table.columns), rows)
        _write_csv(tables / f"{table.name}.provenance.csv", [key[0], "column", "page", "how", "confidence"], provenance)
    for other in outputs.extraction.others:
        for name, rows in files(other):  # the first file holds the header; a later page's only its rows
            _write_csv(tables / "other" / f"{name}.csv", *_split_first(rows))
        if other.origins:  # read from an OCR'd page: how each figure was read
            (tables / "other" / "provenance").mkdir(exist_ok=True)
            _write_csv(tables / "other" / "provenance" / f"{table_name(other)}.csv", *other_provenance(other))
    flagged = flagged_cells(outputs.extraction, context.settings.second_look.below_confidence)
    report = _report(context, outputs, flagged)
    (folder / "validation.json").write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    cropper = Cropper(replace(context.package, pdfs=outputs.read or context.package.pdfs), outputs.pages)
    places = finding_places(outputs.validation.findings, outputs.extraction)
    html = render_html(
        report, [cropper.crop(page, box) for page, box in places], [cropper.crop(f.page, f.box) for f in flagged]
    )
    (folder / "validation.html").write_text(html, encoding="utf-8")
    manifest = {
        "package": context.package.id,
        "source": context.package.source.name,
        "contract_version": CONTRACT_VERSION,
        # each PDF as `sha256sum` and `ls -l` show it; the package digest (over names and hashes) apart
        "pdfs": [{"name": p.name, "sha256": sha256_of(p), "bytes": p.stat().st_size} for p in context.package.pdfs],
        "package_sha256": context.package.sha256,
        "bilag_version": __version__,
        "config_digest": context.settings.digest,
        "pages": len(outputs.pages),
        "valid": outputs.validation.success,
        "absent": outputs.extraction.absent,
    }
    (folder / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    descriptor = _descriptor(context, outputs)
    (folder / "datapackage.json").write_text(
        json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return len(flagged)


def _descriptor(context: PackageContext, outputs: Outputs) -> dict:
    """The Frictionless Data Package that describes every CSV written (pipeline/publish/datapackage.py)."""
    specs = context.settings.tables.get("tables", {})
    resources = []
    for table in outputs.extraction.tables.values():
        resources.append(table_resource(table, specs.get(table.name, {}), context.settings.gazetteer))
        resources.append(provenance_resource(table, context.settings.gazetteer))
    for other in outputs.extraction.others:
        resources.append(other_resource(other, table_name(other), [name for name, _ in parts(other)]))
        if other.origins:
            resources.append(other_provenance_resource(other, table_name(other)))
    resources.append(plain_resource("pages", "pages.csv", "Each page: triage, Danish quality, source", PAGES_FIELDS))
    resources.append(plain_resource("repairs", "repairs.csv", "Each OCR repair of a Danish word", REPAIRS_FIELDS))
    landstal = outputs.extraction.landstal
    return {
        "profile": "tabular-data-package",
        "name": frictionless_name(context.package.id),
        "title": context.package.id,
        "sources": [{"title": pdf.name, "path": pdf.name} for pdf in context.package.pdfs],
        "bilag": {
            "contract_version": CONTRACT_VERSION,
            "bilag_version": __version__,
            "package": context.package.id,
            "package_sha256": context.package.sha256,
            "valid": outputs.validation.success,
            "landstal": asdict(landstal) if landstal else None,
            "year": landstal.year if landstal else None,
        },
        "resources": resources,
    }


def _report(context: PackageContext, outputs: Outputs, flagged: list[Flagged]) -> dict:
    landstal = outputs.extraction.landstal
    pages = pages_not_text(outputs.pages)
    return {
        "package": context.package.id,
        "valid": outputs.validation.success,
        "landstal": asdict(landstal) if landstal else None,
        "findings": [asdict(f) for f in outputs.validation.findings],
        "notes": [*pages, *outputs.validation.notes],  # every note; the next two are among them
        "page_notes": pages,  # pages that read as noise because they hold a picture or nothing
        "corrections": outputs.extraction.corrections,  # figures read again or derived
        "absent": outputs.extraction.absent,
        "flagged": [asdict(f) for f in flagged],
        "totals": totals_checked(outputs.validation, outputs.extraction),
        "expectations": outputs.validation.expectations,
        "tables": {
            name: {"rows": len(t.rows), "pages": list(t.pages), "printed_totals": len(t.totals)}
            for name, t in outputs.extraction.tables.items()
        },
        "other_tables": [
            {
                "name": table_name(t),
                "title": t.title,
                "pages": list(t.pages),
                "rows": len(t.rows),
                "totals_checked": len(t.checks),
                "totals_held": t.totals_held,
                "totals": [asdict(c) for c in t.checks],
                "total_notes": list(t.total_notes),
            }
            for t in outputs.extraction.others
        ],
    }


def _split_first(rows: list) -> tuple[list, list]:
    return (rows[0], rows[1:]) if rows else ([], [])


def _blank(value: int | None) -> str | int:
    return "" if value is None else value


def _write_csv(path: Path, header: list[str], rows: list[list]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
