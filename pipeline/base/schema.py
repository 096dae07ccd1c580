"""Every config file checked against a JSON Schema when it is loaded, before a run touches anything.

Each problem is named by file, line and key (``configs/inputs.yaml:7: max_pages: 'lots'
is not of type 'integer'``), all of them at once; the run stops with exit 2. Beyond the
schemas, tables.yaml's checks must name tables and columns that exist.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pipeline.base.errors import ConfigError

NUMBER = {"type": "number"}
STRING = {"type": "string"}
BOOL = {"type": "boolean"}
POSITIVE = {"type": "number", "exclusiveMinimum": 0}
COUNT = {"type": "integer", "minimum": 1}

TABLES = {
    "type": "object",
    "required": ["tables"],
    "properties": {
        "dash_means": NUMBER,
        "national_total": STRING,
        "region_total_suffix": STRING,
        "stated_values": {
            "type": "object",
            "additionalProperties": {
                "type": "object",
                "required": ["pattern"],
                "properties": {"pattern": STRING, "required": {"type": "boolean"}},
            },
        },
        "tables": {
            "type": "object",
            "minProperties": 1,
            "additionalProperties": {
                "type": "object",
                "required": ["heading", "key", "columns"],
                "properties": {
                    "title": STRING,
                    "heading": STRING,
                    "end": STRING,
                    "key": {"enum": ["kommunekode", "region", "label"]},
                    "required": {"type": "boolean"},
                    "rows": {"type": "array", "items": STRING},
                    "columns": {
                        "type": "array",
                        "minItems": 1,
                        "items": {
                            "type": "object",
                            "required": ["name"],
                            "properties": {"name": STRING, "unit": STRING, "blank": NUMBER},
                        },
                    },
                },
            },
        },
        "checks": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["name", "table", "column"],
                "properties": {
                    "name": STRING,
                    "table": STRING,
                    "column": STRING,
                    "equals_stated": STRING,
                    "region_totals_from": {
                        "type": "object",
                        "required": ["table", "column"],
                        "properties": {"table": STRING, "column": STRING},
                    },
                },
            },
        },
    },
}

INPUTS = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "max_file_mb": POSITIVE,
        "max_pages": COUNT,
        "max_stream_mb": POSITIVE,
        "max_inflated_mb": POSITIVE,
        "max_image_megapixels": POSITIVE,
        "max_page_points": POSITIVE,
        "max_nesting": COUNT,
        # a PDF cut off before %%EOF and modified less than this ago is still arriving (default 120)
        "settle_seconds": {"type": "number", "minimum": 0},
        "allow_empty_password": BOOL,  # read PDFs with an owner password only (default true)
        "allow_javascript": BOOL,
        "allow_embedded_files": BOOL,
        "fence": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "memory_mb": POSITIVE,
                # bilag's libraries alone map about 0.9 GB (running/fence_child.py): less leaves no room to work
                "address_space_mb": {"type": "number", "minimum": 1536},
                "cpu_seconds": POSITIVE,
                "wall_seconds": POSITIVE,
                "open_files": {"type": "integer", "minimum": 16},
                "recursion": {"type": "integer", "minimum": 100},
            },
        },
    },
}

OCR = {
    "type": "object",
    "properties": {
        "language": STRING,
        "jobs": {"type": "integer", "minimum": 0},
        "rotate_pages": BOOL,
        "line_tolerance": POSITIVE,
        "timeout": POSITIVE,
        "pagesegmode": {"type": "integer", "minimum": 0, "maximum": 13},
        "oversample": {"type": "integer", "minimum": 0},
        "remove_rules": BOOL,
        "keep_layer_quality": {"type": "number", "minimum": 0, "maximum": 1},
        "second_look": {"type": "object"},
    },
}

REPAIR = {"type": "object", "required": ["wordlist"], "properties": {"wordlist": STRING}}

GAZETTEER = {
    "type": "object",
    "required": ["regions", "kommuner"],
    "properties": {
        "regions": {"type": "object", "minProperties": 1},
        "kommuner": {"type": "object", "minProperties": 1},
    },
}

SCHEMAS = {
    "tables.yaml": TABLES,
    "inputs.yaml": INPUTS,
    "ocr.yaml": OCR,
    "repair.yaml": REPAIR,
    "gazetteer.yaml": GAZETTEER,
}


def check(path: Path, data: Any, text: str) -> None:
    """ConfigError listing every problem of ``data`` (read from ``text``) by line and key; None if it is sound."""
    import jsonschema  # lazy: only when a config is loaded

    schema = SCHEMAS.get(path.name)
    if schema is None:
        return
    if data is None:
        raise ConfigError(f"{path}:1: the file is empty (it must be a mapping of settings)")
    problems = [
        (list(error.absolute_path), error.message)
        for error in sorted(
            jsonschema.Draft202012Validator(schema).iter_errors(data), key=lambda e: list(map(str, e.absolute_path))
        )
    ]
    if not problems and path.name == "tables.yaml":
        problems = _references(data)
    if problems:
        lines = _lines(text)
        raise ConfigError(
            "\n".join(
                f"{path}:{lines(keys)}: {'.'.join(map(str, keys)) or '(top)'}: {message}" for keys, message in problems
            )
        )


def _references(tables: dict) -> list[tuple[list, str]]:
    """The checks must name tables and columns that exist, and stated values that are declared."""
    problems = []
    columns = {name: [c["name"] for c in table["columns"]] for name, table in tables["tables"].items()}
    for number, item in enumerate(tables.get("checks") or []):
        for keys, ref in (([], item), (["region_totals_from"], item.get("region_totals_from"))):
            if ref is None:
                continue
            at = ["checks", number, *keys]
            if ref["table"] not in columns:
                problems.append(([*at, "table"], f"no table {ref['table']!r} in tables (known: {', '.join(columns)})"))
            elif ref["column"] not in columns[ref["table"]]:
                problems.append(([*at, "column"], f"table {ref['table']} has no column {ref['column']!r}"))
        stated = item.get("equals_stated")
        if stated is not None and stated not in (tables.get("stated_values") or {}):
            problems.append((["checks", number, "equals_stated"], f"no stated value {stated!r} in stated_values"))
    return problems


def _lines(text: str):
    """A function: key path -> the line (1-based) where it is written (its parent's if it is missing)."""
    import yaml

    try:
        root = yaml.compose(text)
    except yaml.YAMLError:
        root = None

    def line(keys: list) -> int:
        node = root
        for key in keys:
            child = _child(node, key)
            if child is None:
                break
            node = child
        return node.start_mark.line + 1 if node is not None else 1

    return line


def _child(node, key):
    import yaml

    if isinstance(node, yaml.MappingNode):
        for name, value in node.value:
            if name.value == str(key):
                return value
    if isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
        return node.value[key]
    return None
