"""The contract with the code that reads processed/: Frictionless Data Package descriptors.

Each published package gets a ``datapackage.json`` that describes every CSV (fields,
types, units, the kommunekode's 98 values, the pages the figures come from, the
landstal year). ``CONTRACT_VERSION`` is the version of that layout and of the combined
dataset (pipeline/publish/combine.py): a change that could break a reader is a version bump,
documented in the README.
"""

from __future__ import annotations

from pipeline.base.gazetteer import Gazetteer
from pipeline.base.models import ExtractedTable, OtherTable
from pipeline.base.names import frictionless_name
from pipeline.publish.layout import comment_rows

CONTRACT_VERSION = "2.2.0"


def key_fields(key: str, gazetteer: Gazetteer) -> list[dict]:
    """The fields that identify a row: the kommunekode with its name and region, the region, or a label."""
    if key == "label":
        return [{"name": "label", "type": "string", "title": "Label", "constraints": {"required": True}}]
    region = {
        "name": "region",
        "type": "string",
        "title": "Region",
        "constraints": {"required": True, "enum": list(gazetteer.regions)},
    }
    if key != "kommunekode":
        return [region]
    return [
        {
            "name": "kommunekode",
            "type": "integer",
            "title": "Kommunekode",
            "description": "The municipality's official code (Danmarks Statistik), one of the 98.",
            "constraints": {"required": True, "enum": sorted(gazetteer.kommuner)},
        },
        {"name": "kommune", "type": "string", "title": "Kommune", "description": "Official name."},
        region,
    ]


def table_resource(table: ExtractedTable, spec: dict, gazetteer: Gazetteer) -> dict:
    units = {column["name"]: column.get("unit") for column in spec.get("columns", [])}
    figures = [
        {
            "name": column,
            "type": "integer",
            **({"unit": units[column]} if units.get(column) else {}),
            "description": "Empty where the figure could not be read (the validation report names it).",
            "constraints": {"minimum": 0},
        }
        for column in table.columns
    ]
    keys = key_fields(table.key, gazetteer)
    return {
        "name": frictionless_name(table.name),
        "path": f"tables/{table.name}.csv",
        "title": spec.get("title", table.name),
        **_csv(),
        "source_pages": list(table.pages),
        "schema": {"fields": keys + figures, "primaryKey": [keys[0]["name"]], "missingValues": [""]},
    }


def provenance_resource(table: ExtractedTable, gazetteer: Gazetteer) -> dict:
    key = key_fields(table.key, gazetteer)[0]
    return {
        "name": frictionless_name(f"{table.name}-provenance"),
        "path": f"tables/{table.name}.provenance.csv",
        "title": f"How each cell of {table.name} was read",
        **_csv(),
        "schema": {
            "fields": [
                {**key, "constraints": {"required": True}},
                {"name": "column", "type": "string", "constraints": {"enum": list(table.columns)}},
                {"name": "page", "type": "integer"},
                {
                    "name": "how",
                    "type": "string",
                    "description": "text-layer, ocr, re-ocr (read again), derived (from a printed total), "
                    "blank-means-zero, or unreadable",
                },
                {"name": "confidence", "type": "number", "description": "OCR confidence 0-1; empty for a text layer"},
            ],
            "missingValues": [""],
        },
    }


NO_HEADER = "no header is printed over this column: bilag names it by its place"


def _described(f) -> str:
    """What a column's schema says beyond its name: no header printed, why digits are text."""
    return "; ".join(d for d in ("" if f.title else NO_HEADER, f.note) if d)


def other_resource(table: OtherTable, name: str, files: list[str]) -> dict:
    """An undeclared table: its typed fields and units, title, pages, and how it was read."""
    fields = [
        {
            "name": f.name,
            "type": f.type,
            **({"title": f.title} if f.title else {}),
            **({"description": said} if (said := _described(f)) else {}),
            **({"unit": f.unit} if f.unit else {}),
        }
        for f in table.fields
    ]
    return {
        "name": frictionless_name(name),
        # over several pages: one file per page, the header in the first (a multipart resource)
        "path": [f"tables/other/{f}.csv" for f in files] if len(files) > 1 else f"tables/other/{name}.csv",
        "title": table.title,
        **({"description": "\n".join(table.headnote + table.notes)} if table.headnote or table.notes else {}),
        **_csv(),
        "source_pages": list(table.pages),
        "bilag": {
            "pdf": table.pdf,
            "read_by": "camelot " + table.engine,
            "totals_checked": len(table.checks),
            "totals_held": table.totals_held,
        },
        **_as_printed(comment_rows(table)),
        "schema": {"fields": fields, "missingValues": [""]},
    }


def other_provenance_resource(table: OtherTable, name: str) -> dict:
    """How each figure of an undeclared table read from an OCR'd page was read (layout.other_provenance)."""
    columns = [f.title or f.name for f in table.fields]
    return {
        "name": frictionless_name(f"{name}-provenance"),
        "path": f"tables/other/provenance/{name}.csv",
        "title": f"How each figure of {table.title} was read",
        **_csv(),
        "schema": {
            "fields": [
                {"name": "row", "type": "integer", "description": "the row in the table's body, from 1"},
                {"name": "label", "type": "string", "description": "the row's label as printed"},
                {"name": "column", "type": "string", "constraints": {"enum": columns}},
                {"name": "page", "type": "integer"},
                {
                    "name": "how",
                    "type": "string",
                    "description": "ocr, re-ocr (read again), derived (from a printed total), or unreadable",
                },
                {"name": "confidence", "type": "number", "description": "OCR confidence 0-1"},
                {"name": "first_read", "type": "string", "description": "the figure as the OCR first read it"},
            ],
            "missingValues": [""],
        },
    }


def _as_printed(comments: list[int] | None) -> dict:
    """A table published as printed: no header row of names (the schema's field names join each column's
    header cells, ``title``); its caption, header rows and notes are comment rows."""
    if comments is None:
        return {}
    return {"dialect": {"header": False, **({"commentRows": comments} if comments else {})}}


PAGES_FIELDS = [
    ("page", "integer"),
    ("pdf", "string"),
    ("pdf_page", "integer"),
    ("width", "number"),
    ("height", "number"),
    ("chars", "integer"),
    ("triage", "string"),
    ("danish_quality", "number"),
    ("legibility", "number"),
    ("text_source", "string"),
    ("note", "string"),
    ("running_header", "string"),
    ("running_footer", "string"),
    ("unmapped_glyphs", "integer"),
    ("reread_glyphs", "integer"),
]
REPAIRS_FIELDS = [
    ("page", "integer"),
    ("line", "integer"),
    ("original", "string"),
    ("replacement", "string"),
    ("rule", "string"),
    ("confidence", "number"),
    ("applied", "boolean"),
]


def plain_resource(name: str, path: str, title: str, fields: list[tuple[str, str]]) -> dict:
    return {
        "name": name,
        "path": path,
        "title": title,
        **_csv(),
        "schema": {"fields": [{"name": n, "type": t} for n, t in fields], "missingValues": [""]},
    }


def _csv() -> dict:
    return {"profile": "tabular-data-resource", "format": "csv", "mediatype": "text/csv", "encoding": "utf-8"}
